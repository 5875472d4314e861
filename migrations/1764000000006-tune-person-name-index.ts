import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trigram index of persons' names is written through, not through GIN's pending list. With
 * fastupdate (the default) new entries wait in an unsorted list that every search reads whole
 * until a vacuum merges it: measured on a million cases with 7,000 persons added since the last
 * vacuum, a three-word name search took 96–120 ms against 65–85 ms once the list was merged. Name
 * searches are what officers wait on; a person insert costs a few index pages more. The index is
 * also renamed for what it holds (it never had a country column).
 */
export class TunePersonNameIndex1764000000006 implements MigrationInterface {
  name = 'TunePersonNameIndex1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER INDEX ix_persons_country_code_search_name RENAME TO ix_persons_search_name',
    );
    await q.query('ALTER INDEX ix_persons_search_name SET (fastupdate = off)');
    // Entries already pending stay there until merged; merge them now.
    await q.query("SELECT gin_clean_pending_list('ix_persons_search_name')");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER INDEX ix_persons_search_name RESET (fastupdate)');
    await q.query(
      'ALTER INDEX ix_persons_search_name RENAME TO ix_persons_country_code_search_name',
    );
  }
}
