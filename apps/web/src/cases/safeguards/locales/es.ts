/** Spanish, the source of the child-safeguard screens' messages (namespace `safeguards`). */
export const es = {
  title: 'Interés superior de la niña, niño o adolescente',
  intro:
    'Evaluaciones del interés superior (quién evaluó, cuándo, hallazgos y solución duradera recomendada). Se requieren antes del cierre o del retorno de una niña, niño o adolescente no acompañado o separado.',
  loading: 'Cargando…',
  none: 'Aún no hay evaluaciones registradas.',
  record: 'Registrar una evaluación',
  saved: 'Evaluación registrada.',
  assessedBy: 'Evaluó',
  assessedAt: 'Fecha de la evaluación',
  person: 'Niña, niño o adolescente',
  findings: 'Hallazgos',
  solution: 'Solución duradera recomendada',
  corrected: 'Corregida por una evaluación posterior',
  correction: 'Corrige una evaluación anterior',
  external: '{{name}} ({{role}})',
  externalNoRole: '{{name}}',
  recorded: 'Registrada por {{who}} el {{when}}',
  dialog: {
    title: 'Registrar una evaluación del interés superior',
    external: 'La evaluó un profesional externo',
    assessorName: 'Nombre del profesional',
    assessorRole: 'Función e institución',
    save: 'Registrar',
    cancel: 'Cancelar',
    required: 'Complete este campo.',
  },
  solutions: {
    return_to_family_in_origin: 'Retorno con la familia en el país de origen',
    family_reunification_in_host_country: 'Reunificación familiar en el país de acogida',
    local_integration: 'Integración local',
    third_country_resettlement: 'Reasentamiento en un tercer país',
    alternative_care_in_origin: 'Cuidado alternativo en el país de origen',
    other: 'Otra',
  },
  masked: {
    title: 'Restringido',
    text: 'Dónde está la niña, niño o adolescente (lugar de los hechos, albergue, domicilio y contacto) solo lo ven la persona funcionaria asignada, el cónsul de la sede y quien tenga acceso de emergencia.',
    value: 'Restringido',
    fields: {
      eventCity: 'Ciudad de los hechos',
      shelter: 'Albergue',
      'persons.addressAbroad': 'Domicilio en el extranjero',
      'persons.phone': 'Teléfono',
      'persons.email': 'Correo electrónico',
    },
  },
  closureRule: {
    unaccompanied_child_category:
      'Es un caso de niñez no acompañada: el cierre lo aprueba el cónsul (o el supervisor si la sede no tiene cónsul).',
    child_flag:
      'El caso está marcado como niña, niño o adolescente no acompañado o separado: el cierre lo aprueba el cónsul (o el supervisor si la sede no tiene cónsul).',
    person_under_18:
      'Una persona del caso es menor de 18 años: el cierre lo aprueba el cónsul (o el supervisor si la sede no tiene cónsul).',
    trafficking_indicators: 'El caso tiene indicios de trata: el cierre lo aprueba el cónsul.',
    critical_risk: 'El caso es de riesgo crítico: el cierre lo aprueba el cónsul.',
  },
};

export type SafeguardsMessages = typeof es;
