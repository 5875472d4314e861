import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  ExportsCleanupHandler,
  SEMESTER_REPORT_EXPORTS,
  SemesterReportHandler,
  validateStatisticsExport,
} from '@amparo/statistics';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { createConsulate, createUser, signIn } from './utils/identity';
import { insertCases, times } from './utils/statistics-fixtures';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

/** Reads a response body as bytes, whatever its content type. */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('Exports: POST /api/v1/exports → worker → file', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let exportsDir: string;
  const tokens: Record<string, string> = {};
  let quotaUserId: string;

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-exports-'));
    stack = await createTestStack({ EXPORTS_DIR: exportsDir, EXPORTS_DAILY_QUOTA: '8' });
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    const mx = await createConsulate(stack, 'MX', 'LAX');
    const gt = await createConsulate(stack, 'GT', 'NYC');
    const users = {
      supervisor: await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]),
      analyst: await createUser(stack, [
        { role: 'analyst', countryCode: 'MX' },
        { role: 'analyst', countryCode: 'GT' },
      ]),
      quota: await createUser(stack, [{ role: 'analyst', countryCode: 'MX' }]),
      officer: await createUser(stack, [{ role: 'officer', consulateId: mx }]),
    };
    quotaUserId = users.quota.id;
    for (const [name, user] of Object.entries(users)) {
      tokens[name] = (await signIn(app, user.email)).accessToken;
    }
    await insertCases(stack, users.officer.id, [
      ...times(14, {
        consulateId: mx,
        country: 'MX',
        category: 'trafficking',
        sex: 'female',
        openedAt: '2025-02-01T00:00:00Z',
      }),
      ...times(6, {
        consulateId: mx,
        country: 'MX',
        category: 'health',
        sex: 'male',
        openedAt: '2025-03-01T00:00:00Z',
      }),
      ...times(2, {
        consulateId: mx,
        country: 'MX',
        category: 'death',
        sex: 'male',
        openedAt: '2025-03-01T00:00:00Z',
      }),
      ...times(8, {
        consulateId: gt,
        country: 'GT',
        category: 'return',
        sex: 'female',
        openedAt: '2025-04-01T00:00:00Z',
      }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
    await rm(exportsDir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const body = (overrides: Record<string, unknown> = {}) => ({
    kind: 'statistics',
    measures: ['cases_opened'],
    dimensions: ['category'],
    period: 'year',
    from: '2025-01-01',
    to: '2025-12-31',
    format: 'json',
    ...overrides,
  });

  async function completed(who: string, location: string) {
    return eventually(async () => {
      const res = await http().get(location).set(as(who));
      if (res.body.status === 'failed')
        throw new Error(`export failed: ${JSON.stringify(res.body)}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
  }

  async function download(who: string, id: string) {
    return http().get(`/api/v1/exports/${id}/file`).set(as(who)).buffer(true).parse(binary);
  }

  it('accepts a request with 202 and Location, and the worker writes a file whose numbers match SQL', async () => {
    const res = await http().post('/api/v1/exports').set(as('supervisor')).send(body());
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/exports/${res.body.id}`);
    expect(res.body.status).toMatch(/queued|running|completed/);

    const done = await completed('supervisor', res.headers.location);
    expect(done).toEqual(
      expect.objectContaining({
        progress: 100,
        rowCount: 17,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    expect(new Date(done.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const file = await download('supervisor', res.body.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/json/);
    expect(file.headers['content-disposition']).toMatch(/attachment/);
    const bytes = file.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.sha256);

    const document = JSON.parse(bytes.toString('utf8'));
    expect(validateStatisticsExport(document)).toEqual({ valid: true });
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE country_code = 'MX' AND primary_category = 'trafficking'`,
    );
    const row = (category: string) =>
      document.rows.find((r: Record<string, unknown>) => r.CATEGORY === category);
    expect(row('trafficking')).toEqual(
      expect.objectContaining({ MEASURE: 'cases_opened', OBS_VALUE: n, CONF_STATUS: 'F' }),
    );
    expect(row('death')).toEqual(expect.objectContaining({ OBS_VALUE: null, CONF_STATUS: 'C' }));
    expect(document.metadata).toEqual(
      expect.objectContaining({
        kind: 'statistics',
        scope: { countries: ['MX'] },
        disclosure: expect.objectContaining({ k: 5 }),
        software: expect.objectContaining({ name: 'amparo' }),
      }),
    );
    const audited = await stack.query(`SELECT action FROM audit_events WHERE resource_id = $1`, [
      res.body.id,
    ]);
    expect(audited.map((a) => a.action).sort()).toEqual(['export.download', 'export.request']);
  });

  it('writes CSV with Spanish headers and metadata lines, and XLSX with data and metadata sheets', async () => {
    const csv = await http()
      .post('/api/v1/exports')
      .set(as('supervisor'))
      .send(body({ format: 'csv', language: 'es' }));
    await completed('supervisor', csv.headers.location);
    const text = (await download('supervisor', csv.body.id)).body.toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('# schemaVersion: 1.0');
    const header = lines.find((l: string) => !l.startsWith('#'));
    expect(header).toBe(
      'Medida,Medida (descripción),Categoría,Categoría (descripción),Valor,Confidencialidad',
    );
    expect(lines).toContain('cases_opened,Casos abiertos,trafficking,Trata de personas,14,F');
    expect(lines).toContain('cases_opened,Casos abiertos,death,Defunción,,C');

    const xlsx = await http()
      .post('/api/v1/exports')
      .set(as('supervisor'))
      .send(body({ format: 'xlsx', language: 'en' }));
    await completed('supervisor', xlsx.headers.location);
    const workbook = new Workbook();
    await workbook.xlsx.load((await download('supervisor', xlsx.body.id)).body);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Data', 'Metadata']);
    const data = workbook.getWorksheet('Data')!;
    expect(data.getRow(1).values).toEqual([
      undefined,
      'Measure',
      'Measure (label)',
      'Category',
      'Category (label)',
      'Value',
      'Confidentiality',
    ]);
    const trafficking = data
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[3] === 'trafficking') as unknown[];
    expect(trafficking[5]).toBe(14);
    // A suppressed value is a blank cell, as in the CSV's empty field, not an empty text. exceljs
    // reads both as no value, so the sheet's XML is read: the death row has no value cell (E).
    const death = data.getSheetValues().findIndex((r) => Array.isArray(r) && r[3] === 'death');
    expect(data.getRow(death).getCell(6).value).toBe('C');
    const zip = await JSZip.loadAsync((await download('supervisor', xlsx.body.id)).body);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const deathRow = new RegExp(`<row r="${death}"[^>]*>(.*?)</row>`).exec(sheetXml)![1];
    expect(deathRow).toContain(`<c r="F${death}"`);
    expect(deathRow).not.toContain(`<c r="E${death}"`);
  });

  it('makes a regional export with one protected table per granted country', async () => {
    const res = await http()
      .post('/api/v1/exports')
      .set(as('analyst'))
      .send(body({ kind: 'regional', measures: ['cases_opened', 'persons_assisted'] }));
    expect(res.status).toBe(202);
    await completed('analyst', res.headers.location);
    const document = JSON.parse((await download('analyst', res.body.id)).body.toString('utf8'));
    expect(validateStatisticsExport(document)).toEqual({ valid: true });
    expect(document.metadata.scope.countries).toEqual(['GT', 'MX']);
    const total = (area: string, measure: string) =>
      document.rows.find(
        (r: Record<string, unknown>) =>
          r.REF_AREA === area && r.MEASURE === measure && r.CATEGORY === '_T',
      );
    expect(total('GT', 'cases_opened').OBS_VALUE).toBe(8);
    expect(total('MX', 'persons_assisted').OBS_VALUE).toBe(22);

    const supervisor = await http()
      .post('/api/v1/exports')
      .set(as('supervisor'))
      .send(body({ kind: 'regional' }));
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.code).toBe('EXPORT_REGIONAL_ANALYSTS_ONLY');
  });

  it('fails a regional export whose tables are too large at once, without a file', async () => {
    // Two countries × two measures: the worker computes the next table while it writes one, so
    // the failure of the first table must end the attempt with nothing left running or written.
    const res = await http()
      .post('/api/v1/exports')
      .set(as('analyst'))
      .send(
        body({
          kind: 'regional',
          measures: ['cases_opened', 'cases_closed'],
          dimensions: ['period', 'category', 'sex'],
          period: 'month',
          from: '2006-01-01', // 240 months (the most a request may span) × 15 × 4 > 10,000 cells
          to: '2025-12-31',
        }),
      );
    expect(res.status).toBe(202);
    const failed = await eventually(async () => {
      const status = await http().get(res.headers.location).set(as('analyst'));
      return status.body.status === 'failed' ? status.body : undefined;
    });
    const [{ attempts }] = await stack.query<{ attempts: number }>(
      'SELECT attempts FROM statistics_exports WHERE id = $1',
      [res.body.id],
    );
    expect(attempts).toBe(1); // a request that cannot be computed is not retried
    expect(failed.failure.code).toBe('STATISTICS_TABLE_TOO_LARGE');
    expect(failed.failure.message.en).toMatch(/too large/i);
    expect((await readdir(exportsDir)).filter((f) => f.startsWith(res.body.id))).toEqual([]);
    const file = await download('analyst', res.body.id);
    expect(file.status).toBe(409);
    expect(JSON.parse(file.body.toString('utf8')).code).toBe('EXPORT_NOT_READY');
  });

  it("answers 404 for someone else's export and its file, as for one that does not exist", async () => {
    const mine = await http().post('/api/v1/exports').set(as('supervisor')).send(body());
    await completed('supervisor', mine.headers.location);
    for (const path of [
      `/api/v1/exports/${mine.body.id}`,
      `/api/v1/exports/${mine.body.id}/file`,
    ]) {
      const res = await http().get(path).set(as('analyst'));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('EXPORT_NOT_FOUND');
    }
    const list = await http().get('/api/v1/exports').set(as('analyst'));
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(mine.body.id);
    expect((await http().get('/api/v1/exports/not-a-uuid').set(as('analyst'))).status).toBe(404);
  });

  it('answers 429 with Retry-After beyond the daily quota, and records nothing more', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await http().post('/api/v1/exports').set(as('quota')).send(body())).status).toBe(202);
    }
    const refused = await http().post('/api/v1/exports').set(as('quota')).send(body());
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('EXPORT_QUOTA_EXCEEDED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const [{ n }] = await stack.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM statistics_exports WHERE requested_by = $1',
      [quotaUserId],
    );
    expect(n).toBe(8);
  });

  it.each([
    ['an unknown measure', { measures: ['cases_lost'] }, 'measures'],
    ['an unknown format', { format: 'pdf' }, 'format'],
    ['an unknown kind', { kind: 'personal' }, 'kind'],
    ['reversed dates', { from: '2025-12-31', to: '2025-01-01' }, 'to'],
    ['an unknown filter', { filters: { colour: ['red'] } }, 'filters.colour'],
  ])('refuses %s with 400 and writes no request', async (_name, overrides, field) => {
    const before = await stack.query('SELECT id FROM statistics_exports');
    const res = await http().post('/api/v1/exports').set(as('supervisor')).send(body(overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await stack.query('SELECT id FROM statistics_exports')).toHaveLength(before.length);
  });

  it.each([
    [
      'a supervisor',
      'supervisor',
      { filters: { sending_country: ['GT'] } },
      'sending_country',
      'GT',
    ],
    ['a supervisor', 'supervisor', { filters: { consulate: ['GT-NYC'] } }, 'consulate', 'GT-NYC'],
    [
      'an analyst',
      'analyst',
      { kind: 'regional', filters: { sending_country: ['GT', 'SV'] } },
      'sending_country',
      'SV',
    ],
    ['an analyst', 'analyst', { filters: { consulate: ['SV-LAX'] } }, 'consulate', 'SV-LAX'],
  ])(
    'refuses %s a filter outside their scope with 403, and writes and queues nothing',
    async (_who, who, overrides, field, value) => {
      const queue = worker.get<Queue>(getQueueToken('exports'), { strict: false });
      const jobs = async () =>
        Object.values(await queue.getJobCounts()).reduce((sum, n) => sum + n, 0);
      const counted = async () =>
        (
          await stack.query<{ n: number }>(
            `SELECT (SELECT count(*) FROM statistics_exports)::int
                  + (SELECT count(*) FROM audit_events WHERE action = 'export.request')::int AS n`,
          )
        )[0].n;
      const [rowsBefore, jobsBefore] = [await counted(), await jobs()];
      const res = await http()
        .post('/api/v1/exports')
        .set(as(who))
        .set('Accept-Language', 'en')
        .send(body(overrides));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('FILTER_OUTSIDE_SCOPE');
      expect(res.body.detail).toContain(`The ${field} filter includes ${value}`);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: `filters.${field}`, code: 'FILTER_OUTSIDE_SCOPE' }),
      ]);
      expect(await counted()).toBe(rowsBefore);
      expect(await jobs()).toBe(jobsBefore);
    },
  );

  it('accepts filters inside the scope: an analyst on a granted country', async () => {
    const res = await http()
      .post('/api/v1/exports')
      .set(as('analyst'))
      .send(body({ filters: { sending_country: ['GT'], consulate: ['GT-NYC'] } }));
    expect(res.status).toBe(202);
    await completed('analyst', res.headers.location);
    const document = JSON.parse((await download('analyst', res.body.id)).body.toString('utf8'));
    const total = document.rows.find((r: Record<string, unknown>) => r.CATEGORY === '_T');
    expect(total.OBS_VALUE).toBe(8);
  });

  it('refuses officers (no export permission)', async () => {
    expect((await http().post('/api/v1/exports').set(as('officer')).send(body())).status).toBe(403);
  });

  it('expires files: the cleanup deletes them and the download answers 410', async () => {
    const res = await http()
      .post('/api/v1/exports')
      .set(as('supervisor'))
      .send(body({ format: 'csv' }));
    await completed('supervisor', res.headers.location);
    const path = join(exportsDir, `${res.body.id}.csv`);
    await stat(path);
    await stack.query(
      `UPDATE statistics_exports SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [res.body.id],
    );
    expect((await download('supervisor', res.body.id)).status).toBe(410);

    await worker.get(ExportsCleanupHandler).handle();
    await expect(stat(path)).rejects.toThrow();
    const expired = await http().get(res.headers.location).set(as('supervisor'));
    expect(expired.body.status).toBe('expired');
    expect(await readdir(exportsDir)).not.toContain(`${res.body.id}.csv`);
  });

  it('produces the semester report exports once per semester, readable by the analysts of every country they cover', async () => {
    const handler = worker.get(SemesterReportHandler);
    await handler.handle({ firedAt: '2025-07-15T03:00:00Z' });
    await handler.handle({ firedAt: '2025-07-15T03:05:00Z' }); // the schedule fired twice
    const reports = await stack.query<{ id: string; key: string }>(
      `SELECT id, schedule_key AS key FROM statistics_exports
        WHERE schedule_key LIKE 'semester-report:2025-S1:%' ORDER BY schedule_key`,
    );
    expect(reports.map((r) => r.key)).toEqual(
      SEMESTER_REPORT_EXPORTS.map((set) => `semester-report:2025-S1:${set.name}`).sort(),
    );
    const list = await http().get('/api/v1/exports').set(as('analyst'));
    for (const { id, key } of reports) {
      const location = `/api/v1/exports/${id}`;
      const report = await completed('analyst', location);
      expect(report).toEqual(
        expect.objectContaining({
          kind: 'regional',
          scheduled: true,
          from: '2025-01-01',
          to: '2025-06-30',
        }),
      );
      expect(list.body.items.map((e: { id: string }) => e.id)).toContain(id);
      const document = JSON.parse((await download('analyst', id)).body.toString('utf8'));
      expect(validateStatisticsExport(document)).toEqual({ valid: true });
      expect(document.metadata.scope.countries).toEqual(['GT', 'MX']);
      const set = SEMESTER_REPORT_EXPORTS.find((s) => key.endsWith(`:${s.name}`))!;
      expect(document.metadata.measures.map((m: { id: string }) => m.id)).toEqual(set.measures);
      expect(document.metadata.dimensions.map((d: { id: string }) => d.id)).toEqual(set.dimensions);
      // An analyst of one of the two countries does not read the other's figures.
      expect((await http().get(location).set(as('quota'))).status).toBe(404);
      expect((await http().get(location).set(as('supervisor'))).status).toBe(404);
    }
  });

  it('schedules the hourly cleanup and the semester reports in Redis, in UTC', async () => {
    const queue = worker.get<Queue>(getQueueToken('exports'), { strict: false });
    const schedulers = await eventually(async () => {
      const found = await queue.getJobSchedulers();
      return found.length === 3 ? found : undefined;
    });
    expect(schedulers.map((s) => [s.key, s.pattern ?? s.every, s.tz]).sort()).toEqual([
      ['exports-cleanup', 3600000, undefined],
      ['semester-report:01-15', '0 3 15 1 *', 'UTC'],
      ['semester-report:07-15', '0 3 15 7 *', 'UTC'],
    ]);
  });
});
