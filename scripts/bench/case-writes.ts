// What a creation sends and writes, for npm run bench:cases' load process: the body of a new case
// (synthetic persons of a post), and the same creation on raw pg, as the service's transaction and
// as its inserts alone.
import { AuditService } from '@amparo/audit';
import {
  CaseAccess,
  CaseCategory,
  PersonsService,
  RiskLevel,
  VulnerabilityFlag,
  registerCase,
} from '@amparo/cases';
import { Caller, ScopeService } from '@amparo/identity';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { CATEGORY_WEIGHTS, Post, SUMMARIES, Synth, SynthPerson, synthPerson } from './seed-cases';

export interface NewCaseBody {
  consulateId: string;
  primaryCategory: CaseCategory;
  vulnerabilityFlags: VulnerabilityFlag[];
  riskLevel: RiskLevel;
  eventCountryCode: string;
  eventCity: string;
  summary: string;
  persons: {
    role: 'primary' | 'involved';
    relationship?: string;
    person: {
      givenNames: string;
      familyNames: string;
      dateOfBirth?: string;
      estimatedAge?: number;
      sex: SynthPerson['sex'];
      nationalityCode: string;
      documents?: { type: 'passport'; number: string; issuingCountryCode: string }[];
    };
  }[];
}

export function newCaseBody(s: Synth, post: Post): NewCaseBody {
  const person = (p: SynthPerson) => ({
    givenNames: p.givenNames,
    familyNames: p.familyNames,
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : { estimatedAge: p.estimatedAge! }),
    sex: p.sex,
    nationalityCode: post.countryCode,
    ...(p.passport
      ? {
          documents: [
            { type: 'passport' as const, number: p.passport, issuingCountryCode: post.countryCode },
          ],
        }
      : {}),
  });
  const now = Date.now();
  const persons: NewCaseBody['persons'] = [
    { role: 'primary', person: person(synthPerson(s, now)) },
  ];
  if (s.chance(0.2))
    persons.push({ role: 'involved', relationship: 'madre', person: person(synthPerson(s, now)) });
  const category = s.weighted(CATEGORY_WEIGHTS.filter(([c]) => c !== 'asylum'));
  return {
    consulateId: post.id,
    primaryCategory: category,
    vulnerabilityFlags: s.chance(0.5) ? ['detained'] : [],
    riskLevel: s.pick(['low', 'medium', 'high']),
    eventCountryCode: post.hostCountryCode,
    eventCity: post.city,
    summary: s.pick(SUMMARIES),
    persons,
  };
}

/**
 * CaseRegistrationService.create's transaction on a raw pg client: registerCase, the function the service
 * runs in its transaction (duplicate check, person inserts, the case, the audit event), given a
 * few-line EntityManager over the client instead of TypeORM's, without Nest, the HTTP layer, access
 * checks and validation (which come before the transaction). The baseline of the creation ratio.
 */
export async function createCaseTransactionRaw(
  client: Client,
  body: NewCaseBody,
  post: Post,
  officerId: string,
): Promise<void> {
  const manager = {
    query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
    // Pipelined as the API's connections are: registerCase then sends its inserts at once.
    connection: { options: { extra: { pipeline: (client as { pipeline?: boolean }).pipeline } } },
  } as unknown as EntityManager;
  await client.query('BEGIN');
  try {
    await registerCase(manager, RAW_SERVICES, {
      post,
      caller: officerCaller(officerId, post),
      input: body,
      now: new Date(),
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The officer of the post, with what registerCase reads of a caller (the duplicate check's scope). */
function officerCaller(userId: string, post: Post): Caller {
  return {
    userId,
    roles: ['officer'],
    grants: [{ role: 'officer', consulateId: post.id, countryCode: post.countryCode }],
  } as Partial<Caller> as Caller;
}

/** The services registerCase calls; given a manager, they use nothing else. */
const RAW_SERVICES = {
  persons: new PersonsService(
    new CaseAccess(new ScopeService(), undefined as unknown as DataSource),
  ),
  audit: new AuditService(undefined as unknown as DataSource),
};

/**
 * Only the inserts of a creation, as raw pg statements one by one (persons, documents, the post's
 * reference counter, the case, its persons, the audit event): no duplicate check. Printed for
 * comparison with earlier figures; the ratio's baseline is createCaseTransactionRaw.
 */
export async function insertCaseRaw(
  client: Client,
  body: NewCaseBody,
  post: Post,
  officerId: string,
): Promise<void> {
  const now = new Date();
  await client.query('BEGIN');
  try {
    const links: { id: string; role: string; relationship: string | null }[] = [];
    for (const link of body.persons) {
      const p = link.person;
      const {
        rows: [{ id }],
      } = await client.query<{ id: string }>(
        `INSERT INTO persons (country_code, given_names, family_names, other_names, date_of_birth, estimated_age,
                              estimated_age_on, sex, gender_identity, nationality_code, origin_subdivision_code,
                              origin_municipality, languages, indigenous_people, indigenous_language, phone, email,
                              address_abroad, case_consulate_ids, case_country_codes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                 ARRAY[$19::uuid], ARRAY[$1::bpchar]) RETURNING id`,
        [
          post.countryCode,
          p.givenNames.trim(),
          p.familyNames.trim(),
          [],
          p.dateOfBirth ?? null,
          p.estimatedAge ?? null,
          p.estimatedAge != null ? now.toISOString().slice(0, 10) : null,
          p.sex,
          null,
          p.nationalityCode,
          null,
          null,
          [],
          null,
          null,
          null,
          null,
          null,
          post.id,
        ],
      );
      for (const doc of p.documents ?? []) {
        await client.query(
          `INSERT INTO person_documents (person_id, type, number, issuing_country_code) VALUES ($1, $2, $3, $4)`,
          [id, doc.type, doc.number.trim(), doc.issuingCountryCode],
        );
      }
      links.push({ id, role: link.role, relationship: link.relationship ?? null });
    }
    const year = now.getUTCFullYear();
    const {
      rows: [{ sequence }],
    } = await client.query<{ sequence: number }>(
      `INSERT INTO case_reference_counters (consulate_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (consulate_id, year) DO UPDATE SET last_sequence = case_reference_counters.last_sequence + 1
       RETURNING last_sequence AS sequence`,
      [post.id, year],
    );
    const reference = `${post.countryCode}-${post.postCode}-${year}-${String(sequence).padStart(6, '0')}`;
    const {
      rows: [{ id: caseId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO cases (reference, consulate_id, country_code, primary_category, secondary_categories,
                          vulnerability_flags, risk_level, assigned_officer_id, primary_person_id, event_country_code,
                          event_subdivision_code, event_city, opened_at, summary, consent, restricted, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        reference,
        post.id,
        post.countryCode,
        body.primaryCategory,
        [],
        body.vulnerabilityFlags,
        body.riskLevel,
        officerId,
        links.find((l) => l.role === 'primary')!.id,
        body.eventCountryCode,
        null,
        body.eventCity,
        now,
        body.summary,
        JSON.stringify({}),
        false,
        officerId,
      ],
    );
    for (const l of links) {
      await client.query(
        `INSERT INTO case_persons (case_id, person_id, role, relationship) VALUES ($1, $2, $3, $4)`,
        [caseId, l.id, l.role, l.relationship],
      );
    }
    await client.query(
      `INSERT INTO audit_events
         (actor_user_id, actor_roles, consulate_id, country_code, action, resource_type, resource_id,
          outcome, request_id, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        officerId,
        ['officer'],
        post.id,
        post.countryCode,
        'case.create',
        'case',
        caseId,
        'success',
        null,
        null,
        JSON.stringify({
          persons: { created: body.persons.length, linked: 0 },
          possibleDuplicates: 0,
        }),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The body with one new person known by an estimated age: the costliest duplicate check. */
export function withEstimatedAgePerson(body: NewCaseBody): NewCaseBody {
  const { dateOfBirth: _birth, ...person } = body.persons[0].person;
  return { ...body, persons: [{ role: 'primary', person: { ...person, estimatedAge: 30 } }] };
}
