import { DomainError } from '@amparo/core';

/** A case's ETag is its version: `"v7"`, a strong tag. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * The version a writer read, from If-Match; 428 without it, 412 when it is not a version of ours.
 * If-Match compares strongly (RFC 9110 §13.1.1), so a weak tag (`W/"v7"`) never matches: 412.
 */
export function versionFromIfMatch(ifMatch: string | undefined): number {
  if (!ifMatch) throw new DomainError('PRECONDITION_REQUIRED', 'precondition_required');
  const match = /^"v(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match) throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
  return Number(match[1]);
}
