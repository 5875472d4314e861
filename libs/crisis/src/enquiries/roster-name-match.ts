import { EntityManager } from 'typeorm';
import { findEntries } from '../roster/roster-queries';
import { RosterEntry } from '../roster/roster-entry';

/** Whole names at least this alike are suggested (pg_trgm similarity). */
const SIMILAR_NAME = 0.3;
/** A name given alike to a part of the entry's (one surname of two): pg_trgm word similarity. */
const SIMILAR_PART = 0.5;
const MAX_SUGGESTIONS = 10;

/**
 * The roster entries of an event whose names are like `name`, ignoring accents, case and typos
 * ("Jose Ernadez" finds "José Hernández"), most alike first. The candidates come from the trigram
 * index through a function (row-level security would keep the index unused); the caller's query
 * then reads them under its wall. Runs in the caller's transaction, whose thresholds it sets.
 */
export async function rosterEntriesNamed(
  m: EntityManager,
  eventId: string,
  name: string,
): Promise<{ entry: RosterEntry; score: number }[]> {
  await m.query(
    `SELECT set_config('pg_trgm.similarity_threshold', $1, true),
            set_config('pg_trgm.word_similarity_threshold', $2, true)`,
    [String(SIMILAR_NAME), String(SIMILAR_PART)],
  );
  const scored = await m.query<{ id: string; score: number }[]>(
    `WITH wanted AS (SELECT amparo_unaccent(lower($2)) AS name)
     SELECT r.id, round(greatest(
              similarity(amparo_person_search_name(r.given_names, r.family_names, '{}'::text[]), wanted.name),
              word_similarity(wanted.name, amparo_person_search_name(r.given_names, r.family_names, '{}'::text[]))
            )::numeric, 3)::float AS score
       FROM crisis_roster_entries r, wanted
      WHERE r.event_id = $1
        AND r.id IN (SELECT amparo_crisis_entry_ids_by_similar_name($1, wanted.name))
      ORDER BY score DESC, r.id LIMIT ${MAX_SUGGESTIONS}`,
    [eventId, name],
  );
  const entries = await findEntries(
    m,
    eventId,
    scored.map((s) => s.id),
  );
  const scoreOf = new Map(scored.map((s) => [s.id, s.score]));
  return entries.map((entry) => ({ entry, score: scoreOf.get(entry.id)! }));
}
