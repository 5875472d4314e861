import { importReportCsv } from './import-report-csv';

const rows = [
  { row: 2, status: 'valid' as const, errors: [] },
  {
    row: 3,
    status: 'invalid' as const,
    errors: [
      {
        field: '=HYPERLINK("x")',
        code: 'UNKNOWN_CODE',
        message: { es: 'Use uno de: a, b.', en: 'Use one of: a, b.' },
      },
    ],
  },
  { row: 4, status: 'duplicate' as const, errors: [] },
];

describe('importReportCsv', () => {
  it('writes one line per problem and per row without any, headers in the language asked', () => {
    const es = importReportCsv(rows, 'es');
    expect(es.startsWith('\uFEFF')).toBe(true);
    expect(es.slice(1).split('\r\n')).toEqual([
      'fila,estado,columna,codigo,mensaje',
      '2,válida,,,',
      `3,con errores,"'=HYPERLINK(""x"")",UNKNOWN_CODE,"Use uno de: a, b."`,
      '4,duplicada,,DUPLICATE,La persona ya figura en la lista del evento o más arriba en el archivo.',
      '',
    ]);
    expect(importReportCsv(rows, 'en')).toContain('row,status,column,code,message');
  });
});
