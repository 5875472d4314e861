import { MigrationInterface, QueryRunner } from 'typeorm';

/** The functions that hand candidate ids to a query under row-level security, and their sizes. */
const CANDIDATE_FUNCTIONS = [
  'amparo_person_ids_by_similar_name(char, text, int4range)',
  'amparo_person_ids_by_name_words(text[])',
  'amparo_crisis_entry_ids_by_similar_name(uuid, text)',
];

/**
 * The planner's estimate of the candidates that the name-search functions return: a few, not the
 * thousand PostgreSQL assumes of any set-returning function.
 *
 * With a thousand candidates expected, the duplicate check of a new person (issue 20) chose to build
 * the whole set of persons the caller may read, every case of the caller's post with its persons
 * under their policies, and to join the candidates to it: 38 ms at 20,000 cases for one candidate,
 * more than at 1,000,000 cases, where the post's set was too large to choose. Expecting 20, it asks
 * of each candidate whether the caller may read them. The functions return the names similar to one
 * wanted name in one country (and age band, or crisis event): tens at most in the data the bench
 * makes, and the estimate only weighs plans; it limits nothing.
 */
export class EstimateCandidateIds1764000000036 implements MigrationInterface {
  name = 'EstimateCandidateIds1764000000036';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of CANDIDATE_FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} ROWS 20`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of CANDIDATE_FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} ROWS 1000`);
  }
}
