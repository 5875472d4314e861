import { SetMetadata } from '@nestjs/common';
import { Permission } from './permissions';

export const ACCESS_METADATA = 'amparo:access';

export type AccessDeclaration =
  | { kind: 'public'; reason: string }
  | { kind: 'authenticated'; acceptsEnrolmentChallenge: boolean; acceptsRefreshToken: boolean }
  | { kind: 'permission'; permission: Permission };

/**
 * Every route declares who may call it with exactly one of these; a route without one is refused
 * (and a test fails). The declaration also documents the route in OpenAPI.
 */

/** Callable without signing in; the reason is kept for reviewers. */
export const Public = (reason: string) =>
  SetMetadata(ACCESS_METADATA, { kind: 'public', reason } satisfies AccessDeclaration);

/**
 * Any signed-in user, acting on their own account. `acceptsEnrolmentChallenge`: or a user half-way
 * through a sign-in that requires MFA enrolment. `acceptsRefreshToken`: or, without a bearer token,
 * the holder of the session's refresh token (a browser whose access token is gone, signing out).
 */
export const Authenticated = (
  options: { acceptsEnrolmentChallenge?: boolean; acceptsRefreshToken?: boolean } = {},
) =>
  SetMetadata(ACCESS_METADATA, {
    kind: 'authenticated',
    acceptsEnrolmentChallenge: options.acceptsEnrolmentChallenge ?? false,
    acceptsRefreshToken: options.acceptsRefreshToken ?? false,
  } satisfies AccessDeclaration);

/** Signed-in users whose roles grant this permission; services then apply the caller's scope. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessDeclaration);
