import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Person search finds names word by word, each word of the query within one typo of a word of the
 * name, through an index of name-word keys: every word of a person's search name, and for words of
 * four letters or more every form of it with one letter deleted. A query word matches a name word
 * when their keys meet, which covers a missing, extra, changed or swapped letter ("hernadez",
 * "hernanddez", "hermandez", "hernadnez" all meet "hernandez"), and a lost or mistyped space
 * between two words; accents and case are already gone from the search name.
 *
 * Why not the trigram index alone: its scan reads the posting list of every trigram of the query
 * (22 for a three-word name), and the common ones ("ez ", " ma") hold a large share of all persons.
 * At a million cases that scan was 60–100 ms whatever the threshold; the key lookup of the same
 * three-word search is 2–4 ms. The trigram index stays for the similarity that ranks and filters
 * the candidates, and for duplicate detection.
 *
 * The keys are an expression index, not a stored column: nothing reads them but the index, and the
 * stored array would add about 250 bytes to every person row.
 */
export class IndexPersonNameWords1764000000007 implements MigrationInterface {
  name = 'IndexPersonNameWords1764000000007';

  async up(q: QueryRunner): Promise<void> {
    // One normalised word (lower case, no accents) and its one-letter deletions. Shorter words
    // would give two-letter keys shared by a large part of the population, so they match exactly.
    await q.query(`
      CREATE FUNCTION amparo_name_word_keys(word text) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
      AS $$
      DECLARE
        keys text[] := ARRAY[word];
      BEGIN
        IF length(word) >= 4 THEN
          FOR i IN 1..length(word) LOOP
            keys := keys || (left(word, i - 1) || substr(word, i + 1));
          END LOOP;
        END IF;
        RETURN keys;
      END $$`);
    // Words are split on anything that is not a letter or digit, so "García-López" and
    // "D'Angelo" index as the words a searcher types. Each two neighbouring words are also keyed
    // as one ("josehernandez"): a lost space, or a space typed as a letter (whose query forms with
    // one letter deleted include the joined words), still finds the name.
    await q.query(`
      CREATE FUNCTION amparo_person_search_keys(given text, family text, other text[]) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
      AS $$
      DECLARE
        word text;
        previous text;
        keys text[] := '{}';
      BEGIN
        FOREACH word IN ARRAY regexp_split_to_array(amparo_person_search_name(given, family, other), '[^[:alnum:]]+') LOOP
          IF word <> '' THEN
            keys := keys || amparo_name_word_keys(word);
            IF previous IS NOT NULL THEN
              keys := keys || (previous || word);
            END IF;
            previous := word;
          END IF;
        END LOOP;
        RETURN keys;
      END $$`);
    await q.query(`
      CREATE INDEX ix_persons_search_keys ON persons
       USING gin (amparo_person_search_keys(given_names, family_names, other_names))
        WITH (fastupdate = off)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_persons_search_keys');
    await q.query('DROP FUNCTION amparo_person_search_keys(text, text, text[])');
    await q.query('DROP FUNCTION amparo_name_word_keys(text)');
  }
}
