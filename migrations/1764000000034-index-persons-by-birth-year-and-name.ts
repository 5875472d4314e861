import { MigrationInterface, QueryRunner } from 'typeorm';

const DEFINER = `STABLE SECURITY DEFINER SET search_path = public, pg_temp SET amparo.scope_system = 'on'`;

/**
 * The duplicate check of a person with an estimated age finds similar names in one index together
 * with the country and an approximate birth year, instead of among all the names of the data.
 *
 * A similar name counts only with an overlapping age band (within 2 years of the estimate; a birth
 * date cannot match as the new person has none), so its candidates are only needed among persons
 * whose age can be in the band. The trigram index (GIN, migration 0006) read the posting lists of
 * every trigram of the wanted name, and common trigrams list a share of all persons: issue 20
 * measured 13 ms at 100,000 persons and 114 ms at 1,000,000. A GiST index whose leading columns are
 * the country and the birth year keeps the entries of one country and a few birth years together in
 * its tree, so the search reads those and compares their trigrams there. Measured on a shared,
 * loaded machine (bench:cases, raw pg, p50): 20 ms → 6 ms at 120,000 persons and about 190 ms →
 * 27 ms at 1,200,000 (1,000 index pages read there instead of 130). That is still a share of the
 * country's persons, about a tenth: the cost still grows with the data, less steeply. (Larger
 * trigram signatures, up to siglen = 2024, pruned nothing: a page's names together hold most
 * trigrams.)
 *
 * The birth year is that of the date of birth, or of the day the age was estimated less the age:
 * not a birth date, but a key that places every person within a year of their age. A person's age
 * on a given day (PostgreSQL's age(), as the rule computes it) is the count of whole years between
 * two dates, which lies between the difference of their years less one and plus one, in the future
 * too; the rule's age band of ±2 years therefore lies within ±3 birth years of the wanted age's
 * (PersonsService.duplicatesOf asks for those seven), and the rule itself still decides. A person
 * with an estimated age but no day it was estimated (none is written so) keeps that age forever:
 * a small partial index finds them apart.
 *
 * Built-in operator classes only (ranges, and pg_trgm's gist_trgm_ops): no btree_gist, which the
 * embedded database would have to load beside pg_trgm. The country and the year are singleton
 * integer ranges for that reason; the country as the number of its two letters.
 *
 * The GIN trigram index of names served nothing else (person search finds candidates by name-word
 * keys, migration 0007) and is dropped: one index less to write per person.
 */
export class IndexPersonsByBirthYearAndName1764000000034 implements MigrationInterface {
  name = 'IndexPersonsByBirthYearAndName1764000000034';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION amparo_country_key(country char(2)) RETURNS int4range
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT int4range(ascii(substr(country, 1, 1)) * 256 + ascii(substr(country, 2, 1)),
                             ascii(substr(country, 1, 1)) * 256 + ascii(substr(country, 2, 1)), '[]') $$`);
    // The estimate first, as the rule's coalesce reads it; NULL when the age is not known (no
    // range at all, which overlaps nothing, rather than an unbounded one).
    await q.query(`
      CREATE FUNCTION amparo_person_birth_years(date_of_birth date, estimated_age smallint, estimated_age_on date)
      RETURNS int4range
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE
                     WHEN estimated_age IS NOT NULL AND estimated_age_on IS NOT NULL
                       THEN int4range(extract(year FROM estimated_age_on)::int - estimated_age,
                                      extract(year FROM estimated_age_on)::int - estimated_age, '[]')
                     WHEN estimated_age IS NULL AND date_of_birth IS NOT NULL
                       THEN int4range(extract(year FROM date_of_birth)::int, extract(year FROM date_of_birth)::int, '[]')
                   END $$`);
    await q.query(`
      CREATE INDEX ix_persons_country_birth_years_search_name ON persons USING gist (
        amparo_country_key(country_code),
        amparo_person_birth_years(date_of_birth, estimated_age, estimated_age_on),
        search_name gist_trgm_ops)`);
    await q.query(`
      CREATE INDEX ix_persons_country_code_undated_age ON persons (country_code)
        WHERE estimated_age IS NOT NULL AND estimated_age_on IS NULL`);
    await q.query('DROP FUNCTION amparo_person_ids_by_similar_name(char, text)');
    // As the system, ids only (see migration 0013): under row-level security the operators, not
    // leakproof, could not use the index.
    await q.query(`
      CREATE FUNCTION amparo_person_ids_by_similar_name(country char(2), name text, birth_years int4range)
      RETURNS SETOF uuid
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        RETURN QUERY
          SELECT p.id FROM persons p
           WHERE amparo_country_key(p.country_code) && amparo_country_key(country)
             AND amparo_person_birth_years(p.date_of_birth, p.estimated_age, p.estimated_age_on) && birth_years
             AND p.search_name % name
          UNION ALL
          SELECT p.id FROM persons p
           WHERE p.country_code = country AND p.estimated_age IS NOT NULL AND p.estimated_age_on IS NULL
             AND p.search_name % name;
      END $$`);
    await q.query('DROP INDEX ix_persons_search_name');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX ix_persons_search_name ON persons USING gin (search_name gin_trgm_ops) WITH (fastupdate = off)',
    );
    await q.query('DROP FUNCTION amparo_person_ids_by_similar_name(char, text, int4range)');
    await q.query(`
      CREATE FUNCTION amparo_person_ids_by_similar_name(country char(2), name text) RETURNS SETOF uuid
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        RETURN QUERY SELECT p.id FROM persons p WHERE p.country_code = country AND p.search_name % name;
      END $$`);
    await q.query('DROP INDEX ix_persons_country_code_undated_age');
    await q.query('DROP INDEX ix_persons_country_birth_years_search_name');
    await q.query('DROP FUNCTION amparo_person_birth_years(date, smallint, date)');
    await q.query('DROP FUNCTION amparo_country_key(bpchar)');
  }
}
