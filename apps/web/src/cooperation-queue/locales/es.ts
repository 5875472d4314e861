/** Spanish (namespace `cooperationQueue`): the cooperation work queue and the overrides to review. */
export const es = {
  queue: {
    title: 'Pendientes por oficina',
    caption: 'Canalizaciones, solicitudes de asistencia y traslados que esperan, por oficina',
    loading: 'Cargando pendientes…',
    post: 'Oficina',
    total: 'Total',
    groups: {
      referrals: 'Canalizaciones',
      assistance: 'Asistencia consular mutua',
      transfers: 'Traslados',
    },
    referralsPending: 'Esperan respuesta',
    referralsAccepted: 'Aceptadas, en curso',
    referralsOverdue: 'Seguimiento vencido',
    assistanceIncoming: 'Recibidas por decidir',
    assistanceActive: 'Recibidas en curso',
    assistanceOutgoing: 'Enviadas sin respuesta',
    transfersIncoming: 'Propuestos a la oficina',
    transfersOutgoing: 'Propuestos por la oficina',
    openList: '{{count}}: ver la lista ({{what}})',
    none: 'Nada pendiente en sus oficinas.',
  },
  overrides: {
    title: 'Excepciones de consentimiento por revisar',
    intro:
      'Divulgaciones hechas sin el consentimiento de la persona por decisión de un cónsul. Otro cónsul de la oficina o un supervisor revisa cada una.',
    caption: 'Excepciones de consentimiento sin revisar',
    none: 'No hay excepciones por revisar.',
    case: 'Caso',
    purpose: 'Divulgación',
    fields: 'Datos',
    reason: 'Motivo',
    when: 'Fecha',
    actions: 'Acciones',
    review: 'Revisar',
    reviewCase: 'Revisar la excepción del caso {{reference}}',
    dialogTitle: 'Revisar la excepción del caso {{reference}}',
    dialogText:
      'Confirme que revisó la decisión y su motivo. Puede dejar una nota. La revisión queda registrada y no se puede deshacer.',
    note: 'Nota (opcional)',
    confirm: 'Marcar como revisada',
    cancel: 'Cancelar',
    reviewed: 'Excepción del caso {{reference}} revisada.',
    purposes: {
      disclosure_to_organisations: 'A organizaciones',
      disclosure_to_other_country: 'A otro país',
    },
  },
};

export type CooperationQueueMessages = typeof es;
