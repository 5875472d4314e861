import { updateReturning } from '@amparo/database';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import {
  MOVEMENT_COLUMNS,
  ReturnCase,
  ReturnEscort,
  ReturnHandover,
  ReturnMovement,
  ReturnMovementDetail,
} from './return-movement';

/** One movement by id (row-level security decides whether the caller's transaction sees it). */
export async function findMovement(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<ReturnMovement | null> {
  if (!isUUID(id)) return null;
  const [row] = await m.query<ReturnMovement[]>(
    `${MOVEMENT_COLUMNS} FROM return_movements m WHERE m.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function casesOf(m: EntityManager, movementId: string): Promise<ReturnCase[]> {
  return m.query<ReturnCase[]>(
    `SELECT case_id AS "caseId", case_reference AS "caseReference", person_ids AS "personIds",
            child_return AS "childReturn", false AS withheld, added_at AS "addedAt"
       FROM return_movement_cases WHERE movement_id = $1 ORDER BY added_at, id`,
    [movementId],
  );
}

export async function escortsOf(m: EntityManager, movementId: string): Promise<ReturnEscort[]> {
  return m.query<ReturnEscort[]>(
    `SELECT id, name, role, official_id AS "officialId", organisation, added_at AS "addedAt"
       FROM return_movement_escorts WHERE movement_id = $1 ORDER BY added_at, id`,
    [movementId],
  );
}

export async function handoversOf(m: EntityManager, movementId: string): Promise<ReturnHandover[]> {
  return m.query<ReturnHandover[]>(
    `SELECT id, case_id AS "caseId", person_id AS "personId", authority_id AS "authorityId",
            authority_name AS "authorityName", official_name AS "officialName",
            official_title AS "officialTitle", handed_over_at AS "handedOverAt",
            recorded_by AS "recordedBy", recorded_at AS "recordedAt"
       FROM return_handovers WHERE movement_id = $1 ORDER BY handed_over_at, id`,
    [movementId],
  );
}

/**
 * The movement with its rows as the caller may see them: of a case whose content they may not
 * read (`readable` leaves it out), the reference stays and the persons and handovers go.
 */
export async function detailOf(
  m: EntityManager,
  movement: ReturnMovement,
  readable: (caseIds: string[]) => Promise<Set<string>>,
): Promise<ReturnMovementDetail> {
  const [cases, escorts, handovers] = [
    await casesOf(m, movement.id),
    await escortsOf(m, movement.id),
    await handoversOf(m, movement.id),
  ];
  const open = await readable(cases.map((c) => c.caseId));
  return {
    ...movement,
    accompaniedChildReturn: cases.some((c) => c.childReturn),
    cases: cases.map((c) => (open.has(c.caseId) ? c : { ...c, personIds: [], withheld: true })),
    escorts,
    handovers: handovers.filter((h) => open.has(h.caseId)),
  };
}

/** The atomic optimistic write: 0 rows means another writer got there first. */
export async function bumpVersion(
  m: EntityManager,
  id: string,
  expectedVersion: number | null,
  sets: string,
  params: unknown[],
): Promise<boolean> {
  const versionParam = params.length + 2;
  const rows = await updateReturning<{ id: string }>(
    m,
    `UPDATE return_movements SET ${sets}${sets ? ', ' : ''}version = version + 1, updated_at = now()
      WHERE id = $${params.length + 1} ${expectedVersion === null ? '' : `AND version = $${versionParam}`}
      RETURNING id`,
    expectedVersion === null ? [...params, id] : [...params, id, expectedVersion],
  );
  return rows.length === 1;
}
