import { getMetadataStorage } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = Record<string, unknown>;
// class-validator keys its rules by constructor, abstract or not.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

/** Code formats the API checks by pattern, named so that a client knows what is valid. */
const KNOWN_PATTERNS: Record<string, string> = {
  '^[A-Z]{2}$': 'ISO 3166-1 alpha-2 country code, upper case (GET /api/v1/countries lists them)',
  '^[A-Z]{2}-[A-Z0-9]{1,3}$':
    'ISO 3166-2 subdivision code, upper case (GET /api/v1/countries/{code}/subdivisions lists them)',
  '^[a-z]{2,3}$':
    'ISO 639 language code, lower case: ISO 639-1 (two letters, e.g. es) or ISO 639-3 (three letters, e.g. mam for Mam, trs for Chicahuaxtla Triqui); not a language name',
  '^[A-Z]{3}$': 'ISO 4217 currency code, upper case (e.g. USD)',
  '^\\+?[0-9 ()-]{5,30}$':
    'Phone number: 5 to 30 digits, spaces, parentheses or hyphens, optionally after +',
  '^\\d{6}$': 'The six-digit code of the authenticator app',
};

/**
 * The request DTOs' class-validator rules as JSON Schema keywords (enum, pattern, lengths, ranges,
 * formats, array sizes), so the document states exactly what the validation pipe accepts and the
 * two cannot drift apart. `each` rules apply to the items of an array.
 */
export function applyValidationRules(schema: Schema, rules: readonly ValidationMetadata[]): void {
  for (const rule of rules) {
    const target = rule.each ? itemsOf(schema) : schema;
    if (!target) continue;
    const [first, second] = (rule.constraints ?? []) as unknown[];
    switch (rule.name) {
      case 'isIn':
        target.enum = [...(first as unknown[])];
        break;
      case 'matches': {
        const pattern = first instanceof RegExp ? first.source : String(first);
        target.pattern = pattern;
        const meaning = KNOWN_PATTERNS[pattern];
        if (meaning) describe(target, meaning);
        break;
      }
      case 'minLength':
        atLeast(target, 'minLength', first);
        break;
      case 'isNotBlank':
        target.pattern ??= '\\S';
        describe(target, 'Not only white space');
        break;
      case 'maxLength':
        atMost(target, 'maxLength', first);
        break;
      case 'isLength':
        atLeast(target, 'minLength', first);
        if (second !== undefined) atMost(target, 'maxLength', second);
        break;
      case 'min':
        atLeast(target, 'minimum', first);
        break;
      case 'max':
        atMost(target, 'maximum', first);
        break;
      case 'isInt':
        target.type = 'integer';
        break;
      case 'isNumber':
        target.type = 'number';
        break;
      case 'isBoolean':
        target.type = 'boolean';
        break;
      case 'isUuid':
        target.format = 'uuid';
        break;
      case 'isEmail':
        target.format = 'email';
        break;
      case 'isUrl':
        target.format = 'uri';
        break;
      case 'isIso8601':
      case 'isDate':
        target.format ??= 'date-time';
        break;
      case 'arrayMinSize':
        atLeast(schema, 'minItems', first);
        break;
      case 'arrayMaxSize':
        atMost(schema, 'maxItems', first);
        break;
    }
  }
}

// A bound the DTO already documents more tightly (e.g. the password policy's 128 characters
// under the pipe's 1024) is the one a client must respect, so the tighter of the two stays.
function atLeast(schema: Schema, keyword: string, value: unknown): void {
  const current = schema[keyword];
  schema[keyword] = typeof current === 'number' ? Math.max(current, Number(value)) : value;
}

function atMost(schema: Schema, keyword: string, value: unknown): void {
  const current = schema[keyword];
  schema[keyword] = typeof current === 'number' ? Math.min(current, Number(value)) : value;
}

function itemsOf(schema: Schema): Schema | undefined {
  const items = schema.items as Schema | undefined;
  return items && !('$ref' in items) ? items : undefined;
}

function describe(schema: Schema, meaning: string): void {
  const current = typeof schema.description === 'string' ? schema.description : '';
  if (!current.includes(meaning)) schema.description = current ? `${current}. ${meaning}` : meaning;
}

/** A class's validation rules (its own and inherited), by property. */
export function validationRulesOf(type: Constructor): Map<string, ValidationMetadata[]> {
  const rules = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', false, false)) {
    rules.set(rule.propertyName, [...(rules.get(rule.propertyName) ?? []), rule]);
  }
  return rules;
}

/**
 * Every class with validation rules, by name: how a schema component (named after its class by
 * @nestjs/swagger) finds its rules. A name two different classes share is left out, never guessed.
 */
export function validatedClassesByName(): Map<string, Constructor> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas?: Map<Constructor, unknown>;
  };
  // Duck-typed: under jest the storage's Map comes from another realm than this module's.
  if (typeof storage.validationMetadatas?.keys !== 'function') {
    throw new Error(
      'class-validator keeps its metadata differently now: update openapi-constraints.ts',
    );
  }
  // The storage is global: a module loaded again (each jest test file has its own module registry)
  // registers its classes again. The same class loaded twice has the same source, and the latest
  // is the one in use; two different classes sharing a name are left out.
  const byName = new Map<string, Constructor | null>();
  for (const type of storage.validationMetadatas.keys()) {
    const seen = byName.get(type.name);
    byName.set(
      type.name,
      seen === undefined || (seen !== null && String(seen) === String(type)) ? type : null,
    );
  }
  return new Map([...byName].filter((entry): entry is [string, Constructor] => entry[1] !== null));
}
