import { FieldError } from '@amparo/core';
import { CaseRecord } from './case';

/** The calendar date (UTC) a case opened, the earliest its next step may be due. */
export function openedDate(openedAt: Date | string): string {
  return new Date(openedAt).toISOString().slice(0, 10);
}

/** A next step due before the case opened is a typing mistake, not an overdue step. */
export function nextStepDueProblems(
  openedAt: Date | string,
  nextStepDue: string | null | undefined,
  field = 'nextStepDue',
): FieldError[] {
  if (!nextStepDue || nextStepDue >= openedDate(openedAt)) return [];
  return [
    {
      field,
      code: 'BEFORE_OPENED',
      message: {
        es: 'El próximo paso no puede vencer antes de la apertura del caso.',
        en: 'The next step cannot be due before the case was opened.',
      },
    },
  ];
}

/**
 * The case's next-step columns after a change that may carry either part: an absent part keeps
 * its value, null clears it, text is stored trimmed.
 */
export function nextStepColumns(
  current: Pick<CaseRecord, 'nextStep' | 'nextStepDue'>,
  change: { nextStep?: string | null; nextStepDue?: string | null },
): { next_step: string | null; next_step_due: string | null } {
  return {
    next_step: change.nextStep === undefined ? current.nextStep : change.nextStep?.trim() || null,
    next_step_due: change.nextStepDue === undefined ? current.nextStepDue : change.nextStepDue,
  };
}
