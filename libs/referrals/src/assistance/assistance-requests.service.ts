import { Injectable } from '@nestjs/common';
import { DomainError, invalidField, MAX_PAGE_SIZE, Page, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage } from '@amparo/database';
import {
  CaseAccess,
  CaseConsentsService,
  CaseLookup,
  CaseRecord,
  ConsularActionsService,
  DisclosurePreview,
} from '@amparo/cases';
import { Consulate, ConsulatesService } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import './assistance-errors';
import {
  AssistanceCandidate,
  AssistanceFilters,
  AssistanceRequestRow,
  AssistanceRequestView,
  NewAssistanceRequest,
  REQUEST_COLUMNS,
} from './assistance-request';
import { AssistanceSides } from './assistance-sides';

/** Without these a receiving post cannot open a case (the person's required fields). */
const FIELDS_FOR_A_CASE = ['names', 'sex', 'nationality'] as const;

const NEWEST_FIRST = {
  fields: { requestedAt: 'r.requested_at' },
  types: { requestedAt: 'timestamp' as const },
  default: '-requestedAt',
  tieBreaker: 'r.id',
};

/**
 * Mutual consular assistance, the requesting side and the lists of both: an officer of country A
 * asks a post of country B to assist (or be notified about) a national, sending only what the
 * person consented to, checked at the moment of sending in the same transaction.
 */
/** Assistance requests of one post, by side. */
export interface AssistanceCounts {
  consulateId: string;
  incomingPending: number;
  incomingActive: number;
  outgoingPending: number;
}

@Injectable()
export class AssistanceRequestsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly consents: CaseConsentsService,
    private readonly actions: ConsularActionsService,
    private readonly consulates: ConsulatesService,
    private readonly sides: AssistanceSides,
  ) {}

  /** Active posts of the other member countries; those whose place covers the case's event first. */
  async candidates(caller: Caller, caseId: string): Promise<AssistanceCandidate[]> {
    const found = await this.access.read(caller, (m) => this.cases.workable(caller, caseId, m));
    const posts: Consulate[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.consulates.list({ active: true, limit: MAX_PAGE_SIZE, cursor });
      posts.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return posts
      .filter((p) => p.sendingCountryCode !== found.countryCode)
      .map((p) => ({
        consulate: {
          id: p.id,
          name: p.name,
          sendingCountryCode: p.sendingCountryCode,
          hostCountryCode: p.hostCountryCode,
          city: p.city,
        },
        coversPlace: coversPlace(p, found),
      }))
      .sort((a, b) => Number(b.coversPlace) - Number(a.coversPlace));
  }

  /** Exactly what the request would carry and what blocks it; nothing is sent. */
  async preview(
    caller: Caller,
    caseId: string,
    input: Pick<NewAssistanceRequest, 'receivingConsulateId' | 'fields' | 'personIds'>,
  ): Promise<DisclosurePreview> {
    const { countryCode } = await this.access.read(caller, (m) =>
      this.cases.workable(caller, caseId, m),
    );
    const post = await this.receivingPost(input.receivingConsulateId, countryCode);
    return this.consents.preview(caller, caseId, {
      purpose: 'disclosure_to_other_country',
      fields: input.fields,
      personIds: input.personIds,
      reachesAuthoritiesOf: post.sendingCountryCode,
      target: `consulate:${post.id}`,
    });
  }

  async create(
    caller: Caller,
    caseId: string,
    input: NewAssistanceRequest,
  ): Promise<AssistanceRequestView> {
    const { countryCode } = await this.access.read(caller, (m) =>
      this.cases.workable(caller, caseId, m),
    );
    const post = await this.receivingPost(input.receivingConsulateId, countryCode);
    const missing = FIELDS_FOR_A_CASE.filter((f) => !input.fields.includes(f));
    if (input.kind === 'assistance' && missing.length)
      throw invalidField(
        'fields',
        'NEEDED_FOR_A_CASE',
        `Para que la otra oficina abra un caso, envíe al menos: ${missing.join(', ')}.`,
        `For the other post to open a case, send at least: ${missing.join(', ')}.`,
      );
    const row = await this.access.write(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      const decision = await this.consents.authorizeDisclosure(
        caller,
        found,
        {
          purpose: 'disclosure_to_other_country',
          fields: input.fields,
          personIds: input.personIds,
          reachesAuthoritiesOf: post.sendingCountryCode,
          target: `consulate:${post.id}`,
          override: input.override ?? null,
        },
        m,
      );
      const personIds = input.personIds?.length
        ? [...new Set(input.personIds)]
        : [found.primaryPersonId];
      const [created] = await m.query<AssistanceRequestRow[]>(
        `INSERT INTO assistance_requests AS r (kind, requesting_case_id, requesting_consulate_id, requesting_country_code,
                receiving_consulate_id, receiving_country_code, reason, reason_note, fields, person_ids, payload,
                consent_ids, override_id, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${REQUEST_COLUMNS}`,
        [
          input.kind,
          found.id,
          found.consulateId,
          found.countryCode,
          post.id,
          post.sendingCountryCode,
          input.reason,
          input.reasonNote.trim(),
          decision.payload.fields,
          personIds,
          JSON.stringify(decision.payload),
          decision.consentIds,
          decision.overrideId,
          caller.userId,
        ],
      );
      await this.actions.appendIn(m, caller, found, {
        type: 'referral',
        occurredAt: new Date(),
        outcome: `${input.kind === 'assistance' ? 'Solicitud de asistencia consular / Consular assistance request' : 'Notificación consular / Consular notification'}: ${post.name} (${post.sendingCountryCode}-${post.postCode})`,
      });
      await this.sides.record(
        caller,
        created,
        'requesting',
        'assistance.request',
        {
          caseId: found.id,
          receivingConsulateId: post.id,
          receivingCountryCode: post.sendingCountryCode,
          reason: input.reason,
          fields: decision.payload.fields,
          persons: personIds.length,
          overrideId: decision.overrideId,
        },
        m,
      );
      return created;
    });
    return (await this.sides.views([{ row, sides: ['requesting'] }]))[0];
  }

  /** The requests the caller's posts sent or received (a supervisor: their country's), newest first. */
  async list(caller: Caller, filters: AssistanceFilters): Promise<Page<AssistanceRequestView>> {
    const where = new SqlConditions();
    const posts = this.sides.posts(caller);
    const countries = this.sides.countries(caller);
    const incoming =
      '(r.receiving_consulate_id = ANY(?::uuid[]) OR r.receiving_country_code = ANY(?))';
    const outgoing =
      '(r.requesting_consulate_id = ANY(?::uuid[]) OR r.requesting_country_code = ANY(?))';
    if (filters.direction === 'incoming') where.add(incoming, posts, countries);
    else if (filters.direction === 'outgoing') where.add(outgoing, posts, countries);
    else where.add(`(${incoming} OR ${outgoing})`, posts, countries, posts, countries);
    where.addIf(filters.status, 'r.status = ?');
    const page = await this.access.read(caller, async (m) => {
      const rows = await keysetPage<AssistanceRequestRow>(m, {
        select: `SELECT ${REQUEST_COLUMNS}`,
        from: 'FROM assistance_requests r',
        where,
        sort: resolveSort(undefined, NEWEST_FIRST),
        tieBreaker: NEWEST_FIRST.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      });
      // Requests of a case the caller may not read drop out of the page (its cursor stays right).
      return { ...rows, items: await this.sides.visibleAmong(caller, m, rows.items) };
    });
    await this.sides.recordList(caller, {
      direction: filters.direction,
      status: filters.status ?? null,
      count: page.items.length,
    });
    return { items: await this.sides.views(page.items), nextCursor: page.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<AssistanceRequestView> {
    const visible = await this.access.read(caller, async (m) =>
      this.sides.visible(caller, m, await findRequest(m, id)),
    );
    await this.sides.record(caller, visible.row, visible.sides[0], 'assistance.read', {});
    return (await this.sides.views([visible]))[0];
  }

  /** Pending requests waiting on the caller's posts, and those they sent: the cooperation queue. */
  async counts(caller: Caller): Promise<{ incomingPending: number; outgoingPending: number }> {
    const byPost = await this.countsByPost(caller);
    return {
      incomingPending: byPost.reduce((sum, p) => sum + p.incomingPending, 0),
      outgoingPending: byPost.reduce((sum, p) => sum + p.outgoingPending, 0),
    };
  }

  /**
   * Per post of the caller (a supervisor: of their country): requests received and waiting for a
   * decision, received and accepted (being worked), and sent still waiting for the other side.
   */
  async countsByPost(caller: Caller): Promise<AssistanceCounts[]> {
    const posts = this.sides.posts(caller);
    const countries = this.sides.countries(caller);
    if (!posts.length && !countries.length) return [];
    return this.access.read(caller, (m) =>
      m.query<AssistanceCounts[]>(
        `SELECT post AS "consulateId",
                count(*) FILTER (WHERE side = 'in' AND status = 'pending')::int AS "incomingPending",
                count(*) FILTER (WHERE side = 'in' AND status = 'accepted')::int AS "incomingActive",
                count(*) FILTER (WHERE side = 'out' AND status = 'pending')::int AS "outgoingPending"
           FROM (SELECT r.receiving_consulate_id AS post, 'in' AS side, r.status FROM assistance_requests r
                  WHERE r.status IN ('pending', 'accepted')
                    AND (r.receiving_consulate_id = ANY($1::uuid[]) OR r.receiving_country_code = ANY($2))
                 UNION ALL
                 SELECT r.requesting_consulate_id, 'out', r.status FROM assistance_requests r
                  WHERE r.status = 'pending'
                    AND (r.requesting_consulate_id = ANY($1::uuid[]) OR r.requesting_country_code = ANY($2))) x
          GROUP BY post`,
        [posts, countries],
      ),
    );
  }

  /** An active post of another country, or a field error (same country: that is a transfer). */
  private async receivingPost(id: string, countryCode: string): Promise<Consulate> {
    const post = isUUID(id) ? await this.consulates.get(id).catch(() => null) : null;
    if (!post)
      throw invalidField(
        'receivingConsulateId',
        'UNKNOWN_CONSULATE',
        'No existe ese consulado.',
        'There is no such consulate.',
      );
    if (!post.active)
      throw invalidField(
        'receivingConsulateId',
        'CONSULATE_INACTIVE',
        'Ese consulado no está activo.',
        'That consulate is not active.',
      );
    if (post.sendingCountryCode === countryCode)
      throw invalidField(
        'receivingConsulateId',
        'SAME_COUNTRY',
        'Es un consulado de su propio país: para pasarle el caso, use un traslado.',
        'It is a consulate of your own country: to hand it the case, use a transfer.',
      );
    return post;
  }
}

/** One request by id, locked when about to change it; undefined for an id that names none. */
export async function findRequest(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<AssistanceRequestRow | undefined> {
  if (!isUUID(id)) return undefined;
  const [row] = await m.query<AssistanceRequestRow[]>(
    `SELECT ${REQUEST_COLUMNS} FROM assistance_requests r WHERE r.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

/** The post's host country is the event's, and its jurisdiction (if it has one) the subdivision's. */
function coversPlace(post: Consulate, found: CaseRecord): boolean {
  if (!found.eventCountryCode || post.hostCountryCode !== found.eventCountryCode) return false;
  return (
    !found.eventSubdivisionCode ||
    post.jurisdiction.length === 0 ||
    post.jurisdiction.includes(found.eventSubdivisionCode)
  );
}
