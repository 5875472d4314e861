import type { components } from '../../api/schema';

export type OfferedTransition = components['schemas']['AllowedTransitionResponse'];
export type TransitionBody = components['schemas']['TransitionRequestBody'];

/**
 * What a move means to the person making it: the same target status reads differently by where
 * the case is (a consul "sends back" a closure request, an officer "resumes" a waiting case).
 */
export type TransitionKind =
  | 'start'
  | 'resume'
  | 'hold'
  | 'requestClosure'
  | 'close'
  | 'approveClosure'
  | 'sendBack'
  | 'reopen'
  | 'open';

export function transitionKind(from: string, to: OfferedTransition['to']): TransitionKind {
  switch (to) {
    case 'in_progress':
      if (from === 'closure_requested') return 'sendBack';
      return from === 'waiting' ? 'resume' : 'start';
    case 'waiting':
      return 'hold';
    case 'closure_requested':
      return 'requestClosure';
    case 'closed':
      return from === 'closure_requested' ? 'approveClosure' : 'close';
    case 'reopened':
      return 'reopen';
    default:
      return 'open';
  }
}

/** What the dialog holds before it is sent. */
export interface TransitionForm {
  reason: string;
  closureReason: string;
  duplicateOf: string;
}

export const EMPTY_TRANSITION_FORM: TransitionForm = {
  reason: '',
  closureReason: '',
  duplicateOf: '',
};

/** The fields the move needs and the form lacks, by field name (the API's names). */
export function missingFields(
  offered: OfferedTransition,
  form: TransitionForm,
): ('reason' | 'closureReason' | 'duplicateOf')[] {
  const missing: ('reason' | 'closureReason' | 'duplicateOf')[] = [];
  if (offered.reasonRequired && !form.reason.trim()) missing.push('reason');
  if (offered.closureReasonRequired && !form.closureReason) missing.push('closureReason');
  if (offered.closureReasonRequired && form.closureReason === 'duplicate' && !form.duplicateOf)
    missing.push('duplicateOf');
  return missing;
}

/** The request body: only the fields this move takes. */
export function transitionBody(offered: OfferedTransition, form: TransitionForm): TransitionBody {
  const body: TransitionBody = { to: offered.to };
  if (offered.reasonRequired) body.reason = form.reason.trim();
  if (offered.closureReasonRequired) {
    body.closureReason = form.closureReason as TransitionBody['closureReason'];
    if (form.closureReason === 'duplicate') body.duplicateOf = form.duplicateOf;
  }
  return body;
}
