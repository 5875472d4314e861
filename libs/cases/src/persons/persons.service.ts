import { Injectable } from '@nestjs/common';
import { SqlConditions, behind, together } from '@amparo/database';
import { randomUUID } from 'node:crypto';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import {
  CasePerson,
  PERSON_COLUMNS,
  Person,
  personColumns,
  PersonInput,
  PossibleDuplicate,
} from './person';
import { queryWords } from './person-name-words';
import { normalizeDocumentNumber } from './person-rules';

/** Names this close (pg_trgm similarity, accents and case ignored) count as the same name. */
export const SAME_NAME = 0.45;
/** pg_trgm's threshold a hair below ours, and no JIT: see `withTrigramThresholds`. */
const TRIGRAM_SETTINGS = {
  'pg_trgm.similarity_threshold': String(SAME_NAME - 0.001),
  jit: 'off',
} as const;

/**
 * How much of the query must be found among a candidate's names (pg_trgm word similarity), once the
 * name-word keys have found the candidates: a typo or two and any word order pass ("jose hernadez"
 * scores 0.71 against "José Hernández López"), while a name that merely shares a given name does
 * not ("jose perez" scores 0.45 against it).
 */
const SEARCH_NAME = 0.5;
/**
 * The birth years (as migration 0034 keys persons) around a wanted estimated age that hold every
 * person whose age today can be within the band of 2 years: an age is the year difference, less
 * one before the birthday (or plus one for a date in the future), so ±(2 + 1).
 */
export const BAND_BIRTH_YEARS = 3;

/**
 * The nationals assisted. Persons belong to the country (tenant) whose consulate registered them; a
 * person may appear in several cases. A caller may read a person who appears in at least one case
 * they may read (`readableBy`): search, duplicate candidates and linking never name anyone else.
 */
/** A person found by a search, with the cases of theirs the caller may read. */
export type FoundPerson = Person & { score: number; caseIds: string[]; worksCase: boolean };

@Injectable()
export class PersonsService {
  constructor(private readonly access: CaseAccess) {}

  /**
   * A new person and their documents, returned as stored. Two statements: the documents' policy
   * (row-level security) must see the person, which a sibling statement of one WITH does not.
   * `post` is the post whose new case names the person, in the same transaction: the person is
   * inserted with that case's scope (the posts and countries that may read them, which the database
   * keeps; migration 0037), so that linking them rewrites nothing.
   */
  async create(
    manager: EntityManager,
    post: { id: string; countryCode: string },
    input: PersonInput,
    today: Date,
    id: string = randomUUID(),
  ): Promise<Person> {
    const documents = input.documents ?? [];
    // The id made here (or by the caller, who may need it first), so that the documents' insert
    // goes out right behind the person's (one round trip where the driver pipelines; the server
    // runs them in order).
    const insertPerson = () =>
      manager.query(
        `INSERT INTO persons (id, country_code, given_names, family_names, other_names, date_of_birth, estimated_age,
                            estimated_age_on, sex, gender_identity, nationality_code, origin_subdivision_code,
                            origin_municipality, languages, indigenous_people, indigenous_language, phone, email,
                            address_abroad, gender, case_consulate_ids, case_country_codes)
       VALUES ($20, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
               ARRAY[$21::uuid], ARRAY[$1::bpchar])`,
        [
          post.countryCode,
          input.givenNames.trim(),
          input.familyNames.trim(),
          input.otherNames ?? [],
          input.dateOfBirth ?? null,
          input.estimatedAge ?? null,
          input.estimatedAge != null ? today.toISOString().slice(0, 10) : null,
          input.sex,
          input.genderIdentity ?? null,
          input.nationalityCode,
          input.originSubdivisionCode ?? null,
          input.originMunicipality ?? null,
          input.languages ?? [],
          input.indigenousPeople ?? null,
          input.indigenousLanguage ?? null,
          input.phone ?? null,
          input.email ?? null,
          input.addressAbroad ?? null,
          input.gender ?? null,
          id,
          post.id,
        ],
      );
    const insertDocuments = () =>
      manager.query<Person[]>(
        `WITH documents AS (
         INSERT INTO person_documents (person_id, type, number, issuing_country_code)
         SELECT $1, d.type, d.number, d.issuing_country_code
           FROM unnest($2::text[], $3::text[], $4::text[]) AS d(type, number, issuing_country_code)
         RETURNING *)
       SELECT ${personColumns('documents')} FROM persons p WHERE p.id = $1`,
        [
          id,
          documents.map((d) => d.type),
          documents.map((d) => d.number.trim()),
          documents.map((d) => d.issuingCountryCode),
        ],
      );
    const [, [person]] = await together(manager, insertPerson, insertDocuments);
    return person;
  }

  /**
   * The persons of these ids that the caller may link into a new case: readable (without
   * break-the-glass, see `CaseAccess.restrictToReadable`) and of the country, so that a person the
   * caller cannot link answers exactly like an id that does not exist. `restricted` tells whether
   * any of them appears in a restricted case, which the new case must then be too.
   */
  async linkableByIds(
    caller: Caller,
    countryCode: string,
    ids: string[],
    manager: EntityManager,
  ): Promise<{ persons: Map<string, Person>; restricted: boolean }> {
    if (!ids.length) return { persons: new Map(), restricted: false };
    const sql = new SqlConditions();
    const wanted = sql.param(ids);
    const country = sql.param(countryCode);
    const readable = this.readableBy(sql, caller, 'p', { breakGlass: false });
    const rows = await manager.query<(Person & { inRestrictedCase: boolean })[]>(
      `SELECT ${PERSON_COLUMNS},
              EXISTS (SELECT 1 FROM case_persons rp JOIN cases rc ON rc.id = rp.case_id
                       WHERE rp.person_id = p.id AND rc.restricted) AS "inRestrictedCase"
         FROM persons p
        WHERE p.id = ANY(${wanted}::uuid[]) AND p.country_code = ${country} AND ${readable}`,
      sql.params,
    );
    return {
      persons: new Map(rows.map(({ inRestrictedCase: _, ...p }) => [p.id, p as Person])),
      restricted: rows.some((p) => p.inRestrictedCase),
    };
  }

  /** Persons of each case, primary first, as the caller may see them. */
  async ofCases(caller: Caller, caseIds: string[]): Promise<Map<string, CasePerson[]>> {
    return this.access.read(caller, (manager) => this.ofCasesIn(manager, caseIds));
  }

  /**
   * The same, in the caller's transaction (its wall already up). One case (a case read) is asked
   * for by a scalar parameter: given an array, PostgreSQL's generic plan expects ten cases, costs
   * ten times the custom plan of one, and so the prepared statement was planned anew on every read,
   * policies and all (1.1 ms of PostgreSQL's CPU of a read's 2).
   */
  async ofCasesIn(manager: EntityManager, caseIds: string[]): Promise<Map<string, CasePerson[]>> {
    const wanted = caseIds.length === 1 ? 'cp.case_id = $1::uuid' : 'cp.case_id = ANY($1::uuid[])';
    const rows = await manager.query<
      (Person & { caseId: string; role: CasePerson['role']; relationship: string | null })[]
    >(
      `SELECT cp.case_id AS "caseId", cp.role, cp.relationship, ${PERSON_COLUMNS}
         FROM case_persons cp JOIN persons p ON p.id = cp.person_id
        WHERE ${wanted} ORDER BY cp.role DESC, cp.person_id`,
      [caseIds.length === 1 ? caseIds[0] : caseIds],
    );
    const byCase = new Map<string, CasePerson[]>();
    for (const { caseId, role, relationship, ...person } of rows) {
      const list = byCase.get(caseId) ?? [];
      list.push({ role, relationship, person });
      byCase.set(caseId, list);
    }
    return byCase;
  }

  /**
   * Persons of the same country who may be one of these: a similar name with the same birth date or
   * an overlapping age band, or the same identity document; only persons the caller may read. A
   * match the caller cannot read is not hinted at either: that a person has a case elsewhere is
   * itself what a restricted (asylum) case protects. In the given transaction when there is one (a
   * creation checks before it inserts, without a transaction of its own), else in a new one.
   */
  async possibleDuplicates(
    caller: Caller,
    countryCode: string,
    inputs: PersonInput[],
    today: Date,
    manager?: EntityManager,
  ): Promise<PossibleDuplicate[]> {
    if (!inputs.length) return [];
    return this.withTrigramThresholds(
      caller,
      async (m) => {
        const found: PossibleDuplicate[] = [];
        for (const input of inputs)
          found.push(...(await this.duplicatesOf(m, caller, countryCode, input, today)));
        return found;
      },
      manager,
    );
  }

  private async duplicatesOf(
    manager: EntityManager,
    caller: Caller,
    countryCode: string,
    input: PersonInput,
    today: Date,
  ): Promise<PossibleDuplicate[]> {
    const age = input.dateOfBirth ? null : (input.estimatedAge ?? null);
    const documents = (input.documents ?? []).map((d) => normalizeDocumentNumber(d.number));
    // Candidates come from indexes only: the same document, the same birth date, or (for an
    // estimated age) a similar name among persons whose age may be in the band (their birth year
    // within 3 of the wanted age's: see migration 0034); the rules then decide in SQL, before the
    // LIMIT, and over every candidate the caller may read.
    const sql = new SqlConditions();
    [
      countryCode,
      input.givenNames,
      input.familyNames,
      input.otherNames ?? [],
      input.dateOfBirth ?? null,
      age,
      documents,
      today.toISOString().slice(0, 10),
      SAME_NAME,
    ].forEach((value) => sql.param(value));
    const readable = this.readableBy(sql, caller, 'p');
    const rows = await manager.query<
      (Omit<PossibleDuplicate, 'initials' | 'matchedOn'> & {
        givenNames: string;
        familyNames: string;
        sameName: boolean;
        sameBirth: boolean;
        sameBand: boolean;
        sameDocument: boolean;
      })[]
    >(
      `WITH wanted AS (SELECT amparo_person_search_name($2, $3, $4::text[]) AS name),
         candidates AS (
           SELECT d.person_id AS id FROM person_documents d WHERE d.number_normalized = ANY($7::text[])
           UNION
           SELECT p.id FROM persons p WHERE p.country_code = $1 AND p.date_of_birth = $5::date
           UNION
           SELECT id FROM amparo_person_ids_by_similar_name($1, amparo_person_search_name($2, $3, $4::text[]),
                            int4range(extract(year FROM $8::date)::int - $6::int - ${BAND_BIRTH_YEARS},
                                      extract(year FROM $8::date)::int - $6::int + ${BAND_BIRTH_YEARS}, '[]')) AS id
            WHERE $6::int IS NOT NULL),
         checked AS (
           SELECT p.id AS "personId", p.given_names AS "givenNames", p.family_names AS "familyNames",
                  extract(year FROM p.date_of_birth)::int AS "birthYear", p.estimated_age AS "estimatedAge",
                  round(similarity(p.search_name, wanted.name)::numeric, 2)::float AS score,
                  similarity(p.search_name, wanted.name) >= $9 AS "sameName",
                  ($5::date IS NOT NULL AND p.date_of_birth = $5::date) AS "sameBirth",
                  ($6::int IS NOT NULL AND abs(coalesce(p.estimated_age + extract(year FROM age($8::date, coalesce(p.estimated_age_on, $8::date)))::int,
                                                      extract(year FROM age($8::date, p.date_of_birth))::int) - $6::int) <= 2) AS "sameBand",
                  EXISTS (SELECT 1 FROM person_documents d WHERE d.person_id = p.id AND d.number_normalized = ANY($7::text[])) AS "sameDocument"
             FROM candidates JOIN persons p ON p.id = candidates.id, wanted
            WHERE p.country_code = $1 AND ${readable})
         SELECT * FROM checked
          WHERE "sameDocument" OR ("sameName" AND ("sameBirth" OR "sameBand"))
          ORDER BY score DESC LIMIT 20`,
      sql.params,
    );
    return rows.map((r) => ({
      personId: r.personId,
      initials: initials(r.givenNames, r.familyNames),
      birthYear: r.birthYear,
      estimatedAge: r.estimatedAge,
      matchedOn: [
        ...(r.sameName ? (['name'] as const) : []),
        ...(r.sameBirth ? (['birth_date'] as const) : []),
        ...(r.sameBand ? (['age_band'] as const) : []),
        ...(r.sameDocument ? (['document'] as const) : []),
      ],
      score: r.score,
    }));
  }

  /**
   * Persons appearing in cases the caller may read, by name (typos, accents, case and word order
   * tolerated) or by exact document number, with those of their cases and whether the caller works
   * one of them (else identifying fields are masked, as in case lists). `recordRead` records the
   * search in the audit trail, given the read's transaction.
   */
  async search(
    caller: Caller,
    q: string,
    limit: number,
    recordRead: (found: FoundPerson[], manager: EntityManager) => Promise<void>,
  ): Promise<FoundPerson[]> {
    const where = new SqlConditions();
    where.add('cp.person_id = matched.id');
    this.access.restrictToReadable(where, caller);
    const worked = where.param(this.access.postsWorked(caller));
    const name = where.param(q);
    const document = where.param(normalizeDocumentNumber(q));
    const threshold = where.param(SEARCH_NAME);
    // Through the index as the system (migration 0013): see amparo_person_ids_by_name_words.
    const words = where.param(queryWords(q));
    // Matching persons first, from the name-word key and document indexes; then, person by person,
    // which of their cases the caller may see; the word similarity of the whole name filters and
    // ranks.
    return this.withTrigramThresholds(caller, async (manager) => {
      const found = await manager.query<FoundPerson[]>(
        `WITH matched AS (
           SELECT id FROM amparo_person_ids_by_name_words(${words}::text[]) AS id
           UNION
           SELECT d.person_id FROM person_documents d WHERE d.number_normalized = ${document}),
         visible AS (
           SELECT matched.id AS person_id, cases.case_ids, cases.works_case FROM matched, LATERAL (
             SELECT array_agg(c.id) AS case_ids, bool_or(c.consulate_id = ANY(${worked}::uuid[])) AS works_case
               FROM case_persons cp JOIN cases c ON c.id = cp.case_id
              ${where.where}) cases
            WHERE cases.case_ids IS NOT NULL)
         SELECT ${PERSON_COLUMNS}, visible.case_ids AS "caseIds", visible.works_case AS "worksCase",
                greatest(word_similarity(amparo_unaccent(lower(${name})), p.search_name),
                         CASE WHEN EXISTS (SELECT 1 FROM person_documents d WHERE d.person_id = p.id AND d.number_normalized = ${document}) THEN 1 ELSE 0 END)::float AS score
           FROM persons p JOIN visible ON visible.person_id = p.id
          WHERE word_similarity(amparo_unaccent(lower(${name})), p.search_name) >= ${threshold}
             OR EXISTS (SELECT 1 FROM person_documents d WHERE d.person_id = p.id AND d.number_normalized = ${document})
          ORDER BY score DESC, p.id LIMIT ${where.param(limit)}`,
        where.params,
      );
      // Its audit event, in the read's transaction: written in the round trip of its commit.
      await recordRead(found, manager);
      return found;
    });
  }

  /**
   * SQL true when person `person` appears in a case the caller may read (`CaseAccess.restrictToReadable`),
   * its parameters added to `sql`, which must hold no conditions yet (only parameters).
   */
  private readableBy(
    sql: SqlConditions,
    caller: Caller,
    person: string,
    options: { breakGlass?: boolean } = {},
  ): string {
    sql.add(`cp.person_id = ${person}.id`);
    this.access.restrictToReadable(sql, caller, 'c', options);
    return `EXISTS (SELECT 1 FROM case_persons cp JOIN cases c ON c.id = cp.case_id ${sql.where})`;
  }

  /**
   * pg_trgm's indexable similarity operator (%) compares with the session's threshold: set to ours
   * for one transaction, so the trigram index finds the duplicate candidates the rules can accept.
   * A hair lower, as the operator compares a float4 similarity with a double threshold; the query's
   * own comparison decides. No JIT: its compilation (tens to hundreds of ms) costs more than these
   * index-driven queries themselves, which is why person search, whose candidates come from the
   * name-word keys, runs here too. In the caller's transaction when given: the settings then last
   * until it ends, which only the trigram operator and the planner read.
   */
  private async withTrigramThresholds<T>(
    caller: Caller,
    work: (manager: EntityManager) => Promise<T>,
    transaction?: EntityManager,
  ): Promise<T> {
    // A transaction begun here takes them with its wall, in the round trip of its BEGIN.
    if (!transaction) return this.access.read(caller, work, { settings: TRIGRAM_SETTINGS });
    return behind(
      transaction,
      [
        `SELECT set_config('pg_trgm.similarity_threshold', $1, true), set_config('jit', 'off', true)`,
        [TRIGRAM_SETTINGS['pg_trgm.similarity_threshold']],
      ],
      () => work(transaction),
    );
  }
}

export function initials(given: string, family: string): string {
  return `${given}`
    .concat(' ', family)
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0].toUpperCase()}.`)
    .join(' ');
}
