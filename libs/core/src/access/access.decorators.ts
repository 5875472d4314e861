import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'amparo:access';

export type AccessDeclaration = { kind: 'public'; reason: string };

/**
 * Declares a route callable without signing in. Every route must declare who may call it; the
 * reason is kept so a reviewer sees why a route is open.
 */
export const Public = (reason: string) =>
  SetMetadata(ACCESS_METADATA, { kind: 'public', reason } satisfies AccessDeclaration);
