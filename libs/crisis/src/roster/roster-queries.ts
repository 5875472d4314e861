import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { ENTRY_COLUMNS, EntryRow, RosterEntry, toEntry } from './roster-entry';

/** Entries of one event by id, in the order asked; ids of other events or none are left out. */
export async function findEntries(
  m: EntityManager,
  eventId: string,
  ids: string[],
  lock = false,
): Promise<RosterEntry[]> {
  const wanted = ids.filter((id) => isUUID(id));
  if (!wanted.length) return [];
  const rows = await m.query<EntryRow[]>(
    `SELECT ${ENTRY_COLUMNS} FROM crisis_roster_entries r
      WHERE r.event_id = $1 AND r.id = ANY($2::uuid[]) ${lock ? 'FOR UPDATE' : ''}`,
    [eventId, wanted],
  );
  const byId = new Map(rows.map((r) => [r.id, toEntry(r)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

/** Entries per event, in total and unaccounted for; read under the wall, so exact in scope. */
export async function rosterCounts(
  m: EntityManager,
  eventIds: string[],
): Promise<Map<string, { total: number; unaccounted: number }>> {
  if (!eventIds.length) return new Map();
  const rows = await m.query<{ eventId: string; total: number; unaccounted: number }[]>(
    `SELECT r.event_id AS "eventId", count(*)::int AS total,
            count(*) FILTER (WHERE r.welfare_status = 'unaccounted')::int AS unaccounted
       FROM crisis_roster_entries r WHERE r.event_id = ANY($1::uuid[]) GROUP BY r.event_id`,
    [eventIds],
  );
  return new Map(rows.map(({ eventId, ...counts }) => [eventId, counts]));
}
