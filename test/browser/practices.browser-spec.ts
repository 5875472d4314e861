import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as practicesEn } from '../../apps/web/src/practices/locales/en';
import { es as practicesEs } from '../../apps/web/src/practices/locales/es';
import { createConsulate, createUser, GrantSpec, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS, type Language } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const PRACTICES = { es: practicesEs, en: practicesEn };

/**
 * The good-practice catalogue: an officer of another country finds a published protocol by typing
 * its title without accents, by keyboard alone, and opens it; the comparative matrix is a table.
 */
describe('Good-practice catalogue, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let gtPost: string;

  async function token(grants: GrantSpec[]) {
    const user = await createUser(web.stack, grants);
    return (await signIn(web.api, user.email)).accessToken;
  }

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    const mxPost = await createConsulate(web.stack, 'MX');
    gtPost = await createConsulate(web.stack, 'GT');
    const consul = await token([{ role: 'consul', consulateId: mxPost }]);
    const secretariat = await token([{ role: 'network_secretariat' }]);
    const http = () => request(web.api.getHttpServer());
    const created = await http()
      .post('/api/v1/good-practices')
      .set('Authorization', `Bearer ${consul}`)
      .send({
        kind: 'protocol',
        titleEs: 'Protocolo de atención a niñas y niños en la Estación Migratoria',
        titleEn: 'Protocol for children at the Estación Migratoria',
        countries: ['MX'],
        categories: ['unaccompanied_child'],
        problem: 'Las entrevistas se hacían sin personal consular.',
        action: 'Aviso al consulado en dos horas.',
        semester: '2026-S1',
      });
    expect(created.status).toBe(201);
    for (const step of ['submit', 'publish'])
      expect(
        (
          await http()
            .post(`/api/v1/good-practices/${created.body.id}/${step}`)
            .set('Authorization', `Bearer ${step === 'submit' ? consul : secretariat}`)
        ).status,
      ).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language: Language) => {
    const t = TEXTS[language];
    const p = PRACTICES[language];
    const contexts: BrowserContext[] = [];
    const open = async (): Promise<Page> => {
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      return page;
    };

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('finds an accented title typed without accents, by keyboard, and opens it', async () => {
      const officer = await createUser(web.stack, [{ role: 'officer', consulateId: gtPost }], {
        locale: language,
      });
      const page = await open();
      await page.goto(`${web.url}/practices`);
      await signInThroughScreens(page, t, officer.email);
      await page.goto(`${web.url}/practices`);
      await page.getByRole('heading', { level: 1, name: p.title }).waitFor();
      await screen(page, 'catalogue');

      const search = page.getByLabel(p.fields.q);
      await search.focus();
      await page.keyboard.type(language === 'es' ? 'ninas y ninos' : 'estacion migratoria');
      await page.keyboard.press('Enter');
      const title =
        language === 'es'
          ? 'Protocolo de atención a niñas y niños en la Estación Migratoria'
          : 'Protocol for children at the Estación Migratoria';
      const result = page
        .getByRole('table', { name: p.list.caption })
        .getByRole('link', { name: title });
      await result.waitFor();
      await screen(page, 'search-results');
      await result.focus();
      expect(await isFocused(result)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('heading', { name: p.page.documents }).waitFor();
      await screen(page, 'practice');

      await page.goto(`${web.url}/practices/matrix`);
      const matrix = page.getByRole('table', { name: p.matrixPage.caption });
      await matrix.getByRole('link', { name: new RegExp(title) }).waitFor();
      await screen(page, 'matrix');
    });
  });
});
