import { Localized } from '../i18n/locale';

export interface ErrorText {
  title: Localized;
  detail: Localized;
}

const catalog = new Map<string, ErrorText>();

/** Each context registers the texts of its error codes once, beside the code that throws them. */
export function registerErrorTexts(texts: Record<string, ErrorText>): void {
  for (const [code, text] of Object.entries(texts)) catalog.set(code, text);
}

export function errorText(code: string): ErrorText | undefined {
  return catalog.get(code);
}

registerErrorTexts({
  VALIDATION_FAILED: {
    title: { es: 'Solicitud no válida', en: 'Invalid request' },
    detail: {
      es: 'Uno o más campos no son válidos; vea la lista de errores.',
      en: 'One or more fields are invalid; see the list of errors.',
    },
  },
  MALFORMED_BODY: {
    title: { es: 'Cuerpo de la solicitud ilegible', en: 'Malformed request body' },
    detail: {
      es: 'El cuerpo de la solicitud no es JSON válido.',
      en: 'The request body is not valid JSON.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    title: { es: 'Solicitud demasiado grande', en: 'Request too large' },
    detail: {
      es: 'El cuerpo de la solicitud supera el tamaño máximo permitido ({limit}).',
      en: 'The request body exceeds the maximum allowed size ({limit}).',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: { es: 'Tipo de contenido no admitido', en: 'Unsupported media type' },
    detail: {
      es: 'Envíe el cuerpo como application/json.',
      en: 'Send the body as application/json.',
    },
  },
  ROUTE_NOT_FOUND: {
    title: { es: 'Recurso no encontrado', en: 'Resource not found' },
    detail: {
      es: 'No existe ningún recurso en esta dirección.',
      en: 'There is no resource at this address.',
    },
  },
  MALFORMED_PATH: {
    title: { es: 'Dirección mal formada', en: 'Malformed address' },
    detail: {
      es: 'Un parámetro de la dirección no es UTF-8 válido una vez decodificado.',
      en: 'A parameter of the address is not valid UTF-8 once percent-decoded.',
    },
  },
  UNAUTHENTICATED: {
    title: { es: 'Autenticación requerida', en: 'Authentication required' },
    detail: {
      es: 'Inicie sesión para usar este recurso.',
      en: 'Sign in to use this resource.',
    },
  },
  FORBIDDEN: {
    title: { es: 'Acceso denegado', en: 'Access denied' },
    detail: {
      es: 'Su cuenta no tiene permiso para esta operación.',
      en: 'Your account is not allowed to perform this operation.',
    },
  },
  // Shared by the contexts whose filters name posts or countries (statistics, the caseload): a
  // filter outside the caller's scope is refused rather than answered with zeros.
  FILTER_OUTSIDE_SCOPE: {
    title: { es: 'Filtro fuera de su alcance', en: 'Filter outside your scope' },
    detail: {
      es: 'El filtro {filter} incluye {value}, fuera de los países y consulados que puede ver.',
      en: 'The {filter} filter includes {value}, outside the countries and posts you may see.',
    },
  },
  TOO_MANY_REQUESTS: {
    title: { es: 'Demasiadas solicitudes', en: 'Too many requests' },
    detail: {
      es: 'Espere antes de volver a intentarlo.',
      en: 'Wait before trying again.',
    },
  },
  HTTP_ERROR: {
    title: { es: 'Solicitud rechazada', en: 'Request refused' },
    detail: {
      es: 'El servidor no pudo procesar la solicitud.',
      en: 'The server could not process the request.',
    },
  },
  INTERNAL_ERROR: {
    title: { es: 'Error interno', en: 'Internal error' },
    detail: {
      es: 'Ocurrió un error inesperado. Indique el identificador de solicitud {requestId} al soporte.',
      en: 'An unexpected error occurred. Give request id {requestId} to support.',
    },
  },
  SERVICE_UNAVAILABLE: {
    title: { es: 'Servicio no disponible', en: 'Service unavailable' },
    detail: {
      es: 'Un servicio necesario no está disponible; vuelva a intentarlo más tarde.',
      en: 'A required service is unavailable; try again later.',
    },
  },
});
