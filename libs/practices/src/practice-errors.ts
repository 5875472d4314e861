import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  PRACTICE_NOT_FOUND: {
    title: { es: 'Buena práctica no encontrada', en: 'Good practice not found' },
    detail: {
      es: 'No existe ninguna buena práctica con ese identificador a su alcance.',
      en: 'No good practice within your reach has that id.',
    },
  },
  PRACTICE_NOT_EDITABLE: {
    title: { es: 'Buena práctica no editable', en: 'Good practice cannot be edited' },
    detail: {
      es: 'Solo se modifica un borrador o una buena práctica devuelta por la Secretaría.',
      en: 'Only a draft or a good practice returned by the secretariat can be changed.',
    },
  },
  PRACTICE_INVALID_TRANSITION: {
    title: { es: 'Cambio de estado no permitido', en: 'Status change not allowed' },
    detail: {
      es: 'La buena práctica está en estado «{status}»: no admite este paso.',
      en: 'The good practice is «{status}»: this step is not allowed.',
    },
  },
  PRACTICE_VERSION_CONFLICT: {
    title: { es: 'La buena práctica cambió', en: 'The good practice changed' },
    detail: {
      es: 'Otra persona la modificó después de que usted la leyera; vuelva a cargarla.',
      en: 'Someone else changed it after you read it; load it again.',
    },
  },
  PRACTICE_DOCUMENT_NOT_FOUND: {
    title: { es: 'Documento no encontrado', en: 'Document not found' },
    detail: {
      es: 'Esta buena práctica no tiene ningún documento con ese identificador.',
      en: 'This good practice has no document with that id.',
    },
  },
  DOCUMENT_NOT_PDF: {
    title: { es: 'El documento no es un PDF', en: 'The document is not a PDF' },
    detail: {
      es: 'Solo se adjuntan documentos PDF legibles (el contenido se comprueba, no el nombre).',
      en: 'Only readable PDF documents can be attached (the content is checked, not the name).',
    },
  },
  DOCUMENT_TOO_LARGE: {
    title: { es: 'Documento demasiado grande', en: 'Document too large' },
    detail: {
      es: 'El documento supera el tamaño máximo permitido ({limit} bytes).',
      en: 'The document exceeds the maximum allowed size ({limit} bytes).',
    },
  },
});
