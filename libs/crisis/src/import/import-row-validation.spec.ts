import { mapImportColumns } from './import-columns';
import { RowChecks, validateImportRow } from './import-row-validation';

const columns = mapImportColumns([
  'nombres',
  'apellidos',
  'tipo_documento',
  'numero_documento',
  'pais_documento',
  'fecha_nacimiento',
  'sexo',
  'contacto',
  'subdivision',
  'ubicacion',
  'estado_bienestar',
]);
const checks: RowChecks = {
  countries: new Set(['MX', 'US', 'GT']),
  hostSubdivisions: new Set(['US-FL', 'US-TX']),
  today: new Date('2026-12-04T00:00:00Z'),
};
const row = (over: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    nombres: 'Ana María',
    apellidos: 'Ruiz',
    tipo_documento: 'passport',
    numero_documento: 'g1234567',
    pais_documento: 'mx',
    fecha_nacimiento: '31/05/1990',
    sexo: 'F',
    contacto: '+1 305 555 0100',
    subdivision: 'us-fl',
    ubicacion: 'Hotel Sol, Miami',
    estado_bienestar: 'safe',
    ...over,
  };
  return columns.columns.map((c) => values[c.header]);
};

describe('validateImportRow', () => {
  it('turns a valid row into the person to record, codes normalised', () => {
    const result = validateImportRow(row(), columns, checks);
    expect(result).toMatchObject({
      ok: true,
      person: {
        givenNames: 'Ana María',
        documentNumber: 'G1234567',
        documentCountry: 'MX',
        dateOfBirth: '1990-05-31',
        sex: 'female',
        locationSubdivision: 'US-FL',
        welfareStatus: 'safe',
      },
    });
  });

  it('records a person with the name alone, unaccounted', () => {
    const result = validateImportRow(['Ana'], mapImportColumns(['given_names']), checks);
    expect(result).toMatchObject({
      ok: true,
      person: { welfareStatus: 'unaccounted', documentType: null },
    });
  });

  it('reports every problem of the row under the file’s own header, in Spanish and English', () => {
    const result = validateImportRow(
      row({
        nombres: ' ',
        tipo_documento: 'licencia',
        pais_documento: 'ZZ',
        fecha_nacimiento: '31/02/1990',
        sexo: 'otro',
        subdivision: 'MX-CMX',
        estado_bienestar: 'perdido',
      }),
      columns,
      checks,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['nombres', 'REQUIRED'],
      ['tipo_documento', 'UNKNOWN_CODE'],
      ['pais_documento', 'UNKNOWN_COUNTRY'],
      ['fecha_nacimiento', 'BAD_DATE'],
      ['sexo', 'UNKNOWN_CODE'],
      ['subdivision', 'NOT_IN_HOST_COUNTRY'],
      ['estado_bienestar', 'UNKNOWN_CODE'],
    ]);
    for (const e of errors) expect(e.message.es && e.message.en).toBeTruthy();
  });

  it('wants a document whole: type, number and country', () => {
    const result = validateImportRow(
      row({ tipo_documento: '', pais_documento: '' }),
      columns,
      checks,
    );
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['REQUIRED', 'REQUIRED']);
  });

  it('refuses a future or implausible birth date and a malformed passport', () => {
    const codes = (over: Record<string, string>) => {
      const r = validateImportRow(row(over), columns, checks);
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes({ fecha_nacimiento: '2027-01-01' })).toEqual(['IN_THE_FUTURE']);
    expect(codes({ fecha_nacimiento: '1850-01-01' })).toEqual(['IMPLAUSIBLE']);
    expect(codes({ fecha_nacimiento: '1990/05/31' })).toEqual(['BAD_DATE']);
    expect(codes({ numero_documento: '12' })).toEqual(['BAD_FORMAT']);
  });
});
