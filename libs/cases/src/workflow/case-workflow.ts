import { DomainError, FieldError, registerErrorTexts } from '@amparo/core';
import { CaseStatus, ClosureReason, RiskLevel, VulnerabilityFlag } from '../case-codes';

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
    title: { es: 'El cierre requiere al cónsul', en: 'Closure needs the consul' },
    detail: {
      es: 'Los casos de niñez no acompañada, con indicios de trata o de riesgo crítico se cierran con aprobación del cónsul: solicite el cierre.',
      en: 'Cases of unaccompanied children, with trafficking indicators or at critical risk are closed with the consul’s approval: request closure.',
    },
  },
});

export type WorkflowRole = 'officer' | 'consul' | 'supervisor';

interface Rule {
  from: CaseStatus[];
  to: CaseStatus;
  roles: WorkflowRole[];
  needs: 'nothing' | 'reason' | 'closure_reason';
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
  { from: ['closure_requested'], to: 'closed', roles: ['consul'], needs: 'closure_reason' },
  { from: ['closure_requested'], to: 'in_progress', roles: ['consul'], needs: 'reason' },
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
  flags: VulnerabilityFlag[];
  riskLevel: RiskLevel;
}

/** Cases whose closure an officer may only request; a consul approves it. */
export function closureNeedsConsul(flags: VulnerabilityFlag[], riskLevel: RiskLevel): boolean {
  return (
    flags.includes('unaccompanied_child') ||
    flags.includes('trafficking_indicators') ||
    riskLevel === 'critical'
  );
}

const required = (field: string): FieldError => ({
  field,
  code: 'REQUIRED',
  message: {
    es: 'Este campo es obligatorio para este cambio de estado.',
    en: 'This field is required for this status change.',
  },
});

/** The move's refusal for these roles on this case, before its fields are looked at; or none. */
function refusal(input: Omit<TransitionInput, 'reason' | 'closureReason' | 'duplicateOf'>) {
  const params = { from: input.from, to: input.to };
  const rule = TRANSITIONS.find((r) => r.to === input.to && r.from.includes(input.from));
  if (!rule) return { error: new DomainError('INVALID_TRANSITION', 'conflict', { params }) };
  if (!rule.roles.some((role) => input.roles.includes(role))) {
    return { error: new DomainError('TRANSITION_FORBIDDEN', 'forbidden', { params }) };
  }
  const closingDirectly = input.to === 'closed' && input.from !== 'closure_requested';
  if (
    closingDirectly &&
    !input.roles.includes('consul') &&
    closureNeedsConsul(input.flags, input.riskLevel)
  ) {
    return { error: new DomainError('CLOSURE_NEEDS_CONSUL', 'forbidden') };
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
