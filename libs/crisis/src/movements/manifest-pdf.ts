import PDFDocument from 'pdfkit';
import { TabularValue } from '@amparo/core';

/**
 * A manifest on landscape A4 with PDF's standard Helvetica (WinAnsi: the accents and ñ of
 * Spanish): the heading lines, then one line per passenger, the header repeated on each page.
 */
export function renderManifestPdf(
  heading: { title: string; lines: string[] },
  table: { header: string[]; rows: TabularValue[][] },
  lang: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 40, bottom: 40, left: 40, right: 40 },
    info: { Title: heading.title, Producer: 'Amparo', Creator: 'Amparo' },
    lang,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Column widths in points, for the nine columns of manifestTable (762 points of page width).
  const widths = [30, 120, 120, 80, 90, 50, 75, 117, 80];
  const left = doc.page.margins.left;
  const row = (cells: TabularValue[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) {
      doc.addPage();
      row(table.header, true);
    }
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    let x = left;
    let bottom = y;
    cells.forEach((cell, i) => {
      doc.text(cell === null ? '' : String(cell), x, y, { width: widths[i] - 4 });
      bottom = Math.max(bottom, doc.y);
      x += widths[i];
    });
    doc.x = left;
    doc.y = bottom + 3;
  };
  doc.font('Helvetica-Bold').fontSize(14).text(heading.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  for (const line of heading.lines) doc.text(line);
  doc.moveDown();
  row(table.header, true);
  for (const cells of table.rows) row(cells, false);
  doc.end();
  return done;
}
