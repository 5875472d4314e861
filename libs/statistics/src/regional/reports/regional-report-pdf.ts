import PDFDocument from 'pdfkit';
import { drawBarChart } from './report-chart';
import {
  Bilingual,
  RegionalReportContent,
  ReportChartSection,
  ReportLanguage,
  ReportTable,
  ReportValue,
} from './regional-report-content';
import { REPORT_TEXT, disclosureParagraphs, practiceKindLabel } from './regional-report-text';

type Pdf = PDFKit.PDFDocument;

const MARGIN = 50;
const INK = '#222222';
const MUTED = '#555555';
const RULE = '#BBBBBB';

/**
 * The semester report as a PDF in one language: a title page, the disclosure rule, the sources,
 * a page per chart with its table, and the good practices; numbered pages. pdfkit's standard
 * Helvetica (WinAnsi covers the accents and ñ of Spanish), as the crisis manifests use.
 */
export function renderRegionalReportPdf(
  content: RegionalReportContent,
  language: ReportLanguage,
): Promise<Buffer> {
  const t = (text: Bilingual) => text[language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `${t(REPORT_TEXT.title)} ${content.semester}`,
      Producer: 'Amparo',
      Creator: 'Amparo',
    },
    lang: language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  titlePage(doc, content, language, width);

  doc.addPage();
  heading(doc, t(REPORT_TEXT.disclosureTitle));
  for (const paragraph of disclosureParagraphs(content.k)) paragraphText(doc, t(paragraph), width);

  doc.moveDown(1.5);
  heading(doc, t(REPORT_TEXT.sourcesTitle));
  paragraphText(doc, t(REPORT_TEXT.sourcesIntro), width);
  for (const source of content.sources) sourceBlock(doc, source, language, width);

  for (const section of content.charts) {
    doc.addPage();
    chartSection(doc, section, content.k, language, width);
  }

  doc.addPage();
  heading(doc, t(REPORT_TEXT.practicesTitle));
  if (!content.practices.length) paragraphText(doc, t(REPORT_TEXT.noPractices), width);
  else paragraphText(doc, t(REPORT_TEXT.practicesIntro), width);
  for (const practice of content.practices) {
    keepTogether(doc, 70);
    doc.font('Helvetica-Bold').fontSize(10.5).fillColor(INK).text(t(practice.title), { width });
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(
        `${practiceKindLabel(practice.kind, language)} · ${practice.countries.join(', ')} · ${t(REPORT_TEXT.published)} ${practice.publishedAt.slice(0, 10)}`,
        { width },
      );
    doc.moveDown(0.2);
    doc.font('Helvetica').fontSize(9.5).fillColor(INK).text(practice.summary, { width });
    doc.moveDown(0.8);
  }

  footers(doc, content, language);
  doc.end();
  return done;
}

function titlePage(
  doc: Pdf,
  content: RegionalReportContent,
  language: ReportLanguage,
  width: number,
) {
  const t = (text: Bilingual) => text[language];
  doc.moveDown(8);
  doc.font('Helvetica').fontSize(12).fillColor(MUTED).text(t(REPORT_TEXT.network), { width });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(26).fillColor(INK).text(t(REPORT_TEXT.title), { width });
  doc.font('Helvetica').fontSize(18).text(content.semester, { width });
  doc.moveDown(2);
  doc.fontSize(11).fillColor(INK);
  const lines: [Bilingual, string][] = [
    [REPORT_TEXT.countries, content.countries.join(', ')],
    [REPORT_TEXT.generatedAt, content.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC'],
    [REPORT_TEXT.kLine, String(content.k)],
  ];
  for (const [label, value] of lines) {
    doc.font('Helvetica-Bold').text(`${t(label)}: `, { continued: true, width });
    doc.font('Helvetica').text(value);
    doc.moveDown(0.3);
  }
  doc.moveDown(2);
  doc.fontSize(9).fillColor(MUTED).text(t(REPORT_TEXT.aggregatesOnly), { width });
}

function heading(doc: Pdf, text: string): void {
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(text);
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.moveDown(0.7);
}

function paragraphText(doc: Pdf, text: string, width: number): void {
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(text, { width, align: 'left' });
  doc.moveDown(0.6);
}

function sourceBlock(
  doc: Pdf,
  source: RegionalReportContent['sources'][number],
  language: ReportLanguage,
  width: number,
): void {
  keepTogether(doc, 60);
  const t = (text: Bilingual) => text[language];
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor(INK)
    .text(source.countries.join(', '), { width });
  // Helvetica, not Courier: pdf.js viewers without Courier substitute a proportional font and
  // misplace the hex digits.
  const line = (label: string, value: string) => {
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(`${label}: `, { continued: true });
    doc.fillColor(INK).text(value, { width });
  };
  line(t(REPORT_TEXT.keyId), source.keyId);
  line(t(REPORT_TEXT.fingerprint), source.fingerprint);
  line('SHA-256', source.sha256);
  doc.moveDown(0.6);
}

function chartSection(
  doc: Pdf,
  section: ReportChartSection,
  k: number,
  language: ReportLanguage,
  width: number,
): void {
  const t = (text: Bilingual) => text[language];
  heading(doc, t(section.title));
  paragraphText(doc, t(section.description), width);
  if (!section.chart || !section.table) {
    doc.moveDown(1);
    doc.font('Helvetica-Oblique').fontSize(11).fillColor(MUTED).text(t(section.empty!), { width });
    return;
  }
  const top = doc.y + 4;
  const used = drawBarChart(doc, section.chart, language, {
    x: MARGIN,
    y: top,
    width,
    height: 250,
  });
  doc.x = MARGIN;
  doc.y = top + used + 14;
  table(doc, section.table, language, width);
  if (hasSuppressed(section.table))
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(t(REPORT_TEXT.suppressedNote).replace('{below}', String(k - 1)), MARGIN, doc.y + 4, {
        width,
      });
}

function table(doc: Pdf, data: ReportTable, language: ReportLanguage, width: number): void {
  const columns = Math.max(1, data.header.length - 1);
  // Eleven member countries and the total must fit across A4: smaller type and padding then.
  const wide = columns > 7;
  const size = wide ? 7 : 8;
  const pad = wide ? 2 : 4;
  const first = Math.max(90, Math.min(170, width - columns * 38));
  const rest = (width - first) / columns;
  const widths = [first, ...data.header.slice(1).map(() => rest)];
  const row = (cells: string[], bold: boolean, shaded: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const height =
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 2 * pad })),
      ) + 6;
    if (doc.y + height > doc.page.height - MARGIN - 10) {
      doc.addPage();
      row(
        data.header.map((h) => h[language]),
        true,
        true,
      );
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    }
    const y = doc.y;
    if (shaded) doc.rect(MARGIN, y, width, height).fillColor('#EEF3F8').fill();
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + pad, y + 3, {
        width: widths[i] - 2 * pad,
        align: i === 0 ? 'left' : 'right',
      });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(
    data.header.map((h) => h[language]),
    true,
    true,
  );
  for (const r of data.rows)
    row([r.label[language], ...r.values.map((v) => cellText(v, language))], false, false);
}

/** A suppressed cell reads "x" (explained under the table), never 0 or blank. */
export function cellText(value: ReportValue, language: ReportLanguage): string {
  if (value.suppressed || value.value === null) return 'x';
  return new Intl.NumberFormat(language === 'es' ? 'es' : 'en', {
    maximumFractionDigits: 1,
  }).format(value.value);
}

function hasSuppressed(data: ReportTable): boolean {
  return data.rows.some((r) => r.values.some((v) => v.suppressed));
}

function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function footers(doc: Pdf, content: RegionalReportContent, language: ReportLanguage): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Inside the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `Amparo · ${REPORT_TEXT.title[language]} ${content.semester} · ${REPORT_TEXT.page[language]} ${i + 1}/${range.count}`,
        MARGIN,
        doc.page.height - 32,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}
