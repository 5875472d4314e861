import { DomainError } from '@amparo/core';
import { mapImportColumns, normaliseHeader } from './import-columns';

describe('mapImportColumns', () => {
  it('accepts Spanish and English headers, in any case, with accents and spaces', () => {
    const mapping = mapImportColumns(['Nombres', 'Family names', 'Fecha de nacimiento', 'SEXO']);
    expect(mapping.index).toEqual({ givenNames: 0, familyNames: 1, dateOfBirth: 2, sex: 3 });
    expect(mapping.header.dateOfBirth).toBe('Fecha de nacimiento');
    expect(normaliseHeader('  Número de documento ')).toBe('numero_de_documento');
  });

  it('reports unknown, repeated and missing required columns together', () => {
    let error: DomainError | undefined;
    try {
      mapImportColumns(['apellidos', 'asiento', 'family_names', '']);
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('IMPORT_COLUMNS');
    expect(error?.kind).toBe('invalid');
    expect(error?.details.fieldErrors?.map((f) => [f.field, f.code])).toEqual([
      ['asiento', 'UNKNOWN_COLUMN'],
      ['family_names', 'REPEATED_COLUMN'],
      ['column 4', 'EMPTY_HEADER'],
      ['given_names', 'MISSING_COLUMN'],
    ]);
    expect(error?.details.fieldErrors?.[3].message.es).toContain('nombres');
  });
});
