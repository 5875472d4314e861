import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { recordHistory } from '../history/case-history';
import { CaseRecord } from './case';
import { recordCaseEvent } from './case-audit';
import './case-errors';
import { findCase } from './case-lookup';

/**
 * A stale expected version is refused before the change itself is judged (RFC 9110: preconditions
 * come before the method's semantics), so a writer who lost a race learns that the case changed, not
 * that its change no longer fits. The atomic UPDATE … WHERE version still decides races after this.
 */
export function assertVersion(current: CaseRecord, expectedVersion: number): void {
  if (current.version !== expectedVersion)
    throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
}

export interface VersionedCaseWrite {
  caller: Caller;
  current: CaseRecord;
  expectedVersion: number;
  /** Column name → new value. */
  columns: Record<string, unknown>;
  /** The audit action, e.g. `case.update`. */
  action: string;
  details?: Record<string, unknown>;
  /** Why the status changed: kept in the case's history, never in the audit log. */
  statusReason?: string | null;
}

/**
 * Every change to a case (update, transition, assignment) in the caller's transaction: the
 * versioned write, its field-level history and its audit event, together or not at all.
 */
export async function writeCaseVersion(
  manager: EntityManager,
  audit: AuditService,
  write: VersionedCaseWrite,
): Promise<CaseRecord> {
  const { caller, current, expectedVersion, columns, action, details = {} } = write;
  await writeVersioned(manager, current.id, expectedVersion, columns);
  const after = (await findCase(manager, current.id))!;
  const fields = await recordHistory(
    manager,
    current.id,
    caller.userId,
    current as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
    write.statusReason ?? null,
  );
  await recordCaseEvent(
    audit,
    {
      action,
      caller,
      caseId: current.id,
      consulateId: current.consulateId,
      countryCode: current.countryCode,
      details: { ...details, fields },
    },
    manager,
  );
  return after;
}

/** The version check and the write are one statement: of two writers of one version, one wins. */
async function writeVersioned(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
  columns: Record<string, unknown>,
): Promise<void> {
  const names = Object.keys(columns);
  const rows = await updateReturning(
    manager,
    `UPDATE cases SET ${names.map((name, i) => `${name} = $${i + 3}`).join(', ')}, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, expectedVersion, ...Object.values(columns)],
  );
  if (rows.length === 0) throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
}
