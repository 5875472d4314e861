import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as detentionEn } from '../../apps/web/src/detention/locales/en';
import { es as detentionEs } from '../../apps/web/src/detention/locales/es';
import { createConsulate, createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const DETENTION = { es: detentionEs, en: detentionEn };

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** An instant `hours` ago as a datetime-local field holds it (the browser's time zone is ours). */
function localInput(hoursAgo: number): string {
  const d = new Date(Date.now() - hoursAgo * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Detention clocks in Chromium: an officer records, by keyboard, a detention whose consulate was
 * notified 80 hours after the arrest, reads the clocks on the case page, and finds the case in the
 * work queue's overdue detentions with the reason.
 */
describe('Detention clocks, in Chromium', () => {
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

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const d = DETENTION[language];
    const contexts: BrowserContext[] = [];
    const open = async (): Promise<Page> => {
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      return page;
    };

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('records a detention from the keyboard and finds it overdue in the work queue', async () => {
      const user = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
        locale: language,
      });
      const { accessToken, mfaSecret } = await signIn(web.api, user.email);
      const created = await request(web.api.getHttpServer())
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${accessToken}`)
        .send({
          consulateId: post,
          primaryCategory: 'criminal_detention',
          summary:
            language === 'es' ? 'Detenido en un control de tránsito.' : 'Held at a traffic stop.',
          vulnerabilityFlags: ['detained'],
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: language === 'es' ? 'Mario' : 'Marco',
                familyNames: `Reyes ${Math.random().toString(36).slice(2, 7)}`,
                sex: 'male',
                nationalityCode: 'MX',
                estimatedAge: 41,
              },
            },
          ],
        })
        .expect(201);
      const caseId: string = created.body.id;
      const reference: string = created.body.reference;

      const page = await open();
      await page.goto(`${web.url}/cases/${caseId}`);
      await signInThroughScreens(page, t, user.email, mfaSecret);
      await page.goto(`${web.url}/cases/${caseId}`);
      const section = page.getByRole('region', { name: d.section.title, exact: true });
      await section.getByText(d.section.none).waitFor();
      await screen(page, 'case-without-detention');

      // Keyboard only: open the form, walk its fields, save.
      const record = section.getByRole('button', { name: d.section.record });
      await record.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: d.dialog.recordTitle });
      const person = dialog.getByRole('combobox', { name: startsWith(d.dialog.person) });
      await person.waitFor();
      await person.focus();
      await page.keyboard.press('Tab');
      expect(await isFocused(dialog.getByLabel(d.dialog.facilityName, { exact: true }))).toBe(true);
      await page.keyboard.type('Centro de Otay Mesa');
      await page.keyboard.press('Tab');
      await page.keyboard.type('us-ca');
      await page.keyboard.press('Tab');
      const arrested = dialog.getByLabel(startsWith(d.dialog.arrestedAt));
      expect(await isFocused(arrested)).toBe(true);
      // A datetime-local field's segments follow the browser's locale: filled in ISO form.
      await arrested.fill(localInput(100));
      await page.keyboard.press('Tab');
      const notified = dialog.getByLabel(startsWith(d.dialog.notifiedAt));
      // Tab walks the arrest field's segments first.
      for (let i = 0; i < 15 && !(await isFocused(notified, 100)); i++)
        await page.keyboard.press('Tab');
      expect(await isFocused(notified)).toBe(true);
      await notified.fill(localInput(20));
      await screen(page, 'detention-form');
      const save = dialog.getByRole('button', { name: d.dialog.submit });
      for (let i = 0; i < 30 && !(await isFocused(save, 100)); i++)
        await page.keyboard.press('Tab');
      expect(await isFocused(save)).toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await section.getByRole('status').filter({ hasText: d.section.saved }).waitFor();
      await section.getByText(d.section.overdueTitle, { exact: true }).waitFor();
      const reason = d.reasons.notification
        .replace('{{actual}}', '80')
        .replace('{{limit}}', '72')
        .replace('{{lateBy}}', '8');
      await section.getByText(reason).waitFor();
      // Focus returns to the button that opened the form.
      expect(await isFocused(record)).toBe(true);
      await screen(page, 'case-with-detention');

      await page.goto(`${web.url}/queue`);
      const overdue = page.getByRole('region', { name: d.queue.title });
      const row = overdue.getByRole('row', { name: new RegExp(reference) });
      await row.waitFor();
      await row.getByText(reason).waitFor();
      await screen(page, 'queue-overdue-detentions');
      await row.getByRole('link', { name: reference }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    }, 90_000);
  });
});
