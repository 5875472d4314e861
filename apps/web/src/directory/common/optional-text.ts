/**
 * The optional text fields of a directory form as the request sends them, trimmed. An empty one is
 * left out of a new record; on an edit it is sent as null, which clears the stored value (left
 * out, the old value would silently stay).
 */
export function optionalText<K extends string>(
  values: Record<K, string>,
  keys: readonly K[],
  editing: boolean,
): Partial<Record<K, string | null>> {
  return Object.fromEntries(
    keys.flatMap((key): [K, string | null][] => {
      const value = values[key].trim();
      if (value) return [[key, value]];
      return editing ? [[key, null]] : [];
    }),
  ) as Partial<Record<K, string | null>>;
}
