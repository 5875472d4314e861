import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage } from '@amparo/database';
import { CaseAccess } from '@amparo/cases';
import { ReferenceChecks } from '@amparo/directory';
import { Caller, PostOfficers } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { WelfareStatus } from '../crisis-codes';
import { recordCrisisEvent } from '../crisis-audit';
import '../crisis-errors';
import { CrisisEventRow } from '../events/crisis-event';
import { CrisisEventAccess } from '../events/crisis-event-access';
import { rosterEntryProblems } from './roster-entry-checks';
import {
  ENTRY_COLUMNS,
  EntryRow,
  NewRosterEntry,
  RosterEntry,
  RosterEntryWithHistory,
  RosterFilters,
  RosterWriter,
  WelfareChange,
  toEntry,
} from './roster-entry';
import { insertRosterEntries } from './roster-insert';
import { findEntries } from './roster-queries';

const ROSTER_ORDER = {
  fields: { recordedAt: 'r.recorded_at' },
  types: { recordedAt: 'timestamp' as const },
  default: '-recordedAt',
  tieBreaker: 'r.id',
};

/**
 * The roster of an event: the affected nationals taken in by rapid intake (or imported), each with
 * a welfare status and its history. Read and written by the event's staff only, audited each time
 * with ids and counts.
 */
@Injectable()
export class CrisisRosterService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly events: CrisisEventAccess,
    private readonly checks: ReferenceChecks,
    private readonly officers: PostOfficers,
    private readonly audit: AuditService,
  ) {}

  /**
   * Entries and their first welfare change, set-based, in the caller's transaction (an import's
   * batch); entries whose dedupe key the event has are skipped. Returns the ids inserted.
   */
  insertIn(
    m: EntityManager,
    eventId: string,
    writer: RosterWriter,
    entries: readonly NewRosterEntry[],
  ): Promise<string[]> {
    return insertRosterEntries(m, eventId, writer, entries);
  }

  /** Rapid intake: one person onto the roster, by staff of a responding post. */
  async add(caller: Caller, eventId: string, input: NewRosterEntry): Promise<RosterEntry> {
    return this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const post = this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      ReferenceChecks.throwIfAny(await rosterEntryProblems(this.checks, event, input));
      const [id] = await this.insertIn(
        m,
        event.id,
        { userId: caller.userId, consulateId: post, source: 'rapid_intake' },
        [{ ...input, dedupeKey: null }],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.roster.write', event, {
        entryId: id,
        change: 'intake',
        welfareStatus: input.welfareStatus ?? 'unaccounted',
      });
      return (await findEntries(m, event.id, [id]))[0];
    });
  }

  /** A page of the roster, newest first, filtered by welfare status, place or name. */
  async list(caller: Caller, eventId: string, filters: RosterFilters): Promise<Page<RosterEntry>> {
    const { event, page } = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const where = new SqlConditions().add('r.event_id = ?', event.id);
      where.addIf(filters.welfareStatus, 'r.welfare_status = ?');
      where.addIf(filters.subdivision, 'r.location_subdivision = ?');
      const q = filters.q?.trim();
      if (q)
        where.add(
          'r.id IN (SELECT amparo_crisis_entry_ids_by_similar_name(?, amparo_unaccent(lower(?))))',
          event.id,
          q,
        );
      const page = await keysetPage<EntryRow>(m, {
        select: `SELECT ${ENTRY_COLUMNS}`,
        from: 'FROM crisis_roster_entries r',
        where,
        sort: resolveSort(undefined, ROSTER_ORDER),
        tieBreaker: ROSTER_ORDER.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      });
      return { event, page };
    });
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.roster.read', event, {
      count: page.items.length,
      welfareStatus: filters.welfareStatus ?? null,
      subdivision: filters.subdivision ?? null,
      byName: Boolean(filters.q?.trim()),
    });
    return { items: page.items.map(toEntry), nextCursor: page.nextCursor };
  }

  /** One entry with its welfare history, oldest first, and who set each status. */
  async get(caller: Caller, eventId: string, entryId: string): Promise<RosterEntryWithHistory> {
    const { event, entry, history } = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const entry = await this.entryOf(m, event, entryId);
      return { event, entry, history: await welfareHistory(m, entry.id) };
    });
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.roster.read', event, {
      entryId: entry.id,
    });
    return this.withNames(entry, history);
  }

  /** A new welfare status for a person, appended to the history with who set it and why. */
  async setWelfare(
    caller: Caller,
    eventId: string,
    entryId: string,
    change: { status: WelfareStatus; note?: string | null },
  ): Promise<RosterEntryWithHistory> {
    const { entry, history } = await this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      const current = await this.entryOf(m, event, entryId, true);
      await m.query(
        `WITH changed AS (
           UPDATE crisis_roster_entries SET welfare_status = $2, welfare_changed_at = now(),
                  welfare_changed_by = $3, version = version + 1
            WHERE id = $1 RETURNING id, event_id)
         INSERT INTO crisis_welfare_changes (event_id, entry_id, status, previous_status, note, changed_by)
         SELECT event_id, id, $2, $4, $5, $3 FROM changed`,
        [
          current.id,
          change.status,
          caller.userId,
          current.welfareStatus,
          change.note?.trim() || null,
        ],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.roster.write', event, {
        entryId: current.id,
        change: 'welfare',
        from: current.welfareStatus,
        to: change.status,
      });
      const [entry] = await findEntries(m, event.id, [current.id]);
      return { entry, history: await welfareHistory(m, current.id) };
    });
    return this.withNames(entry, history);
  }

  /** Entries of the event by id, in the caller's transaction (other services of the context). */
  findIn(m: EntityManager, event: CrisisEventRow, ids: string[]): Promise<RosterEntry[]> {
    return findEntries(m, event.id, ids);
  }

  private async entryOf(
    m: EntityManager,
    event: CrisisEventRow,
    entryId: string,
    lock = false,
  ): Promise<RosterEntry> {
    const [entry] = await findEntries(m, event.id, [entryId], lock);
    if (!entry) throw new DomainError('CRISIS_ENTRY_NOT_FOUND', 'not_found');
    return entry;
  }

  private async withNames(
    entry: RosterEntry,
    history: Omit<WelfareChange, 'changedByName'>[],
  ): Promise<RosterEntryWithHistory> {
    const names = await this.officers.displayNames(history.map((h) => h.changedBy));
    return {
      ...entry,
      welfareHistory: history.map((h) => ({ ...h, changedByName: names.get(h.changedBy) ?? null })),
    };
  }
}

async function welfareHistory(
  m: EntityManager,
  entryId: string,
): Promise<Omit<WelfareChange, 'changedByName'>[]> {
  return m.query(
    `SELECT w.id, w.status, w.previous_status AS "previousStatus", w.note, w.changed_by AS "changedBy",
            w.changed_at AS "changedAt"
       FROM crisis_welfare_changes w WHERE w.entry_id = $1 ORDER BY w.changed_at, w.id`,
    [entryId],
  );
}
