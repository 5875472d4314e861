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
 * reason of a status change, when given, goes on the row of the `status` field.
 */
export async function recordHistory(
  manager: EntityManager,
  caseId: string,
  userId: string,
  before: Values,
  after: Values,
  statusReason: string | null = null,
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
        field === 'status' ? statusReason : null,
      ],
    );
  }
  return fields;
}
