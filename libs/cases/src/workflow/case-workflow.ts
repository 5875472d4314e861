import { DomainError, FieldError, registerErrorTexts } from '@amparo/core';
import { CaseStatus, ClosureReason } from '../case-codes';
import {
  ChildCaseFacts,
  ConsulApprovalReason,
  PersonAgeFacts,
  needsConsulApproval,
} from '../safeguards/child-rules';

registerErrorTexts({
  INVALID_TRANSITION: {
    title: { es: 'Cambio de estado no permitido', en: 'Status change not allowed' },
    detail: {
      es: 'Un caso en estado {from} no puede pasar a {to}.',
      en: 'A case in status {from} cannot move to {to}.',
    },
  },
  TRANSITION_FORBIDDEN: {
    title: { es: 'Cambio de estado reservado', en: 'Status change reserved' },
    detail: {
      es: 'Su rol no puede pasar un caso de {from} a {to}.',
      en: 'Your role cannot move a case from {from} to {to}.',
    },
  },
  CLOSURE_NEEDS_CONSUL: {
    title: { es: 'El cierre requiere aprobación', en: 'Closure needs approval' },
    detail: {
      es: '{whyEs}: el cierre lo aprueba el cónsul de la sede (o el supervisor del país si la sede no tiene cónsul). Solicite el cierre.',
      en: '{whyEn}: closure is approved by the post’s consul (or the country’s supervisor where the post has no consul). Request closure.',
    },
  },
  SUPERVISOR_POST_HAS_CONSUL: {
    title: { es: 'La sede tiene cónsul', en: 'The post has a consul' },
    detail: {
      es: 'La sede de este caso tiene un cónsul en funciones: es quien decide la solicitud de cierre. El supervisor la decide solo en sedes sin cónsul.',
      en: 'This case’s post has an active consul, who decides the closure request. A supervisor decides it only at posts without a consul.',
    },
  },
});

export type WorkflowRole = 'officer' | 'consul' | 'supervisor';

interface Rule {
  from: CaseStatus[];
  to: CaseStatus;
  roles: WorkflowRole[];
  needs: 'nothing' | 'reason' | 'closure_reason';
  /** The country's supervisor may also decide, where the case's post has no active consul. */
  supervisorWithoutConsul?: true;
}

/** The status workflow of docs/workflow.md, row by row. */
export const TRANSITIONS: Rule[] = [
  {
    from: ['open', 'waiting', 'reopened'],
    to: 'in_progress',
    roles: ['officer', 'consul'],
    needs: 'nothing',
  },
  { from: ['in_progress'], to: 'waiting', roles: ['officer', 'consul'], needs: 'reason' },
  {
    from: ['open', 'in_progress', 'waiting'],
    to: 'closed',
    roles: ['officer', 'consul'],
    needs: 'closure_reason',
  },
  {
    from: ['open', 'in_progress', 'waiting'],
    to: 'closure_requested',
    roles: ['officer'],
    needs: 'closure_reason',
  },
  {
    from: ['closure_requested'],
    to: 'closed',
    roles: ['consul'],
    needs: 'closure_reason',
    supervisorWithoutConsul: true,
  },
  {
    from: ['closure_requested'],
    to: 'in_progress',
    roles: ['consul'],
    needs: 'reason',
    supervisorWithoutConsul: true,
  },
  { from: ['closed'], to: 'reopened', roles: ['consul', 'supervisor'], needs: 'reason' },
];

export interface TransitionInput {
  from: CaseStatus;
  to: CaseStatus;
  /** The caller's roles that apply to this case (at its post, or its country for a supervisor). */
  roles: WorkflowRole[];
  reason?: string;
  closureReason?: ClosureReason;
  duplicateOf?: string;
  /** The case's codes: with its persons' ages, whether its closure needs approval. */
  case: ChildCaseFacts;
  persons: readonly PersonAgeFacts[];
  now: Date;
  /** Whether the case's post has an active consul (else its supervisor decides closure requests). */
  postHasConsul: boolean;
}

/** How a refusal of direct closure says why, in each language (never personal data). */
const APPROVAL_WHY: Record<ConsulApprovalReason, { whyEs: string; whyEn: string }> = {
  unaccompanied_child_category: {
    whyEs: 'Es un caso de niñez no acompañada (categoría)',
    whyEn: 'This is an unaccompanied child’s case (category)',
  },
  child_flag: {
    whyEs: 'El caso está marcado como niña, niño o adolescente no acompañado o separado',
    whyEn: 'The case is flagged as an unaccompanied or separated child',
  },
  person_under_18: {
    whyEs: 'Una persona del caso es menor de 18 años',
    whyEn: 'A person on the case is under 18',
  },
  trafficking_indicators: {
    whyEs: 'El caso tiene indicios de trata',
    whyEn: 'The case has trafficking indicators',
  },
  critical_risk: { whyEs: 'El caso es de riesgo crítico', whyEn: 'The case is at critical risk' },
};

const required = (field: string): FieldError => ({
  field,
  code: 'REQUIRED',
  message: {
    es: 'Este campo es obligatorio para este cambio de estado.',
    en: 'This field is required for this status change.',
  },
});

const approvalNeeded = (input: Pick<TransitionInput, 'case' | 'persons' | 'now'>) =>
  needsConsulApproval(input.case, input.persons, input.now);

/** The move's refusal for these roles on this case, before its fields are looked at; or none. */
function refusal(input: Omit<TransitionInput, 'reason' | 'closureReason' | 'duplicateOf'>) {
  const params = { from: input.from, to: input.to };
  const rule = TRANSITIONS.find((r) => r.to === input.to && r.from.includes(input.from));
  if (!rule) return { error: new DomainError('INVALID_TRANSITION', 'conflict', { params }) };
  if (!rule.roles.some((role) => input.roles.includes(role))) {
    const supervises = rule.supervisorWithoutConsul && input.roles.includes('supervisor');
    if (!supervises)
      return { error: new DomainError('TRANSITION_FORBIDDEN', 'forbidden', { params }) };
    if (input.postHasConsul)
      return { error: new DomainError('SUPERVISOR_POST_HAS_CONSUL', 'forbidden', { params }) };
  }
  const closingDirectly = input.to === 'closed' && input.from !== 'closure_requested';
  const why = closingDirectly && !input.roles.includes('consul') ? approvalNeeded(input) : null;
  if (why) {
    return {
      error: new DomainError('CLOSURE_NEEDS_CONSUL', 'forbidden', {
        params: { rule: why, ...APPROVAL_WHY[why] },
      }),
    };
  }
  return { rule };
}

/** Throws the problem that refuses the transition, or returns when it is allowed. Pure. */
export function assertTransitionAllowed(input: TransitionInput): void {
  const { error, rule } = refusal(input);
  if (error) throw error;
  const problems: FieldError[] = [];
  if (rule!.needs === 'reason' && !input.reason?.trim()) problems.push(required('reason'));
  if (rule!.needs === 'closure_reason' && !input.closureReason)
    problems.push(required('closureReason'));
  if (
    rule!.needs === 'closure_reason' &&
    input.closureReason === 'duplicate' &&
    !input.duplicateOf
  ) {
    problems.push(required('duplicateOf'));
  }
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: problems });
}

/** A move the caller may make now, and what it must be sent with. */
export interface OfferedTransition {
  to: CaseStatus;
  reasonRequired: boolean;
  /** False when approving a closure request: the requested reason is kept unless another is given. */
  closureReasonRequired: boolean;
}

/**
 * The moves `assertTransitionAllowed` would accept from this status for these roles (given the
 * fields each needs), by the same rules, so a screen offers nothing the API then refuses. Pure.
 */
export function allowedTransitions(
  input: Omit<TransitionInput, 'to' | 'reason' | 'closureReason' | 'duplicateOf'>,
): OfferedTransition[] {
  const targets = [...new Set(TRANSITIONS.map((r) => r.to))];
  return targets.flatMap((to) => {
    const { rule } = refusal({ ...input, to });
    if (!rule) return [];
    return [
      {
        to,
        reasonRequired: rule.needs === 'reason',
        closureReasonRequired:
          rule.needs === 'closure_reason' && input.from !== 'closure_requested',
      },
    ];
  });
}
