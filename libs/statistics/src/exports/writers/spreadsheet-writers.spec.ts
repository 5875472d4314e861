import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { DIMENSIONS } from '../../model/dimensions';
import { ExportFormat } from '../export-record';
import { ExportLayout } from './export-layout';
import { createExportWriter } from './create-export-writer';

// Consulate names come from the directory, which admins type: a name that starts like a formula
// must reach neither file as one.
const HOSTILE = '=HYPERLINK("http://x.example","Consulado")';

async function exportWithHostileLabel(format: ExportFormat): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const layout = new ExportLayout([DIMENSIONS.consulate], false, 'es');
  layout.learn([
    {
      dimension: DIMENSIONS.consulate,
      codes: [{ code: 'C1', label: { es: HOSTILE, en: HOSTILE } }],
    },
  ]);
  const writer = createExportWriter(format, out, layout);
  await writer.begin({ note: '@SUM(A1)' });
  await writer.write({ measure: 'cases_opened', codes: ['C1'], value: 7, suppressed: false });
  await writer.end({ note: '@SUM(A1)' });
  return Buffer.concat(chunks);
}

describe('spreadsheet export writers', () => {
  it('write a label that starts like a formula as defused text in CSV', async () => {
    const text = (await exportWithHostileLabel('csv')).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""Consulado"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('write a label that starts like a formula as defused text in XLSX, data and metadata sheets', async () => {
    const zip = await JSZip.loadAsync(await exportWithHostileLabel('xlsx'));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('xl/worksheets/'))
        .map((name) => zip.file(name)!.async('string')),
    );
    const xml = sheets.join('\n');
    expect(xml).toContain(`&apos;=HYPERLINK(&quot;http://x.example&quot;,&quot;Consulado&quot;)`);
    expect(xml).toContain(`&apos;@SUM(A1)`);
    expect(xml).not.toMatch(/<f>|>=HYPERLINK|>@SUM/);
  });
});
