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
