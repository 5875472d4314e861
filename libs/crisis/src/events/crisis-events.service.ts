import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, FieldError, Page, invalidField, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage, updateReturning } from '@amparo/database';
import { CaseAccess } from '@amparo/cases';
import { ConsulatesService, ReferenceChecks } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { recordCrisisEvent } from '../crisis-audit';
import '../crisis-errors';
import {
  CrisisEventChanges,
  CrisisEventFilters,
  CrisisEventRow,
  CrisisEventView,
  EVENT_COLUMNS,
  NewCrisisEvent,
} from './crisis-event';
import { CrisisEventAccess } from './crisis-event-access';
import { rosterCounts } from '../roster/roster-queries';

const NEWEST_FIRST = {
  fields: { startedAt: 'e.started_at' },
  types: { startedAt: 'timestamp' as const },
  default: '-startedAt',
  tieBreaker: 'e.id',
};
/** A start a little ahead of the server's clock is a clock skew, not a future event. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Crisis events: declared by a consul of a responding post or a supervisor of the country, listed
 * and read by the staff who respond, moved from active to winding down (closing is demobilisation's).
 */
@Injectable()
export class CrisisEventsService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly access: CrisisEventAccess,
    private readonly consulates: ConsulatesService,
    private readonly checks: ReferenceChecks,
    private readonly audit: AuditService,
  ) {}

  async declare(caller: Caller, input: NewCrisisEvent): Promise<CrisisEventView> {
    const consulateIds = [...new Set(input.consulateIds)];
    const countryCode = await this.respondingCountry(consulateIds);
    this.access.assertManage(caller, { countryCode, consulateIds });
    ReferenceChecks.throwIfAny([
      ...(await this.checks.countryProblems([
        { field: 'hostCountryCode', code: input.hostCountryCode },
      ])),
      ...(await this.subdivisionProblems(input.hostCountryCode, input.hostSubdivisions ?? [])),
      ...startProblems(input.startedAt),
    ]);
    const row = await this.cases.write(caller, async (m) => {
      const [created] = await m.query<CrisisEventRow[]>(
        `INSERT INTO crisis_events AS e (country_code, name, type, host_country_code, host_subdivisions,
                consulate_ids, started_at, declared_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${EVENT_COLUMNS}`,
        [
          countryCode,
          input.name.trim(),
          input.type,
          input.hostCountryCode,
          [...new Set(input.hostSubdivisions ?? [])],
          consulateIds,
          input.startedAt,
          caller.userId,
        ],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.event.declare', created, {
        type: created.type,
        hostCountryCode: created.hostCountryCode,
        consulateIds,
      });
      return created;
    });
    return this.view(caller, row, { total: 0, unaccounted: 0 });
  }

  /** The events the caller responds to or supervises, most recent first, with roster counts. */
  async list(caller: Caller, filters: CrisisEventFilters): Promise<Page<CrisisEventView>> {
    return this.cases.read(caller, async (m) => {
      const where = new SqlConditions();
      this.access.restrictToScope(where, caller);
      where.addIf(filters.status, 'e.status = ?');
      const page = await keysetPage<CrisisEventRow>(m, {
        select: `SELECT ${EVENT_COLUMNS}`,
        from: 'FROM crisis_events e',
        where,
        sort: resolveSort(undefined, NEWEST_FIRST),
        tieBreaker: NEWEST_FIRST.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      });
      const counts = await rosterCounts(
        m,
        page.items.map((e) => e.id),
      );
      return {
        items: page.items.map((e) => this.view(caller, e, counts.get(e.id))),
        nextCursor: page.nextCursor,
      };
    });
  }

  async get(caller: Caller, id: string): Promise<CrisisEventView> {
    return this.cases.read(caller, async (m) => {
      const event = await this.access.find(caller, m, id);
      return this.view(caller, event, (await rosterCounts(m, [event.id])).get(event.id));
    });
  }

  /** The event as the caller may use it, inside a transaction the caller runs (other services). */
  find(
    caller: Caller,
    m: EntityManager,
    id: string,
    options?: { lock?: boolean },
  ): Promise<CrisisEventRow> {
    return this.access.find(caller, m, id, options);
  }

  async update(
    caller: Caller,
    id: string,
    expectedVersion: number,
    changes: CrisisEventChanges,
  ): Promise<CrisisEventView> {
    return this.cases.write(caller, async (m) => {
      const event = await this.access.find(caller, m, id, { lock: true });
      this.access.assertManage(caller, event);
      if (event.version !== expectedVersion)
        throw new DomainError('CRISIS_EVENT_CHANGED', 'precondition_failed');
      this.access.assertOpen(event);
      const consulateIds = changes.consulateIds
        ? [...new Set(changes.consulateIds)]
        : event.consulateIds;
      if (changes.consulateIds) {
        const country = await this.respondingCountry(consulateIds);
        if (country !== event.countryCode)
          throw invalidField(
            'consulateIds',
            'OTHER_COUNTRY',
            `Las sedes que atienden el evento deben ser de ${event.countryCode}.`,
            `The posts responding to the event must be of ${event.countryCode}.`,
          );
      }
      ReferenceChecks.throwIfAny(
        changes.hostSubdivisions
          ? await this.subdivisionProblems(event.hostCountryCode, changes.hostSubdivisions)
          : [],
      );
      const [updated] = await updateReturning<CrisisEventRow>(
        m,
        `UPDATE crisis_events e SET name = $3, host_subdivisions = $4, consulate_ids = $5, version = version + 1
          WHERE e.id = $1 AND e.version = $2 RETURNING ${EVENT_COLUMNS}`,
        [
          event.id,
          expectedVersion,
          changes.name?.trim() ?? event.name,
          changes.hostSubdivisions
            ? [...new Set(changes.hostSubdivisions)]
            : event.hostSubdivisions,
          consulateIds,
        ],
      );
      if (!updated) throw new DomainError('CRISIS_EVENT_CHANGED', 'precondition_failed');
      await recordCrisisEvent(this.audit, m, caller, 'crisis.event.update', updated, {
        fields: Object.keys(changes).filter(
          (k) => changes[k as keyof CrisisEventChanges] !== undefined,
        ),
        consulateIds,
      });
      return this.view(caller, updated, (await rosterCounts(m, [updated.id])).get(updated.id));
    });
  }

  /** Active → winding down; an event closes only through demobilisation. */
  async changeStatus(caller: Caller, id: string, to: 'winding_down'): Promise<CrisisEventView> {
    return this.cases.write(caller, async (m) => {
      const event = await this.access.find(caller, m, id, { lock: true });
      this.access.assertManage(caller, event);
      if (event.status !== 'active' || to !== 'winding_down')
        throw new DomainError('CRISIS_INVALID_TRANSITION', 'conflict', {
          params: { from: event.status, to },
        });
      const [updated] = await updateReturning<CrisisEventRow>(
        m,
        `UPDATE crisis_events e SET status = $2, version = version + 1 WHERE e.id = $1
         RETURNING ${EVENT_COLUMNS}`,
        [event.id, to],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.event.status', updated, {
        from: event.status,
        to,
      });
      return this.view(caller, updated, (await rosterCounts(m, [updated.id])).get(updated.id));
    });
  }

  /**
   * Closes the event inside the caller's transaction (demobilisation, which has checked the caller
   * and opened the cases first).
   */
  async closeIn(m: EntityManager, caller: Caller, event: CrisisEventRow): Promise<CrisisEventRow> {
    const [closed] = await updateReturning<CrisisEventRow>(
      m,
      `UPDATE crisis_events e SET status = 'closed', ended_at = now(), version = version + 1
        WHERE e.id = $1 RETURNING ${EVENT_COLUMNS}`,
      [event.id],
    );
    await recordCrisisEvent(this.audit, m, caller, 'crisis.event.status', closed, {
      from: event.status,
      to: 'closed',
    });
    return closed;
  }

  /** The events of a country, by name: the statistics code list (no person, no count). */
  async namesOf(
    m: EntityManager,
    countries: string[] | 'all',
  ): Promise<{ id: string; name: string; countryCode: string }[]> {
    return m.query(
      `SELECT e.id, e.name, e.country_code AS "countryCode" FROM crisis_events e
        WHERE $1::bpchar[] IS NULL OR e.country_code = ANY($1) ORDER BY e.started_at DESC, e.id`,
      [countries === 'all' ? null : countries],
    );
  }

  private view(
    caller: Caller,
    event: CrisisEventRow,
    counts = { total: 0, unaccounted: 0 },
  ): CrisisEventView {
    return {
      ...event,
      counts,
      callerMay: {
        manage: this.access.mayManage(caller, event) && event.status !== 'closed',
        write: this.access.mayWrite(caller, event) && event.status !== 'closed',
      },
    };
  }

  /** Existing, active posts of one sending country: that country is the event's. */
  private async respondingCountry(consulateIds: string[]): Promise<string> {
    const posts = await this.consulates.names({ countries: [], consulateIds });
    const byId = new Map(posts.map((p) => [p.id, p]));
    const problems: FieldError[] = consulateIds.flatMap((id, index) => {
      const post = byId.get(id);
      if (!post)
        return [
          {
            field: `consulateIds.${index}`,
            code: 'UNKNOWN_CONSULATE',
            message: { es: 'No existe esa sede.', en: 'There is no such post.' },
          },
        ];
      if (!post.active)
        return [
          {
            field: `consulateIds.${index}`,
            code: 'CONSULATE_INACTIVE',
            message: { es: 'Esa sede no está activa.', en: 'That post is not active.' },
          },
        ];
      return [];
    });
    ReferenceChecks.throwIfAny(problems);
    const countries = new Set(posts.map((p) => p.countryCode));
    if (countries.size !== 1)
      throw invalidField(
        'consulateIds',
        'MIXED_COUNTRIES',
        'Las sedes que atienden un evento son todas de un mismo país.',
        'The posts responding to an event are all of one country.',
      );
    return posts[0].countryCode;
  }

  private subdivisionProblems(hostCountry: string, codes: string[]): Promise<FieldError[]> {
    return this.checks.subdivisionProblems('hostSubdivisions', codes, [hostCountry]);
  }
}

function startProblems(startedAt: Date): FieldError[] {
  return startedAt.getTime() > Date.now() + CLOCK_SKEW_MS
    ? [
        {
          field: 'startedAt',
          code: 'IN_THE_FUTURE',
          message: {
            es: 'El evento no puede empezar en el futuro.',
            en: 'The event cannot start in the future.',
          },
        },
      ]
    : [];
}
