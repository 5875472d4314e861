import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as cooperationEn } from '../../apps/web/src/cases/cooperation/locales/en';
import { es as cooperationEs } from '../../apps/web/src/cases/cooperation/locales/es';
import { en as directoryEn } from '../../apps/web/src/directory/locales/en';
import { es as directoryEs } from '../../apps/web/src/directory/locales/es';
import { createConsulate, createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const COOPERATION = { es: cooperationEs, en: cooperationEn };
const DIRECTORY = { es: directoryEs, en: directoryEn };

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]);

describe('Consent and referrals to organisations, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let post: string;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    post = await createConsulate(web.stack, 'MX');
    await web.stack.query(
      `INSERT INTO organisations (name, acronym, type, services, coverage_countries, coverage_subdivisions, languages,
                                  email, phone, address)
       VALUES ('Clínica Jurídica del Pacífico', 'CJP', 'civil_society', '{legal_aid,interpretation}', '{US}', '{US-CA}',
               '{es,en}', 'intake@clinica.example.org', '+1 213 555 0100', '200 Main St, Los Angeles'),
              ('Casa Refugio Esperanza', NULL, 'civil_society', '{shelter,psychosocial}', '{US}', '{US-TX}', '{es}',
               NULL, NULL, NULL)`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const k = COOPERATION[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it('records consent, refers the case with the preview checked, by keyboard, and prints the letter', async () => {
      const user = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
        locale: language,
      });
      const officer = { ...user, ...(await signIn(web.api, user.email)) };
      const given = language === 'es' ? 'Rosalía' : 'Gertrudis';
      const family = `Núñez ${Date.now() % 100000}`;
      const created = await request(web.api.getHttpServer())
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${officer.accessToken}`)
        .send({
          consulateId: post,
          primaryCategory: 'criminal_detention',
          assignedOfficerId: officer.userId,
          eventCountryCode: 'US',
          eventSubdivisionCode: 'US-CA',
          summary: 'Detenida tras un control de tráfico; necesita abogado.',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: given,
                familyNames: family,
                sex: 'female',
                nationalityCode: 'MX',
                estimatedAge: 31,
                languages: ['es'],
                phone: '+1 323 555 0199',
                addressAbroad: '4521 Calle Secreta, Bell Gardens',
              },
            },
          ],
        })
        .expect(201);
      const id = created.body.id as string;
      const name = `${given} ${family}`;

      await page.goto(`${web.url}/cases/${id}`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/${id}`);
      const consents = page.getByRole('region', { name: k.consents.title });
      await consents.getByText(k.consents.none).waitFor();

      // Consent, as the person gave it on a signed form.
      await consents.getByRole('button', { name: fill(k.consents.recordFor, { name }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(k.consents.dialogTitle, { name }) });
      await dialog.getByRole('checkbox', { name: k.purposes.disclosure_to_organisations }).check();
      for (const field of ['names', 'contact', 'languages'] as const)
        await dialog.getByRole('checkbox', { name: k.fields[field], exact: true }).check();
      await dialog.getByRole('combobox', { name: startsWith(k.consents.method) }).click();
      await page.getByRole('option', { name: k.methods.signed_form }).click();
      await screen(page, 'consent-dialog');
      await dialog.getByRole('button', { name: k.consents.submit }).click();
      await dialog.waitFor({ state: 'detached' });
      await consents.getByText(k.methods.signed_form, { exact: false }).waitFor();
      await screen(page, 'consent-recorded');

      // The referral page, by keyboard alone from the first organisation to the send button.
      await page.getByRole('link', { name: k.referrals.refer }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: fill(k.refer.title, { reference: created.body.reference }),
        })
        .waitFor();
      const clinic = page.getByRole('radio', { name: /Clínica Jurídica del Pacífico/ });
      await clinic.waitFor();
      await screen(page, 'refer-candidates');
      await clinic.focus();
      await page.keyboard.press('Space');
      expect(await clinic.isChecked()).toBe(true);
      const legalAid = page.getByRole('checkbox', {
        name: DIRECTORY[language].codes.services.legal_aid,
      });
      expect(await legalAid.isChecked()).toBe(true);
      expect(
        await page.getByRole('checkbox', { name: k.fields.names, exact: true }).isChecked(),
      ).toBe(true);
      expect(
        await page
          .getByRole('checkbox', { name: k.fields.address_abroad, exact: true })
          .isChecked(),
      ).toBe(false);
      const preview = page.getByRole('region', { name: k.refer.preview });
      await preview.getByText(given, { exact: true }).waitFor();
      await preview.getByText('+1 323 555 0199').waitFor();
      await preview.getByText(k.refer.ready).waitFor();
      expect(await preview.getByText('Calle Secreta').count()).toBe(0);

      const focused = () =>
        page.evaluate<string>(`(() => {
          const el = document.activeElement;
          return el ? el.id || (el.getAttribute('role') || el.tagName) + ':' + (el.textContent || '').trim() : '';
        })()`);
      const tabTo = async (target: (f: string) => boolean, what: string) => {
        for (let i = 0; i < 40; i += 1) {
          await page.keyboard.press('Tab');
          if (target(await focused())) return;
        }
        throw new Error(`Tab never reached ${what}`);
      };
      await tabTo((f) => f === 'refer-need', 'the need');
      await page.keyboard.type('Representación legal en la audiencia de mañana.');
      await tabTo((f) => f.includes(k.refer.send), 'the send button');
      await screen(page, 'refer-preview');
      await page.keyboard.press('Enter');

      await page.waitForURL(new RegExp(`/cases/${id}$`));
      const referrals = page.getByRole('region', { name: k.referrals.title });
      await page
        .getByText(fill(k.refer.sent, { organisation: 'Clínica Jurídica del Pacífico' }))
        .waitFor();
      const row = referrals.getByRole('row', { name: /Clínica Jurídica del Pacífico/ });
      await row.getByText(k.statuses.pending).waitFor();
      await screen(page, 'referral-sent');

      // The letter: a PDF, fetched with the officer's session.
      const letterName = language === 'es' ? k.referrals.letterEs : k.referrals.letterEn;
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/letter')),
        page.waitForEvent('download'),
        row
          .getByRole('button', {
            name: fill(k.referrals.named, {
              action: letterName,
              organisation: 'Clínica Jurídica del Pacífico',
            }),
          })
          .click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect(download.suggestedFilename()).toMatch(/^referral-[0-9a-f-]{36}-(es|en)\.pdf$/);
      const file = readFileSync((await download.path())!);
      expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByText(startsWith(k.referrals.letterSaved.split('{{')[0])).waitFor();
      await screen(page, 'letter-downloaded');
    });
  });
});
