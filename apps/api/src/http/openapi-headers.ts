import { HeadersObject } from '@nestjs/swagger';

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
