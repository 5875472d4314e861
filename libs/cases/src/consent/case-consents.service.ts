import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, invalidField, FieldError } from '@amparo/core';
import { SqlConditions, updateReturning } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import { CaseRecord } from '../cases/case';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseLookup } from '../cases/case-lookup';
import { isAsylumCase } from '../cases/case-registration';
import { CasePerson } from '../persons/person';
import { PersonsService } from '../persons/persons.service';
import {
  CASE_DISCLOSURE_FIELDS,
  CONSENT_COLUMNS,
  ConsentOverride,
  ConsentRecord,
  DisclosureField,
  DisclosurePayload,
  DisclosurePurpose,
  NewConsent,
  OVERRIDE_COLUMNS,
} from './consent';
import './consent-errors';
import { ConsentWithdrawalListeners } from './consent-withdrawal-listeners';
import { buildDisclosurePayload, normaliseFields } from './disclosure-payload';

/** A disclosure another context is about to make from a case. */
export interface DisclosureRequest {
  purpose: DisclosurePurpose;
  fields: readonly DisclosureField[];
  /** Persons of the case whose data goes; the primary person when not given. */
  personIds?: readonly string[];
  /**
   * The country whose authorities the disclosure reaches (a consulate of that country, a government
   * agency of it), if any: for a person seeking asylum from that country, the safeguard applies.
   */
  reachesAuthoritiesOf: string | null;
  /** What it goes to, kept with an override: `organisation:<id>`, `consulate:<id>`. */
  target: string;
  override?: { reason: string } | null;
}

/** What stands between a disclosure and its sending, per person. */
export interface DisclosureBlocker {
  personId: string;
  /** The person's current consent lacks the purpose (or there is none). */
  purposeMissing: boolean;
  /** Fields asked for that the person's consent does not allow. */
  fieldsMissing: DisclosureField[];
  /** The asylum safeguard: explicit consent to their own country's authorities is missing. */
  homeAuthoritiesConsentMissing: boolean;
}

export interface DisclosurePreview {
  payload: DisclosurePayload;
  blockers: DisclosureBlocker[];
  /** No override can lift these. */
  asylumSafeguard: boolean;
  /** The caller may override the missing consent (consul of the post), with a reason. */
  overrideAllowed: boolean;
}

export interface DisclosureDecision {
  payload: DisclosurePayload;
  /** The consents it relied on, or none when overridden. */
  consentIds: string[];
  overrideId: string | null;
}

/**
 * Consent per case and per person, and the one check every disclosure makes at the moment of
 * sending (`authorizeDisclosure`): the person's current consent must name the purpose and allow each
 * field; a consul may override a missing consent with a reason (kept, reviewed); nothing overrides
 * the asylum safeguard.
 */
@Injectable()
export class CaseConsentsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly persons: PersonsService,
    private readonly audit: AuditService,
    private readonly withdrawals: ConsentWithdrawalListeners,
  ) {}

  async list(
    caller: Caller,
    caseId: string,
  ): Promise<{ consents: ConsentRecord[]; overrides: ConsentOverride[] }> {
    const [found, consents, overrides] = await this.access.read(caller, async (m) => [
      await this.cases.readable(caller, caseId, m),
      await m.query<ConsentRecord[]>(
        `SELECT ${CONSENT_COLUMNS} FROM case_consents k WHERE k.case_id = $1 ORDER BY k.recorded_at DESC, k.id`,
        [caseId],
      ),
      await m.query<ConsentOverride[]>(
        `SELECT ${OVERRIDE_COLUMNS} FROM consent_overrides o JOIN cases c ON c.id = o.case_id
          WHERE o.case_id = $1 ORDER BY o.overridden_at DESC, o.id`,
        [caseId],
      ),
    ]);
    await recordCaseEvent(this.audit, {
      action: 'case.consents.read',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { count: consents.length, overrides: overrides.length },
    });
    return { consents, overrides };
  }

  /** Records a person's consent; it replaces their current one on the case. */
  async record(
    caller: Caller,
    caseId: string,
    input: NewConsent,
    now = new Date(),
  ): Promise<ConsentRecord> {
    const givenAt = input.givenAt ? new Date(input.givenAt) : now;
    if (givenAt > now)
      throw invalidField(
        'givenAt',
        'IN_THE_FUTURE',
        'El consentimiento no puede haberse dado en el futuro.',
        'Consent cannot have been given in the future.',
      );
    return this.access.write(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      await this.assertOnCase(m, caseId, input.personId);
      const [previous] = await m.query<{ id: string }[]>(
        `SELECT id FROM case_consents WHERE case_id = $1 AND person_id = $2
            AND superseded_by IS NULL AND withdrawn_at IS NULL FOR UPDATE`,
        [caseId, input.personId],
      );
      const [{ id }] = await m.query<{ id: string }[]>('SELECT gen_random_uuid() AS id');
      // The previous consent steps aside first: one current consent per person (a unique index).
      if (previous)
        await m.query('UPDATE case_consents SET superseded_by = $2 WHERE id = $1', [
          previous.id,
          id,
        ]);
      await m.query(
        `INSERT INTO case_consents (id, case_id, person_id, purposes, disclosable_fields, method, witness_name,
                                    given_by, guardian_name, given_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          caseId,
          input.personId,
          [...new Set(input.purposes)],
          normaliseFields(input.disclosableFields),
          input.method,
          input.method === 'verbal_with_witness' ? input.witnessName!.trim() : null,
          input.givenBy,
          input.givenBy === 'guardian' ? input.guardianName!.trim() : null,
          givenAt,
          caller.userId,
        ],
      );
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.consent.record',
          caller,
          caseId,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: {
            consentId: id,
            personId: input.personId,
            purposes: input.purposes,
            fields: normaliseFields(input.disclosableFields),
            method: input.method,
            replaces: previous?.id ?? null,
          },
        },
        m,
      );
      return this.find(m, caseId, id);
    });
  }

  /**
   * The person withdraws their consent, at the time they did: nothing more is disclosed on it, and
   * what was waiting to be sent on it (registered listeners: pending referrals and requests) stops.
   */
  async withdraw(
    caller: Caller,
    caseId: string,
    consentId: string,
    input: { withdrawnAt?: string; note?: string | null },
    now = new Date(),
  ): Promise<ConsentRecord> {
    const withdrawnAt = input.withdrawnAt ? new Date(input.withdrawnAt) : now;
    if (withdrawnAt > now)
      throw invalidField(
        'withdrawnAt',
        'IN_THE_FUTURE',
        'La retirada no puede ocurrir en el futuro.',
        'A withdrawal cannot happen in the future.',
      );
    return this.access.write(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      const consent = isUUID(consentId) ? await this.findOrNull(m, caseId, consentId, true) : null;
      if (!consent) throw new DomainError('CONSENT_NOT_FOUND', 'not_found');
      if (!consent.current) throw new DomainError('CONSENT_NOT_CURRENT', 'conflict');
      if (withdrawnAt < new Date(consent.givenAt))
        throw invalidField(
          'withdrawnAt',
          'BEFORE_CONSENT',
          'La retirada no puede ser anterior al consentimiento.',
          'A withdrawal cannot precede the consent.',
        );
      await m.query(
        `UPDATE case_consents SET withdrawn_at = $2, withdrawn_recorded_by = $3, withdrawn_recorded_at = now(),
                withdrawal_note = $4 WHERE id = $1`,
        [consentId, withdrawnAt, caller.userId, input.note?.trim() || null],
      );
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.consent.withdraw',
          caller,
          caseId,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: { consentId, personId: consent.personId, purposes: consent.purposes },
        },
        m,
      );
      await this.withdrawals.notify(m, caller, {
        caseId,
        personId: consent.personId,
        purposes: consent.purposes,
        withdrawnAt,
      });
      return this.find(m, caseId, consentId);
    });
  }

  /** What a disclosure would carry and what blocks it, without sending anything (audited). */
  async preview(
    caller: Caller,
    caseId: string,
    request: Omit<DisclosureRequest, 'override'>,
  ): Promise<DisclosurePreview> {
    const [found, preview] = await this.access.read(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      return [found, await this.judge(caller, found, request, m)] as const;
    });
    await recordCaseEvent(this.audit, {
      action: 'case.disclosure.preview',
      caller,
      caseId,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { purpose: request.purpose, fields: preview.payload.fields, target: request.target },
    });
    return preview;
  }

  /**
   * The check at the moment of sending, in the sender's transaction (its wall up, the case already
   * found workable): returns exactly what may be sent, or refuses, the refusal kept in the audit
   * trail. An override by the post's consul is recorded here, in the same transaction as the sending.
   */
  async authorizeDisclosure(
    caller: Caller,
    found: CaseRecord,
    request: DisclosureRequest,
    manager: EntityManager,
  ): Promise<DisclosureDecision> {
    const preview = await this.judge(caller, found, request, manager, true);
    const refusal = (reason: string) => ({
      action: 'case.disclosure.refuse',
      resourceType: 'case',
      resourceId: found.id,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: {
        purpose: request.purpose,
        fields: preview.payload.fields,
        target: request.target,
        reason,
      },
    });
    if (preview.asylumSafeguard)
      throw new DomainError('ASYLUM_SAFEGUARD', 'forbidden', {
        refusal: refusal('asylum_safeguard'),
      });
    const personIds = preview.blockers.map((b) => b.personId);
    const blocked = preview.blockers.filter((b) => b.purposeMissing || b.fieldsMissing.length);
    if (!blocked.length) {
      const [{ ids }] = await manager.query<{ ids: string[] }[]>(
        `SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids FROM case_consents
          WHERE case_id = $1 AND person_id = ANY($2::uuid[]) AND superseded_by IS NULL AND withdrawn_at IS NULL`,
        [found.id, personIds],
      );
      return { payload: preview.payload, consentIds: ids, overrideId: null };
    }
    if (!request.override)
      throw new DomainError('CONSENT_REQUIRED', 'conflict', {
        fieldErrors: blockerErrors(blocked),
        refusal: refusal('consent_missing'),
      });
    if (!preview.overrideAllowed)
      throw new DomainError('CONSENT_OVERRIDE_NOT_ALLOWED', 'forbidden', {
        refusal: refusal('override_not_allowed'),
      });
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO consent_overrides (case_id, purpose, fields, person_ids, target, reason, overridden_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        found.id,
        request.purpose,
        preview.payload.fields,
        personIds,
        request.target,
        request.override.reason.trim(),
        caller.userId,
      ],
    );
    await recordCaseEvent(
      this.audit,
      {
        action: 'case.consent.override',
        caller,
        caseId: found.id,
        consulateId: found.consulateId,
        countryCode: found.countryCode,
        details: {
          overrideId: id,
          purpose: request.purpose,
          fields: preview.payload.fields,
          target: request.target,
        },
      },
      manager,
    );
    return { payload: preview.payload, consentIds: [], overrideId: id };
  }

  /**
   * The review list of consent overrides: a consul's posts, a supervisor's country; of restricted
   * cases only those the caller may read (an override names the case's persons).
   */
  async listOverrides(
    caller: Caller,
    status: 'unreviewed' | 'reviewed' | 'all',
  ): Promise<ConsentOverride[]> {
    const where = new SqlConditions();
    where.add(
      '(c.consulate_id = ANY(?::uuid[]) OR c.country_code = ANY(?))',
      this.access.consulPosts(caller),
      this.access.rowScope(caller).countries,
    );
    this.access.restrictToReadable(where, caller);
    if (status !== 'all')
      where.add(`o.reviewed_at IS ${status === 'unreviewed' ? '' : 'NOT '}NULL`);
    return this.access.read(caller, (m) =>
      m.query<ConsentOverride[]>(
        `SELECT ${OVERRIDE_COLUMNS} FROM consent_overrides o JOIN cases c ON c.id = o.case_id
          ${where.where} ORDER BY o.overridden_at DESC, o.id LIMIT 500`,
        where.params,
      ),
    );
  }

  /** How many overrides wait for review: the count the work queue shows. */
  async unreviewedOverrides(caller: Caller, manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM consent_overrides o JOIN cases c ON c.id = o.case_id
        WHERE c.consulate_id = ANY($1::uuid[]) AND o.reviewed_at IS NULL AND o.overridden_by <> $2`,
      [this.access.consulPosts(caller), caller.userId],
    );
    return count;
  }

  /** Another consul of the post, or a supervisor of the country, reviews an override. */
  async reviewOverride(caller: Caller, id: string, note?: string | null): Promise<ConsentOverride> {
    const consulPosts = this.access.consulPosts(caller);
    const countries = this.access.rowScope(caller).countries;
    return this.access.write(caller, async (m) => {
      const [existing] = isUUID(id)
        ? await m.query<(ConsentOverride & { countryCode: string })[]>(
            `SELECT ${OVERRIDE_COLUMNS}, c.country_code AS "countryCode"
               FROM consent_overrides o JOIN cases c ON c.id = o.case_id WHERE o.id = $1 FOR UPDATE OF o`,
            [id],
          )
        : [];
      const reviewable =
        existing &&
        (consulPosts.includes(existing.consulateId) || countries.includes(existing.countryCode)) &&
        (await this.cases.readable(caller, existing.caseId, m).then(
          () => true,
          () => false,
        ));
      if (!reviewable) throw new DomainError('CONSENT_OVERRIDE_NOT_FOUND', 'not_found');
      if (existing.reviewedAt) throw new DomainError('CONSENT_OVERRIDE_REVIEWED', 'conflict');
      if (existing.overriddenBy === caller.userId)
        throw new DomainError('CONSENT_OVERRIDE_OWN', 'forbidden');
      await updateReturning(
        m,
        `UPDATE consent_overrides SET reviewed_by = $2, reviewed_at = now(), review_note = $3 WHERE id = $1 RETURNING id`,
        [id, caller.userId, note?.trim() || null],
      );
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.consent.override.review',
          caller,
          caseId: existing.caseId,
          consulateId: existing.consulateId,
          countryCode: existing.countryCode,
          details: { overrideId: id },
        },
        m,
      );
      const [row] = await m.query<ConsentOverride[]>(
        `SELECT ${OVERRIDE_COLUMNS} FROM consent_overrides o JOIN cases c ON c.id = o.case_id WHERE o.id = $1`,
        [id],
      );
      return row;
    });
  }

  /**
   * Judges a disclosure against the current consents of its persons, read in `manager`'s
   * transaction (locked when about to send, so a withdrawal racing it waits or wins).
   */
  private async judge(
    caller: Caller,
    found: CaseRecord,
    request: Omit<DisclosureRequest, 'override'>,
    manager: EntityManager,
    lock = false,
  ): Promise<DisclosurePreview> {
    const all = (await this.persons.ofCasesIn(manager, [found.id])).get(found.id) ?? [];
    const persons = this.chosenPersons(all, request.personIds);
    const consents = await manager.query<ConsentRecord[]>(
      `SELECT ${CONSENT_COLUMNS} FROM case_consents k
        WHERE k.case_id = $1 AND k.superseded_by IS NULL AND k.withdrawn_at IS NULL ${lock ? 'FOR SHARE' : ''}`,
      [found.id],
    );
    const byPerson = new Map(consents.map((k) => [k.personId, k]));
    const fields = normaliseFields(request.fields);
    const primaryId = all.find((p) => p.role === 'primary')?.person.id;
    const asylum = isAsylumCase(found);
    const blockers = persons.map(({ person }): DisclosureBlocker => {
      const consent = byPerson.get(person.id);
      // Case-level fields describe the case: the primary person's consent answers for them.
      const own = fields.filter(
        (f) =>
          !(CASE_DISCLOSURE_FIELDS as readonly string[]).includes(f) || person.id === primaryId,
      );
      return {
        personId: person.id,
        purposeMissing: !consent?.purposes.includes(request.purpose),
        fieldsMissing: own.filter((f) => !consent?.disclosableFields.includes(f)),
        homeAuthoritiesConsentMissing:
          asylum &&
          request.reachesAuthoritiesOf !== null &&
          person.nationalityCode === request.reachesAuthoritiesOf &&
          !consent?.purposes.includes('disclosure_to_home_authorities'),
      };
    });
    return {
      payload: buildDisclosurePayload(found, persons, fields),
      blockers,
      asylumSafeguard: blockers.some((b) => b.homeAuthoritiesConsentMissing),
      overrideAllowed: this.access.rolesOn(caller, found).includes('consul'),
    };
  }

  private chosenPersons(all: CasePerson[], personIds?: readonly string[]): CasePerson[] {
    if (!personIds?.length) return all.filter((p) => p.role === 'primary');
    const unknown = personIds.filter((id) => !all.some((p) => p.person.id === id));
    if (unknown.length)
      throw invalidField(
        'personIds',
        'NOT_ON_CASE',
        'Cada persona debe figurar en el caso.',
        'Each person must be on the case.',
      );
    return all.filter((p) => personIds.includes(p.person.id));
  }

  private async assertOnCase(m: EntityManager, caseId: string, personId: string): Promise<void> {
    const [row] = isUUID(personId)
      ? await m.query<unknown[]>(
          'SELECT 1 FROM case_persons WHERE case_id = $1 AND person_id = $2',
          [caseId, personId],
        )
      : [];
    if (!row)
      throw invalidField(
        'personId',
        'NOT_ON_CASE',
        'La persona debe figurar en el caso.',
        'The person must be on the case.',
      );
  }

  private async find(m: EntityManager, caseId: string, id: string): Promise<ConsentRecord> {
    return (await this.findOrNull(m, caseId, id))!;
  }

  private async findOrNull(
    m: EntityManager,
    caseId: string,
    id: string,
    lock = false,
  ): Promise<ConsentRecord | null> {
    const [row] = await m.query<ConsentRecord[]>(
      `SELECT ${CONSENT_COLUMNS} FROM case_consents k WHERE k.id = $1 AND k.case_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, caseId],
    );
    return row ?? null;
  }
}

/** Field-level reasons of a refusal, per person and field: what to fix. */
function blockerErrors(blocked: DisclosureBlocker[]): FieldError[] {
  return blocked.flatMap((b) => [
    ...(b.purposeMissing
      ? [
          {
            field: 'purpose',
            code: 'NOT_CONSENTED',
            message: {
              es: `La persona ${b.personId} no ha consentido este tipo de divulgación.`,
              en: `Person ${b.personId} has not consented to this kind of disclosure.`,
            },
          },
        ]
      : []),
    ...b.fieldsMissing.map((field) => ({
      field: `fields`,
      code: 'NOT_CONSENTED',
      message: {
        es: `La persona ${b.personId} no ha consentido divulgar «${field}».`,
        en: `Person ${b.personId} has not consented to disclosing "${field}".`,
      },
    })),
  ]);
}
