import { TestStack } from './test-app';

/** One synthetic case for statistics tests; persons are made up per case. */
export interface CaseFixture {
  consulateId: string;
  country: string;
  category?: string;
  sex?: 'female' | 'male' | 'intersex' | 'unknown';
  gender?: string | null;
  /** The primary person's nationality; the case's country when not given. */
  nationality?: string;
  originSubdivision?: string | null;
  hostCountryRole?: string | null;
  temporaryWorker?: boolean;
  dateOfBirth?: string | null;
  openedAt: string;
  closedAt?: string | null;
  /** `duplicate` closes the case as a duplicate of the case inserted just before it. */
  closureReason?: string | null;
  flags?: string[];
  /** Extra persons linked to the case (persons assisted). */
  extraPersons?: number;
  /** Consular actions on the case, by type. */
  actions?: string[];
}

/** Inserts cases straight into the tables (statistics read them; the cases API is tested elsewhere). */
export async function insertCases(
  stack: TestStack,
  createdBy: string,
  fixtures: CaseFixture[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, f] of fixtures.entries()) {
    const persons: string[] = [];
    for (let p = 0; p <= (f.extraPersons ?? 0); p++) {
      const [person] = await stack.query<{ id: string }>(
        `INSERT INTO persons (country_code, given_names, family_names, date_of_birth, sex, nationality_code,
                              gender, origin_subdivision_code)
         VALUES ($1, $2, 'Sintético', $3, $4, $5, $6, $7) RETURNING id`,
        [
          f.country,
          `Persona ${i}-${p}`,
          p === 0 ? (f.dateOfBirth ?? null) : null,
          f.sex ?? 'unknown',
          (p === 0 && f.nationality) || f.country,
          p === 0 ? (f.gender ?? null) : null,
          p === 0 ? (f.originSubdivision ?? null) : null,
        ],
      );
      persons.push(person.id);
    }
    const closed = f.closedAt ? 'closed' : 'open';
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO cases (reference, consulate_id, country_code, primary_category, vulnerability_flags,
                          status, primary_person_id, opened_at, closed_at, closure_reason, created_by,
                          duplicate_of_case_id, host_country_role, temporary_worker)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
               CASE WHEN $10 = 'duplicate' THEN $12::uuid END, $13, $14) RETURNING id`,
      [
        `T-${process.pid}-${Date.now()}-${i}-${Math.random().toString(36).slice(2, 8)}`,
        f.consulateId,
        f.country,
        f.category ?? 'health',
        f.flags ?? [],
        closed,
        persons[0],
        f.openedAt,
        f.closedAt ?? null,
        f.closedAt ? (f.closureReason ?? 'resolved') : null,
        createdBy,
        ids.at(-1) ?? null,
        f.hostCountryRole ?? null,
        f.temporaryWorker ?? false,
      ],
    );
    for (const [p, personId] of persons.entries()) {
      await stack.query(`INSERT INTO case_persons (case_id, person_id, role) VALUES ($1, $2, $3)`, [
        row.id,
        personId,
        p === 0 ? 'primary' : 'involved',
      ]);
    }
    for (const type of f.actions ?? []) {
      await stack.query(
        `INSERT INTO consular_actions (case_id, type, occurred_at, performed_by) VALUES ($1, $2, $3, $4)`,
        [row.id, type, f.openedAt, createdBy],
      );
    }
    ids.push(row.id);
  }
  return ids;
}

/** `n` copies of a fixture. */
export function times(n: number, fixture: CaseFixture): CaseFixture[] {
  return Array.from({ length: n }, () => ({ ...fixture }));
}
