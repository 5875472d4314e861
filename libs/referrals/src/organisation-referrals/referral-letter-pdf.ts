import PDFDocument from 'pdfkit';
import { LetterContent } from './referral-letter-content';

/**
 * Lays a letter out on A4 with PDF's standard Helvetica (WinAnsi: the accents and ñ of Spanish),
 * nothing embedded, so a letter stays a few kilobytes and renders the same everywhere.
 */
export function renderLetterPdf(
  content: LetterContent,
  meta: { title: string; lang: string },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: meta.title, Producer: 'Amparo', Creator: 'Amparo' },
    lang: meta.lang,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(11);
  for (const line of content.heading) {
    doc.text(line);
    doc.font('Helvetica').fontSize(10);
  }
  doc.moveDown().text(content.dateLine, { align: 'right' });
  doc.moveDown().font('Helvetica-Bold').fontSize(15).text(content.title);
  doc.moveDown(0.5);
  for (const line of content.references) labelled(doc, line.label, line.text);
  doc.moveDown();
  for (const line of content.addressee) doc.font('Helvetica').fontSize(10).text(line);
  for (const section of content.sections) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(section.title);
    doc.moveDown(0.2);
    for (const line of section.lines) labelled(doc, line.label, line.text);
  }
  doc.moveDown(3);
  for (const line of content.signature) doc.font('Helvetica').fontSize(10).text(line);
  doc.end();
  return done;
}

function labelled(doc: PDFKit.PDFDocument, label: string | undefined, text: string): void {
  if (label) {
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(text);
  } else doc.font('Helvetica').fontSize(10).text(text);
}
