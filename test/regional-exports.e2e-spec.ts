import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { keyIdOf, parsePublicKey, verifyExportBytes } from '@amparo/statistics';
import { regionalExportFixture } from '@amparo/statistics/export-format/regional-export.fixture';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { createConsulate, createUser, signedInUsers } from './utils/identity';
import { signedFile } from './utils/regional-exports';
import { insertCases, times } from './utils/statistics-fixtures';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

const SEMESTER = '2026-S1';

describe('Regional workspace: signed exports, verification, consolidation', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let dir: string;
  let keyFile: string;
  const users = signedInUsers(() => ({ app, stack }));
  const gtKey = generateKeyPairSync('ed25519').privateKey;
  const strangerKey = generateKeyPairSync('ed25519').privateKey;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'amparo-regional-'));
    keyFile = join(dir, 'keys', 'export-signing-key.pem');
    stack = await createTestStack({
      EXPORTS_DIR: join(dir, 'exports'),
      EXPORT_SIGNING_KEY_FILE: keyFile,
    });
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    const mx = await createConsulate(stack, 'MX', 'LAX');
    const officer = await createUser(stack, [{ role: 'officer', consulateId: mx }]);
    await insertCases(stack, officer.id, [
      ...times(12, {
        consulateId: mx,
        country: 'MX',
        category: 'trafficking',
        sex: 'female',
        openedAt: '2026-02-01T00:00:00Z',
      }),
      ...times(9, {
        consulateId: mx,
        country: 'MX',
        category: 'return',
        sex: 'male',
        openedAt: '2026-03-01T00:00:00Z',
      }),
      ...times(2, {
        consulateId: mx,
        country: 'MX',
        category: 'health',
        sex: 'male',
        openedAt: '2026-03-01T00:00:00Z',
      }),
    ]);
    await users.signInAs('secretariat', [{ role: 'network_secretariat' }]);
    await users.signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
    await users.signInAs('admin', [{ role: 'admin', countryCode: 'MX' }]);
    await users.signInAs('systemAdmin', [{ role: 'system_admin' }]);
    await users.signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
    await rm(dir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${users.tokens[who]}` });

  /** This deployment's own regional export of MX for the semester: the file and its .sig. */
  async function ownExport(): Promise<{ file: string; signature: Record<string, unknown> }> {
    const requested = await http()
      .post('/api/v1/exports')
      .set(as('analyst'))
      .send({
        kind: 'regional',
        measures: ['cases_opened'],
        dimensions: ['category'],
        period: 'semester',
        from: '2026-01-01',
        to: '2026-06-30',
        format: 'json',
      });
    expect(requested.status).toBe(202);
    const done = await eventually(async () => {
      const res = await http().get(requested.headers.location).set(as('analyst'));
      if (res.body.status === 'failed') throw new Error(JSON.stringify(res.body));
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(done.signatureUrl).toBe(`/api/v1/exports/${done.id}/signature`);
    const file = await http().get(done.fileUrl).set(as('analyst')).buffer(true);
    const signature = await http().get(done.signatureUrl).set(as('analyst'));
    expect(signature.status).toBe(200);
    return { file: file.text, signature: signature.body };
  }

  it('generates the signing key at first start, readable by its owner only', async () => {
    const info = await stat(keyFile);
    expect(info.mode & 0o777).toBe(0o600);
    const keys = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM statistics_exports WHERE signature::text LIKE '%PRIVATE%'`,
    );
    expect(keys[0].n).toBe(0);
  });

  it('publishes the countries and the public key at the well-known URL, without signing in', async () => {
    const res = await http().get('/.well-known/amparo-export-keys.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body.countries).toEqual(['MX']);
    expect(res.body.keys).toHaveLength(1);
    const [published] = res.body.keys;
    expect(published).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      algorithm: 'Ed25519',
      publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY'),
      publicKey: expect.any(String),
    });
    expect(keyIdOf(parsePublicKey(published.publicKey)!)).toBe(published.keyId);
    expect(JSON.stringify(res.body)).not.toContain('PRIVATE');

    const admin = await http().get('/api/v1/system/export-signing-key').set(as('admin'));
    expect(admin.status).toBe(200);
    expect(admin.body.keyId).toBe(published.keyId);
    expect(admin.body.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(admin.body.fingerprint.replace(/ /g, '').slice(0, 16)).toBe(published.keyId);
    const sysAdmin = await http().get('/api/v1/system/export-signing-key').set(as('systemAdmin'));
    expect(sysAdmin.body.fingerprint).toBe(admin.body.fingerprint);
    for (const who of ['analyst', 'secretariat', 'supervisor'])
      expect((await http().get('/api/v1/system/export-signing-key').set(as(who))).status).toBe(403);
  });

  it('signs every export file: the signature verifies against the published key, and not a changed byte', async () => {
    const { file, signature } = await ownExport();
    const published = (await http().get('/.well-known/amparo-export-keys.json')).body.keys[0];
    const key = parsePublicKey(published.publicKeyPem)!;
    expect(signature).toMatchObject({
      keyId: published.keyId,
      algorithm: 'Ed25519',
      country: 'MX',
    });
    expect(verifyExportBytes(Buffer.from(file), signature.signature as string, key)).toBe(true);
    expect(
      verifyExportBytes(
        Buffer.from(file.replace('"MX"', '"GT"')),
        signature.signature as string,
        key,
      ),
    ).toBe(false);
  }, 30_000);

  it('accepts two countries signed by two key pairs, refuses tampered, unknown and foreign-country exports, and consolidates', async () => {
    const published = (await http().get('/.well-known/amparo-export-keys.json')).body.keys[0];
    const register = (country: string, publicKey: string, label: string) =>
      http()
        .post('/api/v1/regional/keys')
        .set(as('secretariat'))
        .send({ country, publicKey, label });
    const mxKey = await register('MX', published.publicKeyPem, 'Mexico SRE');
    expect(mxKey.status).toBe(201);
    expect(mxKey.body.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const gtRaw = createPublicKey(gtKey).export({ format: 'jwk' }).x!;
    const gtRegistered = await register(
      'GT',
      Buffer.from(gtRaw, 'base64url').toString('base64'),
      'Guatemala MINEX',
    );
    expect(gtRegistered.status).toBe(201);
    expect(gtRegistered.body.keyId).toBe(keyIdOf(createPublicKey(gtKey)));
    expect(
      (
        await register(
          'GT',
          createPublicKey(gtKey).export({ type: 'spki', format: 'pem' }).toString(),
          'again',
        )
      ).status,
    ).toBe(409);
    const notAKey = await register('GT', 'bm90IGEga2V5', 'broken');
    expect(notAKey.status).toBe(400);

    const upload = (body: unknown) =>
      http()
        .post('/api/v1/regional/exports')
        .set(as('secretariat'))
        .send(body as object);

    const mx = await ownExport();
    const mxUpload = await upload(mx);
    expect(mxUpload.status).toBe(201);
    expect(mxUpload.body).toMatchObject({
      countries: ['MX'],
      semester: SEMESTER,
      keyId: published.keyId,
    });

    const gtDoc = regionalExportFixture('GT');
    const gt = signedFile(gtDoc, gtKey);
    const gtUpload = await upload(gt);
    expect(gtUpload.status).toBe(201);
    expect(gtUpload.body.sha256).toBe(gt.signature.sha256);

    const again = await upload(gt);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(gtUpload.body.id);

    const tampered = await upload({
      ...gt,
      file: gt.file.replace('"OBS_VALUE": 31', '"OBS_VALUE": 310'),
    });
    expect(tampered.status).toBe(422);
    expect(tampered.body.code).toBe('EXPORT_SIGNATURE_INVALID');
    const unknown = await upload(signedFile(regionalExportFixture('GT'), strangerKey));
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('EXPORT_KEY_UNKNOWN');
    // GT's key signing an export that says it is Mexico's.
    const foreign = await upload(signedFile(regionalExportFixture('MX'), gtKey));
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('EXPORT_KEY_COUNTRY_MISMATCH');
    const broken = regionalExportFixture('GT');
    broken.rows[0].CONF_STATUS = 'X' as 'C';
    const invalid = await upload(signedFile(broken, gtKey));
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('EXPORT_SCHEMA_INVALID');
    expect(JSON.stringify(invalid.body)).toContain('CONF_STATUS');
    const [{ n }] = await stack.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM regional_exports',
    );
    expect(n).toBe(2);

    const listed = await http()
      .get(`/api/v1/regional/exports?semester=${SEMESTER}`)
      .set(as('secretariat'));
    expect(listed.body.items.map((e: { countries: string[] }) => e.countries[0]).sort()).toEqual([
      'GT',
      'MX',
    ]);
    const reporting = await http()
      .get(`/api/v1/regional/reporting?semester=${SEMESTER}`)
      .set(as('secretariat'));
    expect(reporting.status).toBe(200);
    expect(
      reporting.body.countries.map((c: { country: string; reported: boolean }) => [
        c.country,
        c.reported,
      ]),
    ).toEqual([
      ['GT', true],
      ['MX', true],
    ]);
    const nextSemester = await http()
      .get('/api/v1/regional/reporting?semester=2026-S2')
      .set(as('secretariat'));
    expect(nextSemester.body.countries.every((c: { reported: boolean }) => !c.reported)).toBe(true);

    const consolidated = await http()
      .post('/api/v1/regional/consolidations')
      .set(as('secretariat'))
      .send({ semester: SEMESTER, measure: 'cases_opened', dimensions: ['category'] });
    expect(consolidated.status).toBe(200);
    expect(consolidated.body.countries).toEqual(['GT', 'MX']);
    const row = (code: string) =>
      consolidated.body.rows.find((r: { codes: string[] }) => r.codes[0] === code);
    // GT 40 trafficking, MX 12: both published, the total is their sum.
    expect(row('trafficking')).toMatchObject({
      cells: [
        { country: 'GT', value: 40, suppressed: false },
        { country: 'MX', value: 12, suppressed: false },
      ],
      total: { value: 52, suppressed: false },
    });
    // MX's 2 health cases are suppressed nationally, so the regional total must not be published.
    expect(row('health').cells.find((c: { country: string }) => c.country === 'MX')).toEqual({
      country: 'MX',
      value: null,
      suppressed: true,
    });
    expect(row('health').total).toEqual({ value: null, suppressed: true });
    // MX's 9 returns are suppressed too (else 23 - 12 - 9 gives the 2 away): no total either.
    expect(row('return').total).toEqual({ value: null, suppressed: true });
    expect(consolidated.body.sources).toHaveLength(2);
    // GT's export has no margin over all categories: it is not taken for 0, so no regional total
    // is published from Mexico's figure alone.
    expect(row('_T').cells[0]).toEqual({ country: 'GT', value: null, suppressed: true });
    expect(row('_T').total).toEqual({ value: null, suppressed: true });

    const audit = await stack.query<{
      action: string;
      outcome: string;
      details: Record<string, unknown>;
    }>(
      `SELECT action, outcome, details FROM audit_events WHERE action LIKE 'regional_%' ORDER BY seq`,
    );
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      'regional_key.register:success',
      'regional_key.register:success',
      'regional_export.upload:success',
      'regional_export.upload:success',
      'regional_export.upload:success',
      'regional_export.upload:failure',
      'regional_export.upload:failure',
      'regional_export.upload:failure',
      'regional_export.upload:failure',
      'regional_consolidation.create:success',
    ]);
    expect(audit[5].details).toMatchObject({ code: 'EXPORT_SIGNATURE_INVALID' });
    expect(consolidated.body.additive).toBe(true);

    // A median is not summed across countries: each as it published it, and no regional total.
    const medians = await http()
      .post('/api/v1/regional/consolidations')
      .set(as('secretariat'))
      .send({ semester: SEMESTER, measure: 'median_days_to_closure', dimensions: ['category'] });
    expect(medians.status).toBe(200);
    expect(medians.body.additive).toBe(false);
    expect(medians.body.rows).toEqual([
      {
        codes: ['_T'],
        cells: [{ country: 'GT', value: 12, suppressed: false }],
        total: { value: null, suppressed: false },
      },
    ]);
    expect(medians.body.excluded.map((e: { countries: string[] }) => e.countries)).toEqual([
      ['MX'],
    ]);

    // A later GT export with returns by mode only (its dimension does not apply to cases, so
    // it cannot travel with them): each table reads GT's latest export that has it.
    const gtReturns = regionalExportFixture('GT');
    const returnModes = [
      { code: 'air', label: { es: 'Aéreo', en: 'Air' } },
      { code: 'land', label: { es: 'Terrestre', en: 'Land' } },
      { code: '_T', label: { es: 'Total', en: 'Total' } },
    ];
    gtReturns.metadata.generatedAt = '2026-07-04T10:00:00.000Z';
    gtReturns.metadata.measures = [
      { id: 'returns', label: { es: 'Personas retornadas', en: 'Persons returned' } },
    ];
    gtReturns.metadata.dimensions = [
      {
        id: 'return_mode',
        column: 'RETURN_MODE',
        label: { es: 'Medio del retorno', en: 'Return mode' },
        codes: returnModes,
      },
    ];
    gtReturns.rows = (
      [
        ['air', 20],
        ['land', 15],
        ['_T', 35],
      ] as const
    ).map(([mode, value]) => ({
      MEASURE: 'returns',
      REF_AREA: 'GT',
      RETURN_MODE: mode,
      OBS_VALUE: value,
      CONF_STATUS: 'F' as const,
    }));
    expect((await upload(signedFile(gtReturns, gtKey))).status).toBe(201);
    const byCategoryAgain = await http()
      .post('/api/v1/regional/consolidations')
      .set(as('secretariat'))
      .send({ semester: SEMESTER, measure: 'cases_opened', dimensions: ['category'] });
    expect(byCategoryAgain.body.countries).toEqual(['GT', 'MX']);
    expect(byCategoryAgain.body.sources.map((x: { sha256: string }) => x.sha256)).toContain(
      gt.signature.sha256,
    );
    const returnsByMode = await http()
      .post('/api/v1/regional/consolidations')
      .set(as('secretariat'))
      .send({ semester: SEMESTER, measure: 'returns', dimensions: ['return_mode'] });
    expect(returnsByMode.status).toBe(200);
    expect(returnsByMode.body.countries).toEqual(['GT']);
    expect(
      returnsByMode.body.rows.find((r: { codes: string[] }) => r.codes[0] === 'air'),
    ).toMatchObject({ cells: [{ country: 'GT', value: 20, suppressed: false }] });
    expect(returnsByMode.body.excluded.map((e: { countries: string[] }) => e.countries)).toEqual([
      ['MX'],
    ]);

    const revoked = await http()
      .post(`/api/v1/regional/keys/${gtRegistered.body.id}/revoke`)
      .set(as('secretariat'));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const afterRevoke = await upload(signedFile(regionalExportFixture('GT'), gtKey));
    expect(afterRevoke.body.code).toBe('EXPORT_KEY_UNKNOWN');
  }, 60_000);

  it('refuses the workspace to every other role', async () => {
    for (const who of ['analyst', 'admin', 'systemAdmin', 'supervisor']) {
      const calls = [
        http().get('/api/v1/regional/keys'),
        http().post('/api/v1/regional/keys').send({ country: 'GT', publicKey: 'x', label: 'x' }),
        http().get(`/api/v1/regional/exports?semester=${SEMESTER}`),
        http().post('/api/v1/regional/exports').send({}),
        http().get(`/api/v1/regional/reporting?semester=${SEMESTER}`),
        http()
          .post('/api/v1/regional/consolidations')
          .send({ semester: SEMESTER, measure: 'cases_opened', dimensions: ['category'] }),
      ];
      for (const call of calls)
        expect({ who, status: (await call.set(as(who))).status }).toEqual({ who, status: 403 });
    }
  });
});
