/**
 * `value` as JSON with every UUID replaced by `<id>`: for asserting that audit details hold no
 * personal data by matching its words and digits, which a random id may happen to contain.
 */
export function jsonWithoutIds(value: unknown): string {
  return JSON.stringify(value).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
    '<id>',
  );
}
