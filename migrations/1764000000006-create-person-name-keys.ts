import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sound key for every word of every person's names, so that searching by name starts from a
 * B-tree lookup instead of a trigram index scan. At national scale (a million persons) pg_trgm's
 * GIN scan costs 80–100 ms for a three-word name whatever the threshold, because it must walk the
 * posting lists of every trigram of the query; the keys of three words are three index lookups.
 *
 * The key is the word's consonant skeleton as Spanish spells sounds: accents and case already
 * gone (the words come from search_name), ch→x, qu→k, soft c→s, soft g→j, ll→y, v→b, z→s, c and
 * q→k, h and w silent, vowels dropped, repeated letters once. So "Hernández" and "hernadez" are both
 * `rnds`, "Bunela" and "Benela" both `bnl`: vowel typos, accents, b/v, s/z/soft c and doubled
 * letters do not change it. A word without consonants keys as itself (`_ia`). Search checks
 * every candidate with trigram similarity after, and falls back to the trigram index when the
 * keys find no one (a typo on a consonant of a short name), so the keys only make it faster.
 *
 * person_name_keys is kept by a trigger, in the transaction that writes the person.
 */
export class CreatePersonNameKeys1764000000006 implements MigrationInterface {
  name = 'CreatePersonNameKeys1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION amparo_name_key(word text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT CASE WHEN skeleton = '' THEN '_' || word ELSE skeleton END
          FROM (SELECT regexp_replace(
                         translate(
                           regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
                             word, '[''’.]', '', 'g'),
                             'ch', 'x', 'g'),
                             'qu', 'k', 'g'),
                             'gu([ei])', 'G\\1', 'g'),
                             'c([ei])', 's\\1', 'g'),
                             'g([ei])', 'j\\1', 'g'),
                             'll', 'y', 'g'),
                           'vzcqGhwaeiou', 'bskkg'),
                         '(.)\\1+', '\\1', 'g') AS skeleton) s
      $$`);
    await q.query(`
      CREATE FUNCTION amparo_name_keys(search_name text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT coalesce(array_agg(DISTINCT amparo_name_key(word)), '{}')
          FROM regexp_split_to_table(search_name, '[[:space:]-]+') AS word
         WHERE word <> ''
      $$`);
    await q.query(`
      CREATE TABLE person_name_keys (
        country_code char(2) NOT NULL,
        key text NOT NULL,
        person_id uuid NOT NULL,
        CONSTRAINT pk_person_name_keys PRIMARY KEY (country_code, key, person_id),
        CONSTRAINT fk_person_name_keys_person_id FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX ix_person_name_keys_person_id ON person_name_keys (person_id)');
    await q.query(`
      CREATE FUNCTION amparo_keep_person_name_keys() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM person_name_keys WHERE person_id = OLD.id;
        END IF;
        INSERT INTO person_name_keys (country_code, key, person_id)
        SELECT NEW.country_code, key, NEW.id FROM unnest(amparo_name_keys(NEW.search_name)) AS key;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER tr_persons_name_keys
      AFTER INSERT OR UPDATE OF given_names, family_names, other_names, country_code ON persons
      FOR EACH ROW EXECUTE FUNCTION amparo_keep_person_name_keys()`);
    await q.query(FILL_PERSON_NAME_KEYS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_persons_name_keys ON persons');
    await q.query('DROP FUNCTION amparo_keep_person_name_keys()');
    await q.query('DROP TABLE person_name_keys');
    await q.query('DROP FUNCTION amparo_name_keys(text)');
    await q.query('DROP FUNCTION amparo_name_key(text)');
  }
}

/** The keys of every person, for persons written without the trigger (a bulk load). */
export const FILL_PERSON_NAME_KEYS = `
  INSERT INTO person_name_keys (country_code, key, person_id)
  SELECT p.country_code, key, p.id FROM persons p, unnest(amparo_name_keys(p.search_name)) AS key
  ON CONFLICT DO NOTHING`;
