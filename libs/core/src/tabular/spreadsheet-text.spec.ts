import { csvLine, neutraliseFormula, spreadsheetCell } from './spreadsheet-text';

describe('spreadsheet text', () => {
  it.each(['=1+1', '+52 55', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '\ncmd', '＝1+1', '＠A1'])(
    'defuses %j, which a spreadsheet would run as a formula',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it('leaves other text as it is', () => {
    for (const text of ['Ana López', 'a=b', '1+1', " 'quoted", '', 'MX-LAX-2026-000123'])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it('leaves numbers and blank cells as they are, negative numbers included', () => {
    expect(spreadsheetCell(-5)).toBe(-5);
    expect(spreadsheetCell(null)).toBeNull();
  });

  it('quotes separators and quotes, ends lines with CRLF', () => {
    expect(csvLine(['a,b', 'say "hi"', 3, ''])).toBe('"a,b","say ""hi""",3,\r\n');
  });

  it('writes null (a suppressed value) as an empty field', () => {
    expect(csvLine([null, 'x', null])).toBe(',x,\r\n');
  });

  it('defuses formulas before quoting them', () => {
    expect(csvLine(['=1+1', '@SUM(A1)', -5, '=HYPERLINK("http://x")', '\r=1'])).toBe(
      `'=1+1,'@SUM(A1),-5,"'=HYPERLINK(""http://x"")","'\r=1"\r\n`,
    );
  });
});
