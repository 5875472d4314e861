import { SortSpec } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import {
  CASE_SUMMARY_COLUMNS,
  CaseTransferRow,
  TRANSFER_COLUMNS,
  TransferCaseSummary,
  TransferStatus,
} from './case-transfer';

/** Newest proposal first. */
export const TRANSFER_SORT: SortSpec = {
  fields: { proposedAt: 't.proposed_at' },
  types: { proposedAt: 'timestamp' },
  default: '-proposedAt',
  tieBreaker: 't.id',
};

export interface NewTransfer {
  caseId: string;
  countryCode: string;
  caseReference: string;
  fromConsulateId: string;
  toConsulateId: string;
  reason: string;
  proposedBy: string;
}

export async function insertTransfer(
  manager: EntityManager,
  t: NewTransfer,
): Promise<CaseTransferRow> {
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO case_transfers (case_id, country_code, case_reference, from_consulate_id, to_consulate_id, reason, proposed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      t.caseId,
      t.countryCode,
      t.caseReference,
      t.fromConsulateId,
      t.toConsulateId,
      t.reason,
      t.proposedBy,
    ],
  );
  return (await findTransfer(manager, id))!;
}

/** One transfer by id, or null (an id that is not a UUID names none); `lock` until the end. */
export async function findTransfer(
  manager: EntityManager,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<CaseTransferRow | null> {
  if (!isUUID(id)) return null;
  const [row] = await manager.query<CaseTransferRow[]>(
    `SELECT ${TRANSFER_COLUMNS} FROM case_transfers t WHERE t.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function hasPendingTransfer(manager: EntityManager, caseId: string): Promise<boolean> {
  const [row] = await manager.query<unknown[]>(
    `SELECT 1 FROM case_transfers WHERE case_id = $1 AND status = 'pending'`,
    [caseId],
  );
  return row !== undefined;
}

export interface TransferDecision {
  status: Exclude<TransferStatus, 'pending'>;
  decidedBy: string;
  caseSummary: TransferCaseSummary;
  rejectionReason?: string;
  newReference?: string;
}

/** Decides a pending transfer; null when it was no longer pending (another decision won). */
export async function decideTransfer(
  manager: EntityManager,
  id: string,
  d: TransferDecision,
): Promise<CaseTransferRow | null> {
  const rows = await updateReturning<{ id: string }>(
    manager,
    `UPDATE case_transfers SET status = $2, decided_by = $3, decided_at = now(), rejection_reason = $4,
            new_reference = $5, case_summary = $6
      WHERE id = $1 AND status = 'pending' RETURNING id`,
    [
      id,
      d.status,
      d.decidedBy,
      d.rejectionReason ?? null,
      d.newReference ?? null,
      JSON.stringify(d.caseSummary),
    ],
  );
  return rows.length ? findTransfer(manager, id) : null;
}

/** The summaries of these cases, by case id, among the cases the transaction's wall lets through. */
export async function caseSummaries(
  manager: EntityManager,
  caseIds: string[],
): Promise<Map<string, TransferCaseSummary>> {
  if (!caseIds.length) return new Map();
  const rows = await manager.query<(TransferCaseSummary & { id: string })[]>(
    `SELECT c.id, ${CASE_SUMMARY_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [caseIds],
  );
  return new Map(rows.map(({ id, ...summary }) => [id, summary]));
}
