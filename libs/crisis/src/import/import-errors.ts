import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  IMPORT_FILE_EMPTY: {
    title: { es: 'Archivo vacío', en: 'Empty file' },
    detail: {
      es: 'El archivo no tiene contenido. Envíe un CSV o XLSX con una fila de encabezados.',
      en: 'The file has no content. Send a CSV or XLSX file with a header row.',
    },
  },
  IMPORT_FILE_MISSING: {
    title: { es: 'Falta el archivo', en: 'File missing' },
    detail: {
      es: 'Envíe el archivo en el campo "file" de un formulario multipart/form-data.',
      en: 'Send the file in the "file" field of a multipart/form-data form.',
    },
  },
  IMPORT_FILE_TOO_LARGE: {
    title: { es: 'Archivo demasiado grande', en: 'File too large' },
    detail: {
      es: 'El archivo supera el tamaño máximo de {limit}. Divídalo en varios archivos.',
      en: 'The file exceeds the maximum size of {limit}. Split it into several files.',
    },
  },
  IMPORT_FILE_TYPE: {
    title: { es: 'Tipo de archivo no admitido', en: 'Unsupported file type' },
    detail: {
      es: 'El archivo no es un CSV en UTF-8 ni un libro XLSX. Guárdelo en uno de esos formatos.',
      en: 'The file is neither UTF-8 CSV nor an XLSX workbook. Save it in one of those formats.',
    },
  },
  IMPORT_FILE_UNREADABLE: {
    title: { es: 'Archivo ilegible', en: 'Unreadable file' },
    detail: {
      es: 'No se pudo leer el archivo ({reason}). Revíselo y vuelva a enviarlo.',
      en: 'The file could not be read ({reason}). Check it and send it again.',
    },
  },
  IMPORT_COLUMNS: {
    title: { es: 'Columnas no reconocidas', en: 'Columns not recognised' },
    detail: {
      es: 'La fila de encabezados tiene columnas desconocidas, repetidas o le faltan columnas obligatorias; vea la lista.',
      en: 'The header row has unknown or repeated columns, or lacks required ones; see the list.',
    },
  },
  IMPORT_NO_ROWS: {
    title: { es: 'Archivo sin filas', en: 'No rows in the file' },
    detail: {
      es: 'El archivo solo tiene la fila de encabezados.',
      en: 'The file has the header row only.',
    },
  },
  IMPORT_TOO_MANY_ROWS: {
    title: { es: 'Demasiadas filas', en: 'Too many rows' },
    detail: {
      es: 'Un archivo admite hasta {limit} filas. Divídalo en varios archivos.',
      en: 'A file holds up to {limit} rows. Split it into several files.',
    },
  },
  CRISIS_IMPORT_NOT_FOUND: {
    title: { es: 'Importación no encontrada', en: 'Import not found' },
    detail: {
      es: 'No existe ninguna importación con ese identificador en este evento a su alcance.',
      en: 'No import with that id exists in this event within your reach.',
    },
  },
  CRISIS_IMPORT_NOT_PREVIEWED: {
    title: { es: 'Importación ya enviada', en: 'Import already committed' },
    detail: {
      es: 'Esta importación ya fue confirmada; consulte su estado.',
      en: 'This import was already committed; check its status.',
    },
  },
  CRISIS_IMPORT_NOTHING_VALID: {
    title: { es: 'Ninguna fila válida', en: 'No valid row' },
    detail: {
      es: 'El archivo no tiene ninguna fila válida nueva que importar; corrija el archivo según el informe.',
      en: 'The file has no new valid row to import; correct it following the report.',
    },
  },
  CRISIS_IMPORT_FAILED: {
    title: { es: 'La importación falló', en: 'The import failed' },
    detail: {
      es: 'La importación falló y no se registró ninguna de sus filas.',
      en: 'The import failed and none of its rows was recorded.',
    },
  },
});
