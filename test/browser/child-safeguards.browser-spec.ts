import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as safeguardsEn } from '../../apps/web/src/cases/safeguards/locales/en';
import { es as safeguardsEs } from '../../apps/web/src/cases/safeguards/locales/es';
import { createConsulate, createUser, GrantSpec, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { Language, LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const SAFEGUARDS = { es: safeguardsEs, en: safeguardsEn };

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * An unaccompanied child's case: the assigned officer records a best-interest assessment by
 * keyboard alone; another officer of the post sees where the child is as restricted.
 */
describe('Child safeguards, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let post: string;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    post = await createConsulate(web.stack, 'MX');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function staff(grants: GrantSpec[], language: Language) {
    const user = await createUser(web.stack, grants, { locale: language });
    const session = await signIn(web.api, user.email);
    return { ...user, ...session };
  }

  async function registerChildCase(token: string, givenNames: string): Promise<string> {
    const res = await request(web.api.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({
        consulateId: post,
        primaryCategory: 'unaccompanied_child',
        summary: 'Niño encontrado solo en la central de autobuses.',
        eventCountryCode: 'US',
        eventCity: 'Riverside',
        shelter: 'Casa Esperanza',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames,
              familyNames: `Ixcoy ${Math.random().toString(36).slice(2, 7)}`,
              sex: 'male',
              nationalityCode: 'MX',
              estimatedAge: 13,
              addressAbroad: '1200 Hidden Lane',
            },
          },
        ],
      })
      .expect(201);
    return res.body.id;
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const s = SAFEGUARDS[language];
    const contexts: BrowserContext[] = [];
    const open = async (): Promise<Page> => {
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      return page;
    };

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('records a best-interest assessment from the keyboard; another officer sees the whereabouts restricted', async () => {
      const officer = await staff([{ role: 'officer', consulateId: post }], language);
      const colleague = await staff([{ role: 'officer', consulateId: post }], language);
      const givenNames = language === 'es' ? 'Mateo' : 'Matthew';
      const caseId = await registerChildCase(officer.accessToken, givenNames);

      const page = await open();
      await page.goto(`${web.url}/cases/${caseId}`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/${caseId}`);
      const section = page.getByRole('region', { name: s.title });
      await section.getByText(s.none).waitFor();
      await screen(page, 'best-interests-empty');

      const record = section.getByRole('button', { name: s.record });
      await record.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: s.dialog.title });
      await dialog.waitFor();
      // The child, the date, the external-professional box, then the findings.
      const findings = dialog.getByRole('textbox', { name: startsWith(s.findings) });
      for (let i = 0; i < 10 && !(await isFocused(findings)); i++) await page.keyboard.press('Tab');
      expect(await isFocused(findings)).toBe(true);
      await page.keyboard.type(
        language === 'es'
          ? 'Madre localizada; visita domiciliaria favorable.'
          : 'Mother located; home visit favourable.',
      );
      await page.keyboard.press('Tab');
      const solution = dialog.getByRole('combobox', { name: startsWith(s.solution) });
      expect(await isFocused(solution)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('option', { name: s.solutions.return_to_family_in_origin }).waitFor();
      await page.keyboard.press('Enter');
      // The menu closes with a transition, hidden but still mounted and still trapping the focus:
      // a Tab pressed before it is gone lands back in the menu (seen on a loaded CI machine).
      await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
      expect(await isFocused(solution)).toBe(true);
      await screen(page, 'best-interests-dialog');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await isFocused(dialog.getByRole('button', { name: s.dialog.save }))).toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await section.getByRole('status').filter({ hasText: s.saved }).waitFor();
      await section
        .getByRole('heading', {
          name: startsWith(`${givenNames} `),
        })
        .waitFor();
      expect(await isFocused(record)).toBe(true);
      await screen(page, 'best-interests-recorded');

      // Another officer of the post: the child's whereabouts are restricted, and why.
      const other = await open();
      await other.goto(`${web.url}/cases/${caseId}`);
      await signInThroughScreens(other, t, colleague.email, colleague.mfaSecret);
      await other.goto(`${web.url}/cases/${caseId}`);
      const restricted = other.getByRole('region', { name: s.masked.title });
      await restricted.getByText(`${s.masked.fields.shelter}: ${s.masked.value}`).waitFor();
      expect(await other.getByText('Casa Esperanza').count()).toBe(0);
      expect(await other.getByText('1200 Hidden Lane').count()).toBe(0);
      await screen(other, 'whereabouts-restricted');
    }, 90_000);
  });
});
