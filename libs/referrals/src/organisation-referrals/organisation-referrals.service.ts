import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import {
  CaseAccess,
  CaseConsentsService,
  CaseLookup,
  CasePerson,
  CaseRecord,
  ConsularActionsService,
  DisclosurePreview,
  DisclosureRequest,
  PersonsService,
} from '@amparo/cases';
import { DomainError, invalidField, Page, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage } from '@amparo/database';
import { Organisation, OrganisationService, OrganisationsService } from '@amparo/directory';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import {
  NewReferral,
  OrganisationReferral,
  REFERRAL_COLUMNS,
  ReferralFilters,
  ReferralPreviewRequest,
  StoredReferral,
} from './referral';
import { ReferralCandidate, rankCandidates } from './referral-candidates';
import './referral-errors';
import { recordReferralEvent } from './referral-audit';
import { stepActionType, timelineOutcome } from './referral-timeline';

const PURPOSE = 'disclosure_to_organisations' as const;

const QUEUE_SORT = {
  fields: { createdAt: 'r.created_at' },
  types: { createdAt: 'timestamp' as const },
  default: '-createdAt',
  tieBreaker: 'r.id',
};

/**
 * Referrals of a case to organisations of the directory: choosing one, previewing what would be
 * disclosed, sending (the consent check at that moment, in the sending's transaction), and the
 * reads of the case page and the work queues.
 */
/** Open referrals of one sending post. */
export interface ReferralCounts {
  consulateId: string;
  pending: number;
  accepted: number;
  /** Pending or accepted, with a follow-up date before today (UTC). */
  overdueFollowUps: number;
}

@Injectable()
export class OrganisationReferralsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly persons: PersonsService,
    private readonly consents: CaseConsentsService,
    private readonly actions: ConsularActionsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /** Active organisations ranked by how they match the case's need, place and languages. */
  async candidates(
    caller: Caller,
    caseId: string,
    asked: { service?: OrganisationService; language?: string },
  ): Promise<ReferralCandidate[]> {
    const { found, persons } = await this.access.read(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      return { found, persons: await this.personsOf(m, found) };
    });
    const organisations = await this.organisations.active(asked);
    return rankCandidates(organisations, found, persons, asked);
  }

  /** Exactly what sending would disclose and what blocks it: the builder the sending uses. */
  async preview(
    caller: Caller,
    caseId: string,
    input: ReferralPreviewRequest,
  ): Promise<DisclosurePreview> {
    const organisation = await this.organisation(input.organisationId, input.services);
    const persons = await this.access.read(caller, async (m) =>
      this.personsOf(m, await this.cases.workable(caller, caseId, m)),
    );
    return this.consents.preview(caller, caseId, this.disclosure(organisation, persons, input));
  }

  async create(
    caller: Caller,
    caseId: string,
    input: NewReferral,
    now = new Date(),
  ): Promise<OrganisationReferral> {
    if (input.followUpDue && input.followUpDue < now.toISOString().slice(0, 10))
      throw invalidField(
        'followUpDue',
        'IN_THE_PAST',
        'La fecha de seguimiento no puede haber pasado.',
        'The follow-up date cannot be in the past.',
      );
    const organisation = await this.organisation(input.organisationId, input.services);
    return this.access.write(caller, async (m) => {
      const found = await this.cases.workable(caller, caseId, m);
      if (found.status === 'closed') throw new DomainError('CASE_CLOSED', 'conflict');
      const persons = await this.personsOf(m, found);
      const decision = await this.consents.authorizeDisclosure(
        caller,
        found,
        { ...this.disclosure(organisation, persons, input), override: input.override ?? null },
        m,
      );
      const personIds = input.personIds?.length
        ? persons.filter((p) => input.personIds!.includes(p.person.id)).map((p) => p.person.id)
        : [found.primaryPersonId];
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO organisation_referrals (case_id, case_reference, consulate_id, country_code, organisation_id,
            organisation_name, services, need, fields, person_ids, payload, consent_ids, override_id, follow_up_due,
            created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          found.id,
          found.reference,
          found.consulateId,
          found.countryCode,
          organisation.id,
          organisation.name,
          [...new Set(input.services)],
          input.need.trim(),
          decision.payload.fields,
          personIds,
          JSON.stringify(decision.payload),
          decision.consentIds,
          decision.overrideId,
          input.followUpDue ?? null,
          caller.userId,
          now,
        ],
      );
      const actionId = await this.actions.appendIn(m, caller, found, {
        type: stepActionType('sent'),
        occurredAt: now,
        outcome: timelineOutcome('sent', organisation.name, caller.locale),
      });
      await recordReferralEvent(this.audit, m, caller, 'referral.create', found, {
        referralId: id,
        organisationId: organisation.id,
        services: [...new Set(input.services)],
        fields: decision.payload.fields,
        personIds,
        consentIds: decision.consentIds,
        overrideId: decision.overrideId,
        actionId,
      });
      return (await findReferral(m, id))!;
    });
  }

  /** The referrals of one case, newest first (their payloads are personal data: audited). */
  async listForCase(caller: Caller, caseId: string): Promise<OrganisationReferral[]> {
    const [found, rows] = await this.access.read(caller, async (m) => [
      await this.cases.readable(caller, caseId, m),
      await m.query<StoredReferral[]>(
        `${REFERRAL_COLUMNS} FROM organisation_referrals r WHERE r.case_id = $1 ORDER BY r.created_at DESC, r.id`,
        [caseId],
      ),
    ]);
    await recordReferralEvent(this.audit, undefined, caller, 'case.referrals.read', found, {
      count: rows.length,
    });
    return rows;
  }

  async get(caller: Caller, id: string): Promise<OrganisationReferral> {
    const [found, referral] = await this.access.read(caller, async (m) => {
      const referral = await findReferral(m, id);
      if (!referral) throw new DomainError('REFERRAL_NOT_FOUND', 'not_found');
      return [await this.readableCase(caller, referral, m), referral] as const;
    });
    await recordReferralEvent(this.audit, undefined, caller, 'referral.read', found, {
      referralId: id,
    });
    return referral;
  }

  /**
   * The referrals of the caller's posts (a supervisor: of the country), for the work queues;
   * those of restricted cases the caller may not read are left out.
   */
  async list(caller: Caller, filters: ReferralFilters): Promise<Page<OrganisationReferral>> {
    const scope = this.scopeOf(caller);
    const page = await this.access.read(caller, async (m) => {
      const where = new SqlConditions()
        .add(
          '(r.consulate_id = ANY(?::uuid[]) OR r.country_code = ANY(?))',
          scope.consulates,
          scope.countries,
        )
        .addIf(filters.status, 'r.status = ?');
      if (filters.overdue)
        where.add(`r.follow_up_due < current_date AND r.status IN ('pending', 'accepted')`);
      const page = await keysetPage<StoredReferral>(m, {
        select: REFERRAL_COLUMNS,
        from: 'FROM organisation_referrals r',
        where,
        sort: resolveSort(undefined, QUEUE_SORT),
        tieBreaker: QUEUE_SORT.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      });
      const readable = new Set<string>();
      for (const caseId of new Set(page.items.map((r) => r.caseId))) {
        const ok = await this.cases
          .readable(caller, caseId, m)
          .then(() => true)
          .catch(() => false);
        if (ok) readable.add(caseId);
      }
      return { ...page, items: page.items.filter((r) => readable.has(r.caseId)) };
    });
    await recordCallerEvent(this.audit, caller, {
      action: 'referrals.list',
      resourceType: 'referral',
      details: {
        count: page.items.length,
        status: filters.status ?? null,
        overdue: !!filters.overdue,
      },
    });
    return page;
  }

  /** What the lead's cooperation queue counts: pending referrals and follow-ups past their date. */
  async counts(caller: Caller): Promise<{ pending: number; overdueFollowUps: number }> {
    const byPost = await this.countsByPost(caller);
    return {
      pending: byPost.reduce((sum, p) => sum + p.pending, 0),
      overdueFollowUps: byPost.reduce((sum, p) => sum + p.overdueFollowUps, 0),
    };
  }

  /** Open referrals (pending, accepted) of the caller's posts or countries, per sending post. */
  async countsByPost(caller: Caller): Promise<ReferralCounts[]> {
    const scope = this.scopeOf(caller);
    return this.access.read(caller, (m) =>
      m.query<ReferralCounts[]>(
        `SELECT r.consulate_id AS "consulateId",
                count(*) FILTER (WHERE r.status = 'pending')::int AS pending,
                count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE r.follow_up_due < current_date)::int AS "overdueFollowUps"
           FROM organisation_referrals r
          WHERE (r.consulate_id = ANY($1::uuid[]) OR r.country_code = ANY($2))
            AND r.status IN ('pending', 'accepted')
          GROUP BY r.consulate_id`,
        [scope.consulates, scope.countries],
      ),
    );
  }

  /** The referral's case, if the caller may read its content (404 outside their scope). */
  async readableCase(
    caller: Caller,
    referral: StoredReferral,
    m: EntityManager,
  ): Promise<CaseRecord> {
    return this.cases.readable(caller, referral.caseId, m);
  }

  /** The posts and supervised countries whose referrals the caller lists. */
  private scopeOf(caller: Caller): { consulates: readonly string[]; countries: readonly string[] } {
    return this.access.rowScope(caller);
  }

  private async personsOf(m: EntityManager, found: CaseRecord): Promise<CasePerson[]> {
    return (await this.persons.ofCasesIn(m, [found.id])).get(found.id) ?? [];
  }

  /** An active organisation of the directory offering every service asked, or a field problem. */
  private async organisation(
    id: string,
    services: readonly OrganisationService[],
  ): Promise<Organisation> {
    const organisation = isUUID(id) ? await this.organisations.get(id).catch(() => null) : null;
    if (!organisation?.active)
      throw invalidField(
        'organisationId',
        'NOT_FOUND',
        'Elija una organización activa del directorio.',
        'Choose an active organisation of the directory.',
      );
    const problems = services.flatMap((service, index) =>
      organisation.services.includes(service)
        ? []
        : [
            {
              field: `services.${index}`,
              code: 'NOT_OFFERED',
              message: {
                es: 'La organización no ofrece este servicio.',
                en: 'The organisation does not offer this service.',
              },
            },
          ],
    );
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: problems });
    return organisation;
  }

  /**
   * The disclosure a referral makes. A government agency is the authority of a country: the one
   * of its coverage that is a person's nationality if any (the asylum safeguard then applies),
   * else its first. Other organisations reach no authorities.
   */
  private disclosure(
    organisation: Organisation,
    persons: CasePerson[],
    input: Pick<ReferralPreviewRequest, 'fields' | 'personIds'>,
  ): Omit<DisclosureRequest, 'override'> {
    const chosen = input.personIds?.length
      ? persons.filter((p) => input.personIds!.includes(p.person.id))
      : persons.filter((p) => p.role === 'primary');
    const nationalities = chosen.map((p) => p.person.nationalityCode);
    const authorityOf =
      organisation.type === 'government_agency'
        ? (organisation.coverageCountries.find((c) => nationalities.includes(c)) ??
          organisation.coverageCountries[0] ??
          null)
        : null;
    return {
      purpose: PURPOSE,
      fields: input.fields,
      personIds: input.personIds,
      reachesAuthoritiesOf: authorityOf,
      target: `organisation:${organisation.id}`,
    };
  }
}

export async function findReferral(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<StoredReferral | null> {
  if (!isUUID(id)) return null;
  const [row] = await m.query<StoredReferral[]>(
    `${REFERRAL_COLUMNS} FROM organisation_referrals r WHERE r.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}
