import { Browser, BrowserContext, Page } from 'playwright-core';
import { en as importEn } from '../../apps/web/src/crisis-import/locales/en';
import { es as importEs } from '../../apps/web/src/crisis-import/locales/es';
import { createConsulate, createUser } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const IMPORT = { es: importEs, en: importEn };
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

const LIST = [
  'nombres;apellidos;tipo_documento;numero_documento;pais_documento;fecha_nacimiento;subdivision;estado_bienestar',
  'María José;Pérez López;passport;G1234567;MX;31/05/1990;US-FL;safe',
  'Juan;Ramírez;;;;1985-01-02;US-FL;',
  ';Sin Nombre;passport;G7654321;MX;;;',
  'Lucía;Gómez;licencia;123;ZZ;31/02/1990;MX-CMX;perdida',
  'MARIA JOSE;perez lopez;passport;G1234567;MX;1990-05-31;;injured',
].join('\n');

describe('Crisis bulk import, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let post: string;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp({ worker: true });
    post = await createConsulate(web.stack, 'MX');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const k = IMPORT[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it('checks a list, shows the rows left out with why, imports the valid ones by keyboard and follows the progress', async () => {
      const officer = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
        locale: language,
      });
      const [event] = await web.stack.query<{ id: string }>(
        `INSERT INTO crisis_events (country_code, name, type, host_country_code, host_subdivisions, consulate_ids,
                                    started_at, declared_by)
         VALUES ('MX', 'Huracán Milton', 'hurricane', 'US', '{US-FL}', ARRAY[$1::uuid], now(), $2) RETURNING id`,
        [post, officer.id],
      );
      await page.goto(`${web.url}/crisis/${event.id}/import`);
      await signInThroughScreens(page, t, officer.email);
      await page.goto(`${web.url}/crisis/${event.id}/import`);
      await page.getByRole('heading', { level: 1, name: k.title }).waitFor();
      await page.getByText('Huracán Milton').waitFor();
      await screen(page, 'import-start');

      await page.getByRole('button', { name: k.file.label, exact: true }).setInputFiles({
        name: 'hotel.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(LIST, 'utf8'),
      });
      await page.getByRole('button', { name: k.file.preview }).focus();
      await page.keyboard.press('Enter');
      const table = page.getByRole('table', { name: k.rows.caption });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(4);
      await expect(table.getByRole('row').nth(1).textContent()).resolves.toContain(
        language === 'es' ? 'Indique los nombres.' : 'Enter the given names.',
      );
      await screen(page, 'import-preview');

      await page.getByRole('button', { name: fill(k.commit_other, { count: 2 }) }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(k.done.title).waitFor({ timeout: 30_000 });
      await page.getByText(fill(k.done.imported_other, { count: 2 })).waitFor();
      await screen(page, 'import-done');
      const [{ n }] = await web.stack.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM crisis_roster_entries WHERE event_id = $1',
        [event.id],
      );
      expect(n).toBe(2);
    });
  });
});
