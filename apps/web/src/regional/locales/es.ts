/** The regional workspace's texts in Spanish (the default language). */
export const es = {
  title: 'Espacio regional',
  semester: 'Semestre',
  semesterHint: 'Por ejemplo 2026-S2',
  reporting: {
    title: 'Países que reportaron',
    caption: 'Países miembros y si enviaron su exportación del semestre',
    country: 'País',
    status: 'Estado',
    reported: 'Reportó',
    missing: 'Sin reporte',
    lastUpload: 'Último envío',
    none: 'Aún no hay países miembros: registre sus claves.',
  },
  upload: {
    title: 'Recibir una exportación nacional',
    intro:
      'Elija el archivo JSON de la exportación y su firma (.sig), tal como los descargó el país. Se verifica la firma con las claves registradas antes de guardar nada.',
    file: 'Archivo de la exportación (JSON)',
    signature: 'Firma (.sig)',
    submit: 'Verificar y guardar',
    accepted:
      'Firma válida: exportación de {{countries}} ({{semester}}) guardada. Clave {{keyId}}.',
    already: 'Esta misma exportación ya estaba guardada ({{countries}}, {{semester}}).',
    refused: 'Exportación rechazada: no se guardó nada.',
    unreadable: 'No se pudo leer la firma: elija el archivo .sig de la exportación.',
    chooseBoth: 'Elija el archivo de la exportación y su firma.',
  },
  keys: {
    title: 'Claves de los países miembros',
    caption: 'Claves registradas',
    country: 'País',
    label: 'Descripción',
    keyId: 'Identificador',
    fingerprint: 'Huella',
    state: 'Estado',
    live: 'Vigente',
    revoked: 'Revocada',
    revoke: 'Revocar la clave {{keyId}} de {{country}}',
    register: 'Registrar una clave',
    publicKey: 'Clave pública (PEM o base64)',
    publicKeyHint: 'Compare la huella con el país por teléfono antes de registrarla.',
    registered: 'Clave {{keyId}} registrada para {{country}}.',
    none: 'Ninguna clave registrada.',
  },
  workspaceLinks: {
    observatory: 'Abrir el observatorio regional (tablero del semestre e informe)',
  },
  observatory: {
    title: 'Observatorio regional',
    intro:
      'Los datos consolidados de un semestre: cada cifra viene de las exportaciones nacionales verificadas, tal como cada país las publicó, y los totales regionales pasan otra vez por el control de divulgación.',
    toWorkspace: 'Volver al espacio regional (claves, envíos y tabla a medida)',
    semester: 'Semestre',
    semesterHint: 'Semestres con exportaciones recibidas',
    noExports:
      'Aún no se recibió ninguna exportación nacional: no hay datos que mostrar. Reciba las exportaciones en el espacio regional.',
    loading: 'Cargando…',
    tiles: {
      title: 'Resumen del semestre',
      reported: 'Países que reportaron',
      reportedValue: '{{count}} de {{members}}',
      reportedList: 'Reportaron: {{countries}}',
      reportedNone: 'Ningún país reportó este semestre',
      casesOpened: 'Casos abiertos',
      personsAssisted: 'Personas asistidas',
      returns: 'Personas retornadas',
      regionalTotal: 'Total regional',
      notReported: 'Ningún país publicó esta medida',
      suppressed: 'Total regional suprimido para proteger a las personas',
      notPublished: 'Sin total publicado',
    },
    chartNote:
      'El gráfico muestra lo mismo que la tabla. Una celda suprimida queda como hueco (sin barra), nunca como cero; un cero publicado se escribe «0».',
    chartLoading: 'Cargando el gráfico…',
    empty: 'Ningún país publicó {{measure}} por {{dimension}} en este semestre.',
    excluded:
      'No incluidas en esta tabla (su exportación no tiene esta medida por esta dimensión): {{countries}}.',
    caption: '{{title}}, {{semester}}: una columna por país y el total regional',
    captionMedian: '{{title}}, {{semester}}: una columna por país, sin total regional',
    total: 'Total regional',
    totalCode: 'Total',
    sections: {
      flows: {
        title: 'Flujos por país',
        intro:
          'Casos abiertos por país de envío (cada columna, el país que registró el caso) y país receptor (cada fila).',
      },
      categories: {
        title: 'Casos por categoría y país',
        intro: 'Casos abiertos por categoría, en cada país de envío.',
      },
      returns: {
        title: 'Retornos por modalidad',
        intro: 'Personas retornadas por modalidad de retorno, en cada país de envío.',
      },
      delays: {
        title: 'Demoras de notificación consular en detenciones',
        intro:
          'Mediana de horas entre la detención y la notificación al consulado, tal como la publicó cada país. Las medianas no se suman ni se promedian entre países: no hay cifra regional.',
      },
    },
    dimensionOf: {
      host_country: 'País receptor',
      category: 'Categoría',
      return_mode: 'Modalidad de retorno',
    },
    measureOf: {
      cases_opened: 'casos abiertos',
      returns: 'personas retornadas',
      notification_delay: 'la mediana de horas hasta la notificación',
    },
    axisOf: {
      cases_opened: 'Casos abiertos',
      returns: 'Personas retornadas',
      notification_delay: 'Horas (mediana)',
    },
    disclosure: {
      regional:
        'Un total regional se publica solo cuando todas las celdas nacionales de su fila están publicadas; si no, también se suprime.',
    },
  },
  reports: {
    title: 'Informe del semestre',
    intro:
      'Un informe en PDF (español e inglés) con gráficos y tablas, y un anexo XLSX con las tablas consolidadas, a partir de las exportaciones verificadas del semestre.',
    request: 'Generar el informe de {{semester}}',
    outcome: {
      queued: 'Informe de {{semester}} solicitado: se está generando.',
      running: 'Informe de {{semester}} solicitado: se está generando.',
      done: 'Informe de {{semester}} listo: descargue sus archivos en la tabla.',
      failed:
        'No se pudo generar el informe de {{semester}}: vea el código en la tabla y solicítelo de nuevo.',
    },
    noExports:
      'Ningún país reportó el semestre {{semester}}: no hay datos para un informe. Reciba primero sus exportaciones.',
    caption: 'Informes del semestre {{semester}}, el más reciente primero',
    none: 'Aún no se generó ningún informe de este semestre.',
    requestedAt: 'Solicitado',
    status: 'Estado',
    countries: 'Países',
    files: 'Archivos',
    progress: 'Avance del informe solicitado el {{date}}',
    statuses: {
      queued: 'En cola',
      running: 'Generándose ({{progress}} %)',
      done: 'Listo',
      failed: 'Falló ({{code}})',
    },
    download: 'Descargar {{file}}',
    downloadLabel: 'Descargar {{file}} del informe solicitado el {{date}}',
    downloaded: 'Descargado: {{name}}',
    sha256: 'SHA-256: {{sha256}}',
    fileNames: {
      'report-es.pdf': 'informe en español (PDF)',
      'report-en.pdf': 'informe en inglés (PDF)',
      'annex.xlsx': 'anexo de tablas (XLSX)',
    },
  },
  consolidation: {
    title: 'Tabla regional',
    measure: 'Medida',
    dimension: 'Dimensión',
    submit: 'Consolidar',
    caption:
      'Tabla regional de {{measure}}, {{semester}}: una columna por país y el total regional',
    total: 'Total regional',
    totalCode: 'Total',
    legend:
      'x: valor suprimido para proteger a las personas. Un total regional sobre una celda nacional suprimida también se suprime.',
    measures: {
      cases_opened: 'Casos abiertos',
      cases_closed: 'Casos cerrados',
      persons_assisted: 'Personas asistidas',
      actions: 'Actuaciones consulares',
    },
    dimensions: {
      category: 'Categoría',
      host_country: 'País receptor',
      sex: 'Sexo',
      age_group: 'Grupo de edad',
    },
  },
};

export type RegionalMessages = typeof es;
