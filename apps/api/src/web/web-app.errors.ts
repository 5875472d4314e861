import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  WEB_APP_NOT_BUILT: {
    title: { es: 'Aplicación web no compilada', en: 'Web application not built' },
    detail: {
      es: 'Esta instalación no tiene la aplicación web compilada (npm run build:web o npm start); la API sigue disponible en /api/v1.',
      en: 'This installation has no built web application (npm run build:web or npm start); the API is still available at /api/v1.',
    },
  },
});
