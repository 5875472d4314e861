import { AsyncResource } from 'node:async_hooks';
import { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, registerErrorTexts, unsafeStringErrors } from '@amparo/core';
import { JsonShapeLimits, scanJsonShape } from './json-shape';

registerErrorTexts({
  BODY_NOT_AN_OBJECT: {
    title: { es: 'El cuerpo debe ser un objeto', en: 'The body must be an object' },
    detail: {
      es: 'El cuerpo de la solicitud debe ser un objeto JSON ({…}), no una lista ni un valor suelto.',
      en: 'The request body must be a JSON object ({…}), not a list or a bare value.',
    },
  },
  BODY_TOO_DEEP: tooComplex(
    'Cuerpo demasiado anidado',
    'Request body nested too deeply',
    'El cuerpo admite como máximo {max} niveles de anidamiento.',
    'The body allows at most {max} levels of nesting.',
  ),
  BODY_TOO_MANY_FIELDS: tooComplex(
    'Demasiados campos',
    'Too many fields',
    'Cada objeto del cuerpo admite como máximo {max} campos.',
    'Each object of the body allows at most {max} fields.',
  ),
  BODY_LIST_TOO_LONG: tooComplex(
    'Lista demasiado larga',
    'List too long',
    'Cada lista del cuerpo admite como máximo {max} elementos.',
    'Each list of the body allows at most {max} items.',
  ),
  BODY_TOO_MANY_VALUES: tooComplex(
    'Demasiados valores',
    'Too many values',
    'El cuerpo admite como máximo {max} valores en total.',
    'The body allows at most {max} values in all.',
  ),
  BODY_FIELD_NAME_TOO_LONG: tooComplex(
    'Nombre de campo demasiado largo',
    'Field name too long',
    'Los nombres de campo admiten como máximo {max} caracteres.',
    'Field names allow at most {max} characters.',
  ),
});

function tooComplex(titleEs: string, titleEn: string, detailEs: string, detailEn: string) {
  return { title: { es: titleEs, en: titleEn }, detail: { es: detailEs, en: detailEn } };
}

/** The error code of each shape limit. */
const BREACH_CODES: Record<keyof JsonShapeLimits, string> = {
  maxDepth: 'BODY_TOO_DEEP',
  maxKeys: 'BODY_TOO_MANY_FIELDS',
  maxItems: 'BODY_LIST_TOO_LONG',
  maxNodes: 'BODY_TOO_MANY_VALUES',
  maxKeyLength: 'BODY_FIELD_NAME_TOO_LONG',
};

/** Every 400 code the body parser answers with, for the API document of each route with a body. */
export const JSON_BODY_ERROR_CODES: readonly string[] = [
  'MALFORMED_BODY',
  'BODY_NOT_AN_OBJECT',
  ...Object.values(BREACH_CODES),
];

/** Generous for every request DTO of the API (its longest list is 500 items, deepest nesting 6). */
export const DEFAULT_JSON_SHAPE: JsonShapeLimits = {
  maxDepth: 12,
  maxKeys: 100,
  maxItems: 1000,
  maxNodes: 20_000,
  maxKeyLength: 100,
};

/** Sign-in and token routes take a few flat strings, and anyone may call them. */
export const CREDENTIALS_JSON_SHAPE: JsonShapeLimits = {
  maxDepth: 1,
  maxKeys: 10,
  maxItems: 0,
  maxNodes: 10,
  maxKeyLength: 40,
};

export interface JsonBodyOptions {
  /** Largest body in bytes; larger gets 413 without being read further. */
  limit: number;
  shape: JsonShapeLimits;
  /** Tighter limits for paths that start with a prefix; the first match wins. */
  routes?: { prefix: string; shape: JsonShapeLimits }[];
  /** Field errors reported at most; the rest are counted. */
  maxFieldErrors: number;
  /**
   * Paths that take a file upload: their multipart/form-data bodies are left to the route's own
   * upload interceptor (with its own size limit); any other media type there is refused as usual.
   */
  uploads?: RegExp[];
}

type BodyRequest = IncomingMessage & { body?: unknown; originalUrl?: string; url?: string };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * The API's only body parser: JSON objects in UTF-8 within the size and shape limits, checked in
 * time bounded by the body size before anything walks the parsed value, so a request under the
 * limit cannot keep the event loop busy. Anything else is a 4xx problem before routing, auth or
 * validation: 415 for another media type, 413 when too large, 400 when malformed, too complex, not
 * an object, or holding NUL or lone surrogates (named by field path).
 */
export function jsonBodyParser(options: JsonBodyOptions) {
  return (req: BodyRequest, _res: ServerResponse, next: (error?: unknown) => void): void => {
    // An upload route's bytes, already read by binaryBodyParser.
    if (!hasBody(req) || Buffer.isBuffer(req.body)) return next();
    const [mediaType, ...parameters] = String(req.headers['content-type'] ?? '').split(';');
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    if (
      mediaType.trim().toLowerCase() === 'multipart/form-data' &&
      options.uploads?.some((upload) => upload.test(path))
    )
      return next();
    const charset = parameters
      .map((p) => p.trim().toLowerCase())
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '');
    if (!JSON_TYPE.test(mediaType.trim()) || (charset && charset !== 'utf-8' && charset !== 'utf8'))
      return refuse(req, next, new DomainError('UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type'));
    const declared = Number(req.headers['content-length']);
    if (declared > options.limit) return refuse(req, next, tooLarge(options.limit));

    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    // Stream events run in the socket's async context: bind the continuation to the request's,
    // so the request id and client IP (AsyncLocalStorage) reach guards, services and audit.
    const finish = AsyncResource.bind((error?: unknown) => {
      if (finished) return;
      finished = true;
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      if (error) return refuse(req, next, error);
      try {
        req.body = parseBody(Buffer.concat(chunks, size), req, options);
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.limit) finish(tooLarge(options.limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', (error) => finish(error));
  };
}

function parseBody(bytes: Buffer, req: BodyRequest, options: JsonBodyOptions): object {
  let text: string;
  try {
    // Invalid UTF-8 is refused, not silently replaced by U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('MALFORMED_BODY', 'invalid');
  }
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  const shape = options.routes?.find((r) => path.startsWith(r.prefix))?.shape ?? options.shape;
  const breach = scanJsonShape(text, shape);
  if (breach)
    throw new DomainError(BREACH_CODES[breach.limit], 'invalid', { params: { max: breach.max } });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError('MALFORMED_BODY', 'invalid');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new DomainError('BODY_NOT_AN_OBJECT', 'invalid');
  const unsafe = unsafeStringErrors(value, '', options.maxFieldErrors);
  if (unsafe.length) throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: unsafe });
  return value;
}

function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

function tooLarge(limit: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', 'payload_too_large', {
    params: { limit: `${limit} bytes` },
  });
}

/**
 * Answers without reading the rest of the body: the request stream is drained in the background
 * (so the connection stays usable) but nothing is buffered or parsed.
 */
function refuse(req: IncomingMessage, next: (error?: unknown) => void, error: unknown): void {
  req.resume();
  next(error);
}
