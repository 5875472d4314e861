import fc from 'fast-check';
import { Schema, resolve } from './openapi-document';

/**
 * A real id to fill in at send time: the fixture network grows while the fuzzer runs, so a value
 * names a pool and an index, not an id.
 */
export class PoolPick {
  constructor(
    readonly pool: string,
    readonly index: number,
  ) {}
}

/** The pool of real ids a field or parameter name points at (`consulateId` → consulates). */
export function poolFor(name: string): string {
  const n = name.toLowerCase();
  if (n === 'actionid') return 'actions';
  if (/consulate/.test(n)) return 'consulates';
  if (/case|duplicateof/.test(n)) return 'cases';
  if (/person/.test(n)) return 'persons';
  if (/official/.test(n)) return 'officials';
  if (/organisation/.test(n)) return 'organisations';
  if (/user|actor|officer|assignee/.test(n)) return 'users';
  if (/export/.test(n)) return 'exports';
  return 'any';
}

const COUNTRIES = ['MX', 'GT', 'US', 'SV', 'HN'];
const pick = (pool: string) => fc.nat(1000).map((index) => new PoolPick(pool, index));

export interface ValueOptions {
  /** Every property of every object present, optional ones included (else each may be left out). */
  everyProperty?: boolean;
}

/**
 * Values that follow the schema most of the time (formats, enums, patterns, bounds), with real
 * ids and countries of the fixture network where a field names one, so requests reach deep code.
 */
export function validValue(
  document: Schema,
  schema: Schema,
  name = '',
  options: ValueOptions = {},
): fc.Arbitrary<unknown> {
  const s = resolve(document, schema);
  if (Array.isArray(s.allOf)) {
    const merged = (s.allOf as Schema[]).reduce<Schema>(
      (all, part) => ({ ...all, ...resolve(document, part) }),
      {},
    );
    const { allOf: _, ...rest } = s;
    return validValue(document, { ...merged, ...rest }, name, options);
  }
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  if (types.includes('null') && types.length > 1) {
    const nonNull = types.filter((t) => t !== 'null');
    return fc.oneof(
      { weight: 5, arbitrary: validValue(document, { ...s, type: nonNull[0] }, name, options) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  switch (types[0]) {
    case 'string':
      return stringValue(s, name);
    case 'integer':
      return fc.integer({
        min: (s.minimum as number) ?? -10,
        max: (s.maximum as number) ?? Math.max(1000, ((s.minimum as number) ?? 0) + 1000),
      });
    case 'number':
      return fc.double({
        min: (s.minimum as number) ?? -1e6,
        max: (s.maximum as number) ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(document, (s.items as Schema) ?? {}, name, options), {
        minLength: (s.minItems as number) ?? 0,
        maxLength: Math.min((s.maxItems as number) ?? 4, 4),
      });
    case 'object':
    case undefined:
      return objectValue(document, s, options);
    default:
      return fc.constant(null);
  }
}

function objectValue(document: Schema, s: Schema, options: ValueOptions): fc.Arbitrary<unknown> {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      validValue(document, value, key, options),
    ]),
  );
  if (!Object.keys(model).length) return fc.constant({});
  const required = options.everyProperty ? Object.keys(model) : ((s.required ?? []) as string[]);
  return fc.record(model, { requiredKeys: required });
}

function stringValue(s: Schema, name: string): fc.Arbitrary<unknown> {
  const minLength = (s.minLength as number) ?? 0;
  const maxLength = Math.min((s.maxLength as number) ?? 40, 60);
  switch (s.format) {
    case 'uuid':
      return fc.oneof(
        { weight: 4, arbitrary: pick(poolFor(name)) },
        { weight: 1, arbitrary: fc.uuid() },
      );
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= 254);
    case 'uri':
      return fc.webUrl();
    case 'password':
      return fc.string({ minLength: Math.max(minLength, 12), maxLength: 40 });
  }
  if (s.pattern === '^[A-Z]{2}$' || /country/i.test(name))
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...COUNTRIES) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{2}$/) },
    );
  if (typeof s.pattern === 'string')
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length >= minLength && v.length <= ((s.maxLength as number) ?? Infinity));
  return fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
}
