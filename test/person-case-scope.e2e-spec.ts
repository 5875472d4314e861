import { NestExpressApplication } from '@nestjs/platform-express';
import { RowScope, withinRowScope } from '@amparo/database';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { detentionCaseBody } from './utils/case-bodies';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/**
 * The persons' side of the second wall (migration 0037): each person carries the posts and
 * countries of the cases that name them, kept by the database, and their policy (and their
 * documents') compares those with the caller's scope. These tests hold the columns to the truth
 * (the person's links and where their cases are now) through registration, links added and
 * removed, moves, concurrent moves, and writes by anyone else.
 */
describe('Row-level security: a person’s case scope follows their cases', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let postA: string;
  let postB: string;
  let postCO: string;
  let caseA: string;
  let personA: string;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    dataSource = app.get(DataSource);
    postA = await createConsulate(stack, 'MX');
    postB = await createConsulate(stack, 'MX');
    postCO = await createConsulate(stack, 'CO');
    caseA = await registerCase(postA, 'MX', 'A');
    [{ personId: personA }] = await stack.query<{ personId: string }>(
      `SELECT primary_person_id AS "personId" FROM cases WHERE id = $1`,
      [caseA],
    );
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  async function registerCase(post: string, country: string, name: string): Promise<string> {
    const officer = await createUser(stack, [{ role: 'officer', consulateId: post }]);
    const token = (await signIn(app, officer.email)).accessToken;
    const created = await request(app.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .send(
        detentionCaseBody(post, name, country, { familyNames: 'Scope', documentPrefix: 'SCOPE' }),
      );
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return created.body.id as string;
  }

  const scopeOf = async (person: string) =>
    (
      await stack.query<{ posts: string[]; countries: string[] }>(
        `SELECT case_consulate_ids::text[] AS posts, case_country_codes::text[] AS countries
           FROM persons WHERE id = $1`,
        [person],
      )
    )[0];
  /** Whether a caller of this scope reads the person and their documents (both or neither). */
  const reads = async (scope: RowScope, person: string) => {
    const [row] = await withinRowScope(dataSource, scope, (m) =>
      m.query<{ person: number; documents: number }[]>(
        `SELECT (SELECT count(*)::int FROM persons WHERE id = $1) AS person,
                (SELECT count(*)::int FROM person_documents WHERE person_id = $1) AS documents`,
        [person],
      ),
    );
    return { person: row.person === 1, documents: row.documents > 0 };
  };
  const officerOf = (post: string): RowScope => ({ consulates: [post], countries: [] });
  /** Every person's columns against their links and their cases now: the rows that disagree. */
  const drifted = async () =>
    stack.query(`SELECT id FROM amparo_persons_with_drifted_case_scope() AS id`);
  const sqlState = (work: Promise<unknown>) =>
    work.then(
      () => 'ok',
      (error: { code?: string; driverError?: { code?: string } }) =>
        error.driverError?.code ?? error.code,
    );

  it('gives a person registered with a case that case’s post and country, and only its readers', async () => {
    expect(await scopeOf(personA)).toEqual({ posts: [postA], countries: ['MX'] });
    expect(await reads(officerOf(postA), personA)).toEqual({ person: true, documents: true });
    expect(await reads(officerOf(postB), personA)).toEqual({ person: false, documents: false });
    expect(await reads({ consulates: [], countries: ['MX'] }, personA)).toEqual({
      person: true,
      documents: true,
    });
    expect(await reads({ consulates: [], countries: ['CO'] }, personA)).toEqual({
      person: false,
      documents: false,
    });
  });

  it('adds and removes a post as links to its cases are added and removed', async () => {
    const caseB = await registerCase(postB, 'MX', 'B');
    await stack.query(
      `INSERT INTO case_persons (case_id, person_id, role) VALUES ($1, $2, 'involved')`,
      [caseB, personA],
    );
    expect(await scopeOf(personA)).toEqual({ posts: [postA, postB].sort(), countries: ['MX'] });
    expect(await reads(officerOf(postB), personA)).toEqual({ person: true, documents: true });

    await stack.query(`DELETE FROM case_persons WHERE case_id = $1 AND person_id = $2`, [
      caseB,
      personA,
    ]);
    expect(await scopeOf(personA)).toEqual({ posts: [postA], countries: ['MX'] });
    expect(await reads(officerOf(postB), personA)).toEqual({ person: false, documents: false });
    expect(await drifted()).toEqual([]);
  });

  it('moves a person’s scope with a case that moves to another post', async () => {
    const caseMoving = await registerCase(postA, 'MX', 'M');
    const [{ person }] = await stack.query<{ person: string }>(
      'SELECT primary_person_id AS person FROM cases WHERE id = $1',
      [caseMoving],
    );
    await stack.query('UPDATE cases SET consulate_id = $1 WHERE id = $2', [postB, caseMoving]);
    expect(await scopeOf(person)).toEqual({ posts: [postB], countries: ['MX'] });
    expect(await reads(officerOf(postA), person)).toEqual({ person: false, documents: false });
    expect(await reads(officerOf(postB), person)).toEqual({ person: true, documents: true });
    expect(await drifted()).toEqual([]);
  });

  it.each([
    ['the link first, the move waiting for it', 'link'],
    ['the move first, the link waiting for it', 'move'],
  ] as const)(
    'keeps the scope true when a link is added while its case moves (%s)',
    async (_order, first) => {
      const caseMoving = await registerCase(postA, 'MX', first === 'link' ? 'L' : 'V');
      const [{ person }] = await stack.query<{ person: string }>(
        `INSERT INTO persons (country_code, given_names, family_names, sex, nationality_code)
         VALUES ('MX', 'Race', 'Linked', 'female', 'MX') RETURNING id AS person`,
      );
      const link = `INSERT INTO case_persons (case_id, person_id, role) VALUES ($1, $2, 'involved')`;
      const move = 'UPDATE cases SET consulate_id = $1 WHERE id = $2';
      const [one, two] = [new Client(stack.database.url), new Client(stack.database.url)];
      await Promise.all([one.connect(), two.connect()]);
      try {
        await one.query('BEGIN');
        if (first === 'link') await one.query(link, [caseMoving, person]);
        else await one.query(move, [postB, caseMoving]);
        await two.query('BEGIN');
        const waiting =
          first === 'link'
            ? two.query(move, [postB, caseMoving])
            : two.query(link, [caseMoving, person]);
        // The second waits on the first's lock of the case; give it time to be waiting.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await one.query('COMMIT');
        await waiting;
        await two.query('COMMIT');
      } finally {
        await Promise.all([one.end(), two.end()]);
      }
      expect(await scopeOf(person)).toEqual({ posts: [postB], countries: ['MX'] });
      expect(await reads(officerOf(postA), person)).toEqual({ person: false, documents: false });
      expect(await drifted()).toEqual([]);
    },
  );

  it('refuses a write of a person’s case scope by anyone but the database', async () => {
    // 42501 (insufficient privilege), from the caller's walled transaction and from the owner alike.
    expect(
      await sqlState(
        withinRowScope(dataSource, officerOf(postA), (m) =>
          m.query(`UPDATE persons SET case_consulate_ids = ARRAY[$1::uuid] WHERE id = $2`, [
            postB,
            personA,
          ]),
        ),
      ),
    ).toBe('42501');
    expect(
      await sqlState(
        stack.query(`UPDATE persons SET case_country_codes = '{CO}' WHERE id = $1`, [personA]),
      ),
    ).toBe('42501');
    expect(await scopeOf(personA)).toEqual({ posts: [postA], countries: ['MX'] });
  });

  it('finds a person whose case scope was written around the triggers, and recomputes it from the links', async () => {
    // Triggers off (a bulk load's session_replication_role) is the one way around the guards.
    await stack.query(`
      DO $$ BEGIN
        SET LOCAL session_replication_role = replica;
        UPDATE persons SET case_consulate_ids = ARRAY['${postB}'::uuid], case_country_codes = '{CO}'
         WHERE id = '${personA}';
      END $$`);
    expect(await drifted()).toEqual([{ id: personA }]);
    expect((await reads(officerOf(postB), personA)).person).toBe(true);

    await stack.query('SELECT amparo_refresh_person_case_scope(NULL, NULL)');
    expect(await drifted()).toEqual([]);
    expect(await scopeOf(personA)).toEqual({ posts: [postA], countries: ['MX'] });
    expect((await reads(officerOf(postB), personA)).person).toBe(false);
  });

  it('lets a new person carry only posts of their own country until a case names them', async () => {
    const insert = (posts: string[], countries: string[]) =>
      sqlState(
        stack.query(
          `INSERT INTO persons (country_code, given_names, family_names, sex, nationality_code,
                                case_consulate_ids, case_country_codes)
           VALUES ('MX', 'New', 'Person', 'male', 'MX', $1::uuid[], $2::bpchar[])`,
          [posts, countries],
        ),
      );
    expect(await insert([postCO], ['MX'])).toBe('42501');
    expect(await insert([postA], ['CO'])).toBe('42501');
    expect(await insert([postA], ['MX', 'CO'])).toBe('42501');
    expect(await insert([postA, postB], ['MX'])).toBe('ok');
  });

  it('shows a person no case names yet to every post of their country, and no other', async () => {
    const [{ person }] = await stack.query<{ person: string }>(
      `INSERT INTO persons (country_code, given_names, family_names, sex, nationality_code)
       VALUES ('MX', 'Not', 'Linked', 'female', 'MX') RETURNING id AS person`,
    );
    expect((await reads(officerOf(postA), person)).person).toBe(true);
    expect((await reads(officerOf(postB), person)).person).toBe(true);
    expect((await reads(officerOf(postCO), person)).person).toBe(false);
    expect((await reads({ consulates: [], countries: ['CO'] }, person)).person).toBe(false);
  });
});
