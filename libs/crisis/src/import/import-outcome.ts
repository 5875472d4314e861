import { AuditService } from '@amparo/audit';
import { updateReturning } from '@amparo/database';
import { EntityManager } from 'typeorm';
import { removeImportedEntries } from './roster-batch-insert';

/** Whose import it is, for its audit events: the event's country and lead post, who committed it. */
export interface ImportOwner {
  eventId: string;
  countryCode: string;
  leadConsulateId: string;
  committedBy: string;
}

/** Filed under the event, done on behalf of who committed the import; counts only. */
export function recordImportOutcome(
  audit: AuditService,
  m: EntityManager,
  action: 'crisis.import.complete' | 'crisis.import.fail',
  importId: string,
  owner: ImportOwner,
  details: Record<string, unknown>,
): Promise<void> {
  return audit.record(
    {
      action,
      outcome: action === 'crisis.import.complete' ? 'success' : 'failure',
      actor: null,
      resourceType: 'crisis_event',
      resourceId: owner.eventId,
      consulateId: owner.leadConsulateId,
      countryCode: owner.countryCode,
      details: { importId, committedBy: owner.committedBy, ...details },
    },
    m,
  );
}

/**
 * Fails an unfinished import for good, all or nothing: in the caller's transaction, the import is
 * marked failed (only while its status is one of `unfinished` and, when given, after `minAttempts`
 * attempts) and every roster entry it made is removed with their welfare changes. False when the
 * import was not in that state (finished meanwhile): then nothing is touched.
 */
export async function failImport(
  audit: AuditService,
  m: EntityManager,
  importId: string,
  errorCode: string,
  { unfinished, minAttempts = 0 }: { unfinished: ('queued' | 'running')[]; minAttempts?: number },
): Promise<boolean> {
  const [failed] = await updateReturning<ImportOwner>(
    m,
    `UPDATE crisis_imports i
        SET status = 'failed', error_code = $2, processed_rows = 0, imported_rows = 0, finished_at = now()
       FROM crisis_events e
      WHERE i.id = $1 AND e.id = i.event_id AND i.status = ANY($3::text[]) AND i.attempts >= $4
      RETURNING i.event_id AS "eventId", e.country_code AS "countryCode",
                e.consulate_ids[1] AS "leadConsulateId", i.committed_by AS "committedBy"`,
    [importId, errorCode, unfinished, minAttempts],
  );
  if (!failed) return false;
  await removeImportedEntries(m, importId);
  await recordImportOutcome(audit, m, 'crisis.import.fail', importId, failed, { errorCode });
  return true;
}
