/**
 * Name search word by word, through the name-word key index of migration 0007: a query word meets a
 * name word when one letter deleted from either (or both) makes them equal, so a missing, extra,
 * changed or swapped letter is forgiven; accents and case are ignored. The words chosen here go to
 * the database function `amparo_person_ids_by_name_words` (migration 1764000000013), which matches
 * every word, or every word but one for three words or more, one scan of the index per branch.
 */

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
