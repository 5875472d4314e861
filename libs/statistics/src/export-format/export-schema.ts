import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
// Imported rather than read from disk: tsc then copies the schema into dist beside the compiled
// code, so the same relative path works from sources, from jest and from the built app.
import exportSchema from '../../schema/statistics-export.v1.schema.json';

export type StatisticsExportValidation = { valid: true } | { valid: false; errors: string[] };

let compiled: ValidateFunction | undefined;

// Compiled on first use, once per process: compiling costs milliseconds, validating microseconds.
function exportValidator(): ValidateFunction {
  if (!compiled) {
    // strict: a schema keyword ajv does not understand is a mistake in the schema, not a no-op.
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(exportSchema);
  }
  return compiled;
}

// ajv's messages leave out the values that would explain them ("must be equal to constant").
function describeError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unexpected property ${JSON.stringify(error.params.additionalProperty)}`;
    case 'const':
      return `${where} must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'enum':
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'type':
      return `${where} must be of type ${[error.params.type].flat().join(' or ')}`;
    default:
      return `${where} ${error.message ?? error.keyword}`;
  }
}

/** Checks a parsed JSON export against the 1.0 schema; the errors are English, one per problem. */
export function validateStatisticsExport(document: unknown): StatisticsExportValidation {
  const validate = exportValidator();
  if (validate(document)) return { valid: true };
  // if/then and oneOf add a summary error on top of the precise one: keep only the precise ones.
  const errors = (validate.errors ?? [])
    .filter((error) => error.keyword !== 'if' && error.keyword !== 'oneOf')
    .map(describeError);
  return { valid: false, errors: [...new Set(errors)] };
}
