import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  QUEUE_DASHBOARD_NOT_AVAILABLE: {
    title: { es: 'Panel de colas no disponible', en: 'Queue dashboard not available' },
    detail: {
      es: 'El panel de colas solo existe cuando los trabajos se ejecutan en Redis (REDIS_URL); esta instalación los ejecuta dentro del proceso.',
      en: 'The queue dashboard exists only when jobs run on Redis (REDIS_URL); this installation runs them in-process.',
    },
  },
  QUEUE_DASHBOARD_CROSS_SITE: {
    title: { es: 'Solicitud entre sitios rechazada', en: 'Cross-site request refused' },
    detail: {
      es: 'Las acciones del panel de colas solo se aceptan desde el propio panel.',
      en: 'Queue dashboard actions are accepted only from the dashboard itself.',
    },
  },
});
