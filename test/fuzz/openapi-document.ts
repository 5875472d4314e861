import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

/** One operation of the committed document, as the fuzzer needs it. */
export interface Operation {
  id: string;
  method: string;
  /** The documented path template, e.g. `/api/v1/cases/{id}`. */
  path: string;
  parameters: Parameter[];
  body?: Schema;
  /** `bearer` when a token is expected, `none` for public operations. */
  security: 'bearer' | 'none' | 'optional';
  /** Documented status codes (`default` included when present). */
  statuses: string[];
}

export const DOCUMENT_PATH = join(__dirname, '..', '..', 'docs', 'openapi.json');

export function readDocument(): Schema {
  return JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as Schema;
}

/** Follows `#/…` references inside the document. */
export function resolve(document: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    current = pointer.reduce<Schema>(
      (node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Schema,
      document,
    );
  }
  return current;
}

export function operationsOf(document: Schema): Operation[] {
  const operations: Operation[] = [];
  const paths = document.paths as Record<string, Record<string, Schema>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const security = op.security as Schema[];
      const content = (op.requestBody as Schema | undefined)?.content as
        Record<string, Schema> | undefined;
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        parameters: ((op.parameters ?? []) as Schema[]).map((p) => resolve(document, p)) as never,
        body: content?.['application/json']?.schema as Schema | undefined,
        security: !security.length
          ? 'none'
          : security.some((s) => !Object.keys(s).length)
            ? 'optional'
            : 'bearer',
        statuses: Object.keys(op.responses as Schema),
      });
    }
  }
  return operations;
}
