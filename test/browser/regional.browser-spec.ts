import { signExportBytes } from '@amparo/statistics';
import {
  StatisticsExportDocument,
  StatisticsMeasureId,
} from '@amparo/statistics/export-format/export-document';
import { regionalExportFixture } from '@amparo/statistics/export-format/regional-export.fixture';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { Browser, BrowserContext } from 'playwright-core';
import request from 'supertest';
import { en as adminEn } from '../../apps/web/src/admin/locales/en';
import { es as adminEs } from '../../apps/web/src/admin/locales/es';
import { en as regionalEn } from '../../apps/web/src/regional/locales/en';
import { es as regionalEs } from '../../apps/web/src/regional/locales/es';
import { createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const REGIONAL = { es: regionalEs, en: regionalEn };
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Row = StatisticsExportDocument['rows'][number];
const row = (
  country: string,
  measure: StatisticsMeasureId,
  category: string,
  host: string,
  value: number | null,
): Row => ({
  MEASURE: measure,
  REF_AREA: country,
  CATEGORY: category,
  HOST_COUNTRY: host,
  OBS_VALUE: value,
  CONF_STATUS: value === null ? 'C' : 'F',
});

/**
 * A country's export with more of what the observatory shows than the bare fixture: grand totals,
 * persons assisted and notification delays (medians), some suppressed; no returns.
 */
function observatoryExport(country: 'GT' | 'MX'): StatisticsExportDocument {
  const doc = regionalExportFixture(country);
  const gt = country === 'GT';
  doc.metadata.measures.push(
    { id: 'persons_assisted', label: { es: 'Personas asistidas', en: 'Persons assisted' } },
    {
      id: 'notification_delay',
      label: {
        es: 'Mediana de horas entre detención y notificación consular',
        en: 'Median hours from arrest to consular notification',
      },
    },
  );
  doc.rows.push(
    row(country, 'cases_opened', '_T', '_T', gt ? 62 : 30),
    row(country, 'cases_opened', '_T', 'US', gt ? 22 : null),
    row(country, 'persons_assisted', 'trafficking', '_T', gt ? 45 : 14),
    row(country, 'persons_assisted', '_T', '_T', gt ? 70 : null),
    row(country, 'notification_delay', 'detention', '_T', gt ? 18.5 : null),
    row(country, 'notification_delay', '_T', '_T', gt ? 18.5 : 30),
  );
  return doc;
}
const ADMIN = { es: adminEs, en: adminEn };

/**
 * The network secretariat receives Guatemala's signed national export from the keyboard, sees the
 * verdict, which countries reported, and the regional table.
 */
describe('Regional workspace, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  const gtKey = generateKeyPairSync('ed25519').privateKey;
  const mxKey = generateKeyPairSync('ed25519').privateKey;

  beforeAll(async () => {
    browser = await openBrowser();
    // The worker produces the semester report the observatory requests.
    web = await startWebApp({ worker: true });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** A secretariat user, signed in, with GT's and MX's signed exports of 2026-S1 received. */
  async function secretariatWithExports(language: (typeof LANGUAGES)[number]) {
    const user = await createUser(web.stack, [{ role: 'network_secretariat' }], {
      countryCode: null,
      locale: language,
    });
    const session = await signIn(web.api, user.email);
    const http = () => request(web.api.getHttpServer());
    const auth = `Bearer ${session.accessToken}`;
    for (const [country, key] of [
      ['GT', gtKey],
      ['MX', mxKey],
    ] as const) {
      const registered = await http()
        .post('/api/v1/regional/keys')
        .set('Authorization', auth)
        .send({
          country,
          label: country,
          publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
        });
      expect([201, 409]).toContain(registered.status);
      const doc = observatoryExport(country);
      const bytes = Buffer.from(JSON.stringify(doc, null, 2));
      const uploaded = await http()
        .post('/api/v1/regional/exports')
        .set('Authorization', auth)
        .send({
          file: bytes.toString(),
          signature: signExportBytes(bytes, key, doc.metadata.scope.countries),
        });
      expect({ country, status: uploaded.status, body: uploaded.body }).toMatchObject({
        country,
        status: 201,
      });
    }
    return { user, session, http, auth };
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const r = REGIONAL[language];
    const contexts: BrowserContext[] = [];

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('uploads a signed export from the keyboard and shows the verdict and the regional table', async () => {
      const user = await createUser(web.stack, [{ role: 'network_secretariat' }], {
        countryCode: null,
        locale: language,
      });
      const session = await signIn(web.api, user.email);
      const registered = await request(web.api.getHttpServer())
        .post('/api/v1/regional/keys')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .send({
          country: 'GT',
          label: 'Guatemala',
          publicKey: createPublicKey(gtKey).export({ type: 'spki', format: 'pem' }).toString(),
        });
      // The second language's run finds the key of the first.
      expect([201, 409]).toContain(registered.status);
      const doc = regionalExportFixture('GT');
      const bytes = Buffer.from(JSON.stringify(doc, null, 2));
      const sig = Buffer.from(
        JSON.stringify(signExportBytes(bytes, gtKey, doc.metadata.scope.countries)),
      );

      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      await page.goto(`${web.url}/regional`);
      await signInThroughScreens(page, t, user.email, session.mfaSecret);
      await page.goto(`${web.url}/regional`);
      await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
      await screen(page, 'regional-workspace');

      // The file choosers are the browser's own dialogs: the files are handed to the focused inputs.
      const file = page.getByLabel(r.upload.file);
      await file.focus();
      await file.setInputFiles({ name: 'gt.json', mimeType: 'application/json', buffer: bytes });
      await page.keyboard.press('Tab');
      const signature = page.getByLabel(r.upload.signature);
      expect(await isFocused(signature)).toBe(true);
      await signature.setInputFiles({
        name: 'gt.json.sig',
        mimeType: 'application/json',
        buffer: sig,
      });
      await page.keyboard.press('Tab');
      expect(await isFocused(page.getByRole('button', { name: r.upload.submit }))).toBe(true);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: language === 'es' ? 'exportación de GT' : 'export of GT' })
        .waitFor();
      await screen(page, 'regional-upload-verdict');

      await page.getByLabel(r.semester).fill('2026-S1');
      await page.getByRole('table', { name: r.reporting.caption }).waitFor();
      const consolidate = page.getByRole('button', { name: r.consolidation.submit });
      await consolidate.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('table', { name: new RegExp(`^${r.consolidation.title}`) }).waitFor();
      await screen(page, 'regional-table');
    }, 90_000);

    it('opens the observatory from the workspace by keyboard and shows the semester in tables and charts', async () => {
      const { user, session } = await secretariatWithExports(language);

      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      await page.goto(`${web.url}/regional`);
      await signInThroughScreens(page, t, user.email, session.mfaSecret);
      await page.goto(`${web.url}/regional`);
      await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
      const toObservatory = page.getByRole('link', { name: r.workspaceLinks.observatory });
      await toObservatory.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: r.observatory.title }).waitFor();
      expect(page.url()).toBe(`${web.url}/regional/observatory`);

      // The semester with reports is chosen; the back link, then the picker, from the keyboard.
      const back = page.getByRole('link', { name: r.observatory.toWorkspace });
      await back.focus();
      await page.keyboard.press('Tab');
      const semester = page.getByLabel(r.observatory.semester, { exact: true });
      expect(await isFocused(semester)).toBe(true);
      expect(await semester.inputValue()).toBe('2026-S1');

      const flows = page.getByRole('table', {
        name: new RegExp(`^${r.observatory.sections.flows.title}, 2026-S1`),
      });
      await flows.waitFor();
      // GT sent 22 cases to the US and MX's cell is suppressed: so is the regional total.
      const us = flows.getByRole('row', {
        name: language === 'es' ? /Estados Unidos/ : /United States/,
      });
      expect(await us.getByRole('cell').allTextContents()).toEqual([
        '22',
        `x${language === 'es' ? 'suprimido' : 'suppressed'}`,
        `x${language === 'es' ? 'suprimido' : 'suppressed'}`,
      ]);
      const tiles = page.getByRole('region', { name: r.observatory.tiles.title });
      await tiles.getByText('92').waitFor();
      // Medians as each country published them, side by side and never summed.
      const delays = page.getByRole('table', {
        name: new RegExp(`^${r.observatory.sections.delays.title}`),
      });
      const overall = delays.getByRole('row', { name: /^Total / });
      await overall.waitFor();
      expect(await overall.getByRole('cell').allTextContents()).toEqual(['18.5', '30']);
      await page.getByText(r.observatory.empty.split('{{')[0]).first().waitFor();
      // Every chart has drawn its bars (recharts loads on its own) before the screenshot.
      // Three charts here: flows, categories and delays (returns has none to chart).
      await page.locator('.recharts-wrapper').nth(2).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await screen(page, 'regional-observatory');
    }, 90_000);

    it('requests the semester report from the keyboard, follows it to the end and downloads a PDF', async () => {
      const { user, session, http, auth } = await secretariatWithExports(language);
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      await page.goto(`${web.url}/regional/observatory`);
      await signInThroughScreens(page, t, user.email, session.mfaSecret);
      await page.goto(`${web.url}/regional/observatory`);
      const semester = page.getByLabel(r.observatory.semester, { exact: true });
      await semester.focus();
      // Nothing in the dashboard between the picker and the report's button takes the focus.
      await page.keyboard.press('Tab');
      const produce = page.getByRole('button', {
        name: r.reports.request.replace('{{semester}}', '2026-S1'),
      });
      expect(await isFocused(produce)).toBe(true);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: r.reports.outcome.queued.replace('{{semester}}', '2026-S1') })
        .waitFor();

      const file = r.reports.fileNames['report-en.pdf'];
      const prefix = r.reports.downloadLabel.split('{{date}}')[0].replace('{{file}}', file);
      // The newest report is the first row under the header (the other language's run made one too).
      const newestRow = page
        .getByRole('table', { name: r.reports.caption.replace('{{semester}}', '2026-S1') })
        .getByRole('row')
        .nth(1);
      const download = newestRow.getByRole('button', {
        name: new RegExp(`^${escapeRegExp(prefix)}`),
      });
      await download.waitFor({ timeout: 60_000 });
      await page
        .getByRole('status')
        .filter({ hasText: r.reports.outcome.done.replace('{{semester}}', '2026-S1') })
        .waitFor();
      const listed = await http()
        .get('/api/v1/regional/reports?semester=2026-S1')
        .set('Authorization', auth);
      const newest = listed.body.items[0];
      expect(newest.status).toBe('done');
      const sha = newest.files.find((f: { name: string }) => f.name === 'report-en.pdf').sha256;
      await page.getByText(r.reports.sha256.replace('{{sha256}}', sha)).waitFor();
      await screen(page, 'regional-report');

      await download.focus();
      const [saved] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ]);
      expect(saved.suggestedFilename()).toBe('amparo-regional-report-en.pdf');
      await page
        .getByRole('status')
        .filter({
          hasText: r.reports.downloaded.replace('{{name}}', 'amparo-regional-report-en.pdf'),
        })
        .waitFor();
    }, 120_000);

    it("shows an admin the deployment's export key fingerprint to read aloud", async () => {
      const user = await createUser(web.stack, [{ role: 'admin', countryCode: 'MX' }], {
        locale: language,
      });
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      await page.goto(`${web.url}/admin/users`);
      await signInThroughScreens(page, t, user.email);
      await page.goto(`${web.url}/admin/users`);
      const section = page.getByRole('region', { name: ADMIN[language].exportKey.title });
      await section.getByText(/^[0-9a-f]{4}( [0-9a-f]{4}){7}/).waitFor();
      await screen(page, 'admin-export-key');
    }, 90_000);
  });
});
