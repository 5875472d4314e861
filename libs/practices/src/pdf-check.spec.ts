import { isReadablePdf } from './pdf-check';

/** A minimal well-formed PDF: header, one object, a cross-reference table and its trailer. */
function minimalPdf(padding = 0): Buffer {
  const head = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${'x'.repeat(padding)}\n`;
  const xref = Buffer.byteLength(head, 'latin1');
  return Buffer.from(
    `${head}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    'latin1',
  );
}

describe('isReadablePdf', () => {
  it('accepts a well-formed PDF', () => {
    expect(isReadablePdf(minimalPdf())).toBe(true);
  });

  it('refuses a PNG named .pdf, an HTML page and an empty file', () => {
    expect(isReadablePdf(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toBe(false);
    expect(isReadablePdf(Buffer.from('<html>%PDF-1.4</html>'))).toBe(false);
    expect(isReadablePdf(Buffer.alloc(0))).toBe(false);
  });

  it('refuses a truncated PDF: the header alone is not enough', () => {
    const pdf = minimalPdf();
    expect(isReadablePdf(pdf.subarray(0, pdf.length - 20))).toBe(false);
    expect(isReadablePdf(Buffer.from('%PDF-1.7\nnothing else'))).toBe(false);
  });

  it('refuses a startxref that points outside the file or at no cross-reference', () => {
    const text = minimalPdf().toString('latin1');
    expect(
      isReadablePdf(Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n99999'), 'latin1')),
    ).toBe(false);
    expect(
      isReadablePdf(Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n3'), 'latin1')),
    ).toBe(false);
  });
});
