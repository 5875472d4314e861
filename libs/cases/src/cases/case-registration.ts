import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { together } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { INTAKE_DISCLOSABLE_FIELDS } from '../consent/consent';
import { inCaseOrder } from '../persons/case-person-order';
import { CasePerson, CasePersonRow, PossibleDuplicate } from '../persons/person';
import { unknownPersonProblem } from '../persons/person-rules';
import { PersonsService } from '../persons/persons.service';
import { CaseRecord, NewCase } from './case';
import { recordCaseEvent } from './case-audit';
import { insertCase } from './case-insert';

export interface CreatedCase {
  case: CaseRecord;
  persons: CasePerson[];
  possibleDuplicates: PossibleDuplicate[];
}

/** The post a case is registered at, as the registration needs it. */
export interface RegistrationPost {
  id: string;
  countryCode: string;
  postCode: string;
}

/** A case of a national seeking international protection (docs/domain.md, Asylum safeguard). */
export function isAsylumCase(
  c: Pick<NewCase, 'primaryCategory' | 'secondaryCategories' | 'vulnerabilityFlags'>,
): boolean {
  return (
    c.primaryCategory === 'asylum' ||
    !!c.secondaryCategories?.includes('asylum') ||
    !!c.vulnerabilityFlags?.includes('asylum_seeker')
  );
}

/** Asylum is restricted whatever the caller asks (docs/domain.md, asylum safeguard). */
export const mustBeRestricted = isAsylumCase;

/**
 * What registering a validated case writes, in the given transaction, ending with the audit event
 * (the audit chain's lock is held from that insert to the commit, so nothing may come between):
 * the duplicate check, the new persons, the case with its reference and links. Returns the case and
 * its persons as stored (from the inserts' RETURNING), so that nobody reads them again. Also what
 * `npm run bench:cases` runs on a raw pg client as the baseline of the creation ratio.
 */
export async function registerCase(
  manager: EntityManager,
  services: { persons: PersonsService; audit: AuditService },
  registration: {
    post: RegistrationPost;
    caller: Caller;
    input: NewCase;
    now: Date;
  },
): Promise<CreatedCase> {
  const { post, caller, input, now } = registration;
  const newPersons = input.persons.filter((p) => p.person);
  // Before the inserts, so that no new person is found as a duplicate of itself. Validation
  // refused unreadable persons already; read again in this transaction, so that a case restricted
  // meanwhile is not linked from. Both in one round trip where the driver pipelines.
  const [duplicates, { persons: linked, restricted: linksRestrictedPerson }] = await together(
    manager,
    () =>
      services.persons.possibleDuplicates(
        caller,
        post.countryCode,
        newPersons.map((p) => p.person!),
        now,
        manager,
      ),
    () =>
      services.persons.linkableByIds(
        caller,
        post.countryCode,
        input.persons.flatMap((l) => (l.personId ? [l.personId] : [])),
        manager,
      ),
  );
  const unreadable = input.persons.findIndex((l) => l.personId && !linked.has(l.personId));
  if (unreadable >= 0)
    throw new DomainError('VALIDATION_FAILED', 'invalid', {
      fieldErrors: [unknownPersonProblem(`persons.${unreadable}.personId`)],
    });
  // The ids of the new persons and of the case are made here, so that every insert can go out at
  // once, in one round trip where the driver pipelines: the server runs them in this order (the
  // persons and their documents, the case and its links, its intake consent).
  const links: CasePersonRow[] = input.persons.map((link) => ({
    personId: link.personId ?? randomUUID(),
    role: link.role,
    relationship: link.relationship ?? null,
  }));
  const caseId = randomUUID();
  const primaryPersonId = links.find((p) => p.role === 'primary')!.personId;
  const createPersons = () =>
    together(
      manager,
      ...input.persons.flatMap((link, index) =>
        link.person
          ? [() => services.persons.create(manager, post, link.person!, now, links[index].personId)]
          : [],
      ),
    );
  const insert = () =>
    insertCase(
      manager,
      {
        id: caseId,
        consulateId: post.id,
        countryCode: post.countryCode,
        primaryCategory: input.primaryCategory,
        secondaryCategories: input.secondaryCategories ?? [],
        vulnerabilityFlags: input.vulnerabilityFlags ?? [],
        riskLevel: input.riskLevel ?? 'low',
        assignedOfficerId: input.assignedOfficerId ?? caller.userId,
        primaryPersonId,
        eventCountryCode: input.eventCountryCode ?? null,
        eventSubdivisionCode: input.eventSubdivisionCode ?? null,
        eventCity: input.eventCity ?? null,
        shelter: input.shelter ?? null,
        hostCountryRole: input.hostCountryRole ?? null,
        temporaryWorker: input.temporaryWorker ?? false,
        openedAt: input.openedAt ? new Date(input.openedAt) : now,
        summary: input.summary ?? '',
        nextStep: input.nextStep?.trim() || null,
        nextStepDue: input.nextStepDue ?? null,
        consent: input.consent
          ? { ...input.consent, recordedBy: caller.userId, recordedAt: now.toISOString() }
          : {},
        // A person of a restricted case keeps that protection in every case that links them.
        restricted: (input.restricted ?? false) || mustBeRestricted(input) || linksRestrictedPerson,
        createdBy: caller.userId,
        crisisEventId: input.crisisEventId ?? null,
      },
      post.postCode,
      links,
    );
  const consent = () =>
    input.consent
      ? recordIntakeConsent(manager, caseId, primaryPersonId, input.consent, caller, now)
      : Promise.resolve();
  const [createdPersons, created] = await together(manager, createPersons, insert, consent);
  const stored = new Map(createdPersons.map((p) => [p.id, p]));
  const persons = inCaseOrder(
    links.map((l) => ({
      role: l.role,
      relationship: l.relationship,
      person: stored.get(l.personId) ?? linked.get(l.personId)!,
    })),
  );
  await recordCaseEvent(
    services.audit,
    {
      action: 'case.create',
      caller,
      caseId: created.id,
      consulateId: post.id,
      countryCode: post.countryCode,
      details: {
        persons: { created: newPersons.length, linked: input.persons.length - newPersons.length },
        possibleDuplicates: duplicates.length,
      },
    },
    manager,
  );
  return { case: created, persons, possibleDuplicates: duplicates };
}

/**
 * The intake form's consent block is the primary person's first consent record, with the fields the
 * form covers; a signed form or a witnessed verbal consent is recorded on the case later.
 */
async function recordIntakeConsent(
  manager: EntityManager,
  caseId: string,
  primaryPersonId: string,
  consent: NonNullable<NewCase['consent']>,
  caller: Caller,
  now: Date,
): Promise<void> {
  const purposes = [
    consent.services && 'services',
    consent.disclosureToOrganisations && 'disclosure_to_organisations',
    consent.disclosureToOtherCountry && 'disclosure_to_other_country',
    consent.tracing && 'tracing',
  ].filter(Boolean);
  await manager.query(
    `INSERT INTO case_consents (case_id, person_id, purposes, disclosable_fields, method, given_at, recorded_by)
     VALUES ($1, $2, $3, $4, 'intake_form', $5, $6)`,
    [caseId, primaryPersonId, purposes, INTAKE_DISCLOSABLE_FIELDS, now, caller.userId],
  );
}
