import { DomainError, registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  PRECONDITION_REQUIRED: {
    title: { es: 'Falta If-Match', en: 'If-Match required' },
    detail: {
      es: 'Envíe la cabecera If-Match con el ETag del caso que leyó, para no sobrescribir cambios ajenos.',
      en: 'Send an If-Match header with the ETag of the case you read, so that no one else’s change is overwritten.',
    },
  },
});

/** A case's ETag is its version: `"v7"`, a strong tag. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * The version a writer read, from If-Match, for the service's plain expected version; 428 without
 * it, 412 (the service's own VERSION_CONFLICT) when it is not a version of ours.
 * If-Match compares strongly (RFC 9110 §13.1.1), so a weak tag (`W/"v7"`) never matches: 412.
 */
export function versionFromIfMatch(ifMatch: string | undefined): number {
  if (!ifMatch) throw new DomainError('PRECONDITION_REQUIRED', 'precondition_required');
  const match = /^"v(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match) throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
  return Number(match[1]);
}
