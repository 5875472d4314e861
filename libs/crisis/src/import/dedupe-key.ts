import { createHash } from 'node:crypto';

/** What makes two rows the same person: names, document and date of birth. */
export interface DedupeIdentity {
  givenNames: string;
  familyNames: string;
  documentType: string | null;
  documentNumber: string | null;
  documentCountry: string | null;
  dateOfBirth: string | null;
}

/** Lower case, no accents, single spaces: "  José  PÉREZ" and "jose perez" are one name. */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Hex SHA-256 of the row's normalised identity. Unique per event on the roster, so a row imported
 * twice, from the same file or another, is recorded once. The hash keeps no readable identity in
 * the key itself.
 */
export function dedupeKey(identity: DedupeIdentity): string {
  const parts = [
    normaliseName(identity.givenNames),
    normaliseName(identity.familyNames),
    identity.documentType ?? '',
    (identity.documentNumber ?? '').toUpperCase().replace(/[^A-Z0-9]/g, ''),
    (identity.documentCountry ?? '').toUpperCase(),
    identity.dateOfBirth ?? '',
  ];
  // A separator no normalised part contains, so ("a b", "c") and ("a", "b c") differ.
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}
