import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as adminEn } from '../../apps/web/src/admin/locales/en';
import { es as adminEs } from '../../apps/web/src/admin/locales/es';
import { en as directoryEn } from '../../apps/web/src/directory/locales/en';
import { es as directoryEs } from '../../apps/web/src/directory/locales/es';
import { en as myOrganisationEn } from '../../apps/web/src/my-organisation/locales/en';
import { es as myOrganisationEs } from '../../apps/web/src/my-organisation/locales/es';
import { createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { tabThrough } from './support/keyboard';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import {
  shownSecret,
  signInThroughScreens,
  signedInMenu,
  submitCode,
  submitCredentials,
} from './support/sign-in';
import { totpCode } from './support/totp';
import { WebApp, startWebApp } from './support/web-app';

const ADMIN = { es: adminEs, en: adminEn };
const DIRECTORY = { es: directoryEs, en: directoryEn };
const MINE = { es: myOrganisationEs, en: myOrganisationEn };
/** Two browsers, an activation and two sign-ins with TOTP, on a 2-core machine shared with others. */
const LONG = 120_000;
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]);

describe("An organisation's focal point, in Chromium", () => {
  let web: WebApp;
  let browser: Browser;
  /** An administrator of Mexico that adds the organisations through the API. */
  let seeder: string;

  /** A referral organisation Mexico manages, added as an administrator would. */
  const addOrganisation = async (name: string): Promise<string> => {
    const res = await request(web.api.getHttpServer())
      .post('/api/v1/organisations')
      .set('Authorization', `Bearer ${seeder}`)
      .send({
        name,
        type: 'civil_society',
        services: ['shelter', 'legal_aid'],
        coverageCountries: ['MX'],
        languages: ['es', 'mam'],
        phone: '+52 55 5555 0101',
        email: 'contacto@refugio.example',
      });
    if (res.status !== 201)
      throw new Error(`organisation: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const storedPhone = async (id: string) =>
    (
      await web.stack.query<{ phone: string }>('SELECT phone FROM organisations WHERE id = $1', [
        id,
      ])
    )[0].phone;

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
    const a = ADMIN[language];
    const d = DIRECTORY[language];
    const m = MINE[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it(
      'lets an administrator make a contact the focal point of an organisation, who activates the account, lands on their organisation and updates it',
      async () => {
        const tag = randomUUID().slice(0, 6);
        const organisationName = `Casa Refugio ${tag}`;
        const organisationId = await addOrganisation(organisationName);
        const admin = await createUser(web.stack, [{ role: 'admin', countryCode: 'MX' }], {
          locale: language,
        });
        await page.goto(`${web.url}/sign-in`);
        await signInThroughScreens(page, t, admin.email);
        await signedInMenu(page, t).getByRole('link', { name: t.nav.users }).click();
        await page.getByRole('link', { name: a.users.create }).click();
        await page
          .getByRole('heading', { name: a.users.createTitle, level: 1, exact: true })
          .waitFor();
        const email = `contacto-${tag}@refugio.example`;
        const userName = `Lucía Contreras ${tag}`;
        await page.getByRole('textbox', { name: a.users.fields.email }).fill(email);
        await page.getByRole('textbox', { name: a.users.fields.displayName }).fill(userName);
        await page.getByRole('combobox', { name: a.users.fields.locale }).selectOption(language);
        await page.getByRole('button', { name: a.grants.add }).click();
        await page
          .getByRole('combobox', { name: fill(a.grants.role, { number: '1' }) })
          .selectOption('organisation_focal_point');
        const picker = page.getByRole('combobox', {
          name: fill(a.grants.organisation, { number: '1' }),
        });
        await picker.getByRole('option', { name: organisationName }).waitFor({ state: 'attached' });
        await picker.selectOption(organisationId);
        await screen(page, 'admin-user-create-focal-point');
        await page.getByRole('button', { name: a.users.create }).click();
        await page
          .getByRole('heading', {
            name: fill(a.users.created, { name: userName }),
            level: 1,
            exact: true,
          })
          .waitFor();
        const link = await page.getByRole('textbox', { name: a.oneTimeLink.label }).inputValue();
        expect(link).toMatch(new RegExp(`^${web.url}/activate#token=.+`));

        await page.getByRole('link', { name: fill(a.users.openUser, { name: userName }) }).click();
        await page.getByRole('heading', { name: userName, level: 1, exact: true }).waitFor();
        await page.getByText(`${t.roles.organisation_focal_point} · ${organisationName}`).waitFor();
        await screen(page, 'admin-user-focal-point');

        // The contact, in a browser of their own, sets a password and enrols a second factor.
        const other = await openPage(browser, language);
        try {
          const visitor = other.page;
          await visitor.goto(link);
          await visitor
            .getByRole('heading', { name: t.activate.title, level: 1, exact: true })
            .waitFor();
          const password = `una casa con puertas abiertas ${tag}`;
          await visitor.getByLabel(t.activate.password, { exact: false }).first().fill(password);
          await visitor.getByLabel(t.activate.confirm, { exact: false }).fill(password);
          await visitor.getByRole('button', { name: t.activate.submit }).click();
          await visitor.getByText(t.activate.done).waitFor();
          await submitCredentials(visitor, t, email, password);
          await visitor.getByRole('heading', { name: t.signIn.enrolTitle }).waitFor();
          const secret = await shownSecret(visitor, t);
          await screen(visitor, 'focal-point-enrol');
          await submitCode(visitor, t, await totpCode(secret));
          await visitor.getByRole('button', { name: t.signIn.continue }).click();

          // Their home is their organisation; the menu offers it and their account only.
          await visitor.waitForURL((url) => url.pathname === '/my-organisation');
          await visitor.getByRole('heading', { name: m.title, level: 1, exact: true }).waitFor();
          await visitor.getByText(organisationName, { exact: true }).waitFor();
          await visitor.getByText('+52 55 5555 0101').waitFor();
          const menu = signedInMenu(visitor, t);
          expect(await menu.getByRole('link').allTextContents()).toEqual([
            t.nav.myOrganisation,
            t.nav.account,
          ]);
          await screen(visitor, 'focal-point-home');

          await visitor.getByRole('link', { name: m.edit }).click();
          await visitor
            .getByRole('heading', {
              name: fill(m.editTitle, { name: organisationName }),
              level: 1,
              exact: true,
            })
            .waitFor();
          expect(
            await visitor
              .getByRole('combobox', { name: d.organisations.fields.managedByCountryCode })
              .count(),
          ).toBe(0);
          await screen(visitor, 'focal-point-edit');
          await visitor
            .getByRole('textbox', { name: d.organisations.fields.phone })
            .fill('+52 55 5555 0202');
          await visitor.getByRole('button', { name: d.common.saveChanges }).click();
          await visitor.getByRole('status').filter({ hasText: m.saved }).waitFor();
          await visitor.getByText('+52 55 5555 0202').waitFor();
          expect(await storedPhone(organisationId)).toBe('+52 55 5555 0202');
          await screen(visitor, 'focal-point-saved');
        } finally {
          await other.context.close();
        }
      },
      LONG,
    );

    it(
      'lets the focal point update the entry with the keyboard only',
      async () => {
        const organisationId = await addOrganisation(`Albergue ${randomUUID().slice(0, 6)}`);
        const focalPoint = await createUser(
          web.stack,
          [{ role: 'organisation_focal_point', organisationId }],
          { locale: language, countryCode: 'MX' },
        );
        await page.goto(`${web.url}/sign-in`);
        await signInThroughScreens(page, t, focalPoint.email);
        await page.waitForURL((url) => url.pathname === '/my-organisation');
        const edit = page.getByRole('link', { name: m.edit });
        await edit.focus();
        await page.keyboard.press('Enter');
        const heading = page.getByRole('heading', { level: 1 });
        await page.waitForURL((url) => url.pathname === '/my-organisation/edit');
        expect(await isFocused(heading)).toBe(true);

        const field = (name: string) => page.getByRole('textbox', { name, exact: true });
        const phone = field(d.organisations.fields.phone);
        await tabThrough(page, [
          { name: 'the name', locator: field(d.organisations.fields.name) },
          { name: 'the acronym', locator: field(d.organisations.fields.acronym) },
          {
            name: 'the type',
            locator: page.getByRole('combobox', { name: d.organisations.fields.type }),
          },
          { name: 'the description', locator: field(d.organisations.fields.description) },
          ...Object.values(d.codes.services).map((service) => ({
            name: `the service ${service}`,
            locator: page.getByRole('checkbox', { name: service, exact: true }),
          })),
          {
            name: 'the countries covered',
            locator: page.getByRole('combobox', { name: d.organisations.fields.coverageCountries }),
          },
          {
            name: 'the subdivisions covered',
            locator: page.getByRole('combobox', {
              name: d.organisations.fields.coverageSubdivisions,
            }),
          },
          { name: 'the languages', locator: field(d.organisations.fields.languages) },
          { name: 'the email', locator: field(d.organisations.fields.email) },
          { name: 'the phone', locator: phone },
          { name: 'the website', locator: field(d.organisations.fields.website) },
          { name: 'the address', locator: field(d.organisations.fields.address) },
          {
            name: 'the save button',
            locator: page.getByRole('button', { name: d.common.saveChanges }),
          },
          { name: 'the cancel link', locator: page.getByRole('link', { name: d.common.cancel }) },
        ]);
        await screen(page, 'keyboard-focal-point-edit');

        // Back to the phone, a new number typed, Enter sends the form.
        await phone.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('+52 55 5555 0303');
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/my-organisation');
        await page.getByRole('status').filter({ hasText: m.saved }).waitFor();
        expect(await isFocused(page.getByRole('heading', { name: m.title, level: 1 }))).toBe(true);
        expect(await storedPhone(organisationId)).toBe('+52 55 5555 0303');
        await screen(page, 'keyboard-focal-point-saved');
      },
      LONG,
    );
  });
});
