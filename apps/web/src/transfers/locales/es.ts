/** Spanish, the source of the cooperation screens' messages (namespace `transfers`). */
export const es = {
  common: {
    loading: 'Cargando…',
    cancel: 'Cancelar',
  },
  statuses: {
    pending: 'Pendiente',
    accepted: 'Aceptado',
    rejected: 'Rechazado',
    cancelled: 'Retirado',
  },
  propose: {
    open: 'Trasladar a otra oficina',
    title: 'Trasladar el caso a otra oficina',
    intro:
      'El caso pasa a otra oficina consular del mismo país cuando su cónsul lo acepte; hasta entonces sigue aquí. Esa oficina verá el motivo y los datos operativos del caso (categoría, riesgo, estado), no sus personas.',
    post: 'Oficina que lo recibe',
    choose: 'Elija una oficina',
    inactive: 'inactiva',
    noPosts: 'Su país no tiene otra oficina activa a la que trasladar el caso.',
    reason: 'Motivo del traslado',
    reasonHint:
      'Al menos 10 caracteres. Lo leerá la oficina que lo recibe y queda en el historial.',
    submit: 'Proponer el traslado',
    sent: 'Traslado propuesto a {{name}}.',
    errors: {
      post: 'Elija la oficina que recibe el caso',
      reason: 'Escriba el motivo del traslado (al menos 10 caracteres)',
    },
  },
  banner: {
    text: 'Traslado propuesto a {{name}}, a la espera de su cónsul',
    proposed: 'Propuesto por {{who}} el {{date}}',
    reason: 'Motivo: {{reason}}',
    cancel: 'Retirar el traslado',
    cancelled: 'Traslado a {{name}} retirado: el caso sigue en esta oficina.',
  },
  list: {
    title: 'Traslados',
    intro:
      'Casos que otras oficinas de su país proponen trasladar a la suya (recibidos) y los que su oficina propuso a otras (enviados).',
    tabsLabel: 'Traslados recibidos y enviados',
    incoming: 'Recibidos',
    outgoing: 'Enviados',
    tabCount: '{{label}} ({{count}} pendientes)',
    captions: { incoming: 'Traslados recibidos', outgoing: 'Traslados enviados' },
    case: 'Caso',
    formerly: 'antes {{reference}}',
    route: 'De → a',
    fromTo: '{{from}} → {{to}}',
    reason: 'Motivo',
    proposed: 'Propuesto',
    proposedByAt: '{{who}}, {{date}}',
    status: 'Estado',
    rejectionReason: 'Motivo del rechazo: {{reason}}',
    actions: 'Acciones',
    accept: 'Aceptar',
    acceptCase: 'Aceptar {{reference}}',
    reject: 'Rechazar',
    rejectCase: 'Rechazar {{reference}}',
    accepted: 'Traslado aceptado: el caso es ahora {{reference}}.',
    openCase: 'Abrir el caso {{reference}}',
    rejected: 'Traslado de {{reference}} rechazado: el caso sigue en su oficina.',
    withdraw: 'Retirar',
    withdrawCase: 'Retirar el traslado de {{reference}}',
    withdrawn: 'Traslado de {{reference}} retirado: el caso sigue en su oficina.',
  },
  accept: {
    title: 'Aceptar el traslado',
    intro:
      'El caso {{reference}} ({{from}}) pasa a su oficina con una nueva referencia (la anterior lo sigue encontrando). Sus actuaciones, historial y personas se conservan.',
    assignLater: 'Queda sin asignar: podrá asignarlo desde la página del caso.',
    submit: 'Aceptar el traslado',
  },
  reject: {
    title: 'Rechazar el traslado',
    reason: 'Motivo del rechazo',
    hint: 'Al menos 10 caracteres. Lo leerá la oficina que propuso el traslado.',
    submit: 'Rechazar el traslado',
    errors: { reason: 'Escriba el motivo del rechazo (al menos 10 caracteres)' },
  },
  referrals: {
    title: 'Canalizaciones',
    intro:
      'Las canalizaciones a organizaciones de los casos de sus oficinas (en supervisión, de todo el país), las más recientes primero.',
    filters: 'Filtrar las canalizaciones',
    status: 'Estado',
    anyStatus: 'Cualquiera',
    overdueOnly: 'Solo con seguimiento vencido',
    caption: 'Canalizaciones a organizaciones',
    case: 'Caso',
    organisation: 'Organización',
    services: 'Servicios',
    followUp: 'Seguimiento',
    noFollowUp: 'Sin fecha',
    overdue: '{{date}} (vencida)',
    sent: 'Enviada',
  },
  hub: {
    title: 'Cooperación',
    intro: 'El trabajo compartido con otras oficinas, organizaciones y países.',
    transfers: {
      title: 'Traslados',
      text: 'Casos que pasan de una oficina a otra del mismo país.',
    },
    referrals: {
      title: 'Canalizaciones',
      text: 'Casos canalizados a organizaciones, con su seguimiento.',
    },
    assistance: {
      title: 'Asistencia mutua',
      text: 'Solicitudes de asistencia entre consulados de distintos países.',
    },
    returns: {
      title: 'Retornos',
      text: 'Movimientos de retorno al país de origen, con sus acompañantes y entregas.',
    },
  },
};

export type TransfersMessages = typeof es;
