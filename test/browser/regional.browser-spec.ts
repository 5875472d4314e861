import { signExportBytes } from '@amparo/statistics';
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
const ADMIN = { es: adminEs, en: adminEn };

/**
 * The network secretariat receives Guatemala's signed national export from the keyboard, sees the
 * verdict, which countries reported, and the regional table.
 */
describe('Regional workspace, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  const gtKey = generateKeyPairSync('ed25519').privateKey;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

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
