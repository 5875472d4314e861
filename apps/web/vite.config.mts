import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Where `npm run dev:web` sends API calls: the API started with `npm run start:dev` or `npm start`. */
const apiTarget = process.env.WEB_DEV_API ?? `http://127.0.0.1:${process.env.HTTP_PORT ?? 3000}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    // The API serves this folder at / (HTTP_WEB_DIR).
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // Screens are lazily loaded and compiled on first use: on a busy machine that takes seconds.
    testTimeout: 20_000,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget },
      '/health': { target: apiTarget },
    },
  },
});
