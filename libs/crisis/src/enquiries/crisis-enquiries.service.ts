import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, invalidField, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage, updateReturning } from '@amparo/database';
import { CaseAccess } from '@amparo/cases';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { recordCrisisEvent } from '../crisis-audit';
import { CrisisEventRow } from '../events/crisis-event';
import { CrisisEventAccess } from '../events/crisis-event-access';
import { findEntries } from '../roster/roster-queries';
import { Enquiry, EnquiryDetail, EnquiryFilters, ENQUIRY_COLUMNS, NewEnquiry } from './enquiry';
import './enquiry-errors';
import { rosterEntriesNamed } from './roster-name-match';

const OLDEST_FIRST = {
  fields: { recordedAt: 'q.recorded_at' },
  types: { recordedAt: 'timestamp' as const },
  default: 'recordedAt',
  tieBreaker: 'q.id',
};

/**
 * Relatives' enquiries: who asks for whom, the roster entries whose names are like the one sought
 * (accent- and typo-tolerant), the match the officer confirms, and what the relative was told.
 * The event's staff only; every read and step audited with ids and codes.
 */
@Injectable()
export class CrisisEnquiriesService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly events: CrisisEventAccess,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, eventId: string, input: NewEnquiry): Promise<EnquiryDetail> {
    return this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const post = this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      const [created] = await m.query<Enquiry[]>(
        `INSERT INTO crisis_enquiries AS q (event_id, relative_name, relative_contact, relationship,
                sought_given_names, sought_family_names, sought_details, recorded_by, recorded_consulate_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${ENQUIRY_COLUMNS}`,
        [
          event.id,
          input.relativeName.trim(),
          input.relativeContact.trim(),
          input.relationship?.trim() || null,
          input.soughtGivenNames.trim(),
          input.soughtFamilyNames?.trim() ?? '',
          input.soughtDetails?.trim() || null,
          caller.userId,
          post,
        ],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.enquiry.create', event, {
        enquiryId: created.id,
      });
      return this.detail(m, created);
    });
  }

  async list(caller: Caller, eventId: string, filters: EnquiryFilters): Promise<Page<Enquiry>> {
    const { event, page } = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const where = new SqlConditions().add('q.event_id = ?', event.id);
      where.addIf(filters.status, 'q.status = ?');
      const page = await keysetPage<Enquiry>(m, {
        select: `SELECT ${ENQUIRY_COLUMNS}`,
        from: 'FROM crisis_enquiries q',
        where,
        sort: resolveSort(undefined, OLDEST_FIRST),
        tieBreaker: OLDEST_FIRST.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      });
      return { event, page };
    });
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.enquiry.read', event, {
      count: page.items.length,
      status: filters.status ?? null,
    });
    return page;
  }

  /** An enquiry with the entry matched and the roster entries suggested for it. */
  async get(caller: Caller, eventId: string, enquiryId: string): Promise<EnquiryDetail> {
    const { event, detail } = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      return { event, detail: await this.detail(m, await enquiryOf(m, event, enquiryId)) };
    });
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.enquiry.read', event, {
      enquiryId: detail.id,
      suggestions: detail.suggestions.length,
    });
    return detail;
  }

  /** The officer confirms which roster entry is the person sought. */
  async match(
    caller: Caller,
    eventId: string,
    enquiryId: string,
    entryId: string,
  ): Promise<EnquiryDetail> {
    return this.step(caller, eventId, enquiryId, 'crisis.enquiry.match', async (m, event) => {
      const [entry] = await findEntries(m, event.id, [entryId]);
      if (!entry)
        throw invalidField(
          'entryId',
          'NOT_ON_ROSTER',
          'Esa persona no está en la lista de afectados de este evento.',
          'That person is not on the roster of this event.',
        );
      return {
        set: `status = CASE WHEN status = 'answered' THEN status ELSE 'matched' END,
              matched_entry_id = $3, matched_by = $4, matched_at = now()`,
        values: [entry.id, caller.userId],
        details: { entryId: entry.id },
      };
    });
  }

  /** What the relative was told: the enquiry is answered. */
  async answer(
    caller: Caller,
    eventId: string,
    enquiryId: string,
    answer: string,
  ): Promise<EnquiryDetail> {
    return this.step(caller, eventId, enquiryId, 'crisis.enquiry.answer', async () => ({
      set: `status = 'answered', answer = $3, answered_by = $4, answered_at = now()`,
      values: [answer.trim(), caller.userId],
      details: {},
    }));
  }

  async close(caller: Caller, eventId: string, enquiryId: string): Promise<EnquiryDetail> {
    return this.step(caller, eventId, enquiryId, 'crisis.enquiry.close', async () => ({
      set: `status = 'closed', closed_by = $3, closed_at = now()`,
      values: [caller.userId],
      details: {},
    }));
  }

  /** One change of an open enquiry by the event's staff, audited, in one transaction. */
  private step(
    caller: Caller,
    eventId: string,
    enquiryId: string,
    action: string,
    change: (
      m: EntityManager,
      event: CrisisEventRow,
    ) => Promise<{ set: string; values: unknown[]; details: Record<string, unknown> }>,
  ): Promise<EnquiryDetail> {
    return this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      this.events.assertWrite(caller, event);
      const current = await enquiryOf(m, event, enquiryId, true);
      if (current.status === 'closed') throw new DomainError('CRISIS_ENQUIRY_CLOSED', 'conflict');
      const { set, values, details } = await change(m, event);
      const [updated] = await updateReturning<Enquiry>(
        m,
        `UPDATE crisis_enquiries q SET ${set}, version = version + 1
          WHERE q.id = $1 AND q.version = $2 RETURNING ${ENQUIRY_COLUMNS}`,
        [current.id, current.version, ...values],
      );
      await recordCrisisEvent(this.audit, m, caller, action, event, {
        enquiryId: current.id,
        from: current.status,
        to: updated.status,
        ...details,
      });
      return this.detail(m, updated);
    });
  }

  private async detail(m: EntityManager, enquiry: Enquiry): Promise<EnquiryDetail> {
    const [matchedEntry] = enquiry.matchedEntryId
      ? await findEntries(m, enquiry.eventId, [enquiry.matchedEntryId])
      : [];
    const open = enquiry.status === 'open' || enquiry.status === 'matched';
    const suggestions = open
      ? await rosterEntriesNamed(
          m,
          enquiry.eventId,
          `${enquiry.soughtGivenNames} ${enquiry.soughtFamilyNames}`.trim(),
        )
      : [];
    return { ...enquiry, matchedEntry: matchedEntry ?? null, suggestions };
  }
}

async function enquiryOf(
  m: EntityManager,
  event: CrisisEventRow,
  id: string,
  lock = false,
): Promise<Enquiry> {
  const [row] = isUUID(id)
    ? await m.query<Enquiry[]>(
        `SELECT ${ENQUIRY_COLUMNS} FROM crisis_enquiries q WHERE q.event_id = $1 AND q.id = $2
         ${lock ? 'FOR UPDATE' : ''}`,
        [event.id, id],
      )
    : [];
  if (!row) throw new DomainError('CRISIS_ENQUIRY_NOT_FOUND', 'not_found');
  return row;
}
