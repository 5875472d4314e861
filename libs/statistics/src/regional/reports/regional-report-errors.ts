import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  REGIONAL_REPORT_NO_EXPORTS: {
    title: { es: 'Sin exportaciones del semestre', en: 'No exports for the semester' },
    detail: {
      es: 'No se ha recibido ninguna exportación verificada del semestre {semester}; cargue al menos una antes de pedir el informe.',
      en: 'No verified export has been received for semester {semester}; upload at least one before requesting the report.',
    },
  },
  REGIONAL_REPORT_NOT_FOUND: {
    title: { es: 'Informe no encontrado', en: 'Report not found' },
    detail: {
      es: 'No existe ningún informe regional con ese identificador.',
      en: 'There is no regional report with that id.',
    },
  },
  REGIONAL_REPORT_FILE_NOT_FOUND: {
    title: { es: 'Archivo no disponible', en: 'File not available' },
    detail: {
      es: 'El informe no tiene el archivo {name} (aún no está listo, falló, o el nombre no existe).',
      en: 'The report has no file {name} (it is not ready yet, it failed, or there is no such file).',
    },
  },
  REGIONAL_REPORT_FAILED: {
    title: { es: 'El informe no se pudo generar', en: 'The report could not be produced' },
    detail: {
      es: 'La generación del informe falló tras varios intentos; no se guardó ningún archivo. Vuelva a pedirlo.',
      en: 'Producing the report failed after several attempts; no file was kept. Request it again.',
    },
  },
});
