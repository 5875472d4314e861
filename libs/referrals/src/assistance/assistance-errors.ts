import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  ASSISTANCE_REQUEST_NOT_FOUND: {
    title: { es: 'Solicitud no encontrada', en: 'Request not found' },
    detail: {
      es: 'No existe ninguna solicitud de asistencia con ese identificador entre las de sus oficinas.',
      en: 'None of your posts has an assistance request with that id.',
    },
  },
  ASSISTANCE_NOT_PENDING: {
    title: { es: 'Solicitud ya decidida', en: 'Request already decided' },
    detail: {
      es: 'Esta solicitud ya no está pendiente: fue aceptada, rechazada o revocada.',
      en: 'This request is no longer pending: it was accepted, rejected or revoked.',
    },
  },
  ASSISTANCE_NOT_ACCEPTED: {
    title: { es: 'Solicitud no aceptada', en: 'Request not accepted' },
    detail: {
      es: 'Esto solo es posible en una solicitud aceptada.',
      en: 'This is only possible on an accepted request.',
    },
  },
  ASSISTANCE_NOT_REVOCABLE: {
    title: { es: 'Solicitud no revocable', en: 'Request cannot be revoked' },
    detail: {
      es: 'Solo se revoca una solicitud pendiente o aceptada.',
      en: 'Only a pending or accepted request can be revoked.',
    },
  },
  ASSISTANCE_WRONG_SIDE: {
    title: { es: 'No le corresponde', en: 'Not yours to do' },
    detail: {
      es: 'Esta acción corresponde a la otra parte de la solicitud, o a otro rol.',
      en: 'This action belongs to the other side of the request, or to another role.',
    },
  },
});
