import { dedupeKey } from './dedupe-key';

const base = {
  givenNames: 'José Luis',
  familyNames: 'Pérez',
  documentType: 'passport',
  documentNumber: 'G1234567',
  documentCountry: 'MX',
  dateOfBirth: '1990-05-31',
};

describe('dedupeKey', () => {
  it('is the same for the same person written differently', () => {
    const same = {
      ...base,
      givenNames: '  JOSE   luis ',
      familyNames: 'perez',
      documentNumber: 'g-1234567',
    };
    expect(dedupeKey(same)).toBe(dedupeKey(base));
    expect(dedupeKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the document, the birth date or the split of the names differs', () => {
    expect(dedupeKey({ ...base, documentNumber: 'G1234568' })).not.toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, dateOfBirth: null })).not.toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, givenNames: 'José', familyNames: 'Luis Pérez' })).not.toBe(
      dedupeKey(base),
    );
  });
});
