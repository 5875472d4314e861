import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { reportExportFixture } from '@amparo/statistics/regional/reports/regional-report.fixture';
import { CHART_PALETTE } from '@amparo/statistics/regional/reports/report-chart';
import { RegionalReportHandler } from '@amparo/statistics/regional/reports/regional-report.handler';
import { Workbook } from 'exceljs';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { createConsulate, signedInUsers } from './utils/identity';
import { renderPdfPages } from './utils/pdf-pages';
import { keyRegistration, signedFile } from './utils/regional-exports';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

const SEMESTER = '2026-S1';
const OUT = resolve(__dirname, '../test-results/regional-report');
/** The bar colours of the report's charts (of up to four series); text and rules are greys. */
const BAR_COLOURS = CHART_PALETTE.slice(0, 4);
/** Pixels of bar colour at 1.5× that a drawn chart has many times over, and a text page never. */
const CHART_PIXELS = 3000;

const TITLES = {
  es: {
    title: 'Informe regional semestral',
    disclosure: 'Regla de divulgación',
    sources: 'Fuentes',
    categories: 'Casos abiertos por categoría',
    flows: 'Flujos por país de origen y país receptor',
    returns: 'Retornos',
    delays: 'Demora en la notificación consular de detenciones',
    practices: 'Buenas prácticas publicadas en el semestre',
  },
  en: {
    title: 'Regional semester report',
    disclosure: 'Disclosure rule',
    sources: 'Sources',
    categories: 'Cases opened by category',
    flows: 'Flows by country of origin and host country',
    returns: 'Returns',
    delays: 'Delay in consular notification of detentions',
    practices: 'Good practices published in the semester',
  },
} as const;
const CHART_SECTIONS = ['categories', 'flows', 'returns', 'delays'] as const;

describe('Regional semester report: PDFs in es and en with charts, and the XLSX annex', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let dir: string;
  const users = signedInUsers(() => ({ app, stack }));
  const keys = {
    GT: generateKeyPairSync('ed25519').privateKey,
    MX: generateKeyPairSync('ed25519').privateKey,
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'amparo-regional-report-'));
    stack = await createTestStack({
      EXPORTS_DIR: join(dir, 'exports'),
      EXPORT_SIGNING_KEY_FILE: join(dir, 'export-signing-key.pem'),
    });
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    const post = await createConsulate(stack, 'MX');
    await users.signInAs('secretariat', [{ role: 'network_secretariat' }]);
    await users.signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await users.signInAs('consul', [{ role: 'consul', consulateId: post }]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
    await rm(dir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${users.tokens[who]}` });

  /** A practice the MX consul submits and the secretariat publishes, dated `publishedAt`. */
  async function publishedPractice(
    title: { es: string; en: string },
    publishedAt: string,
  ): Promise<string> {
    const created = await http()
      .post('/api/v1/good-practices')
      .set(as('consul'))
      .send({
        kind: 'protocol',
        titleEs: `Protocolo ${title.es}`,
        titleEn: `Protocol for ${title.en}`,
        countries: ['MX'],
        categories: ['unaccompanied_child'],
        problem: `Los niños esperaban semanas en albergues sin coordinación (${title.es}).`,
        action: 'Un oficial consular es notificado en dos horas.',
      });
    expect(created.status).toBe(201);
    const { id } = created.body;
    for (const [who, step] of [
      ['consul', 'submit'],
      ['secretariat', 'publish'],
    ])
      expect((await http().post(`/api/v1/good-practices/${id}/${step}`).set(as(who))).status).toBe(
        200,
      );
    // Published "now" by the API; the report is of a past semester, so the date is set as it would have been.
    await stack.query('UPDATE good_practices SET published_at = $2 WHERE id = $1', [
      id,
      publishedAt,
    ]);
    return id;
  }

  it('refuses a report of a semester without verified exports (422) and a malformed semester (400), storing nothing', async () => {
    const none = await http()
      .post('/api/v1/regional/reports')
      .set(as('secretariat'))
      .send({ semester: SEMESTER });
    expect(none.status).toBe(422);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.body.code).toBe('REGIONAL_REPORT_NO_EXPORTS');
    for (const semester of ['2026-S3', '2026', 'S1-2026', ''])
      expect(
        (await http().post('/api/v1/regional/reports').set(as('secretariat')).send({ semester }))
          .status,
      ).toBe(400);
    const [{ n }] = await stack.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM regional_reports',
    );
    expect(n).toBe(0);
  });

  it('produces the semester report in both languages with its sections, charts drawn from the suppressed figures, and the annex', async () => {
    const registered: Record<string, { fingerprint: string; keyId: string }> = {};
    for (const country of ['GT', 'MX'] as const) {
      const key = await http()
        .post('/api/v1/regional/keys')
        .set(as('secretariat'))
        .send(keyRegistration(country, keys[country]));
      expect(key.status).toBe(201);
      registered[country] = key.body;
      const upload = await http()
        .post('/api/v1/regional/exports')
        .set(as('secretariat'))
        .send(signedFile(reportExportFixture(country), keys[country]));
      expect(upload.status).toBe(201);
    }
    await publishedPractice(
      { es: 'de recepción de niñez', en: 'child reception' },
      '2026-03-10T10:00:00Z',
    );
    await publishedPractice(
      { es: 'de otro semestre', en: 'another semester' },
      '2026-08-01T10:00:00Z',
    );

    const requested = await http()
      .post('/api/v1/regional/reports')
      .set(as('secretariat'))
      .send({ semester: SEMESTER });
    expect(requested.status).toBe(202);
    expect(requested.headers.location).toBe(`/api/v1/regional/reports/${requested.body.id}`);
    expect(requested.body).toMatchObject({
      semester: SEMESTER,
      status: expect.stringMatching(/^(queued|running|done)$/),
      requestedBy: users.ids.secretariat,
      error: null,
    });

    const report = await eventually(async () => {
      const res = await http().get(requested.headers.location).set(as('secretariat'));
      expect(res.status).toBe(200);
      if (res.body.status === 'failed') throw new Error(JSON.stringify(res.body));
      return res.body.status === 'done' ? res.body : undefined;
    });
    expect(report).toMatchObject({ progress: 100, countries: ['GT', 'MX'], error: null });
    expect(report.finishedAt).toEqual(expect.any(String));
    expect(
      report.sources.map((s: { countries: string[]; fingerprint: string; keyId: string }) => [
        s.countries,
        s.keyId,
        s.fingerprint,
      ]),
    ).toEqual(
      (['GT', 'MX'] as const).map((c) => [[c], registered[c].keyId, registered[c].fingerprint]),
    );
    expect(
      report.files.map((f: { name: string; language: string | null }) => [f.name, f.language]),
    ).toEqual([
      ['report-es.pdf', 'es'],
      ['report-en.pdf', 'en'],
      ['annex.xlsx', null],
    ]);
    const listed = await http()
      .get(`/api/v1/regional/reports?semester=${SEMESTER}`)
      .set(as('secretariat'));
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect(
      (await http().get('/api/v1/regional/reports?semester=2026-S2').set(as('secretariat'))).body
        .items,
    ).toEqual([]);

    const download = async (name: string) => {
      const res = await http()
        .get(`/api/v1/regional/reports/${report.id}/files/${name}`)
        .set(as('secretariat'))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
      return res;
    };

    for (const language of ['es', 'en'] as const) {
      const res = await download(`report-${language}.pdf`);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`report-${language}.pdf`);
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = await renderPdfPages(pdf, OUT, `report-${language}`, BAR_COLOURS);
      const titles = TITLES[language];
      const pageOf = (title: string) => {
        const page = pages.find((p) => p.text.startsWith(title) || p.text.includes(` ${title} `));
        expect({ language, title, found: !!page }).toEqual({ language, title, found: true });
        return page!;
      };
      for (const title of Object.values(titles)) pageOf(title);
      const barPixels = (page: { colourPixels: Record<string, number> }) =>
        Object.values(page.colourPixels).reduce((a, b) => a + b, 0);
      for (const section of CHART_SECTIONS) {
        const page = pageOf(titles[section]);
        expect({ language, section, chart: barPixels(page) >= CHART_PIXELS }).toEqual({
          language,
          section,
          chart: true,
        });
      }
      // The check tells a chart from text: the sources page has no bar colour.
      expect(barPixels(pageOf(titles.sources))).toBeLessThan(CHART_PIXELS / 10);
      const all = pages.map((p) => p.text).join(' ');
      for (const country of ['GT', 'MX'] as const)
        expect(all).toContain(registered[country].fingerprint);
      expect(all).toContain(
        language === 'es' ? 'Protocolo de recepción de niñez' : 'Protocol for child reception',
      );
      expect(all).not.toMatch(/otro semestre|another semester/);
      // GT's suppressed returns by land: the land row reads x for GT and for the regional total.
      expect(pageOf(titles.returns).text).toMatch(
        language === 'es' ? /Terrestre x 33 x/ : /Land x 33 x/,
      );
    }

    const annex = await download('annex.xlsx');
    expect(annex.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(annex.body as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Categorías - Categories',
      'Flujos - Flows',
      'Retornos - Returns',
      'Notificación - Notification',
      'Fuentes - Sources',
      'Regla - Disclosure',
    ]);
    const returns = workbook.getWorksheet('Retornos - Returns')!;
    const header = (returns.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Medio del retorno / Return mode',
      'GT',
      'MX',
      'Total regional / Regional total',
    ]);
    const air = returns.getRow(5);
    const consolidated = await http()
      .post('/api/v1/regional/consolidations')
      .set(as('secretariat'))
      .send({ semester: SEMESTER, measure: 'returns', dimensions: ['return_mode'] });
    expect(consolidated.status).toBe(200);
    const airTotal = consolidated.body.rows.find(
      (r: { codes: string[] }) => r.codes[0] === 'air',
    ).total;
    expect(airTotal).toEqual({ value: 72, suppressed: false });
    expect([air.getCell(1).value, air.getCell(4).value]).toEqual(['Aéreo / Air', airTotal.value]);

    const audit = await stack.query<{ action: string; details: { name?: string } }>(
      `SELECT action, details FROM audit_events WHERE action LIKE 'regional_report.%' ORDER BY seq`,
    );
    expect(audit.map((a) => `${a.action}:${a.details.name ?? ''}`)).toEqual([
      'regional_report.request:',
      'regional_report.download:report-es.pdf',
      'regional_report.download:report-en.pdf',
      'regional_report.download:annex.xlsx',
    ]);

    for (const [path, code] of [
      [
        `/api/v1/regional/reports/${report.id}/files/report-fr.pdf`,
        'REGIONAL_REPORT_FILE_NOT_FOUND',
      ],
      [
        '/api/v1/regional/reports/00000000-0000-4000-8000-000000000000/files/annex.xlsx',
        'REGIONAL_REPORT_FILE_NOT_FOUND',
      ],
      [
        '/api/v1/regional/reports/00000000-0000-4000-8000-000000000000',
        'REGIONAL_REPORT_NOT_FOUND',
      ],
      ['/api/v1/regional/reports/not-a-uuid', 'REGIONAL_REPORT_NOT_FOUND'],
    ]) {
      const res = await http().get(path).set(as('secretariat'));
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code,
      });
    }
  }, 180_000);

  it('records a report whose semester has no export left as failed, with its code and no file', async () => {
    // Requested while exports existed; they are gone when the job runs (a database restored meanwhile).
    const [{ id }] = await stack.query<{ id: string }>(
      `INSERT INTO regional_reports (semester, requested_by) VALUES ('2025-S2', $1) RETURNING id`,
      [users.ids.secretariat],
    );
    await worker.get(RegionalReportHandler).handle({ reportId: id }, { jobId: id, attempt: 1 });
    const res = await http().get(`/api/v1/regional/reports/${id}`).set(as('secretariat'));
    expect(res.body).toMatchObject({
      status: 'failed',
      error: { code: 'REGIONAL_REPORT_NO_EXPORTS' },
      files: [],
      finishedAt: expect.any(String),
    });
    const file = await http()
      .get(`/api/v1/regional/reports/${id}/files/report-es.pdf`)
      .set(as('secretariat'));
    expect(file.status).toBe(404);
    expect(file.body.code).toBe('REGIONAL_REPORT_FILE_NOT_FOUND');
    // A redelivered job of a finished report changes nothing.
    await worker.get(RegionalReportHandler).handle({ reportId: id }, { jobId: id, attempt: 2 });
    expect(
      (await http().get(`/api/v1/regional/reports/${id}`).set(as('secretariat'))).body.status,
    ).toBe('failed');
  });

  it('refuses the reports to an officer (403), for every route', async () => {
    const [report] = (await http().get('/api/v1/regional/reports').set(as('secretariat'))).body
      .items;
    const calls = [
      http().post('/api/v1/regional/reports').send({ semester: SEMESTER }),
      http().get('/api/v1/regional/reports'),
      http().get(`/api/v1/regional/reports/${report.id}`),
      http().get(`/api/v1/regional/reports/${report.id}/files/report-es.pdf`),
    ];
    for (const call of calls) expect((await call.set(as('officer'))).status).toBe(403);
  });
});
