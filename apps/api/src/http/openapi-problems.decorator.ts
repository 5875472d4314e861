import { SetMetadata } from '@nestjs/common';
import { ErrorKind } from '@amparo/core';

export const API_PROBLEMS_METADATA = 'amparo:openapi:problems';

export type ProblemCodes = Partial<Record<ErrorKind, readonly string[]>>;

/**
 * The domain error codes a route's service may answer with, by kind, for its OpenAPI document. The
 * codes every route shares (validation, authentication, permission, If-Match, Idempotency-Key)
 * are derived from the route itself in `openapi-problems.ts`; list here only the others.
 */
export const ApiProblems = (...sets: ProblemCodes[]) => {
  const merged: Partial<Record<ErrorKind, string[]>> = {};
  for (const set of sets) {
    for (const [kind, codes] of Object.entries(set) as [ErrorKind, readonly string[]][]) {
      merged[kind] = [...(merged[kind] ?? []), ...codes];
    }
  }
  return SetMetadata(API_PROBLEMS_METADATA, merged);
};
