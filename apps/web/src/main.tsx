import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/app';
import './shell/i18n';

// After a deployment, a tab opened before it asks for chunks that no longer exist (404): load the
// new build once instead of failing.
window.addEventListener('vite:preloadError', () => {
  if (sessionStorage.getItem('amparo.reloaded')) return;
  sessionStorage.setItem('amparo.reloaded', '1');
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
