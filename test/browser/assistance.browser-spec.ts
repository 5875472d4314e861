import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as assistanceEn } from '../../apps/web/src/assistance/locales/en';
import { es as assistanceEs } from '../../apps/web/src/assistance/locales/es';
import { en as transfersEn } from '../../apps/web/src/transfers/locales/en';
import { es as transfersEs } from '../../apps/web/src/transfers/locales/es';
import { createConsulate, createUser, GrantSpec, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { Language, LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const ASSISTANCE = { es: assistanceEs, en: assistanceEn };

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * Mutual consular assistance across two countries of one deployment: a Mexican officer asks a
 * Guatemalan post for help from the case page; the Guatemalan consul accepts it, by keyboard
 * alone, and opens the new case of Guatemala.
 */
describe('Assistance requests between countries, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let mxPost: string;
  let gtPost: string;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    mxPost = await createConsulate(web.stack, 'MX');
    gtPost = await createConsulate(web.stack, 'GT');
    await web.stack.query(`UPDATE consulates SET name = $2 WHERE id = $1`, [
      gtPost,
      'Consulado de Guatemala en Los Ángeles',
    ]);
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

  async function registerCase(token: string, givenNames: string): Promise<string> {
    const res = await request(web.api.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({
        consulateId: mxPost,
        primaryCategory: 'labour_rights',
        summary: 'Salarios no pagados desde hace tres meses.',
        eventCountryCode: 'US',
        consent: {
          services: true,
          disclosureToOrganisations: false,
          disclosureToOtherCountry: true,
          tracing: false,
        },
        persons: [
          {
            role: 'primary',
            person: {
              givenNames,
              familyNames: `Cuautle ${Math.random().toString(36).slice(2, 7)}`,
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 31,
            },
          },
        ],
      })
      .expect(201);
    return res.body.id;
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const a = ASSISTANCE[language];
    const contexts: BrowserContext[] = [];
    const open = async (): Promise<Page> => {
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      return page;
    };

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('sends a request from a Mexican case and the Guatemalan consul accepts it, opening a case', async () => {
      const officer = await staff([{ role: 'officer', consulateId: mxPost }], language);
      const consul = await staff([{ role: 'consul', consulateId: gtPost }], language);
      const givenNames = language === 'es' ? 'Ximena' : 'Xochitl';
      const caseId = await registerCase(officer.accessToken, givenNames);

      // The Mexican officer, on the case page.
      const mx = await open();
      await mx.goto(`${web.url}/cases/${caseId}`);
      await signInThroughScreens(mx, t, officer.email, officer.mfaSecret);
      await mx.goto(`${web.url}/cases/${caseId}`);
      await mx.getByRole('button', { name: a.ask.open }).click();
      const ask = mx.getByRole('dialog', { name: a.ask.title });
      const consulate = ask.getByLabel(startsWith(a.ask.consulate));
      await consulate.locator('option', { hasText: 'Guatemala' }).waitFor({ state: 'attached' });
      await consulate.selectOption(gtPost);
      await ask
        .getByLabel(startsWith(a.ask.reasonNote))
        .fill(
          language === 'es'
            ? 'No tenemos oficina en su ciudad; ustedes sí.'
            : 'We have no post in her city; you do.',
        );
      await ask.getByRole('checkbox', { name: a.fields.categories }).check();
      await screen(mx, 'ask-form');
      await ask.getByRole('button', { name: a.ask.preview }).click();
      await ask.getByRole('heading', { name: a.ask.previewTitle }).waitFor();
      await ask.getByText(givenNames).waitFor();
      await screen(mx, 'ask-preview');
      await ask.getByRole('button', { name: a.ask.send }).click();
      await ask.waitFor({ state: 'detached' });
      await mx
        .getByRole('status')
        .filter({
          hasText: a.ask.sent.replace('{{name}}', 'Consulado de Guatemala en Los Ángeles'),
        })
        .waitFor();
      await screen(mx, 'ask-sent');
      await mx.goto(`${web.url}/assistance?direction=outgoing`);
      await mx.getByRole('table', { name: a.list.captions.outgoing }).waitFor();
      await screen(mx, 'assistance-outgoing');

      // The Guatemalan consul, from the menu to the request.
      const gt = await open();
      await gt.goto(`${web.url}/assistance`);
      await signInThroughScreens(gt, t, consul.email, consul.mfaSecret);
      await gt
        .getByRole('navigation', { name: t.nav.label })
        .getByRole('link', { name: t.nav.cooperation })
        .click();
      await gt
        .getByRole('link', {
          name: startsWith({ es: transfersEs, en: transfersEn }[language].hub.assistance.title),
        })
        .click();
      const incoming = gt.getByRole('table', { name: a.list.captions.incoming });
      await incoming.waitFor();
      await screen(gt, 'assistance-incoming');
      await incoming.getByRole('link').first().click();
      await gt.getByRole('heading', { level: 1, name: startsWith(a.kinds.assistance) }).waitFor();
      await gt.getByText(givenNames).waitFor();
      await screen(gt, 'assistance-request');

      // Keyboard only through the accept dialog.
      const accept = gt.getByRole('button', { name: a.detail.accept });
      await accept.focus();
      await gt.keyboard.press('Enter');
      const dialog = gt.getByRole('dialog', { name: a.accept.title });
      const category = dialog.getByLabel(startsWith(a.accept.category));
      await category.waitFor();
      await gt.keyboard.press('Tab');
      expect(await isFocused(category)).toBe(true);
      const summary = dialog.getByRole('textbox', { name: a.accept.summary });
      await gt.keyboard.press('Tab');
      expect(await isFocused(summary)).toBe(true);
      await gt.keyboard.type(
        language === 'es' ? 'Asistencia a pedido de México.' : 'Assistance on Mexico’s request.',
      );
      await gt.keyboard.press('Tab');
      expect(await isFocused(dialog.getByRole('button', { name: a.common.cancel }))).toBe(true);
      await gt.keyboard.press('Tab');
      const submit = dialog.getByRole('button', { name: a.accept.submit });
      expect(await isFocused(submit)).toBe(true);
      await screen(gt, 'accept-dialog-keyboard');
      await gt.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await gt.getByRole('status').filter({ hasText: a.detail.acceptedWithCase }).waitFor();
      const link = gt.getByRole('link', {
        name: a.detail.openCase.replace('{{which}}', a.detail.receivingCase),
      });
      await link.waitFor();
      await screen(gt, 'request-accepted');
      await link.focus();
      await gt.keyboard.press('Enter');
      await gt.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await gt.getByRole('heading', { level: 1, name: / GT-/ }).waitFor();
      await gt.getByText(givenNames).first().waitFor();
      await screen(gt, 'guatemalan-case');
      expect(gt.url()).not.toContain(caseId);
    }, 90_000);
  });
});
