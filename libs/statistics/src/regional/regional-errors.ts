import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  REGIONAL_KEY_NOT_FOUND: {
    title: { es: 'Clave no encontrada', en: 'Key not found' },
    detail: {
      es: 'No hay ninguna clave registrada con ese identificador.',
      en: 'There is no registered key with that id.',
    },
  },
  REGIONAL_KEY_ALREADY_REGISTERED: {
    title: { es: 'Clave ya registrada', en: 'Key already registered' },
    detail: {
      es: 'Esta clave ya está registrada y vigente para {country}.',
      en: 'This key is already registered, and not revoked, for {country}.',
    },
  },
  REGIONAL_KEY_REVOKED: {
    title: { es: 'Clave ya revocada', en: 'Key already revoked' },
    detail: { es: 'Esta clave ya fue revocada.', en: 'This key was revoked already.' },
  },
  EXPORT_KEY_UNKNOWN: {
    title: { es: 'Clave de firma desconocida', en: 'Unknown signing key' },
    detail: {
      es: 'La exportación está firmada con la clave {keyId}, que ningún país miembro tiene registrada (o fue revocada). Compare la huella con el país y registre su clave.',
      en: 'The export is signed with key {keyId}, which no member country has registered (or it was revoked). Compare the fingerprint with the country and register its key.',
    },
  },
  EXPORT_SIGNATURE_INVALID: {
    title: { es: 'Firma no válida', en: 'Invalid signature' },
    detail: {
      es: 'La firma no corresponde a este archivo con la clave {keyId}: el archivo fue modificado o la firma es de otro archivo. No se guardó nada.',
      en: 'The signature does not match this file under key {keyId}: the file was changed, or the signature is of another file. Nothing was stored.',
    },
  },
  EXPORT_KEY_COUNTRY_MISMATCH: {
    title: { es: 'Clave de otro país', en: 'Key of another country' },
    detail: {
      es: 'La exportación dice ser de {countries}, pero la clave {keyId} está registrada para {keyCountries}.',
      en: 'The export claims to be of {countries}, but key {keyId} is registered for {keyCountries}.',
    },
  },
  EXPORT_SCHEMA_INVALID: {
    title: { es: 'Exportación no válida', en: 'Invalid export' },
    detail: {
      es: 'El archivo no se ajusta al esquema de exportación {schemaVersion}; vea la lista de errores.',
      en: 'The file does not match the export schema {schemaVersion}; see the list of errors.',
    },
  },
  EXPORT_NOT_REGIONAL: {
    title: { es: 'No es una exportación regional', en: 'Not a regional export' },
    detail: {
      es: 'Solo se reciben exportaciones de tipo «regional» de un semestre (esta es «{kind}», de {from} a {to}).',
      en: 'Only "regional" exports of one semester are received (this one is "{kind}", {from} to {to}).',
    },
  },
  REGIONAL_TABLE_EMPTY: {
    title: { es: 'Nada que consolidar', en: 'Nothing to consolidate' },
    detail: {
      es: 'Ninguna exportación recibida del semestre {semester} tiene la medida {measure} con esas dimensiones.',
      en: 'No export received for semester {semester} has measure {measure} by those dimensions.',
    },
  },
});
