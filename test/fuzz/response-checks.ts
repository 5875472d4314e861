import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Operation } from './openapi-document';

export const MAX_LATENCY_MS = 1_000;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

/** One kind of defect in one answer, with enough to read it in a report. */
export interface Defect {
  kind: string;
  detail: string;
}

/**
 * What must never reach a client: a stack frame, SQL text, a file path, PostgreSQL's own error
 * words. 2xx bodies legitimately echo stored text (the fuzzer stores SQL-looking strings), so they
 * are searched for the patterns no client input produces.
 */
const LEAKS: Record<string, RegExp> = {
  'stack trace': /\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|\n\s+at [\w$./<>]+|Error: [\s\S]*\n\s+at /,
  'PostgreSQL error':
    /QueryFailedError|violates (?:foreign key|unique|check|not-null) constraint|invalid input syntax for|syntax error at or near|out of range for type|numeric field overflow|value too long for type|duplicate key value|relation "[^"]+" does not exist|column "[^"]+" (?:does not exist|of relation)|invalid byte sequence for encoding|unterminated|date\/time field value out of range/i,
  'SQL text':
    /\b(?:SELECT\s[\s\S]{1,200}\sFROM\s|INSERT INTO\s|UPDATE\s+"?\w+"?\s+SET\s|DELETE FROM\s)/i,
  'file path':
    /(?:\/(?:work|home|usr|app|opt|tmp|root)\/[\w.-]+\/|node_modules|[\w-]+\.(?:ts|js):\d+)/,
};
const LEAKS_IN_SUCCESS = ['stack trace', 'PostgreSQL error'];

type Json = Record<string, unknown>;

/** Validators for every documented response body, compiled once. */
export class ResponseChecks {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly document: Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('password', true);
    this.ajv.addSchema({ ...document, $id: 'openapi' } as Json);
  }

  check(op: Operation, answer: Answer, sentText: string): Defect[] {
    const defects: Defect[] = [];
    const status = String(answer.status);
    const type = String(answer.headers['content-type'] ?? '');
    if (answer.status >= 500)
      defects.push({ kind: '5xx', detail: `${status} ${answer.text.slice(0, 300)}` });
    if (!op.statuses.includes(status) && !op.statuses.includes('default'))
      defects.push({
        kind: 'undocumented status',
        detail: `${status} ${answer.text.slice(0, 200)}`,
      });
    if (answer.ms > MAX_LATENCY_MS)
      defects.push({ kind: 'slow', detail: `${answer.ms.toFixed(0)} ms, ${status}` });
    if (answer.status >= 400 && !/^application\/problem\+json\b/.test(type))
      defects.push({
        kind: 'not problem+json',
        detail: `${status} ${type} ${answer.text.slice(0, 200)}`,
      });
    defects.push(...this.leaks(answer, sentText));
    // An undocumented status has no schema to hold the body to: reported once, above.
    if (op.statuses.includes(status)) defects.push(...this.bodyAgainstSchema(op, answer, type));
    return defects;
  }

  private leaks(answer: Answer, sentText: string): Defect[] {
    const headers = Object.entries(answer.headers)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('\n');
    const success = answer.status < 400;
    const defects: Defect[] = [];
    for (const [kind, pattern] of Object.entries(LEAKS)) {
      if (success && !LEAKS_IN_SUCCESS.includes(kind)) {
        if (pattern.test(headers)) defects.push({ kind: `leak: ${kind}`, detail: 'in a header' });
        continue;
      }
      for (const [where, text] of [
        ['body', answer.text],
        ['headers', headers],
      ]) {
        const found = pattern.exec(text);
        // A value the request itself carried (an echoed request id, say) is not a leak.
        if (found && !sentText.includes(found[0]))
          defects.push({
            kind: `leak: ${kind}`,
            detail: `${where}: …${text.slice(Math.max(0, found.index - 60), found.index + 120)}…`,
          });
      }
    }
    return defects;
  }

  private bodyAgainstSchema(op: Operation, answer: Answer, type: string): Defect[] {
    const status = String(answer.status);
    if (answer.status === 204 || answer.status >= 500) return [];
    const validate = this.validator(op, status, type);
    if (validate === undefined) return [];
    if (validate === null)
      return [{ kind: 'undocumented content type', detail: `${status} ${type}` }];
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [{ kind: 'body is not JSON', detail: `${status} ${answer.text.slice(0, 200)}` }];
    }
    if (validate(body)) return [];
    const kind = answer.status >= 400 ? 'problem shape' : 'response schema';
    const errors = (validate.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
      .join('; ');
    return [{ kind, detail: `${status}: ${errors} ${answer.text.slice(0, 200)}` }];
  }

  /** undefined: nothing to check (not JSON); null: the content type is not documented. */
  private validator(
    op: Operation,
    status: string,
    type: string,
  ): ValidateFunction | null | undefined {
    const mediaType = type.split(';')[0].trim();
    if (!/json$/.test(mediaType)) {
      if (status.startsWith('2'))
        return this.documentedMediaTypes(op, status).includes(mediaType) ? undefined : null;
      return undefined; // reported as "not problem+json"
    }
    const key = `${op.method} ${op.path} ${status} ${mediaType}`;
    if (!this.validators.has(key)) {
      const media = this.documentedMediaTypes(op, status);
      const pointer = ['paths', op.path, op.method.toLowerCase(), 'responses', status]
        .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/');
      const response = this.responseOf(op, status);
      this.validators.set(
        key,
        !media.includes(mediaType)
          ? null
          : this.ajv.compile({
              $ref: response?.$ref
                ? `openapi${String(response.$ref)}/content/${mediaType.replace(/\//g, '~1')}/schema`
                : `openapi#/${pointer}/content/${mediaType.replace(/\//g, '~1')}/schema`,
            }),
      );
    }
    return this.validators.get(key);
  }

  private responseOf(op: Operation, status: string): Json | undefined {
    const paths = this.document.paths as Record<string, Record<string, Json>>;
    const responses = paths[op.path][op.method.toLowerCase()].responses as Record<string, Json>;
    return responses[status] ?? responses.default;
  }

  private documentedMediaTypes(op: Operation, status: string): string[] {
    let response = this.responseOf(op, status);
    if (response?.$ref) {
      const name = String(response.$ref).split('/').pop() as string;
      response = ((this.document.components as Json).responses as Record<string, Json>)[name];
    }
    return Object.keys((response?.content as Json | undefined) ?? {});
  }
}
