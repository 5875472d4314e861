import { ActionType } from '../case-codes';

export interface ConsularAction {
  id: string;
  caseId: string;
  type: ActionType;
  occurredAt: Date;
  place: string | null;
  placeType: string | null;
  performedBy: string;
  outcome: string | null;
  notes: string | null;
  nextStepDue: string | null;
  cost: string | null;
  currency: string | null;
  arrestedAt: Date | null;
  notifiedAt: Date | null;
  correctsActionId: string | null;
  /** Set when a later entry corrects this one. */
  correctedByActionId: string | null;
  recordedAt: Date;
}

export interface NewConsularAction {
  type: ActionType;
  occurredAt: string;
  place?: string | null;
  placeType?: string | null;
  outcome?: string | null;
  notes?: string | null;
  nextStepDue?: string | null;
  /** Not kept on the action: it becomes the case's next step (with `nextStepDue`), in its history. */
  nextStep?: string | null;
  cost?: number | null;
  currency?: string | null;
  arrestedAt?: string | null;
  notifiedAt?: string | null;
}

export const ACTION_COLUMNS = `
  a.id, a.case_id AS "caseId", a.type, a.occurred_at AS "occurredAt", a.place, a.place_type AS "placeType",
  a.performed_by AS "performedBy", a.outcome, a.notes, to_char(a.next_step_due, 'YYYY-MM-DD') AS "nextStepDue",
  a.cost::text AS cost, a.currency, a.arrested_at AS "arrestedAt", a.notified_at AS "notifiedAt",
  a.corrects_action_id AS "correctsActionId",
  (SELECT n.id FROM consular_actions n WHERE n.corrects_action_id = a.id ORDER BY n.recorded_at DESC LIMIT 1) AS "correctedByActionId",
  a.recorded_at AS "recordedAt"`;
