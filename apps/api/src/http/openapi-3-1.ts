type Json = unknown;
type Schema = Record<string, unknown>;

/**
 * @nestjs/swagger writes OpenAPI 3.0 schemas even when the document says 3.1: `nullable: true`
 * becomes a `null` type (or an `anyOf` with it, beside a reference), as JSON Schema 2020-12 has it.
 */
export function toOpenApi31Schemas(value: Json): Json {
  if (Array.isArray(value)) return value.map(toOpenApi31Schemas);
  if (!value || typeof value !== 'object') return value;
  const schema: Schema = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, toOpenApi31Schemas(child)]),
  );
  if (!('nullable' in schema)) return schema;
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  const composed = '$ref' in rest || 'allOf' in rest || 'oneOf' in rest || 'anyOf' in rest;
  if (typeof rest.type === 'string' && !composed) {
    const withNull: Schema = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum)) withNull.enum = [...(rest.enum as unknown[]), null];
    return withNull;
  }
  // A nullable reference: `type: object` beside it would forbid the null it allows.
  const { description, type: _type, ...target } = rest;
  const only = Object.keys(target).length === 1 && Array.isArray(target.allOf);
  const single = only && (target.allOf as Json[]).length === 1;
  return {
    ...(description === undefined ? {} : { description }),
    anyOf: [single ? (target.allOf as Json[])[0] : target, { type: 'null' }],
  };
}
