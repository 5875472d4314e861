/**
 * The document with its object keys sorted, so that writing it is deterministic and a diff shows
 * only real changes. A schema's `properties` keep their declaration order (it is how a reader and
 * a generated client see a type); arrays keep theirs (parameters, enums, required fields).
 */
export function canonical(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    entries.map(([key, child]) => [key, canonical(child, key === 'properties')]),
  );
}
