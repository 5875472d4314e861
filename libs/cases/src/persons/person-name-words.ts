/**
 * Name search word by word, through the name-word key index of migration 0007: a query word meets a
 * name word when one letter deleted from either (or both) makes them equal, so a missing, extra,
 * changed or swapped letter is forgiven; accents and case are ignored.
 */

/** The index expression, spelled exactly as the index was created so the planner can use it. */
const PERSON_KEYS = 'amparo_person_search_keys(p.given_names, p.family_names, p.other_names)';

/** Single letters (initials) select nothing useful; a name has rarely more words than this. */
const MIN_WORD_LENGTH = 2;
const MAX_WORDS = 6;

/**
 * The words of a query as the index splits names: at anything that is not a letter or a digit,
 * lower-cased, each once, longest first when there are too many.
 */
export function queryWords(q: string): string[] {
  const words = [
    ...new Set(
      q
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= MIN_WORD_LENGTH),
    ),
  ];
  return words.length <= MAX_WORDS
    ? words
    : [...words].sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
}

/**
 * SQL on `persons p`: every word matches a word of the name, or, for three words or more, every
 * word but one (a second family name remembered wrong, a middle name the record lacks). Each
 * branch is one scan of the key index, so the candidates stay few however common one word is.
 * `param` turns a value into a placeholder. With no word, nothing matches. Under row-level security
 * these operators cannot drive the index, so queries call the database function
 * `amparo_person_ids_by_name_words` (migration 1764000000013), which builds this same condition.
 */
export function nameWordsCondition(words: string[], param: (value: unknown) => string): string {
  if (!words.length) return 'false';
  const matches = words.map(
    (w) => `${PERSON_KEYS} && amparo_name_word_keys(amparo_unaccent(${param(w)}))`,
  );
  const branches =
    matches.length < 3
      ? [matches]
      : matches.map((_, skip) => matches.filter((__, k) => k !== skip));
  return branches.map((all) => `(${all.join(' AND ')})`).join(' OR ');
}
