import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

const MAX_BYTES = 4096;

/** A small well-formed PDF: header, one object, a cross-reference table, trailer, %%EOF. */
function pdf(padding = 0): Buffer {
  const head = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${'x'.repeat(padding)}\n`;
  const xref = Buffer.byteLength(head, 'latin1');
  return Buffer.from(
    `${head}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    'latin1',
  );
}

describe('Good-practice catalogue', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let otherPost: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));
  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const unique = randomUUID().slice(0, 8);

  const practiceBody = (overrides: Body = {}): Body => ({
    kind: 'protocol',
    titleEs: `Protocolo de atención a niñas, niños y adolescentes no acompañados ${unique}`,
    titleEn: `Reception protocol for children at the Estación Migratoria ${unique}`,
    countries: ['MX'],
    categories: ['unaccompanied_child'],
    flags: ['unaccompanied_child'],
    problem: 'Children were interviewed without a consular officer present.',
    action: 'A consular officer is notified within two hours of every child’s arrival.',
    results: 'Interviews with a consular officer rose from 40 % to 95 %.',
    contacts: 'Dirección de Protección, protección@example.org',
    ...overrides,
  });

  const create = async (who: string, overrides: Body = {}) => {
    const res = await http()
      .post('/api/v1/good-practices')
      .set(as(who))
      .send(practiceBody(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; status: string };
  };

  const search = async (who: string, query: Record<string, string>) => {
    const res = await http().get('/api/v1/good-practices').set(as(who)).query(query);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((p) => p.id);
  };

  const step = (who: string, id: string, name: string, body: Body = {}) =>
    http().post(`/api/v1/good-practices/${id}/${name}`).set(as(who)).send(body);

  const publish = async (overrides: Body = {}) => {
    const { id } = await create('consul', overrides);
    expect((await step('consul', id, 'submit')).status).toBe(200);
    expect((await step('secretariat', id, 'publish')).status).toBe(200);
    return id;
  };

  const upload = (who: string, id: string, bytes: Buffer, filename = 'protocolo.pdf') =>
    http()
      .post(`/api/v1/good-practices/${id}/documents`)
      .query({ filename })
      .set(as(who))
      .set('Content-Type', 'application/pdf')
      .send(bytes);

  beforeAll(async () => {
    stack = await createTestStack({ PRACTICE_DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    otherPost = await createConsulate(stack, 'MX');
    const guatemalan = await createConsulate(stack, 'GT');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('otherPostOfficer', [{ role: 'officer', consulateId: otherPost }]);
    await signInAs('admin', [{ role: 'admin', countryCode: 'MX' }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('gtConsul', [{ role: 'consul', consulateId: guatemalan }]);
    await signInAs('gtAdmin', [{ role: 'admin', countryCode: 'GT' }]);
    await signInAs('gtOfficer', [{ role: 'officer', consulateId: guatemalan }]);
    await signInAs('sysadmin', [{ role: 'system_admin' }]);
    await signInAs('secretariat', [{ role: 'network_secretariat' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('goes submitted → returned → resubmitted → published, and is then found without accents in es and en', async () => {
    const draft = await create('consul');
    expect(draft.status).toBe('draft');
    // A draft is its country's: not in anyone else's search yet.
    expect(await search('gtOfficer', { q: 'ninos y adolescentes' })).not.toContain(draft.id);

    expect((await step('consul', draft.id, 'submit')).body.status).toBe('submitted');
    const returned = await step('secretariat', draft.id, 'return', {
      comment: 'Add the results of the second semester.',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      reviewComment: 'Add the results of the second semester.',
    });

    const read = await http().get(`/api/v1/good-practices/${draft.id}`).set(as('consul'));
    const edited = await http()
      .patch(`/api/v1/good-practices/${draft.id}`)
      .set(as('consul'))
      .set('If-Match', read.headers.etag)
      .send({ results: 'Interviews with a consular officer rose from 40 % to 97 % in 2026.' });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(read.body.version + 1);

    expect((await step('consul', draft.id, 'submit')).body.status).toBe('submitted');
    const published = await step('secretariat', draft.id, 'publish');
    expect(published.body).toMatchObject({ status: 'published', reviewedBy: ids.secretariat });
    expect(published.body.publishedAt).toEqual(expect.any(String));

    // Accent- and case-free, Spanish and English, from another country and another role.
    expect(await search('gtOfficer', { q: 'NINOS Y ADOLESCENTES' })).toContain(draft.id);
    expect(await search('gtOfficer', { q: 'estacion migratoria' })).toContain(draft.id);
    expect(await search('analyst', { q: 'atencion a ninas' })).toContain(draft.id);
    expect(await search('sysadmin', { q: unique, kind: 'protocol', country: 'MX' })).toContain(
      draft.id,
    );
    expect(await search('gtOfficer', { q: unique, category: 'trafficking' })).not.toContain(
      draft.id,
    );
    expect(await search('gtOfficer', { q: unique, flag: 'unaccompanied_child' })).toContain(
      draft.id,
    );
    expect(await search('gtOfficer', { q: unique, kind: 'law' })).not.toContain(draft.id);

    const trail = await stack.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_events WHERE resource_type = 'good_practice' AND resource_id = $1 ORDER BY seq`,
      [draft.id],
    );
    expect(trail.map((e) => e.action)).toEqual([
      'good_practice.create',
      'good_practice.submit',
      'good_practice.return',
      'good_practice.update',
      'good_practice.submit',
      'good_practice.publish',
    ]);
    expect(trail[2].actor_user_id).toBe(ids.secretariat);
  });

  it("keeps drafts to their country's submitters and the secretariat", async () => {
    const { id } = await create('admin');
    for (const who of ['gtAdmin', 'gtConsul', 'officer', 'analyst', 'supervisor'])
      expect((await http().get(`/api/v1/good-practices/${id}`).set(as(who))).status).toBe(404);
    for (const who of ['admin', 'consul', 'secretariat'])
      expect((await http().get(`/api/v1/good-practices/${id}`).set(as(who))).status).toBe(200);
    expect(await search('gtAdmin', { status: 'draft' })).not.toContain(id);
    expect(await search('secretariat', { status: 'draft' })).toContain(id);
    // Another country may neither change nor submit it, and learns nothing of it.
    expect((await step('gtConsul', id, 'submit')).status).toBe(404);
    expect(
      (
        await http()
          .patch(`/api/v1/good-practices/${id}`)
          .set(as('gtAdmin'))
          .set('If-Match', '"v1"')
          .send({ results: 'x' })
      ).status,
    ).toBe(404);
  });

  it('records practices of the submitter’s own member country only, with valid codes', async () => {
    const foreign = await http()
      .post('/api/v1/good-practices')
      .set(as('consul'))
      .send(practiceBody({ countries: ['GT'] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toContain('countries');
    const bad = await http()
      .post('/api/v1/good-practices')
      .set(as('consul'))
      .send(
        practiceBody({
          countries: ['MX', 'ZZ'],
          categories: ['nothing'],
          titleEs: null,
          titleEn: ' ',
          semester: '2026-3',
        }),
      );
    expect(bad.status).toBe(400);
    const before = await stack.query('SELECT count(*)::int AS n FROM good_practices');
    const noTitle = await http()
      .post('/api/v1/good-practices')
      .set(as('consul'))
      .send(practiceBody({ titleEs: null, titleEn: null }));
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.errors[0]).toMatchObject({ field: 'titleEs', code: 'TITLE_REQUIRED' });
    expect(await stack.query('SELECT count(*)::int AS n FROM good_practices')).toEqual(before);
  });

  it('answers each role with 403 for what it may not do', async () => {
    const { id } = await create('consul');
    for (const who of ['officer', 'supervisor', 'analyst', 'sysadmin', 'secretariat'])
      expect(
        (await http().post('/api/v1/good-practices').set(as(who)).send(practiceBody())).status,
      ).toBe(403);
    expect((await step('consul', id, 'submit')).status).toBe(200);
    for (const who of ['consul', 'admin', 'officer', 'sysadmin'])
      expect((await step(who, id, 'publish')).status).toBe(403);
    expect((await step('consul', id, 'return', { comment: 'no' })).status).toBe(403);
    expect((await step('officer', id, 'withdraw')).status).toBe(404);
    // The secretariat reviews but does not edit a country's text.
    expect(
      (
        await http()
          .patch(`/api/v1/good-practices/${id}`)
          .set(as('secretariat'))
          .set('If-Match', '"v1"')
          .send({ results: 'x' })
      ).status,
    ).toBe(403);
    // Steps out of order are a 409 that changes nothing.
    expect((await step('secretariat', id, 'return', { comment: '' })).status).toBe(400);
    expect((await step('consul', id, 'submit')).status).toBe(409);
    expect((await step('secretariat', id, 'publish')).status).toBe(200);
    expect((await step('secretariat', id, 'publish')).status).toBe(409);
    expect((await step('consul', id, 'withdraw')).body.status).toBe('withdrawn');
    expect(await search('gtOfficer', { q: unique })).not.toContain(id);
  });

  it('changes an entry only against the version read (428 without If-Match, 412 when stale)', async () => {
    const { id } = await create('consul');
    const patch = () => http().patch(`/api/v1/good-practices/${id}`).set(as('consul'));
    expect((await patch().send({ results: 'a' })).status).toBe(428);
    expect((await patch().set('If-Match', '"v1"').send({ results: 'a' })).status).toBe(200);
    const stale = await patch().set('If-Match', '"v1"').send({ results: 'b' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRACTICE_VERSION_CONFLICT');
  });

  it('takes readable PDFs only (415 otherwise, 413 above the limit) and serves them as attachments', async () => {
    const { id } = await create('consul');
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(200, 1)]);
    const renamed = await upload('consul', id, png, 'protocolo.pdf');
    expect(renamed.status).toBe(415);
    expect(renamed.body.code).toBe('DOCUMENT_NOT_PDF');
    const truncated = await upload('consul', id, pdf().subarray(0, 60));
    expect(truncated.status).toBe(415);
    const big = await upload('consul', id, pdf(MAX_BYTES));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('DOCUMENT_TOO_LARGE');
    expect((await upload('gtConsul', id, pdf())).status).toBe(404);
    expect((await upload('officer', id, pdf())).status).toBe(403);
    expect(
      await stack.query('SELECT id FROM good_practice_documents WHERE practice_id = $1', [id]),
    ).toEqual([]);

    const stored = await upload('consul', id, pdf(100), 'Protocolo "NNA"; atención.pdf');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({
      filename: 'Protocolo "NNA"; atención.pdf',
      sizeBytes: pdf(100).length,
    });
    const listed = await http().get(`/api/v1/good-practices/${id}/documents`).set(as('consul'));
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([stored.body.id]);

    const download = await http()
      .get(`/api/v1/good-practices/${id}/documents/${stored.body.id}`)
      .set(as('consul'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Protocolo _NNA__ atenci_n.pdf"; filename*=UTF-8''${encodeURIComponent('Protocolo "NNA"; atención.pdf')}`,
    );
    expect(Buffer.compare(download.body as Buffer, pdf(100))).toBe(0);
    // A draft's documents are as private as the draft.
    expect(
      (
        await http()
          .get(`/api/v1/good-practices/${id}/documents/${stored.body.id}`)
          .set(as('gtOfficer'))
      ).status,
    ).toBe(404);
    const [attached] = await stack.query<{ details: { sizeBytes: number } }>(
      `SELECT details FROM audit_events WHERE action = 'good_practice.document.attach' AND resource_id = $1`,
      [id],
    );
    expect(attached.details.sizeBytes).toBe(pdf(100).length);
  });

  it('lays published laws, protocols and agreements out as countries × topics for a semester', async () => {
    const law = await publish({
      kind: 'law',
      titleEs: `Ley de protección a víctimas de trata ${unique}`,
      titleEn: null,
      categories: ['trafficking'],
      semester: '2026-S1',
    });
    const laterLaw = await publish({
      kind: 'law',
      categories: ['trafficking'],
      semester: '2026-S2',
    });
    const practice = await publish({
      kind: 'practice',
      categories: ['trafficking'],
      semester: '2026-S1',
    });
    const unpublished = await create('consul', {
      kind: 'law',
      categories: ['trafficking'],
      semester: '2026-S1',
    });

    const res = await http()
      .get('/api/v1/good-practices/matrix')
      .query({ semester: '2026-S1' })
      .set(as('gtOfficer'));
    expect(res.status).toBe(200);
    expect(res.body.kinds).toEqual(['law', 'protocol', 'agreement']);
    expect(res.body.countries).toEqual(expect.arrayContaining(['MX', 'GT']));
    const row = res.body.rows.find((r: { category: string }) => r.category === 'trafficking');
    const cell = (country: string) =>
      row.cells
        .find((c: { countryCode: string }) => c.countryCode === country)
        .entries.map((e: { id: string }) => e.id);
    expect(cell('MX')).toContain(law);
    expect(cell('MX')).not.toContain(laterLaw);
    expect(cell('MX')).not.toContain(practice);
    expect(cell('MX')).not.toContain(unpublished.id);
    expect(cell('GT')).not.toContain(law);
    expect(res.body.rows.map((r: { category: string }) => r.category)).toContain(
      'unaccompanied_child',
    );

    const practices = await http()
      .get('/api/v1/good-practices/matrix')
      .query({ kind: 'practice' })
      .set(as('analyst'));
    const practiceRow = practices.body.rows.find(
      (r: { category: string }) => r.category === 'trafficking',
    );
    expect(JSON.stringify(practiceRow)).toContain(practice);
    expect(
      (
        await http()
          .get('/api/v1/good-practices/matrix')
          .query({ semester: '2026' })
          .set(as('analyst'))
      ).status,
    ).toBe(400);
  });

  it("shows a case's published practices one call away, to those who may read the case only", async () => {
    const published = await publish({ categories: ['unaccompanied_child'] });
    const unrelated = await publish({ categories: ['death'] });
    const caseRes = await http()
      .post('/api/v1/cases')
      .set(as('officer'))
      .send({
        consulateId: post,
        primaryCategory: 'unaccompanied_child',
        eventCountryCode: 'US',
        eventSubdivisionCode: 'US-CA',
        summary: 'A child alone at the border.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Ana',
              familyNames: `Pérez ${unique}`,
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 12,
            },
          },
        ],
      });
    expect(caseRes.status).toBe(201);
    const caseId = caseRes.body.id as string;
    const res = await http().get(`/api/v1/cases/${caseId}/practices`).set(as('officer'));
    expect(res.status).toBe(200);
    const found = res.body.items.map((p: { id: string }) => p.id);
    expect(found).toContain(published);
    expect(found).not.toContain(unrelated);
    expect(
      (await http().get(`/api/v1/cases/${caseId}/practices`).set(as('otherPostOfficer'))).status,
    ).toBe(404);
    expect((await http().get(`/api/v1/cases/${caseId}/practices`).set(as('gtConsul'))).status).toBe(
      404,
    );
    expect((await http().get(`/api/v1/cases/${caseId}/practices`).set(as('admin'))).status).toBe(
      403,
    );
    expect(
      (await http().get(`/api/v1/cases/${caseId}/practices`).set(as('secretariat'))).status,
    ).toBe(403);
    expect(
      (await http().get(`/api/v1/cases/${randomUUID()}/practices`).set(as('officer'))).status,
    ).toBe(404);
    const [read] = await stack.query<{ details: { count: number } }>(
      `SELECT details FROM audit_events WHERE action = 'case.practices.read' AND resource_id = $1`,
      [caseId],
    );
    expect(read.details.count).toBe(found.length);
  });
});
