import { csvLine } from './csv-export-writer';

describe('csvLine', () => {
  it('quotes separators and quotes, ends lines with CRLF', () => {
    expect(csvLine(['a,b', 'say "hi"', 3, ''])).toBe('"a,b","say ""hi""",3,\r\n');
  });

  it('writes null (a suppressed value) as an empty field', () => {
    expect(csvLine([null, 'x', null])).toBe(',x,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvLine(['=1+1', '@SUM(A1)', -5])).toBe("'=1+1,'@SUM(A1),-5\r\n");
  });
});
