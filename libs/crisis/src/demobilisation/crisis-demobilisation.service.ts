import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, invalidField } from '@amparo/core';
import { CaseAccess, CaseRegistrationService, NewCase, documentProblems } from '@amparo/cases';
import { Caller, PostOfficers } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { STILL_NEEDING_HELP } from '../crisis-codes';
import { recordCrisisEvent } from '../crisis-audit';
import { CrisisEventRow } from '../events/crisis-event';
import { CrisisEventAccess } from '../events/crisis-event-access';
import { CrisisEventsService } from '../events/crisis-events.service';
import { findEntries } from '../roster/roster-queries';
import { RosterEntry } from '../roster/roster-entry';

export interface Demobilisation {
  eventId: string;
  casesOpened: { entryId: string; caseId: string; reference: string }[];
}

/** A case's field error names the roster entry it came from: `entries.<entryId>.persons.0…`. */
function namingEntries(error: unknown, entries: RosterEntry[]): unknown {
  if (!(error instanceof DomainError) || !error.details.fieldErrors) return error;
  return new DomainError(error.code, error.kind, {
    ...error.details,
    fieldErrors: error.details.fieldErrors.map((p) => ({
      ...p,
      field: p.field.replace(
        /^cases\.(\d+)\./,
        (_m, i: string) => `entries.${entries[Number(i)].id}.`,
      ),
    })),
  });
}

/**
 * Demobilisation: the event closes, and each person who still needs help (or those named) gets an
 * ordinary case of category `crisis` linked to the event, opened through the cases context at the
 * post that took them in (or the lead post), its person created from the roster entry in the
 * event's country. All in one transaction: every case and the closing, or nothing.
 */
@Injectable()
export class CrisisDemobilisationService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly access: CrisisEventAccess,
    private readonly events: CrisisEventsService,
    private readonly registration: CaseRegistrationService,
    private readonly officers: PostOfficers,
    private readonly audit: AuditService,
  ) {}

  async demobilise(caller: Caller, eventId: string, entryIds?: string[]): Promise<Demobilisation> {
    const { event, entries } = await this.cases.read(caller, async (m) => {
      const event = await this.access.find(caller, m, eventId);
      this.access.assertManage(caller, event);
      this.access.assertOpen(event);
      return { event, entries: await this.chosen(m, event, entryIds) };
    });
    const inputs: NewCase[] = [];
    for (const entry of entries) inputs.push(await this.caseFor(caller, event, entry));
    return this.registration
      .openForCrisisEvent(caller, event.consulateIds, inputs, async (m, created) => {
        // Checked again, locked, in the writing transaction: a demobilisation that ran meanwhile wins.
        const current = await this.access.find(caller, m, event.id, { lock: true });
        this.access.assertOpen(current);
        const casesOpened = created.map((c, i) => ({
          entryId: entries[i].id,
          caseId: c.case.id,
          reference: c.case.reference,
        }));
        if (casesOpened.length)
          await m.query(
            `UPDATE crisis_roster_entries r SET case_id = l.case_id, person_id = l.person_id, version = version + 1
               FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS l(entry_id, case_id, person_id)
              WHERE r.event_id = $1 AND r.id = l.entry_id`,
            [
              event.id,
              casesOpened.map((c) => c.entryId),
              casesOpened.map((c) => c.caseId),
              created.map((c) => c.case.primaryPersonId),
            ],
          );
        await recordCrisisEvent(this.audit, m, caller, 'crisis.event.demobilise', event, {
          casesOpened: casesOpened.length,
          caseIds: casesOpened.map((c) => c.caseId),
        });
        await this.events.closeIn(m, caller, current);
        return { eventId: event.id, casesOpened };
      })
      .catch((error: unknown) => {
        throw namingEntries(error, entries);
      });
  }

  /** The entries named (each of this event, none with a case yet), or those still needing help. */
  private async chosen(
    m: EntityManager,
    event: CrisisEventRow,
    entryIds: string[] | undefined,
  ): Promise<RosterEntry[]> {
    if (entryIds) {
      const wanted = [...new Set(entryIds)];
      const found = await findEntries(m, event.id, wanted);
      const missing = wanted.findIndex((id) => !found.some((e) => e.id === id));
      if (missing >= 0)
        throw invalidField(
          `entryIds.${missing}`,
          'NOT_ON_ROSTER',
          'Esa persona no está en la lista de afectados de este evento.',
          'That person is not on the roster of this event.',
        );
      return found.filter((e) => !e.caseId);
    }
    const rows = await m.query<{ id: string }[]>(
      `SELECT r.id FROM crisis_roster_entries r
        WHERE r.event_id = $1 AND r.case_id IS NULL AND r.welfare_status = ANY($2)
        ORDER BY r.recorded_at, r.id`,
      [event.id, STILL_NEEDING_HELP],
    );
    return findEntries(
      m,
      event.id,
      rows.map((r) => r.id),
    );
  }

  /** The ordinary case of one person: at the post that took them in, assigned to who did if still there. */
  private async caseFor(
    caller: Caller,
    event: CrisisEventRow,
    entry: RosterEntry,
  ): Promise<NewCase> {
    const post =
      entry.recordedConsulateId && event.consulateIds.includes(entry.recordedConsulateId)
        ? entry.recordedConsulateId
        : event.consulateIds[0];
    const document = entry.document && {
      type: entry.document.type,
      number: entry.document.number,
      issuingCountryCode: entry.document.country ?? event.countryCode,
    };
    // A document the case rules would refuse (a hurried intake) stays on the roster entry only.
    const documents = document && !documentProblems([document]).length ? [document] : [];
    const email = entry.contact?.includes('@') ? entry.contact : null;
    return {
      consulateId: post,
      primaryCategory: 'crisis',
      summary: `Desmovilización del evento «${event.name}»; situación: ${entry.welfareStatus}. / Demobilisation of the event "${event.name}"; welfare status: ${entry.welfareStatus}.${entry.locationText ? ` ${entry.locationText}` : ''}`,
      eventCountryCode: event.hostCountryCode,
      eventSubdivisionCode: entry.locationSubdivision,
      assignedOfficerId: await this.officerAt(caller, post, entry),
      crisisEventId: event.id,
      persons: [
        {
          role: 'primary',
          person: {
            givenNames: entry.givenNames,
            familyNames: entry.familyNames,
            dateOfBirth: entry.dateOfBirth,
            sex: entry.sex ?? 'unknown',
            nationalityCode: event.countryCode,
            documents,
            phone: email ? null : entry.contact,
            email,
          },
        },
      ],
    };
  }

  private async officerAt(caller: Caller, post: string, entry: RosterEntry): Promise<string> {
    for (const candidate of [entry.recordedBy, caller.userId])
      if (await this.officers.isActiveOfficerAt(candidate, post)) return candidate;
    const [first] = await this.officers.activeOfficersAt(post);
    if (!first) throw new DomainError('CRISIS_NO_OFFICER_AT_POST', 'conflict');
    return first.id;
  }
}
