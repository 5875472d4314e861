import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  CRISIS_ENQUIRY_NOT_FOUND: {
    title: { es: 'Consulta no encontrada', en: 'Enquiry not found' },
    detail: {
      es: 'Este evento no tiene ninguna consulta de familiares con ese identificador.',
      en: 'This event has no enquiry from relatives with that id.',
    },
  },
  CRISIS_ENQUIRY_CLOSED: {
    title: { es: 'Consulta cerrada', en: 'Enquiry closed' },
    detail: {
      es: 'La consulta está cerrada: ya no se vincula ni se responde.',
      en: 'The enquiry is closed: it is no longer matched or answered.',
    },
  },
});
