import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as returnsEn } from '../../apps/web/src/returns/locales/en';
import { es as returnsEs } from '../../apps/web/src/returns/locales/es';
import { assessBestInterests } from '../utils/best-interest';
import { createConsulate, createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const RETURNS = { es: returnsEs, en: returnsEn };

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, v), text);

/**
 * An accompanied child return, by keyboard alone: the departure refused without an escort, an
 * escort named, the departure, the child's handover to the child-protection authority at origin
 * and the arrival; the list and the planning form seen on the way.
 */
describe('Return movements, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let post: string;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    post = await createConsulate(web.stack, 'MX');
    await web.stack.query(
      `INSERT INTO organisations (name, type, services, coverage_countries, languages)
       VALUES ('Sistema Nacional DIF', 'child_protection_authority', '{child_protection}', '{MX}', '{es}')`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const r = RETURNS[language];
    const contexts: BrowserContext[] = [];
    const open = async (): Promise<Page> => {
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      return page;
    };

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('takes a child home: refused without an escort, then escorted, handed over and arrived', async () => {
      const user = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
        locale: language,
      });
      const { accessToken, mfaSecret } = await signIn(web.api, user.email);
      const api = () => request(web.api.getHttpServer());
      const child = await api()
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${accessToken}`)
        .send({
          consulateId: post,
          primaryCategory: 'unaccompanied_child',
          summary: 'Niña no acompañada; su abuela la espera en Oaxaca.',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: 'Itzel',
                familyNames: `Cruz ${language}`,
                sex: 'female',
                nationalityCode: 'MX',
                dateOfBirth: '2014-03-09',
              },
            },
          ],
        })
        .expect(201);
      await assessBestInterests(web.stack, child.body.id);
      const movement = await api()
        .post('/api/v1/return-movements')
        .set('Authorization', `Bearer ${accessToken}`)
        .send({
          mode: 'land',
          plannedDepartureAt: new Date(Date.now() - 6 * 3_600_000).toISOString(),
          fromCountryCode: 'US',
          fromPlace: 'San Ysidro',
          toSubdivisionCode: 'MX-OAX',
          toPlace: 'Oaxaca de Juárez',
        })
        .expect(201);
      await api()
        .post(`/api/v1/return-movements/${movement.body.id}/cases`)
        .set('Authorization', `Bearer ${accessToken}`)
        .send({ caseId: child.body.id, personIds: [child.body.persons[0].person.id] })
        .expect(201);

      const page = await open();
      await page.goto(`${web.url}/returns`);
      await signInThroughScreens(page, t, user.email, mfaSecret);
      await page
        .getByRole('navigation', { name: t.nav.label })
        .getByRole('link', { name: t.nav.returns })
        .click();
      await page.getByRole('table', { name: r.list.caption }).waitFor();
      await screen(page, 'returns-list');
      await page.getByRole('link', { name: r.list.create }).click();
      await page.getByRole('heading', { level: 1, name: r.form.title }).waitFor();
      await screen(page, 'plan-form');

      await page.goto(`${web.url}/returns/${movement.body.id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screen(page, 'child-return-planned');

      // Departure, by keyboard: refused while no escort is named.
      const depart = page.getByRole('button', { name: r.detail.depart });
      await depart.focus();
      await page.keyboard.press('Enter');
      const departForm = page.getByRole('form', { name: r.detail.depart });
      const when = departForm.getByLabel(startsWith(r.detail.when));
      await when.waitFor();
      expect(await isFocused(when)).toBe(true);
      // Tab walks through the parts of a date and time field: Enter submits from within it.
      await page.keyboard.press('Enter');
      const refusal =
        language === 'es' ? /no sale sin al menos un acompañante/ : /does not leave without/;
      await page.getByText(refusal).first().waitFor();
      await screen(page, 'departure-refused');

      // An escort, by keyboard.
      const name = page.getByLabel(startsWith(r.escorts.name));
      await name.focus();
      await page.keyboard.type('Lucía Ramírez Ortega');
      await page.keyboard.press('Tab');
      await page.keyboard.type(language === 'es' ? 'Oficial de protección' : 'Protection officer');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await isFocused(page.getByRole('button', { name: r.escorts.submit }))).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: r.escorts.added }).waitFor();

      // Departure again: the form stayed open with its refusal.
      await when.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: r.detail.departed }).waitFor();

      // The handover, by keyboard.
      const handover = page.getByRole('form', {
        name: fill(r.handovers.form, { person: `Itzel Cruz ${language}` }),
      });
      const authority = handover.getByLabel(startsWith(r.handovers.authority));
      await authority.locator('option', { hasText: 'Sistema Nacional DIF' }).waitFor({
        state: 'attached',
      });
      await authority.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Lic. Mario Hernández');
      await page.keyboard.press('Tab');
      await page.keyboard.type(
        language === 'es' ? 'Procurador de protección' : 'Child protection attorney',
      );
      await screen(page, 'handover-form');
      await handover.getByRole('button', { name: r.handovers.submit }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: r.handovers.recorded }).waitFor();

      // Arrival.
      const complete = page.getByRole('button', { name: r.detail.complete });
      await complete.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('form', { name: r.detail.complete })
        .getByLabel(startsWith(r.detail.when))
        .waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: r.detail.completed }).waitFor();
      await page.getByText(r.statuses.completed).first().waitFor();
      await screen(page, 'child-return-completed');

      await page.goto(`${web.url}/cases/${child.body.id}`);
      await page.getByRole('heading', { level: 2, name: r.caseSection.title }).waitFor();
      await screen(page, 'case-returns-section');
    }, 120_000);
  });
});
