import { AuditService } from '@amparo/audit';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { recordCaseEvent } from '../cases/case-audit';
import { checkDetentionTimes } from './detention-times';

/**
 * An `arrest_notification_received` action states when the primary person was arrested and when
 * the consulate was notified: the case's detention record takes those times in the action's
 * transaction (created if the person has no open detention). The record is the source of truth
 * for the clocks; the action stays in the timeline as what was received, and a correcting action
 * moves the record's times again.
 */
export async function syncArrestNotification(
  manager: EntityManager,
  audit: AuditService,
  caller: Caller,
  found: { id: string; consulateId: string; countryCode: string },
  times: { arrestedAt: string; notifiedAt: string },
  now: Date,
): Promise<void> {
  const arrestedAt = new Date(times.arrestedAt);
  const notifiedAt = new Date(times.notifiedAt);
  const [open] = await manager.query<
    { id: string; personId: string; firstContactAt: Date | null }[]
  >(
    `SELECT d.id, d.person_id AS "personId", d.first_contact_at AS "firstContactAt"
       FROM case_detentions d JOIN cases c ON c.id = d.case_id AND c.primary_person_id = d.person_id
      WHERE d.case_id = $1 AND d.released_at IS NULL FOR UPDATE OF d`,
    [found.id],
  );
  checkDetentionTimes(
    { arrestedAt, notifiedAt, firstContactAt: open?.firstContactAt ?? null, releasedAt: null },
    now,
  );
  let detentionId: string;
  if (open) {
    detentionId = open.id;
    await manager.query(
      `UPDATE case_detentions SET arrested_at = $2, notified_at = $3, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [open.id, arrestedAt, notifiedAt],
    );
  } else {
    [{ id: detentionId }] = await manager.query<{ id: string }[]>(
      `INSERT INTO case_detentions (case_id, person_id, arrested_at, notified_at, recorded_by)
       SELECT c.id, c.primary_person_id, $2, $3, $4 FROM cases c WHERE c.id = $1 RETURNING id`,
      [found.id, arrestedAt, notifiedAt, caller.userId],
    );
  }
  await recordCaseEvent(
    audit,
    {
      action: open ? 'case.detention.update' : 'case.detention.record',
      caller,
      caseId: found.id,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { detentionId, source: 'arrest_notification_received' },
    },
    manager,
  );
}
