import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as casesEn } from '../../apps/web/src/cases/locales/en';
import { es as casesEs } from '../../apps/web/src/cases/locales/es';
import { en as transfersEn } from '../../apps/web/src/transfers/locales/en';
import { es as transfersEs } from '../../apps/web/src/transfers/locales/es';
import { createConsulate, createUser, GrantSpec, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { Language, LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const TRANSFERS = { es: transfersEs, en: transfersEn };
const CASES = { es: casesEs, en: casesEn };
const LAX = 'Consulado General en Los Ángeles';
const HOU = 'Consulado General en Houston';

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]);

/**
 * A case moving between two posts of one country: an officer in Los Angeles proposes it to
 * Houston from the case page (keyboard only), Houston's consul accepts it on the Transfers page and
 * opens the case under its new reference; Houston's referrals list then holds its referral.
 */
describe('Transfers between posts and the referrals list, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let laxPost: string;
  let houPost: string;
  let organisation: string;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    laxPost = await createConsulate(web.stack, 'MX', 'LAX');
    houPost = await createConsulate(web.stack, 'MX', 'HOU');
    await web.stack.query(`UPDATE consulates SET name = $2 WHERE id = $1`, [laxPost, LAX]);
    await web.stack.query(`UPDATE consulates SET name = $2 WHERE id = $1`, [houPost, HOU]);
    const [row] = await web.stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, languages)
       VALUES ('Clínica Jurídica del Golfo', 'civil_society', '{legal_aid,interpretation}', '{US}', '{es,en}')
       RETURNING id`,
    );
    organisation = row.id;
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

  /** A Los Angeles case with consent to organisations, referred once (its follow-up overdue). */
  async function registerCase(token: string, language: Language) {
    const http = () => request(web.api.getHttpServer());
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({
        consulateId: laxPost,
        primaryCategory: 'criminal_detention',
        summary: 'Detenido en Los Ángeles; lo llevan a un centro en Texas.',
        eventCountryCode: 'US',
        consent: {
          services: true,
          disclosureToOrganisations: true,
          disclosureToOtherCountry: false,
          tracing: false,
        },
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: language === 'es' ? 'Aurelio' : 'Bartolo',
              familyNames: `Quiroga ${Math.random().toString(36).slice(2, 7)}`,
              sex: 'male',
              nationalityCode: 'MX',
              estimatedAge: 40,
            },
          },
        ],
      })
      .expect(201);
    const referral = await http()
      .post(`/api/v1/cases/${created.body.id}/referrals`)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', randomUUID())
      .send({
        organisationId: organisation,
        services: ['legal_aid'],
        need: 'Representación legal en la audiencia.',
        fields: ['names'],
        followUpDue: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      })
      .expect(201);
    await web.stack.query(
      'UPDATE organisation_referrals SET follow_up_due = current_date - 2 WHERE id = $1',
      [referral.body.id],
    );
    return { id: created.body.id as string, reference: created.body.reference as string };
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const k = TRANSFERS[language];
    const c = CASES[language];
    const contexts: BrowserContext[] = [];
    const open = async (): Promise<Page> => {
      const { page, context } = await openPage(browser, language);
      contexts.push(context);
      return page;
    };

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    it('an officer proposes a transfer by keyboard and the receiving consul accepts it, opening the case', async () => {
      const officer = await staff([{ role: 'officer', consulateId: laxPost }], language);
      const consul = await staff([{ role: 'consul', consulateId: houPost }], language);
      const theCase = await registerCase(officer.accessToken, language);

      // The Los Angeles officer, on the case page.
      const lax = await open();
      await lax.goto(`${web.url}/cases/${theCase.id}`);
      await signInThroughScreens(lax, t, officer.email, officer.mfaSecret);
      await lax.goto(`${web.url}/cases/${theCase.id}`);
      const propose = lax.getByRole('button', { name: k.propose.open });
      await propose.waitFor();
      await screen(lax, 'case-page');

      // Keyboard only through the propose dialog.
      await propose.focus();
      await lax.keyboard.press('Enter');
      const dialog = lax.getByRole('dialog', { name: k.propose.title });
      const post = dialog.getByLabel(startsWith(k.propose.post));
      await post.locator('option', { hasText: HOU }).waitFor({ state: 'attached' });
      expect(await post.locator('option', { hasText: LAX }).count()).toBe(0);
      await lax.keyboard.press('Tab');
      expect(await isFocused(post)).toBe(true);
      await lax.keyboard.press('ArrowDown');
      expect(await post.inputValue()).toBe(houPost);
      const reason = dialog.getByRole('textbox', { name: startsWith(k.propose.reason) });
      await lax.keyboard.press('Tab');
      expect(await isFocused(reason)).toBe(true);
      await lax.keyboard.type(
        language === 'es'
          ? 'Lo trasladan a un centro de detención en Texas.'
          : 'He is being moved to a detention centre in Texas.',
      );
      await lax.keyboard.press('Tab');
      expect(await isFocused(dialog.getByRole('button', { name: k.common.cancel }))).toBe(true);
      await lax.keyboard.press('Tab');
      const submit = dialog.getByRole('button', { name: k.propose.submit });
      expect(await isFocused(submit)).toBe(true);
      await screen(lax, 'propose-dialog-keyboard');
      await lax.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      const banner = lax.getByRole('region', { name: fill(k.banner.text, { name: HOU }) });
      await banner.waitFor();
      await banner.getByRole('button', { name: k.banner.cancel }).waitFor();
      expect(await lax.getByRole('button', { name: k.propose.open }).count()).toBe(0);
      await screen(lax, 'transfer-proposed');

      // The Houston consul, from the menu to the transfer.
      const hou = await open();
      await hou.goto(`${web.url}/`);
      await signInThroughScreens(hou, t, consul.email, consul.mfaSecret);
      await hou
        .getByRole('navigation', { name: t.nav.label })
        .getByRole('link', { name: t.nav.cooperation })
        .click();
      await hou.getByRole('heading', { level: 1, name: k.hub.title }).waitFor();
      await screen(hou, 'cooperation');
      await hou.getByRole('link', { name: startsWith(k.hub.transfers.title) }).click();
      const incoming = hou.getByRole('table', { name: k.list.captions.incoming });
      await incoming.waitFor();
      await hou
        .getByRole('tab', { name: fill(k.list.tabCount, { label: k.list.incoming, count: '1' }) })
        .waitFor();
      await screen(hou, 'transfers-incoming');
      await incoming
        .getByRole('button', { name: fill(k.list.acceptCase, { reference: theCase.reference }) })
        .click();
      const accept = hou.getByRole('dialog', { name: k.accept.title });
      await accept.getByText(theCase.reference, { exact: false }).waitFor();
      await screen(hou, 'accept-dialog');
      await accept.getByRole('button', { name: k.accept.submit }).click();
      await accept.waitFor({ state: 'detached' });
      const link = hou.getByRole('link', {
        name: startsWith(fill(k.list.openCase, { reference: '' })),
      });
      await link.waitFor();
      const newReference = (await link.textContent())!.replace(
        fill(k.list.openCase, { reference: '' }),
        '',
      );
      expect(newReference).toMatch(/^MX-HOU-/);
      await screen(hou, 'transfer-accepted');
      await link.click();
      await hou.waitForURL(`${web.url}/cases/${theCase.id}`);
      await hou
        .getByRole('heading', {
          level: 1,
          name: fill(c.page.reference, { reference: newReference }),
        })
        .waitFor();
      const history = hou.getByRole('table', { name: c.history.caption });
      await history.getByText(`${LAX} (MX-LAX) → ${HOU} (MX-HOU)`).waitFor();
      await history.getByText(`${theCase.reference} → ${newReference}`).waitFor();
      await screen(hou, 'transferred-case');

      // The referral came along: Houston's referrals list, overdue follow-ups only.
      await hou.goto(`${web.url}/referrals?overdue=true`);
      const referrals = hou.getByRole('table', { name: k.referrals.caption });
      const caseLink = referrals.getByRole('link').first();
      await caseLink.waitFor();
      expect(await caseLink.getAttribute('href')).toBe(`/cases/${theCase.id}`);
      // Overdue is said in words, not by colour alone.
      const overdueWord = fill(k.referrals.overdue, { date: '' }).trim();
      await referrals.getByText(overdueWord, { exact: false }).first().waitFor();
      expect(await hou.getByRole('checkbox', { name: k.referrals.overdueOnly }).isChecked()).toBe(
        true,
      );
      await screen(hou, 'referrals-list');
    }, 120_000);
  });
});
