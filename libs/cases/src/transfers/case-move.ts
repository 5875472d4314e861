import { DomainError } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case';
import '../cases/case-errors';
import { findCase } from '../cases/case-lookup';
import { ReferencePost, nextCaseReference } from '../cases/case-reference';
import { recordHistory } from '../history/case-history';
import { CaseTransferRow } from './case-transfer';

/** The history entries of a move carry the transfer's reason. */
const MOVED_FIELDS = ['consulateId', 'reference', 'assignedOfficerId'] as const;

export interface CaseMove {
  /** The case as locked by the caller's transaction, still at the sending post. */
  current: CaseRecord;
  transfer: CaseTransferRow;
  to: ReferencePost;
  assignedOfficerId: string | null;
  movedBy: string;
}

/**
 * Moves a case to the receiving post of an accepted transfer, in the caller's transaction: a
 * reference of the new post, the old one kept (`case_references`) so that it still finds the case,
 * the new assignee (or none), a new version, and history entries with the transfer's reason.
 * Everything else of the case (persons, actions, history, restriction, break-the-glass records)
 * stays as it is, attached to the same case id.
 */
export async function moveCase(
  manager: EntityManager,
  { current, transfer, to, assignedOfficerId, movedBy }: CaseMove,
): Promise<{ moved: CaseRecord; fields: string[] }> {
  const reference = await nextCaseReference(manager, to, new Date().getUTCFullYear());
  await manager.query(
    `INSERT INTO case_references (reference, case_id, consulate_id, used_until, transfer_id)
     VALUES ($1, $2, $3, now(), $4)`,
    [current.reference, current.id, current.consulateId, transfer.id],
  );
  const updated = await updateReturning(
    manager,
    `UPDATE cases SET consulate_id = $3, reference = $4, assigned_officer_id = $5,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [current.id, current.version, to.id, reference, assignedOfficerId],
  );
  if (!updated.length) throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
  const moved = (await findCase(manager, current.id))!;
  const fields = await recordHistory(
    manager,
    current.id,
    movedBy,
    current as unknown as Record<string, unknown>,
    moved as unknown as Record<string, unknown>,
    transfer.reason,
    MOVED_FIELDS,
  );
  return { moved, fields };
}
