import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as adminEn } from '../../apps/web/src/admin/locales/en';
import { es as adminEs } from '../../apps/web/src/admin/locales/es';
import { en as directoryEn } from '../../apps/web/src/directory/locales/en';
import { es as directoryEs } from '../../apps/web/src/directory/locales/es';
import { createConsulate, createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { tabThrough } from './support/keyboard';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import {
  openAccountPage,
  shownSecret,
  signInThroughScreens,
  signedInMenu,
  submitCode,
  submitCredentials,
} from './support/sign-in';
import { totpCode } from './support/totp';
import { WebApp, startWebApp } from './support/web-app';

const DIRECTORY = { es: directoryEs, en: directoryEn };
const ADMIN = { es: adminEs, en: adminEn };
/** A journey through several screens with a sign-in or two, on a 2-core machine shared with others. */
const LONG = 90_000;
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]);

describe('The directory and the administration screens, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  /** An administrator of Mexico that seeds records through the API. */
  let seeder: string;

  const api = (method: 'post' | 'patch', path: string, body: object) =>
    request(web.api.getHttpServer())
      [method](`/api/v1${path}`)
      .set('Authorization', `Bearer ${seeder}`)
      .send(body)
      .expect((res) => {
        if (res.status >= 300)
          throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      });

  beforeAll(async () => {
    // The browser first: without Chromium the spec fails at once, with no server left running.
    browser = await openBrowser();
    web = await startWebApp();
    const admin = await createUser(web.stack, [{ role: 'admin', countryCode: 'MX' }]);
    seeder = (await signIn(web.api, admin.email)).accessToken;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const d = DIRECTORY[language];
    const a = ADMIN[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it(
      'shows an officer the three registers with filters kept in the URL, and no edit controls',
      async () => {
        const tag = randomUUID().slice(0, 6).toUpperCase();
        const postCode = `P${tag.slice(0, 5)}`;
        const post = await createConsulate(web.stack, 'MX', postCode);
        await api('patch', `/consulates/${post}`, {
          phone: '+1 713 555 0100',
          email: `houston-${tag.toLowerCase()}@sre.example`,
        });
        await api('post', '/officials', {
          consulateId: post,
          name: `Ana Ortega ${tag}`,
          title: 'Cónsul titular',
          accreditedFrom: '2025-01-15',
          topics: ['children', 'trafficking'],
        });
        const organisation = `Casa Refugio ${tag}`;
        await api('post', '/organisations', {
          name: organisation,
          type: 'civil_society',
          services: ['shelter', 'legal_aid'],
          coverageCountries: ['MX'],
          languages: ['es', 'mam'],
        });
        const officer = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
          locale: language,
          countryCode: 'MX',
        });

        await page.goto(`${web.url}/sign-in`);
        await signInThroughScreens(page, t, officer.email);
        await signedInMenu(page, t).getByRole('link', { name: t.nav.directory }).click();
        await page
          .getByRole('heading', { name: d.consulates.title, level: 1, exact: true })
          .waitFor();
        expect(await page.getByRole('link', { name: d.consulates.create }).count()).toBe(0);

        await page.getByRole('textbox', { name: d.consulates.fields.q }).fill(postCode);
        await page.getByRole('button', { name: d.common.apply }).click();
        await page.waitForURL((url) => url.searchParams.get('q') === postCode);
        const consulates = page.getByRole('table', { name: d.consulates.caption });
        await consulates.getByRole('link', { name: `Consulate ${postCode}` }).waitFor();
        // The list keeps the previous rows until the filtered ones arrive: one row is left.
        await consulates.getByRole('row').nth(2).waitFor({ state: 'detached' });
        expect(await consulates.getByRole('row').count()).toBe(2);
        await screen(page, 'officer-consulates-filtered');
        // A bookmarked filter opens the same list.
        await page.reload();
        await consulates.getByRole('link', { name: `Consulate ${postCode}` }).waitFor();
        expect(await page.getByRole('textbox', { name: d.consulates.fields.q }).inputValue()).toBe(
          postCode,
        );

        await consulates.getByRole('link', { name: `Consulate ${postCode}` }).click();
        await page
          .getByRole('heading', { name: `Consulate ${postCode}`, level: 1, exact: true })
          .waitFor();
        await page.getByText(`houston-${tag.toLowerCase()}@sre.example`).waitFor();
        expect(await page.getByRole('link', { name: d.common.edit, exact: true }).count()).toBe(0);
        expect(await page.getByRole('button', { name: d.consulates.deactivate }).count()).toBe(0);
        await screen(page, 'officer-consulate');

        const sections = page.getByRole('navigation', { name: d.sections.label });
        await sections.getByRole('link', { name: d.sections.officials }).click();
        await page
          .getByRole('heading', { name: d.officials.title, level: 1, exact: true })
          .waitFor();
        await page
          .getByRole('combobox', { name: d.officials.fields.topic })
          .selectOption('children');
        await page.getByRole('textbox', { name: d.officials.fields.q }).fill(tag);
        await page.getByRole('button', { name: d.common.apply }).click();
        await page.waitForURL(
          (url) =>
            url.searchParams.get('topic') === 'children' && url.searchParams.get('q') === tag,
        );
        const officials = page.getByRole('table', { name: d.officials.caption });
        await officials.getByRole('link', { name: `Ana Ortega ${tag}` }).waitFor();
        await officials.getByRole('row').nth(2).waitFor({ state: 'detached' });
        await officials
          .getByRole('row')
          .filter({ hasText: `Ana Ortega ${tag}` })
          .getByText(`${d.codes.topics.children}, ${d.codes.topics.trafficking}`)
          .waitFor();
        expect(await page.getByRole('link', { name: d.officials.create }).count()).toBe(0);
        await screen(page, 'officer-officials-filtered');

        await sections.getByRole('link', { name: d.sections.organisations }).click();
        await page
          .getByRole('heading', { name: d.organisations.title, level: 1, exact: true })
          .waitFor();
        await page
          .getByRole('combobox', { name: d.organisations.fields.service })
          .selectOption('shelter');
        await page.getByRole('textbox', { name: d.organisations.fields.q }).fill(tag);
        await page.getByRole('button', { name: d.common.apply }).click();
        await page.waitForURL((url) => url.searchParams.get('service') === 'shelter');
        const organisations = page.getByRole('table', { name: d.organisations.caption });
        await organisations.getByRole('link', { name: organisation }).waitFor();
        await organisations.getByRole('row').nth(2).waitFor({ state: 'detached' });
        expect(await page.getByRole('link', { name: d.organisations.create }).count()).toBe(0);
        await screen(page, 'officer-organisations-filtered');

        await organisations.getByRole('link', { name: organisation }).click();
        await page.getByRole('heading', { name: organisation, level: 1, exact: true }).waitFor();
        await page
          .getByText(`${d.codes.services.shelter}, ${d.codes.services.legal_aid}`)
          .waitFor();
        expect(await page.getByRole('link', { name: d.common.edit, exact: true }).count()).toBe(0);
        expect(await page.getByRole('button', { name: d.organisations.deactivate }).count()).toBe(
          0,
        );
        await screen(page, 'officer-organisation');

        await openAccountPage(page, t);
        await page.getByText(officer.email).waitFor();
        await screen(page, 'officer-account');
      },
      LONG,
    );

    it(
      'lets a country administrator add an organisation, fix a refused field and clear contacts',
      async () => {
        const tag = randomUUID().slice(0, 6);
        const admin = await createUser(web.stack, [{ role: 'admin', countryCode: 'MX' }], {
          locale: language,
        });
        await page.goto(`${web.url}/sign-in`);
        await signInThroughScreens(page, t, admin.email);
        await page.goto(`${web.url}/directory/organisations`);
        await page.getByRole('link', { name: d.organisations.create }).click();
        await page
          .getByRole('heading', { name: d.organisations.createTitle, level: 1, exact: true })
          .waitFor();

        const name = `Albergue Esperanza ${tag}`;
        await page.getByRole('textbox', { name: d.organisations.fields.name }).fill(name);
        await page
          .getByRole('combobox', { name: d.organisations.fields.type })
          .selectOption('civil_society');
        await page.getByRole('checkbox', { name: d.codes.services.shelter }).check();
        const coverage = page.getByRole('combobox', {
          name: d.organisations.fields.coverageCountries,
        });
        await coverage.fill(language === 'es' ? 'Méxi' : 'Mexi');
        await page
          .getByRole('listbox', { name: d.organisations.fields.coverageCountries })
          .getByRole('option', { name: language === 'es' ? 'México' : 'Mexico' })
          .click();
        await page
          .getByRole('textbox', { name: d.organisations.fields.email })
          .fill(`info-${tag}@albergue.example`);
        await page
          .getByRole('textbox', { name: d.organisations.fields.website })
          .fill('https://albergue.example');
        await screen(page, 'admin-organisation-create');
        await page.getByRole('button', { name: d.organisations.create }).click();
        await page.getByRole('heading', { name, level: 1, exact: true }).waitFor();
        await page.getByText(`info-${tag}@albergue.example`).waitFor();
        await screen(page, 'admin-organisation');

        await page.getByRole('link', { name: d.common.edit, exact: true }).click();
        await page
          .getByRole('heading', {
            name: fill(d.organisations.editTitle, { name }),
            level: 1,
            exact: true,
          })
          .waitFor();
        const website = page.getByRole('textbox', { name: d.organisations.fields.website });
        await website.fill('albergue sin protocolo');
        await page.getByRole('button', { name: d.common.saveChanges }).click();
        const summary = page.getByRole('alert');
        expect(await isFocused(summary)).toBe(true);
        expect(await summary.getByRole('link').count()).toBe(1);
        expect(await website.getAttribute('aria-invalid')).toBe('true');
        await screen(page, 'admin-organisation-edit-refused');
        await summary.getByRole('link').click();
        expect(await isFocused(website)).toBe(true);

        // Emptied optional fields are cleared, not left with their old value.
        await website.fill('');
        await page.getByRole('textbox', { name: d.organisations.fields.email }).fill('');
        await page.getByRole('button', { name: d.common.saveChanges }).click();
        await page.getByRole('heading', { name, level: 1, exact: true }).waitFor();
        const details = page.locator('dl');
        await details.waitFor();
        await expect(details.getByText(`info-${tag}@albergue.example`).count()).resolves.toBe(0);
        await expect(details.getByText('https://albergue.example').count()).resolves.toBe(0);
        const [stored] = await web.stack.query<{ email: string | null; website: string | null }>(
          'SELECT email, website FROM organisations WHERE name = $1',
          [name],
        );
        expect(stored).toEqual({ email: null, website: null });
        await screen(page, 'admin-organisation-cleared');
      },
      LONG,
    );

    it(
      'lets an administrator create a user who activates the account in a new browser, then manage it and read the audit log',
      async () => {
        const tag = randomUUID().slice(0, 6);
        const admin = await createUser(web.stack, [{ role: 'admin', countryCode: 'MX' }], {
          locale: language,
        });
        const [{ displayName: adminName }] = await web.stack.query<{ displayName: string }>(
          'SELECT display_name AS "displayName" FROM users WHERE id = $1',
          [admin.id],
        );
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
        await page.goto(`${web.url}/sign-in`);
        await signInThroughScreens(page, t, admin.email);
        await signedInMenu(page, t).getByRole('link', { name: t.nav.users }).click();
        await page.getByRole('heading', { name: a.users.title, level: 1, exact: true }).waitFor();
        await screen(page, 'admin-users');

        await page.getByRole('link', { name: a.users.create }).click();
        await page
          .getByRole('heading', { name: a.users.createTitle, level: 1, exact: true })
          .waitFor();
        const email = `nueva-${tag}@amparo.test`;
        const userName = `Rosa Méndez ${tag}`;
        await page.getByRole('textbox', { name: a.users.fields.email }).fill(email);
        await page.getByRole('textbox', { name: a.users.fields.displayName }).fill(userName);
        await page.getByRole('combobox', { name: a.users.fields.locale }).selectOption(language);
        await page.getByRole('button', { name: a.grants.add }).click();
        await page
          .getByRole('combobox', { name: fill(a.grants.role, { number: '1' }) })
          .selectOption('supervisor');
        await page
          .getByRole('combobox', { name: fill(a.grants.country, { number: '1' }) })
          .selectOption('MX');
        await screen(page, 'admin-user-create');
        await page.getByRole('button', { name: a.users.create }).click();

        await page
          .getByRole('heading', {
            name: fill(a.users.created, { name: userName }),
            level: 1,
            exact: true,
          })
          .waitFor();
        const linkField = page.getByRole('textbox', { name: a.oneTimeLink.label });
        const link = await linkField.inputValue();
        expect(link).toMatch(new RegExp(`^${web.url}/activate#token=.+`));
        await page.getByRole('button', { name: a.oneTimeLink.copy }).click();
        await page.getByRole('status').filter({ hasText: a.oneTimeLink.copied }).waitFor();
        // The test's tsconfig has no DOM types: the page's global is reached by name.
        const clipboard = await page.evaluate(() =>
          (
            globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
          ).navigator.clipboard.readText(),
        );
        expect(clipboard).toBe(link);
        await screen(page, 'admin-user-activation-link');

        // The new supervisor (a role that must use TOTP), in a browser of their own, opens the
        // link, sets a password and enrols at the first sign-in.
        const other = await openPage(browser, language);
        try {
          const visitor = other.page;
          await visitor.goto(link);
          await visitor
            .getByRole('heading', { name: t.activate.title, level: 1, exact: true })
            .waitFor();
          expect(new URL(visitor.url()).hash).toBe('');
          await screen(visitor, 'activate');
          const password = `un paseo largo por el río ${tag}`;
          await visitor.getByLabel(t.activate.password, { exact: false }).first().fill(password);
          await visitor.getByLabel(t.activate.confirm, { exact: false }).fill(`${password}!`);
          await visitor.getByRole('button', { name: t.activate.submit }).click();
          const mismatch = visitor.getByRole('alert');
          expect(await isFocused(mismatch)).toBe(true);
          await mismatch.getByRole('link', { name: t.activate.mismatch }).waitFor();
          await screen(visitor, 'activate-mismatch');
          await visitor.getByLabel(t.activate.confirm, { exact: false }).fill(password);
          await visitor.getByRole('button', { name: t.activate.submit }).click();
          await visitor.getByRole('heading', { name: t.signIn.title }).waitFor();
          expect(new URL(visitor.url()).pathname).toBe('/sign-in');
          await visitor.getByText(t.activate.done).waitFor();
          await screen(visitor, 'sign-in-after-activation');
          await submitCredentials(visitor, t, email, password);
          const enrol = visitor.getByRole('heading', { name: t.signIn.enrolTitle });
          const refused = visitor.getByRole('alert');
          await enrol.or(refused).waitFor();
          if (await refused.isVisible())
            throw new Error(`sign-in refused: ${await refused.textContent()}`);
          const secret = await shownSecret(visitor, t);
          await screen(visitor, 'first-sign-in-enrol');
          await submitCode(visitor, t, await totpCode(secret));
          await visitor.getByRole('button', { name: t.signIn.continue }).click();
          await signedInMenu(visitor, t).waitFor();
          await visitor.waitForURL((url) => url.pathname === '/dashboard');
        } finally {
          await other.context.close();
        }

        await page.getByRole('link', { name: fill(a.users.openUser, { name: userName }) }).click();
        await page.getByRole('heading', { name: userName, level: 1, exact: true }).waitFor();
        // The account was activated and enrolled meanwhile: read it afresh.
        await page.reload();
        await page.getByText(a.users.mfaOn, { exact: true }).waitFor();
        await screen(page, 'admin-user');

        await page.getByRole('link', { name: a.users.edit }).click();
        await page
          .getByRole('heading', {
            name: fill(a.users.editTitle, { name: userName }),
            level: 1,
            exact: true,
          })
          .waitFor();
        await screen(page, 'admin-user-edit');
        await page
          .getByRole('textbox', { name: a.users.fields.displayName })
          .fill(`${userName} Ruiz`);
        await page.getByRole('button', { name: a.users.saveChanges }).click();
        await page
          .getByRole('heading', { name: `${userName} Ruiz`, level: 1, exact: true })
          .waitFor();
        const renamed = `${userName} Ruiz`;

        await page.getByRole('button', { name: a.actions.disable.button }).click();
        const dialog = page.getByRole('dialog', {
          name: fill(a.actions.disable.title, { name: renamed }),
        });
        await screen(page, 'admin-user-disable-dialog');
        await dialog.getByRole('button', { name: a.actions.disable.confirm }).click();
        await page.getByText(a.users.disabledNotice).waitFor();
        const enable = page.getByRole('button', { name: a.actions.enable.button });
        // The dialog gives the focus back to the page's control for the account's state.
        await screen(page, 'admin-user-disabled');
        await enable.click();
        await page
          .getByRole('dialog', { name: fill(a.actions.enable.title, { name: renamed }) })
          .getByRole('button', { name: a.actions.enable.confirm })
          .click();
        await page.getByRole('button', { name: a.actions.disable.button }).waitFor();
        expect(await page.getByText(a.users.disabledNotice).count()).toBe(0);

        await page.getByRole('button', { name: a.actions.mfaReset.button }).click();
        const mfaDialog = page.getByRole('dialog', {
          name: fill(a.actions.mfaReset.title, { name: renamed }),
        });
        await mfaDialog.getByRole('button', { name: a.actions.mfaReset.confirm }).click();
        await mfaDialog.getByText(fill(a.actions.mfaReset.reasonTooShort, { min: '10' })).waitFor();
        await screen(page, 'admin-user-mfa-reset-reason');
        await mfaDialog
          .getByRole('textbox', { name: a.actions.mfaReset.reason })
          .fill('Perdió el teléfono; identidad comprobada por videollamada.');
        await mfaDialog.getByRole('button', { name: a.actions.mfaReset.confirm }).click();
        await mfaDialog.waitFor({ state: 'hidden' });
        await page.getByText(a.users.mfaOff, { exact: true }).waitFor();
        expect(await page.getByRole('button', { name: a.actions.mfaReset.button }).count()).toBe(0);

        await signedInMenu(page, t).getByRole('link', { name: t.nav.audit }).click();
        await page.getByRole('heading', { name: a.audit.title, level: 1, exact: true }).waitFor();
        await page.getByRole('textbox', { name: a.audit.fields.action }).fill('user.mfa_reset');
        await page.getByRole('button', { name: d.common.apply }).click();
        await page.waitForURL((url) => url.searchParams.get('action') === 'user.mfa_reset');
        const events = page.getByRole('table', { name: a.audit.caption });
        const actor = events.getByRole('link', {
          name: fill(a.audit.onlyActor, { name: adminName }),
        });
        await actor.first().waitFor();
        // The record's kind in words, not its code.
        await events.getByText(a.audit.resourceTypes.user, { exact: true }).first().waitFor();
        await screen(page, 'admin-audit-filtered');
        expect(
          await events
            .getByRole('link', { name: fill(a.audit.onlyAction, { action: 'user.mfa_reset' }) })
            .count(),
        ).toBeGreaterThan(0);
      },
      LONG,
    );

    it(
      'fills the create-user form with the keyboard only: Tab order, Enter, and the error summary takes the focus',
      async () => {
        const admin = await createUser(web.stack, [{ role: 'admin', countryCode: 'MX' }], {
          locale: language,
        });
        const { mfaSecret } = await signIn(web.api, admin.email);
        await page.goto(`${web.url}/sign-in`);
        await signInThroughScreens(page, t, admin.email, mfaSecret);
        await page.goto(`${web.url}/admin/users`);
        const create = page.getByRole('link', { name: a.users.create });
        await create.focus();
        await page.keyboard.press('Enter');
        const heading = page.getByRole('heading', {
          name: a.users.createTitle,
          level: 1,
          exact: true,
        });
        expect(await isFocused(heading)).toBe(true);

        const email = page.getByRole('textbox', { name: a.users.fields.email });
        const name = page.getByRole('textbox', { name: a.users.fields.displayName });
        await tabThrough(page, [
          { name: 'the email field', locator: email },
          { name: 'the name field', locator: name },
          {
            name: 'the language',
            locator: page.getByRole('combobox', { name: a.users.fields.locale }),
          },
          {
            name: 'the country',
            locator: page.getByRole('combobox', { name: a.users.fields.countryCode }),
          },
          {
            name: 'the add-role button',
            locator: page.getByRole('button', { name: a.grants.add }),
          },
          {
            name: 'the create button',
            locator: page.getByRole('button', { name: a.users.create }),
          },
          { name: 'the cancel link', locator: page.getByRole('link', { name: a.common.cancel }) },
        ]);

        await email.focus();
        await page.keyboard.press('Enter');
        const summary = page.getByRole('alert');
        expect(await isFocused(summary)).toBe(true);
        expect(await summary.getByRole('link').allTextContents()).toEqual([
          a.users.required.email,
          a.users.required.displayName,
        ]);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        expect(
          await isFocused(summary.getByRole('link', { name: a.users.required.displayName })),
        ).toBe(true);
        await screen(page, 'keyboard-user-create-summary');
        await page.keyboard.press('Enter');
        expect(await isFocused(name)).toBe(true);

        const userName = `Teclado ${randomUUID().slice(0, 6)}`;
        await page.keyboard.type(userName);
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.type(`teclado-${randomUUID().slice(0, 6)}@amparo.test`);
        await page.keyboard.press('Enter');
        const created = page.getByRole('heading', { name: a.oneTimeLink.activationTitle });
        expect(await isFocused(created)).toBe(true);
        await page
          .getByRole('heading', {
            name: fill(a.users.created, { name: userName }),
            level: 1,
            exact: true,
          })
          .waitFor();
      },
      LONG,
    );
  });
});
