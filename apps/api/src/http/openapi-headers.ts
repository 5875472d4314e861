import { DECORATORS, HeadersObject } from '@nestjs/swagger';

/** Response headers the routes set, for their OpenAPI responses. */
export const LOCATION: HeadersObject = {
  Location: {
    description: 'Path of the created resource',
    required: true,
    schema: { type: 'string', format: 'uri-reference' },
  },
};

export const ETAG: HeadersObject = {
  ETag: {
    description: 'The version of the case; send it back in If-Match to change the case',
    required: true,
    schema: { type: 'string', example: '"3"' },
  },
};

export const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description:
    'The ETag of the case as you read it (428 without it, 412 when it is not the current one)',
};

export const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Any 1 to 255 visible ASCII characters; a retry with the same key and body gets the first response instead of a second record',
  schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$' },
};

/** The refresh token for browsers (apps/api/src/access/refresh-cookie.ts), beside the JSON body. */
export const SET_REFRESH_COOKIE: HeadersObject = {
  'Set-Cookie': {
    description:
      'amparo_refresh=<the refresh token>; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=<session lifetime>, and Secure over HTTPS. Only when the answer carries tokens.',
    required: false,
    schema: { type: 'string' },
  },
};

export const CLEAR_REFRESH_COOKIE: HeadersObject = {
  'Set-Cookie': {
    description: 'Expires the amparo_refresh cookie',
    required: true,
    schema: { type: 'string' },
  },
};

const REFRESH_COOKIE_PARAMETER = {
  name: 'amparo_refresh',
  in: 'cookie',
  required: false,
  description:
    'The refresh token the browser keeps (HttpOnly); read when the body has no refreshToken, and only from a JSON request of the same origin',
  schema: { type: 'string', maxLength: 200 },
} as const;

/** Documents the refresh cookie as a parameter (@nestjs/swagger has decorators for header and query only). */
export function ApiRefreshCookie(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const parameters = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, descriptor.value!) ??
      []) as object[];
    Reflect.defineMetadata(
      DECORATORS.API_PARAMETERS,
      [...parameters, REFRESH_COOKIE_PARAMETER],
      descriptor.value!,
    );
    return descriptor;
  };
}
