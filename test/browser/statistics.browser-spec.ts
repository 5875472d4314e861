import { CATEGORY_LABELS } from '@amparo/cases';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { en as statisticsEn } from '../../apps/web/src/statistics/locales/en';
import { es as statisticsEs } from '../../apps/web/src/statistics/locales/es';
import { createConsulate, createUser } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { apiAs } from './support/cases';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const STATISTICS = { es: statisticsEs, en: statisticsEn };

/** i18next's `{{name}}` placeholders filled in, as the screens show them. */
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

/** docs/disclosure.md: counts from 1 to k−1 are suppressed, k = 5 unless configured. */
const K = 5;
/** A year wholly past, so the table does not change with the day the test runs. */
const YEAR = '2025';

describe('Statistics and exports, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    // The browser first: without Chromium the spec fails at once, with no server left running.
    browser = await openBrowser();
    // Exports are produced by the worker: it runs beside the API on the test stack's queue.
    web = await startWebApp({ worker: true });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const s = STATISTICS[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it('an analyst reads a table with a small count suppressed, marked and explained, then exports it and downloads the file', async () => {
      // A country of each test's own, so the two languages count different cases.
      const country = language === 'es' ? 'MX' : 'GT';
      const post = await createConsulate(web.stack, country);
      const officerUser = await createUser(web.stack, [{ role: 'officer', consulateId: post }]);
      const analyst = await createUser(web.stack, [{ role: 'analyst', countryCode: country }], {
        locale: language,
      });
      const officer = await apiAs(web, officerUser.email);
      // Detention 6 and health 5 reach the threshold; death 2 does not.
      const opened = { criminal_detention: 6, health: 5, death: 2 } as const;
      for (const [category, count] of Object.entries(opened))
        for (let i = 0; i < count; i += 1)
          await officer.registerCase(post, {
            primaryCategory: category,
            openedAt: `${YEAR}-0${(i % 9) + 1}-15T12:00:00.000Z`,
          });

      await page.goto(`${web.url}/`);
      await signInThroughScreens(page, t, analyst.email);
      // An analyst's first screen is the statistics.
      await page.waitForURL((url) => url.pathname === '/statistics');
      await page.getByRole('heading', { level: 1, name: s.statistics.title }).waitFor();
      await screen(page, 'statistics-empty');

      await page.getByRole('combobox', { name: fill(s.form.dimension, { n: 1 }) }).click();
      await page.getByRole('option', { name: s.dimensions.category, exact: true }).click();
      await page.getByLabel(new RegExp(`^${s.form.from}`)).fill(`${YEAR}-01-01`);
      await page.getByLabel(new RegExp(`^${s.form.to}`)).fill(`${YEAR}-12-31`);
      await page.getByRole('button', { name: s.statistics.show }).click();

      const table = page.getByRole('table');
      const label = (code: keyof typeof opened) => CATEGORY_LABELS[code][language];
      const row = (name: string) =>
        table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await row(label('criminal_detention')).waitFor();
      // Published: at or over the threshold.
      expect(await row(label('criminal_detention')).getByRole('cell').textContent()).toBe('6');
      expect(await row(s.statistics.total).getByRole('cell').textContent()).toBe('13');
      // Suppressed: a mark that is not a number, announced as a word; never 0, never the count.
      const death = row(label('death'));
      const deathCell = death.getByRole('cell');
      expect(await deathCell.locator('[aria-hidden="true"]').textContent()).toBe(s.suppressed.mark);
      expect(await death.ariaSnapshot()).toContain(`cell "${s.suppressed.label}"`);
      expect(await deathCell.textContent()).not.toMatch(/\d/);
      // With the total published, health would give death away: it is suppressed with it.
      expect(await row(label('health')).getByRole('cell').textContent()).not.toMatch(/\d/);
      await page.getByText(s.suppressed.legend).waitFor();
      const rule = page.getByRole('complementary', { name: s.disclosure.title });
      expect(await rule.textContent()).toContain(fill(s.disclosure.primary, { k: K, max: K - 1 }));
      await screen(page, 'statistics-suppressed');

      await page.getByRole('link', { name: s.statistics.exportThis }).click();
      await page.getByRole('heading', { level: 1, name: s.exports.title }).waitFor();
      // The form starts from the table on screen.
      expect(
        await page
          .getByRole('checkbox', { name: s.measures.cases_opened, exact: true })
          .isChecked(),
      ).toBe(true);
      await screen(page, 'export-request');
      await page.getByRole('button', { name: s.exports.submit }).click();
      await page.getByText(s.exports.requested).waitFor();
      const list = page.getByRole('table', { name: s.exports.listCaption });
      const exportRow = list.getByRole('row').nth(1);
      const statuses = Object.values(s.exports.status);
      const shownStatus = await exportRow.getByRole('cell').nth(2).textContent();
      expect(statuses.some((status) => shownStatus?.startsWith(status))).toBe(true);
      await screen(page, 'export-requested');

      // The list is asked again while the export is produced, until it is ready.
      const download = exportRow.getByRole('button', {
        name: new RegExp(`^${s.exports.download}`),
      });
      await download.waitFor({ timeout: 30_000 });
      expect(await exportRow.getByText(s.exports.status.completed).count()).toBe(1);
      const shownSha = (await exportRow.locator('code').textContent())?.trim();
      expect(shownSha).toMatch(/^[0-9a-f]{64}$/);
      await screen(page, 'export-ready');

      await download.focus();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ]);
      expect(file.suggestedFilename()).toMatch(/^amparo-export-[0-9a-f-]+\.csv$/);
      const bytes = await readFile((await file.path())!);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(shownSha);
      expect(await isFocused(download)).toBe(true);
    });
  });
});
