import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import * as ExcelJS from 'exceljs';
import { testConfig } from '@amparo/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eventually } from './utils/eventually';
import { createConsulate, createUser, signIn, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

type Body = Record<string, unknown>;

const HEADER_ES =
  'nombres;apellidos;tipo_documento;numero_documento;pais_documento;fecha_nacimiento;sexo;subdivision;estado_bienestar';

/** Four persons, one twice, and two rows with problems. */
const BAD_ROWS_CSV = [
  HEADER_ES,
  'María José;Pérez López;passport;G1234567;MX;31/05/1990;F;US-FL;safe',
  'Juan;Ramírez;;;;1985-01-02;M;US-FL;',
  ';Sin Nombre;passport;G7654321;MX;;;;',
  'MARIA JOSE;perez lopez;passport;g-1234567;mx;1990-05-31;mujer;;injured',
  'Lucía;Gómez;licencia;123;ZZ;31/02/1990;otro;MX-CMX;perdida',
  'Pedro;Sánchez;national_id;HN0801199012345;HN;;;US-TX;needs_assistance',
].join('\n');

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('List');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function syntheticCsv(rows: number, tag: string): string {
  const lines = [
    'given_names,family_names,document_type,document_number,document_country,date_of_birth,welfare_status',
  ];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Persona ${tag}${i},Apellido${i % 997},passport,P${String(i).padStart(8, '0')},MX,1980-01-${String((i % 28) + 1).padStart(2, '0')},unaccounted`,
    );
  return lines.join('\n');
}

describe('Crisis bulk import: preview, commit, queued job', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let post: string;
  let event: string;
  let closedEvent: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const base = (id = event) => `/api/v1/crisis-events/${id}/imports`;

  const preview = (file: Buffer | string, name = 'lista.csv', who = 'officer', id = event) =>
    http()
      .post(`${base(id)}/preview`)
      .set(as(who))
      .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'), name);

  const waitFor = async (importId: string, seen: number[] = [], id = event): Promise<Body> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await http()
        .get(`${base(id)}/${importId}`)
        .set(as('officer'));
      expect(res.status).toBe(200);
      seen.push((res.body.progress as { processed: number }).processed);
      if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
      if (Date.now() > deadline) throw new Error(`import still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const importFile = async (file: Buffer | string, name?: string) => {
    const previewed = await preview(file, name);
    expect(previewed.status).toBe(200);
    const commit = await http()
      .post(`${base()}/${previewed.body.importId}/commit`)
      .set(as('officer'));
    expect(commit.status).toBe(202);
    return { previewed: previewed.body as Body, done: await waitFor(previewed.body.importId) };
  };

  const rosterCount = async (id = event) =>
    Number(
      (
        await stack.query<{ n: string }>(
          'SELECT count(*) AS n FROM crisis_roster_entries WHERE event_id = $1',
          [id],
        )
      )[0].n,
    );
  const importCount = async () =>
    Number((await stack.query<{ n: string }>('SELECT count(*) AS n FROM crisis_imports'))[0].n);

  const declare = async (status = 'active') => {
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO crisis_events (country_code, name, type, host_country_code, host_subdivisions, consulate_ids,
                                  started_at, declared_by, status, ended_at)
       VALUES ('MX', 'Huracán Test', 'hurricane', 'US', '{US-FL}', $1, now(), $2, $3,
               CASE WHEN $3 = 'closed' THEN now() END)
       RETURNING id`,
      [[post], ids.officer, status],
    );
    return row.id;
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    post = await createConsulate(stack, 'MX');
    const otherPost = await createConsulate(stack, 'MX');
    const guatemalan = await createConsulate(stack, 'GT');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('otherPost', [{ role: 'officer', consulateId: otherPost }]);
    await signInAs('otherCountry', [{ role: 'consul', consulateId: guatemalan }]);
    event = await declare();
    closedEvent = await declare('closed');
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
  });

  it('previews a file with bad rows: a report per row in Spanish and English, nothing on the roster', async () => {
    const res = await preview(BAD_ROWS_CSV);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      format: 'csv',
      status: 'previewed',
      totalRows: 6,
      validRows: 3,
      invalidRows: 2,
      duplicateRows: 1,
      progress: { processed: 0, total: 3 },
    });
    const byRow = Object.fromEntries(
      (res.body.rows as { row: number; status: string; errors: Body[] }[]).map((r) => [r.row, r]),
    );
    expect(Object.keys(byRow).map(Number)).toEqual([4, 5, 6]);
    expect(byRow[4].errors).toEqual([
      {
        column: 'nombres',
        code: 'REQUIRED',
        message: { es: 'Indique los nombres.', en: 'Enter the given names.' },
      },
    ]);
    expect(byRow[5].status).toBe('duplicate');
    expect(byRow[6].errors.map((e) => [e.column, e.code])).toEqual([
      ['tipo_documento', 'UNKNOWN_CODE'],
      ['numero_documento', 'BAD_FORMAT'],
      ['pais_documento', 'UNKNOWN_COUNTRY'],
      ['fecha_nacimiento', 'BAD_DATE'],
      ['sexo', 'UNKNOWN_CODE'],
      ['subdivision', 'NOT_IN_HOST_COUNTRY'],
      ['estado_bienestar', 'UNKNOWN_CODE'],
    ]);
    expect(await rosterCount()).toBe(0);

    const [audit] = await stack.query<{ details: Body }>(
      `SELECT details FROM audit_events WHERE action = 'crisis.import.preview' AND resource_id = $1`,
      [event],
    );
    expect(audit.details).toMatchObject({
      importId: res.body.importId,
      validRows: 3,
      invalidRows: 2,
    });
    expect(JSON.stringify(audit.details)).not.toMatch(/Pérez|G1234567|Ramírez/);
  });

  it('commits: the valid rows go onto the roster with their first welfare change; the same file again adds nothing', async () => {
    const { previewed, done } = await importFile(BAD_ROWS_CSV);
    expect(done).toMatchObject({
      status: 'completed',
      imported: 3,
      skippedDuplicates: 0,
      invalidRows: 2,
      progress: { processed: 3, total: 3 },
    });
    expect(await rosterCount()).toBe(3);
    const entries = await stack.query<Body>(
      `SELECT given_names, document_number, date_of_birth::text AS dob, welfare_status, source, recorded_by,
              recorded_consulate_id, (SELECT count(*)::int FROM crisis_welfare_changes w WHERE w.entry_id = e.id) AS history
         FROM crisis_roster_entries e WHERE import_id = $1 ORDER BY given_names`,
      [previewed.importId],
    );
    expect(entries).toEqual([
      expect.objectContaining({ given_names: 'Juan', welfare_status: 'unaccounted', history: 1 }),
      expect.objectContaining({
        given_names: 'María José',
        document_number: 'G1234567',
        dob: '1990-05-31',
        welfare_status: 'safe',
        source: 'import',
        recorded_by: ids.officer,
        recorded_consulate_id: post,
        history: 1,
      }),
      expect.objectContaining({ given_names: 'Pedro', welfare_status: 'needs_assistance' }),
    ]);
    const actions = await stack.query<{ action: string; details: Body }>(
      `SELECT action, details FROM audit_events WHERE resource_id = $1 AND action LIKE 'crisis.import.%' ORDER BY seq`,
      [event],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['crisis.import.commit', 'crisis.import.complete']),
    );
    expect(JSON.stringify(actions)).not.toMatch(/Pérez|G1234567|Juan/);

    const again = await importFile(BAD_ROWS_CSV);
    expect(again.previewed).toMatchObject({ validRows: 0, duplicateRows: 4 });
    expect(again.done).toMatchObject({ status: 'completed', imported: 0 });
    expect(await rosterCount()).toBe(3);
  });

  it('reads XLSX with English headers: the same persons are duplicates, a new one is imported', async () => {
    const file = await xlsxOf([
      [
        'Given names',
        'Family names',
        'Document type',
        'Document number',
        'Document country',
        'Date of birth',
      ],
      ['Maria Jose', 'Perez Lopez', 'passport', 'G1234567', 'MX', new Date(Date.UTC(1990, 4, 31))],
      ['Ana', 'Ruiz', 'passport', 'X9876543', 'MX', new Date(Date.UTC(2001, 0, 15))],
    ]);
    const { previewed, done } = await importFile(file, 'hotel.xlsx');
    expect(previewed).toMatchObject({
      format: 'xlsx',
      totalRows: 2,
      validRows: 1,
      duplicateRows: 1,
    });
    expect(done).toMatchObject({ status: 'completed', imported: 1 });
    expect(await rosterCount()).toBe(4);
  });

  it('downloads the report of every row, in Spanish or English, without a value of the file', async () => {
    const previewed = await preview(BAD_ROWS_CSV);
    const es = await http()
      .get(`${base()}/${previewed.body.importId}/report?format=csv&lang=es`)
      .set(as('officer'));
    expect(es.status).toBe(200);
    expect(es.headers['content-type']).toContain('text/csv');
    expect(es.headers['content-disposition']).toContain('attachment');
    const lines = es.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('fila,estado,columna,codigo,mensaje');
    expect(lines).toContain('4,con errores,nombres,REQUIRED,Indique los nombres.');
    const en = await http()
      .get(`${base()}/${previewed.body.importId}/report?lang=en`)
      .set(as('officer'));
    expect(en.text).toContain('row,status,column,code,message');
    expect(en.text).not.toMatch(/Pérez|G1234567|Lucía/);
  });

  it('refuses a file it cannot read with a problem in Spanish and English, and stores nothing', async () => {
    const before = await importCount();
    const cases: [Buffer | string, string, number, string][] = [
      [
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]),
        'x.xlsx',
        400,
        'IMPORT_FILE_UNREADABLE',
      ],
      [
        Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]),
        'lista.csv',
        415,
        'IMPORT_FILE_TYPE',
      ],
      [
        Buffer.from('nombres;apellidos\nJos\xe9;P\xe9rez\n', 'latin1'),
        'latin1.csv',
        415,
        'IMPORT_FILE_TYPE',
      ],
      ['nombre;asiento\nAna;12A\n', 'lista.csv', 400, 'IMPORT_COLUMNS'],
      ['nombres;apellidos\n', 'lista.csv', 400, 'IMPORT_NO_ROWS'],
      ['', 'lista.csv', 400, 'IMPORT_FILE_EMPTY'],
      ['nombres\n"Ana\n', 'lista.csv', 400, 'IMPORT_FILE_UNREADABLE'],
      [Buffer.alloc(20 * 1024 * 1024 + 1, 0x61), 'big.csv', 413, 'IMPORT_FILE_TOO_LARGE'],
    ];
    for (const [file, name, status, code] of cases) {
      const res = await preview(file, name);
      expect([name, res.status, res.body.code]).toEqual([name, status, code]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const columns = await preview('nombre;asiento\nAna;12A\n').set('Accept-Language', 'en');
    expect(columns.body.errors.map((e: Body) => [e.field, e.code])).toEqual([
      ['nombre', 'UNKNOWN_COLUMN'],
      ['asiento', 'UNKNOWN_COLUMN'],
      ['given_names', 'MISSING_COLUMN'],
    ]);
    expect(columns.body.title).toBe('Columns not recognised');

    const noFile = await http().post(`${base()}/preview`).set(as('officer')).field('other', 'x');
    expect([noFile.status, noFile.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    const json = await http().post(`${base()}/preview`).set(as('officer')).send({ file: 'x' });
    expect([json.status, json.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    const text = await http()
      .post(`${base()}/preview`)
      .set(as('officer'))
      .set('Content-Type', 'text/csv')
      .send('nombres\nAna\n');
    expect(text.status).toBe(415);
    expect(await importCount()).toBe(before);
  });

  it('answers 404 to another post and another country, 403 to a supervisor who may read but not import, 409 on a closed event', async () => {
    const previewed = await preview(BAD_ROWS_CSV);
    const importId = previewed.body.importId as string;
    for (const who of ['otherPost', 'otherCountry']) {
      const tries = [
        preview(BAD_ROWS_CSV, 'lista.csv', who),
        http().post(`${base()}/${importId}/commit`).set(as(who)),
        http().get(`${base()}/${importId}`).set(as(who)),
        http().get(base()).set(as(who)),
        http().get(`${base()}/${importId}/report`).set(as(who)),
      ];
      for (const res of await Promise.all(tries))
        expect([who, res.status, res.body.code]).toEqual([who, 404, 'CRISIS_EVENT_NOT_FOUND']);
    }
    const supervisorPreview = await preview(BAD_ROWS_CSV, 'lista.csv', 'supervisor');
    expect(supervisorPreview.status).toBe(403);
    const read = await http().get(`${base()}/${importId}`).set(as('supervisor'));
    expect([read.status, read.body.status]).toEqual([200, 'previewed']);
    const list = await http().get(base()).set(as('supervisor'));
    expect(list.body.map((i: Body) => i.importId)).toContain(importId);

    const wrongEvent = await http()
      .get(`${base(closedEvent)}/${importId}`)
      .set(as('officer'));
    expect([wrongEvent.status, wrongEvent.body.code]).toEqual([404, 'CRISIS_IMPORT_NOT_FOUND']);
    const closed = await preview(BAD_ROWS_CSV, 'lista.csv', 'officer', closedEvent);
    expect([closed.status, closed.body.code]).toEqual([409, 'CRISIS_EVENT_CLOSED']);
    const twice = await http().post(`${base()}/${importId}/commit`).set(as('officer'));
    expect(twice.status).toBe(202);
    await waitFor(importId);
    const third = await http().post(`${base()}/${importId}/commit`).set(as('officer'));
    expect([third.status, third.body.code]).toEqual([409, 'CRISIS_IMPORT_NOT_PREVIEWED']);
  });

  it('an import that fails midway leaves none of its rows on the roster', async () => {
    await stack.query(`
      CREATE FUNCTION test_refuse_import_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.given_names = 'Persona falla2999' THEN
          RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await stack.query(
      `CREATE TRIGGER test_refuse_import_row BEFORE INSERT ON crisis_roster_entries
         FOR EACH ROW EXECUTE FUNCTION test_refuse_import_row()`,
    );
    try {
      const before = await rosterCount();
      const { previewed, done } = await importFile(syntheticCsv(3000, 'falla'));
      expect(previewed).toMatchObject({ validRows: 3000 });
      expect(done).toMatchObject({ status: 'failed', error: 'CRISIS_IMPORT_FAILED', imported: 0 });
      expect(await rosterCount()).toBe(before);
      const welfare = await stack.query<{ n: string }>(
        'SELECT count(*) AS n FROM crisis_welfare_changes WHERE event_id = $1',
        [event],
      );
      expect(Number(welfare[0].n)).toBe(before);
      const [fail] = await stack.query<{ outcome: string }>(
        `SELECT outcome FROM audit_events WHERE action = 'crisis.import.fail' AND resource_id = $1`,
        [event],
      );
      expect(fail.outcome).toBe('failure');
    } finally {
      await stack.query('DROP TRIGGER test_refuse_import_row ON crisis_roster_entries');
      await stack.query('DROP FUNCTION test_refuse_import_row()');
    }
  }, 120_000);

  it('imports 50,000 rows in one queued job, its progress moving before it completes', async () => {
    const big = await declare();
    const started = Date.now();
    const previewed = await preview(syntheticCsv(50_000, 'big'), 'airline.csv', 'officer', big);
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({ totalRows: 50_000, validRows: 50_000 });
    const commit = await http()
      .post(`${base(big)}/${previewed.body.importId}/commit`)
      .set(as('officer'));
    expect(commit.status).toBe(202);
    const seen: number[] = [];
    const done = await waitFor(previewed.body.importId, seen, big);
    expect(done).toMatchObject({
      status: 'completed',
      imported: 50_000,
      progress: { processed: 50_000, total: 50_000 },
    });
    expect(seen.some((p) => p > 0 && p < 50_000)).toBe(true);
    expect(await rosterCount(big)).toBe(50_000);
    console.log(
      `50,000-row import: ${((Date.now() - started) / 1000).toFixed(1)} s, progress seen ${JSON.stringify([...new Set(seen)])}`,
    );
  }, 240_000);
});

// The newcomer's default: PGlite and no Redis, so the import job runs inside the API process.
describe('Crisis bulk import in the embedded default (PGlite, in-process job)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApi(testConfig({ EMBEDDED_DATA_DIR: 'memory://' }));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('previews, commits and completes the job in-process; the same file again adds nothing', async () => {
    const database = app.get(DataSource);
    const direct = {
      query: <R>(sql: string, params?: unknown[]) => database.query<R[]>(sql, params),
    };
    const post = await createConsulate(direct, 'MX');
    const officer = await createUser(direct, [{ role: 'officer', consulateId: post }]);
    const token = (await signIn(app, officer.email)).accessToken;
    const [event] = await direct.query<{ id: string }>(
      `INSERT INTO crisis_events (country_code, name, type, host_country_code, host_subdivisions, consulate_ids,
                                  started_at, declared_by)
       VALUES ('MX', 'Sismo', 'earthquake', 'US', '{US-FL}', ARRAY[$1::uuid], now(), $2) RETURNING id`,
      [post, officer.id],
    );
    const base = `/api/v1/crisis-events/${event.id}/imports`;
    const run = async () => {
      const previewed = await request(app.getHttpServer())
        .post(`${base}/preview`)
        .set('Authorization', `Bearer ${token}`)
        .attach('file', Buffer.from(BAD_ROWS_CSV, 'utf8'), 'lista.csv');
      expect(previewed.status).toBe(200);
      const commit = await request(app.getHttpServer())
        .post(`${base}/${previewed.body.importId}/commit`)
        .set('Authorization', `Bearer ${token}`);
      expect(commit.status).toBe(202);
      return eventually(async () => {
        const res = await request(app.getHttpServer())
          .get(`${base}/${previewed.body.importId}`)
          .set('Authorization', `Bearer ${token}`);
        return res.body.status === 'completed' ? res.body : undefined;
      });
    };
    expect(await run()).toMatchObject({ imported: 3, invalidRows: 2 });
    expect(await run()).toMatchObject({ imported: 0, validRows: 0, duplicateRows: 4 });
    const [{ n }] = await direct.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM crisis_roster_entries WHERE event_id = $1',
      [event.id],
    );
    expect(n).toBe(3);
  }, 60_000);
});
