import { NestExpressApplication } from '@nestjs/platform-express';
import { DEMO_USERS, DemoOnFirstStart, DemoSeedResult, DemoSeeder } from '@amparo/demo';
import { FOCAL_TOPICS, ORGANISATION_SERVICES } from '@amparo/directory';
import { TEST_REDIS_URL, TestDatabase, createTestDatabase, testConfig } from '@amparo/testing';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { announceStart } from '../apps/api/src/announce-start';
import { BOOTSTRAP_ENV, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

const MEMBERS = ['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US'];
const COUNTRY_ROLES = ['officer', 'consul', 'supervisor', 'analyst', 'admin'];
/** Reserved for documentation (RFC 2606): nobody real can receive these e-mails. */
const EXAMPLE_EMAIL = /^[a-z0-9._-]+@[a-z0-9.-]+\.example(\.org)?$/;
const EXAMPLE_WEBSITE = /^https:\/\/[a-z0-9.-]+\.example$/;
/** NANP's fictitious 555-0100…0199, or a number with an impossible 0000 local prefix. */
const FAKE_PHONE = /^(\+1 \d{3} 555 01\d\d|\+\d{2,3}( \d{2,3})? 0000 01\d\d)$/;

const TABLES = ['consulates', 'officials', 'organisations', 'users', 'role_grants'] as const;

async function rowCounts(stack: TestStack): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ n }] = await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = n;
  }
  return counts;
}

describe('Demo network seed', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let first: DemoSeedResult;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    first = await app.get(DemoSeeder).seed();
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('creates about forty posts run by all 11 member countries', async () => {
    const rows = await stack.query<{ sending: string; n: number }>(
      `SELECT sending_country_code AS sending, count(*)::int AS n FROM consulates GROUP BY 1 ORDER BY 1`,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(rows.map((r) => r.sending)).toEqual(MEMBERS);
    expect(total).toBeGreaterThanOrEqual(35);
    expect(first.consulates).toEqual({ created: total, skipped: 0 });
    const [{ types }] = await stack.query<{ types: number }>(
      'SELECT count(DISTINCT type)::int AS types FROM consulates',
    );
    expect(types).toBe(5);
  });

  it('gives every post a jurisdiction made only of subdivisions of its host country', async () => {
    const outside = await stack.query(
      `SELECT c.sending_country_code, c.post_code, j.code
         FROM consulates c CROSS JOIN unnest(c.jurisdiction) AS j(code)
         LEFT JOIN subdivisions s ON s.code = j.code
        WHERE s.country_code IS DISTINCT FROM c.host_country_code`,
    );
    expect(outside).toEqual([]);
    const [{ empty }] = await stack.query<{ empty: number }>(
      `SELECT count(*)::int AS empty FROM consulates WHERE cardinality(jurisdiction) = 0`,
    );
    expect(empty).toBe(0);
  });

  it('accredits one to three officials at every post, with focal topics of the code list', async () => {
    const perPost = await stack.query<{ n: number }>(
      `SELECT count(o.id)::int AS n FROM consulates c LEFT JOIN officials o ON o.consulate_id = c.id GROUP BY c.id`,
    );
    expect(perPost.every((p) => p.n >= 1 && p.n <= 3)).toBe(true);
    const [{ total, topics }] = await stack.query<{ total: number; topics: string[] }>(
      `SELECT count(*)::int AS total, array(SELECT DISTINCT unnest(topics) FROM officials ORDER BY 1) AS topics
         FROM officials`,
    );
    expect(first.officials).toEqual({ created: total, skipped: 0 });
    expect([...topics].sort()).toEqual([...FOCAL_TOPICS].sort());
  });

  it('lists organisations of the four types, covering valid places, including Mayan languages', async () => {
    const organisations = await stack.query<{
      name: string;
      type: string;
      services: string[];
      countries: string[];
      subdivisions: string[];
      languages: string[];
    }>(
      `SELECT name, type, services, coverage_countries AS countries, coverage_subdivisions AS subdivisions, languages
         FROM organisations`,
    );
    expect(organisations.length).toBeGreaterThanOrEqual(25);
    expect(first.organisations).toEqual({ created: organisations.length, skipped: 0 });
    expect(new Set(organisations.map((o) => o.type))).toEqual(
      new Set([
        'civil_society',
        'international_organisation',
        'government_agency',
        'child_protection_authority',
      ]),
    );
    // Each member country's national child-protection authority, covering that country.
    const authorities = await stack.query<{ country: string; services: string[] }>(
      `SELECT managed_by_country_code AS country, services FROM organisations
        WHERE type = 'child_protection_authority' AND coverage_countries = ARRAY[managed_by_country_code]::text[]`,
    );
    expect(authorities.map((a) => a.country).sort()).toEqual([
      'BZ',
      'CA',
      'CR',
      'DO',
      'GT',
      'HN',
      'MX',
      'NI',
      'PA',
      'SV',
      'US',
    ]);
    for (const a of authorities) expect(a.services).toContain('child_protection');
    const services = new Set(organisations.flatMap((o) => o.services));
    expect([...services].sort()).toEqual([...ORGANISATION_SERVICES].sort());
    const languages = new Set(organisations.flatMap((o) => o.languages));
    for (const code of ['es', 'en', 'mam', 'kek', 'quc']) expect(languages).toContain(code);

    const unknownCountries = await stack.query(
      `SELECT o.name, c FROM organisations o CROSS JOIN unnest(o.coverage_countries) c
        WHERE NOT EXISTS (SELECT 1 FROM countries WHERE code = c)`,
    );
    expect(unknownCountries).toEqual([]);
    const misplaced = await stack.query(
      `SELECT o.name, s FROM organisations o CROSS JOIN unnest(o.coverage_subdivisions) s
        WHERE NOT EXISTS (SELECT 1 FROM subdivisions d WHERE d.code = s AND d.country_code = ANY(o.coverage_countries))`,
    );
    expect(misplaced).toEqual([]);
  });

  it('creates a user of every role in Mexico and Guatemala, and a system_admin', async () => {
    const grants = await stack.query<{
      role: string;
      country: string | null;
      postCountry: string | null;
    }>(
      `SELECT g.role, g.country_code AS country, c.sending_country_code AS "postCountry"
         FROM role_grants g JOIN users u ON u.id = g.user_id
         LEFT JOIN consulates c ON c.id = g.consulate_id
        WHERE u.email LIKE '%@demo.amparo.example'`,
    );
    for (const country of ['MX', 'GT']) {
      const roles = grants.filter((g) => g.country === country).map((g) => g.role);
      expect(roles.sort()).toEqual([...COUNTRY_ROLES].sort());
    }
    for (const grant of grants.filter((g) => g.role === 'officer' || g.role === 'consul'))
      expect(grant.postCountry).toBe(grant.country);
    expect(grants.filter((g) => g.role === 'system_admin')).toEqual([
      { role: 'system_admin', country: null, postCountry: null },
    ]);
    expect(first.users).toEqual({ created: DEMO_USERS.length, skipped: 0 });
  });

  it('returns the password of every user it created, and stores only its argon2id hash', async () => {
    expect(first.credentials.map((c) => c.email).sort()).toEqual(
      DEMO_USERS.map((u) => u.email).sort(),
    );
    for (const credential of first.credentials) {
      expect(credential.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(credential.roles.length).toBeGreaterThan(0);
    }
    const stored = await stack.query<{ hash: string }>(
      `SELECT password_hash AS hash FROM users WHERE email LIKE '%@demo.amparo.example'`,
    );
    expect(stored).toHaveLength(DEMO_USERS.length);
    for (const { hash } of stored) expect(hash).toMatch(/^\$argon2id\$/);
    const passwords = new Set(first.credentials.map((c) => c.password));
    expect(passwords.size).toBe(first.credentials.length);
  });

  it('lets every demo user sign in with the printed password and see their roles', async () => {
    for (const credential of first.credentials) {
      const session = await signIn(app, credential.email, credential.password);
      const me = await request(app.getHttpServer())
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${session.accessToken}`);
      expect(me.status).toBe(200);
      const roles = (me.body.grants as { role: string }[]).map((g) => g.role);
      expect(roles).toEqual(credential.roles.map((r) => r.split(' ')[0]));
    }
  });

  it('uses only reserved example domains and fictitious phone numbers', async () => {
    const [contacts] = await stack.query<{
      emails: string[];
      websites: string[];
      phones: string[];
    }>(
      `SELECT
         array(SELECT email FROM consulates UNION ALL SELECT work_email FROM officials
               UNION ALL SELECT email FROM organisations
               UNION ALL SELECT email::text FROM users WHERE email LIKE '%@demo.amparo.example') AS emails,
         array(SELECT website FROM consulates UNION ALL SELECT website FROM organisations) AS websites,
         array(SELECT phone FROM consulates UNION ALL SELECT emergency_phone FROM consulates
               UNION ALL SELECT work_phone FROM officials UNION ALL SELECT phone FROM organisations) AS phones`,
    );
    expect(contacts.emails.length).toBeGreaterThan(100);
    expect(contacts.emails.filter((e) => !EXAMPLE_EMAIL.test(e ?? ''))).toEqual([]);
    expect(contacts.websites.filter((w) => !EXAMPLE_WEBSITE.test(w ?? ''))).toEqual([]);
    expect(contacts.phones.filter((p) => !FAKE_PHONE.test(p ?? ''))).toEqual([]);
  });

  it('publishes a few clearly synthetic good practices per demo country', async () => {
    expect(first.practices.created).toBeGreaterThanOrEqual(4);
    const rows = await stack.query<{ country: string; status: string; problem: string }>(
      `SELECT country_code AS country, status, problem FROM good_practices`,
    );
    expect(new Set(rows.map((r) => r.country))).toEqual(new Set(['MX', 'GT']));
    expect(rows.every((r) => r.status === 'published' && r.problem.includes('sintético'))).toBe(
      true,
    );
  });

  it('records one demo.seed audit event with the counts and no personal data', async () => {
    const events = await stack.query<{ details: Record<string, unknown>; actor: string | null }>(
      `SELECT details, actor_user_id AS actor FROM audit_events WHERE action = 'demo.seed'`,
    );
    expect(events).toEqual([
      {
        actor: null,
        details: {
          consulates: first.consulates,
          officials: first.officials,
          organisations: first.organisations,
          users: first.users,
          practices: first.practices,
        },
      },
    ]);
  });

  it('changes nothing and prints no credentials when run again', async () => {
    const before = await rowCounts(stack);
    const [{ audit }] = await stack.query<{ audit: number }>(
      'SELECT count(*)::int AS audit FROM audit_events',
    );
    const again = await app.get(DemoSeeder).seed();
    expect(again).toEqual({
      consulates: { created: 0, skipped: first.consulates.created },
      officials: { created: 0, skipped: first.officials.created },
      organisations: { created: 0, skipped: first.organisations.created },
      users: { created: 0, skipped: first.users.created },
      practices: { created: 0, skipped: first.practices.created },
      credentials: [],
    });
    expect(await rowCounts(stack)).toEqual(before);
    const [{ audit: auditAfter }] = await stack.query<{ audit: number }>(
      'SELECT count(*)::int AS audit FROM audit_events',
    );
    expect(auditAfter).toBe(audit);
  });
});

interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runSeedScript(env: Record<string, string>): Promise<ScriptRun> {
  return runScript('seed:demo', env);
}

function runScript(script: string, env: Record<string, string>): Promise<ScriptRun> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.EMBEDDED_DATA_DIR;
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script],
      { cwd: join(__dirname, '..'), env: { ...base, NODE_ENV: 'development', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The rows of the framed credentials box: `  |   email  password  roles  |`. */
const printedCredentials = (stdout: string) =>
  [...stdout.matchAll(/^ {2}\| {3}(\S+@\S+\.(?:example|local)) +(\S+) +(.+?) *\|$/gm)].map((m) => ({
    email: m[1],
    password: m[2],
  }));

describe('npm run seed:demo', () => {
  let stack: TestStack;
  let empty: TestDatabase | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    stack = await createTestStack();
  });

  afterAll(async () => {
    await stack?.teardown();
    await empty?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds a migrated database and prints the new users’ passwords only the first time', async () => {
    const firstRun = await runSeedScript({ DATABASE_URL: stack.database.url });
    expect(firstRun).toMatchObject({ code: 0, stderr: '' });
    const printed = printedCredentials(firstRun.stdout);
    expect(printed.map((p) => p.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const app = await createTestApi(stack.config);
    try {
      const officer = printed.find((p) => p.email.startsWith('officer.mx@'))!;
      expect((await signIn(app, officer.email, officer.password)).accessToken).toBeTruthy();
    } finally {
      await app.close();
    }

    const secondRun = await runSeedScript({ DATABASE_URL: stack.database.url });
    expect(secondRun.code).toBe(0);
    expect(printedCredentials(secondRun.stdout)).toEqual([]);
    expect(secondRun.stdout).toMatch(/consulates +0 created/);
    expect(secondRun.stdout).toContain('No new demo users');
  }, 60000);

  it('refuses a database that is not migrated and says how to migrate it', async () => {
    empty = await createTestDatabase({ empty: true });
    const run = await runSeedScript({ DATABASE_URL: empty.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not migrated');
    expect(run.stderr).toContain('npm run migration:run');
    expect(run.stdout).toBe('');
  }, 30000);

  it('refuses to put demo accounts into a production registry', async () => {
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const run = await runSeedScript({
      NODE_ENV: 'production',
      DATABASE_URL: stack.database.url,
      REDIS_URL: TEST_REDIS_URL,
      AUTH_JWT_PRIVATE_KEY: keys.privateKey,
      AUTH_JWT_PUBLIC_KEY: keys.publicKey,
      AUTH_MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('NODE_ENV=production');
    expect(run.stdout).toBe('');
  }, 30000);

  it('refuses while another process (the API) holds the embedded database', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'amparo-seed-'));
    writeFileSync(join(dataDir, 'amparo.lock'), String(process.pid));
    const run = await runSeedScript({ EMBEDDED_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`is in use by process ${process.pid}`);
    expect(run.stderr).toContain('stop the API');
  }, 30000);
});

describe('npm run demo:reset-passwords', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let dataDir: string | undefined;
  const productionKeys = () => {
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    return {
      AUTH_JWT_PRIVATE_KEY: keys.privateKey,
      AUTH_JWT_PUBLIC_KEY: keys.publicKey,
      AUTH_MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
  };
  const hashes = async () =>
    new Map(
      (
        await stack.query<{ email: string; hash: string }>(
          'SELECT email::text AS email, password_hash AS hash FROM users',
        )
      ).map((r) => [r.email, r.hash]),
    );

  beforeAll(async () => {
    stack = await createTestStack(BOOTSTRAP_ENV);
    app = await createTestApi(stack.config);
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('says how to get demo users when the database has none, and changes nothing', async () => {
    const before = await hashes();
    const run = await runScript('demo:reset-passwords', { DATABASE_URL: stack.database.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no demo users');
    expect(run.stderr).toContain('npm run seed:demo');
    expect(run.stdout).toBe('');
    expect(await hashes()).toEqual(before);
  }, 30000);

  it('gives every demo user a new password, printed framed, and ends their sessions', async () => {
    const seeded = await app.get(DemoSeeder).seed();
    const officer = seeded.credentials.find((c) => c.email.startsWith('officer.mx@'))!;
    const session = await signIn(app, officer.email, officer.password);
    const before = await hashes();

    const run = await runScript('demo:reset-passwords', { DATABASE_URL: stack.database.url });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\n {2}\+-+\+\n/);
    const printed = printedCredentials(run.stdout);
    expect(printed.map((p) => p.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const old = new Map(seeded.credentials.map((c) => [c.email, c.password]));
    for (const p of printed) expect(p.password).not.toBe(old.get(p.email));

    // The old password no longer signs in; the new one does.
    const http = () => request(app.getHttpServer());
    const stale = await http()
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: officer.password });
    expect(stale.status).toBe(401);
    const fresh = printed.find((p) => p.email === officer.email)!;
    expect((await signIn(app, fresh.email, fresh.password)).accessToken).toBeTruthy();
    // The session opened with the old password is over: access and refresh tokens alike.
    const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${session.accessToken}`);
    expect(me.status).toBe(401);
    const refreshed = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(401);

    // Only the demo accounts changed.
    const after = await hashes();
    for (const [email, hash] of after) {
      if (email.endsWith('@demo.amparo.example')) expect(hash).not.toBe(before.get(email));
      else expect(hash).toBe(before.get(email));
    }
    expect(after.get(BOOTSTRAP_ENV.AMPARO_BOOTSTRAP_ADMIN_EMAIL)).toBeDefined();
  }, 60000);

  it('records one audit event per reset account, with no password in it', async () => {
    const events = await stack.query<{ resourceId: string; details: unknown; actor: null }>(
      `SELECT e.resource_id AS "resourceId", e.details, e.actor_user_id AS actor
         FROM audit_events e WHERE e.action = 'demo.password_reset'`,
    );
    const demoIds = await stack.query<{ id: string }>(
      `SELECT id FROM users WHERE email LIKE '%@demo.amparo.example'`,
    );
    expect(events.map((e) => e.resourceId).sort()).toEqual(demoIds.map((u) => u.id).sort());
    expect(events.every((e) => e.actor === null)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/password/i);
  });

  it('refuses while the API holds the embedded database, saying to stop it', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'amparo-reset-'));
    writeFileSync(join(dataDir, 'amparo.lock'), String(process.pid));
    const run = await runScript('demo:reset-passwords', { EMBEDDED_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`is in use by process ${process.pid}`);
    expect(run.stderr).toContain('stop the API');
    expect(run.stdout).toBe('');
  }, 30000);

  it('refuses in production and changes nothing', async () => {
    const before = await hashes();
    const run = await runScript('demo:reset-passwords', {
      NODE_ENV: 'production',
      DATABASE_URL: stack.database.url,
      REDIS_URL: TEST_REDIS_URL,
      ...productionKeys(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('NODE_ENV=production');
    expect(run.stdout).toBe('');
    expect(await hashes()).toEqual(before);
  }, 30000);
});

describe('First start of the embedded default', () => {
  let app: NestExpressApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  /** What the app writes to the console while `work` runs (the credentials go to stdout). */
  async function captureStdout<T>(
    work: () => T | Promise<T>,
  ): Promise<{ result: T; output: string }> {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      return { result: await work(), output: written.join('') };
    } finally {
      spy.mockRestore();
    }
  }

  it('seeds the demo network once and prints its users’ and the first administrator’s passwords last, framed, after the listening line', async () => {
    const boot = await captureStdout(() =>
      createTestApi(testConfig({ NODE_ENV: 'development', EMBEDDED_DATA_DIR: 'memory://' })),
    );
    app = boot.result;
    // Nothing of it among the start-up logs...
    expect(printedCredentials(boot.output)).toEqual([]);
    const dataSource = app.get(DataSource);
    const [{ n }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM consulates',
    );
    expect(n).toBeGreaterThanOrEqual(35);

    // ...but right after the line that says where the API listens, as the last thing printed
    // (log lines and plain text recorded in the order they are written).
    const lines: string[] = [];
    announceStart(app, testConfig({}), {
      log: (line) => lines.push(`LOG ${line}`),
      print: (text) => lines.push(text),
    });
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^LOG Amparo API listening on http:/);
    const box = lines[lines.length - 1];
    expect(box).toMatch(/^\n {2}\+-+\+\n/);
    expect(box).toMatch(/\n {2}\+-+\+\n+$/);
    expect(box).not.toMatch(/^\{/m);
    expect(box).toContain('npm run demo:reset-passwords');
    const printed = printedCredentials(box);
    expect(printed.map((p) => p.email).sort()).toEqual(
      [...DEMO_USERS.map((u) => u.email), 'admin@amparo.local'].sort(),
    );
    const admin = printed.find((p) => p.email === 'admin@amparo.local')!;
    expect(boot.output).not.toContain(admin.password);
    const adminLogin = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: admin.email, password: admin.password });
    expect(adminLogin.status).toBe(200);

    const consul = printed.find((p) => p.email.startsWith('consul.gt@'))!;
    expect((await signIn(app, consul.email, consul.password)).accessToken).toBeTruthy();

    // Printed once; later starts find the posts there and leave everything as it is.
    expect(app.get(DemoOnFirstStart).takeCredentialsNotice()).toBe('');
    await app.get(DemoOnFirstStart).onApplicationBootstrap();
    expect(app.get(DemoOnFirstStart).takeCredentialsNotice()).toBe('');
    const [{ n: after }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM consulates',
    );
    expect(after).toBe(n);
  }, 90000);
});
