import { EntityManager } from 'typeorm';
import { FIELD_TIERS } from '../cases/case';

type Values = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value changed between two snapshots, among those the history tracks. */
export function changedFields(before: Values, after: Values): string[] {
  return Object.keys(FIELD_TIERS).filter(
    (field) => field in after && !same(before[field], after[field]),
  );
}

/**
 * Records one row per changed field: who, when, old → new, and the field's sensitivity tier. The
 * reason of a change, when given, goes on the rows of `reasonFields`: the `status` field for a
 * transition, what a transfer moved (post, reference, assignee) for a transfer.
 */
export async function recordHistory(
  manager: EntityManager,
  caseId: string,
  userId: string,
  before: Values,
  after: Values,
  reason: string | null = null,
  reasonFields: readonly string[] = ['status'],
): Promise<string[]> {
  const fields = changedFields(before, after);
  for (const field of fields) {
    await manager.query(
      `INSERT INTO case_history (case_id, changed_by, field, old_value, new_value, tier, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        caseId,
        userId,
        field,
        JSON.stringify(before[field] ?? null),
        JSON.stringify(after[field] ?? null),
        FIELD_TIERS[field],
        reasonFields.includes(field) ? reason : null,
      ],
    );
  }
  return fields;
}
