import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as crisisEn } from '../../apps/web/src/crisis/locales/en';
import { es as crisisEs } from '../../apps/web/src/crisis/locales/es';
import { createConsulate, createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const CRISIS = { es: crisisEs, en: crisisEn };

/** i18next's `{{name}}` placeholders filled in, as the screens show them. */
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * Crisis mode in the browser: a consul of the responding post registers affected nationals one
 * after another from the keyboard alone, finds them on the roster, and reads the event dashboard
 * (by welfare status, by subdivision, day by day as a chart and as a table).
 */
describe('Crisis events, in Chromium', () => {
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

  /** A consul of the post, signed in to the API too (to declare events and seed the roster). */
  async function consul(language: 'es' | 'en') {
    const user = await createUser(web.stack, [{ role: 'consul', consulateId: post }], {
      locale: language,
      countryCode: 'MX',
    });
    const session = await signIn(web.api, user.email);
    const http = () => request(web.api.getHttpServer());
    const auth = `Bearer ${session.accessToken}`;
    const expect201 = (res: request.Response, what: string) => {
      if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    return {
      ...user,
      mfaSecret: session.mfaSecret,
      async declare(name: string): Promise<string> {
        const res = await http()
          .post('/api/v1/crisis-events')
          .set('Authorization', auth)
          .set('Idempotency-Key', randomUUID())
          .send({
            name,
            type: 'hurricane',
            hostCountryCode: 'US',
            hostSubdivisions: ['US-FL', 'US-TX'],
            startedAt: new Date(Date.now() - 3_600_000).toISOString(),
            consulateIds: [post],
          });
        return expect201(res, 'declare').id;
      },
      async register(eventId: string, body: Record<string, unknown>): Promise<string> {
        const res = await http()
          .post(`/api/v1/crisis-events/${eventId}/roster`)
          .set('Authorization', auth)
          .set('Idempotency-Key', randomUUID())
          .send(body);
        return expect201(res, 'register').id;
      },
    };
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const c = CRISIS[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it('registers several persons from the keyboard alone, each announced and then on the roster', async () => {
      const user = await consul(language);
      const eventId = await user.declare(`Otis ${language} ${randomUUID().slice(0, 4)}`);
      await page.goto(`${web.url}/crisis`);
      await signInThroughScreens(page, t, user.email, user.mfaSecret);
      await page.getByRole('heading', { level: 1, name: c.list.title }).waitFor();
      await page.getByRole('table', { name: c.list.caption }).waitFor();
      await screen(page, 'crisis-events');

      await page.goto(`${web.url}/crisis/${eventId}/intake`);
      await page.getByRole('heading', { level: 1, name: startsWith(c.intake.title) }).waitFor();
      const given = page.getByRole('textbox', { name: startsWith(c.intake.givenNames) });
      // The first field has the focus as the screen opens: typing starts at once.
      expect(await isFocused(given)).toBe(true);
      const status = page
        .getByRole('status')
        .filter({ hasText: startsWith(fill(c.intake.registered, { name: '' })) });

      const people = [
        ['Ana', 'Soto Díaz'],
        ['Bruno', 'Méndez'],
        ['Carmen', 'Ruiz'],
        ['Diego', 'Núñez'],
        ['Elena', 'Gómez'],
      ];
      for (const [index, [givenNames, familyNames]] of people.entries()) {
        await page.keyboard.type(givenNames);
        await page.keyboard.press('Tab');
        expect(
          await isFocused(page.getByRole('textbox', { name: startsWith(c.intake.familyNames) })),
        ).toBe(true);
        await page.keyboard.type(familyNames);
        if (index === 0) {
          // The first person's place, by keyboard: kept for the next ones.
          await page.keyboard.press('Tab'); // document type
          await page.keyboard.press('Tab'); // document number
          await page.keyboard.press('Tab'); // contact
          await page.keyboard.type('+52 55 1111 2222');
          await page.keyboard.press('Tab'); // subdivision: a native select takes a typed name
          await page.keyboard.type('Florida');
          await page.keyboard.press('Tab');
          await page.keyboard.type('Albergue Miami Dade');
        }
        await page.keyboard.press('Enter');
        await status
          .filter({ hasText: fill(c.intake.registered, { name: `${givenNames} ${familyNames}` }) })
          .waitFor();
        expect(await isFocused(given)).toBe(true);
        expect(await given.inputValue()).toBe('');
      }
      expect(
        await page.getByRole('textbox', { name: startsWith(c.intake.locationText) }).inputValue(),
      ).toBe('Albergue Miami Dade');
      expect(
        await page.getByRole('combobox', { name: startsWith(c.intake.welfareStatus) }).inputValue(),
      ).toBe('unaccounted');
      await screen(page, 'rapid-intake');

      await page.goto(`${web.url}/crisis/${eventId}/roster`);
      const roster = page.getByRole('table', { name: c.roster.caption });
      await roster.waitFor();
      for (const [givenNames, familyNames] of people)
        await roster.getByText(`${givenNames} ${familyNames}`, { exact: true }).waitFor();
      expect(await roster.getByRole('row').count()).toBe(people.length + 1);
      await screen(page, 'roster');

      // A welfare change from the roster, by keyboard, with its history.
      await roster
        .getByRole('button', { name: fill(c.roster.change, { name: 'Ana Soto Díaz' }) })
        .focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', {
        name: fill(c.welfareDialog.title, { name: 'Ana Soto Díaz' }),
      });
      await dialog.getByRole('table', { name: c.welfareDialog.historyCaption }).waitFor();
      await dialog
        .getByRole('combobox', { name: startsWith(c.welfareDialog.status) })
        .selectOption('safe');
      await screen(page, 'welfare-dialog');
      await dialog.getByRole('button', { name: c.welfareDialog.submit }).click();
      await page
        .getByRole('status')
        .filter({
          hasText: fill(c.welfareDialog.saved, { name: 'Ana Soto Díaz', status: c.welfare.safe }),
        })
        .waitFor();
    }, 120_000);

    it('shows the event dashboard: counts by welfare status and subdivision, day by day as a chart and a table', async () => {
      const user = await consul(language);
      const name = `Otis ${language} ${randomUUID().slice(0, 4)}`;
      const eventId = await user.declare(name);
      const seeded: [string, string, string][] = [
        ['Ana', 'unaccounted', 'US-FL'],
        ['Bea', 'unaccounted', 'US-FL'],
        ['Caro', 'safe', 'US-FL'],
        ['Dani', 'injured', 'US-TX'],
        ['Eli', 'missing', 'US-TX'],
        ['Fer', 'safe', 'US-TX'],
      ];
      for (const [givenNames, welfareStatus, locationSubdivision] of seeded)
        await user.register(eventId, {
          givenNames,
          familyNames: 'Prueba',
          welfareStatus,
          locationSubdivision,
        });

      await page.goto(`${web.url}/crisis/${eventId}`);
      await signInThroughScreens(page, t, user.email, user.mfaSecret);
      await page.goto(`${web.url}/crisis/${eventId}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const tiles = page.getByRole('list', { name: c.dashboard.byStatusCaption });
      await tiles.waitFor();
      const tile = (count: number, status: keyof typeof c.welfare) =>
        tiles.getByRole('link', { name: `${count} ${c.welfare[status]}`, exact: true });
      await tile(2, 'unaccounted').waitFor();
      await tile(2, 'safe').waitFor();
      await tile(1, 'injured').waitFor();
      await tile(1, 'missing').waitFor();
      await tile(0, 'deceased').waitFor();

      const bySubdivision = page.getByRole('table', { name: c.dashboard.bySubdivisionCaption });
      const rowOf = async (table: typeof bySubdivision, header: RegExp) =>
        (
          await table
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader', { name: header }) })
            .allInnerTexts()
        )[0]
          .split('\t')
          .map((cell) => cell.trim());
      // Columns: place, then the seven statuses in order, then the total.
      expect(await rowOf(bySubdivision, /US-FL/)).toEqual([
        expect.stringContaining('US-FL'),
        '2',
        '1',
        '0',
        '0',
        '0',
        '0',
        '0',
        '3',
      ]);
      expect(await rowOf(bySubdivision, /US-TX/)).toEqual([
        expect.stringContaining('US-TX'),
        '0',
        '1',
        '0',
        '1',
        '1',
        '0',
        '0',
        '3',
      ]);
      const overTime = page.getByRole('table', { name: c.dashboard.overTimeCaption });
      const days = await overTime.getByRole('row').allInnerTexts();
      const today = days[days.length - 1].split('\t').map((cell) => cell.trim());
      expect(today.slice(1)).toEqual(['2', '2', '0', '1', '1', '0', '0', '6']);
      // The chart is drawn (and hidden from screen readers: the table says the same).
      await page.locator('[aria-hidden="true"] .recharts-surface').first().waitFor();
      expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await screen(page, 'event-dashboard');

      // A tile leads to that part of the roster.
      await tile(1, 'injured').click();
      const roster = page.getByRole('table', { name: c.roster.caption });
      await roster.getByText('Dani Prueba').waitFor();
      expect(await roster.getByRole('row').count()).toBe(2);
    }, 120_000);

    it('renames an event from the keyboard and says the change was saved', async () => {
      const user = await consul(language);
      const eventId = await user.declare(`Otis ${language} ${randomUUID().slice(0, 4)}`);
      const renamed = `Otis (${language}) ${randomUUID().slice(0, 4)}`;
      await page.goto(`${web.url}/crisis/${eventId}`);
      await signInThroughScreens(page, t, user.email, user.mfaSecret);
      const open = page.getByRole('button', { name: c.editEvent.open });
      await open.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: /Otis/ });
      const nameField = dialog.getByRole('textbox', { name: c.declare.name });
      await nameField.waitFor();
      await nameField.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(renamed);
      await screen(page, 'edit-event-dialog');
      await dialog.getByRole('button', { name: c.editEvent.submit }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
      await page.getByText(c.editEvent.saved).waitFor();
      expect(await dialog.isVisible()).toBe(false);
      await screen(page, 'event-renamed');
    }, 120_000);

    it('declares, works an enquiry with a typo to its match, a movement with its manifest, and demobilises into cases', async () => {
      const user = await consul(language);
      const name = `Otis ${language} ${randomUUID().slice(0, 4)}`;
      const eventId = await user.declare(name);
      await user.register(eventId, {
        givenNames: 'José',
        familyNames: 'Hernández',
        welfareStatus: 'needs_assistance',
        locationSubdivision: 'US-FL',
      });
      await user.register(eventId, {
        givenNames: 'Ana',
        familyNames: 'Soto',
        welfareStatus: 'safe',
      });
      await user.register(eventId, {
        givenNames: 'Luis',
        familyNames: 'Mora',
        welfareStatus: 'injured',
      });

      await page.goto(`${web.url}/crisis`);
      await signInThroughScreens(page, t, user.email, user.mfaSecret);
      await page.getByRole('button', { name: c.list.declare }).click();
      const declare = page.getByRole('dialog', { name: c.declare.title });
      await declare.getByRole('checkbox', { checked: true }).waitFor();
      await screen(page, 'declare-dialog');
      await declare.getByRole('button', { name: c.common.cancel }).click();

      // A relative asks for "Jose Hernandes": the roster's José Hernández is suggested.
      await page.goto(`${web.url}/crisis/${eventId}/enquiries`);
      await page.getByRole('button', { name: c.enquiries.new }).click();
      const form = page.getByRole('dialog', { name: c.enquiryForm.title });
      await form.getByLabel(startsWith(c.enquiryForm.relativeName)).fill('Marta Hernández');
      await form.getByLabel(startsWith(c.enquiryForm.relativeContact)).fill('+52 55 1234 5678');
      await form.getByLabel(startsWith(c.enquiryForm.soughtGivenNames)).fill('Jose');
      await form.getByLabel(startsWith(c.enquiryForm.soughtFamilyNames)).fill('Hernandes');
      await screen(page, 'enquiry-form');
      await form.getByRole('button', { name: c.enquiryForm.submit }).click();
      const enquiry = page.getByRole('dialog', {
        name: fill(c.enquiry.title, { name: 'Marta Hernández' }),
      });
      const suggestions = enquiry.getByRole('table', { name: c.enquiry.suggestionsCaption });
      await suggestions.waitFor();
      await screen(page, 'enquiry-suggestions');
      await suggestions
        .getByRole('button', { name: fill(c.enquiry.confirm, { name: 'José Hernández' }) })
        .click();
      await enquiry
        .getByText(
          fill(c.enquiry.matched, { name: 'José Hernández', status: c.welfare.needs_assistance }),
        )
        .waitFor();
      await enquiry
        .getByRole('textbox', { name: c.enquiry.answer })
        .fill(language === 'es' ? 'Está en el albergue, necesita asistencia.' : 'At the shelter.');
      await enquiry.getByRole('button', { name: c.enquiry.answerSubmit }).click();
      await enquiry.getByRole('status').filter({ hasText: c.enquiry.answered }).waitFor();
      await screen(page, 'enquiry-answered');
      await enquiry.getByRole('button', { name: c.common.close, exact: true }).click();
      await page
        .getByRole('table', { name: c.enquiries.caption })
        .getByText(c.enquiries.statuses.answered)
        .waitFor();
      await screen(page, 'enquiries');

      // A flight with a passenger, and its manifest.
      await page.goto(`${web.url}/crisis/${eventId}/movements`);
      await page.getByRole('button', { name: c.movements.new }).click();
      const movementForm = page.getByRole('dialog', { name: c.movements.new });
      await movementForm.getByLabel(startsWith(c.movements.label)).fill('AM 123');
      await movementForm.getByLabel(startsWith(c.movements.departsAt)).fill('2026-12-20T15:30');
      await movementForm.getByLabel(startsWith(c.movements.from)).fill('Miami');
      await movementForm.getByLabel(startsWith(c.movements.to)).fill('Ciudad de México');
      await screen(page, 'movement-form');
      await movementForm.getByRole('button', { name: c.movements.submit }).click();
      await page.getByRole('heading', { level: 1, name: `${c.modes.flight} AM 123` }).waitFor();
      await page.getByRole('searchbox', { name: c.movement.search }).fill('Ana');
      await page.getByRole('button', { name: c.movement.searchSubmit }).click();
      await page.getByRole('checkbox', { name: startsWith('Ana Soto') }).check();
      await page.getByRole('button', { name: c.movement.add }).click();
      const passengers = page.getByRole('table', { name: c.movement.passengersCaption });
      await passengers.getByRole('rowheader', { name: 'Ana Soto' }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: c.movement.csv }).click();
      expect((await download).suggestedFilename()).toMatch(/\.csv$/);
      await screen(page, 'movement');
      await page.goto(`${web.url}/crisis/${eventId}/movements`);
      await page.getByRole('table', { name: c.movements.caption }).waitFor();
      await screen(page, 'movements');

      // Demobilisation: the two still needing help get cases; the event closes.
      await page.goto(`${web.url}/crisis/${eventId}`);
      await page.getByRole('button', { name: c.event.demobilise }).click();
      const demobilise = page.getByRole('dialog', { name: fill(c.demobilise.title, { name }) });
      await demobilise
        .getByRole('checkbox', { name: `José Hernández — ${c.welfare.needs_assistance}` })
        .waitFor();
      await demobilise
        .getByRole('checkbox', { name: `Luis Mora — ${c.welfare.injured}` })
        .waitFor();
      await screen(page, 'demobilise');
      await demobilise
        .getByRole('button', { name: fill(c.demobilise.submit, { count: 2 }) })
        .click();
      await demobilise
        .getByRole('status')
        .filter({ hasText: fill(c.demobilise.done, { count: 2 }) })
        .waitFor();
      expect(await demobilise.getByRole('link').count()).toBe(2);
      await screen(page, 'demobilised');
      await demobilise.getByRole('button', { name: c.common.close }).click();
      await page.getByText(fill(c.event.statusLabel, { status: c.statuses.closed })).waitFor();
      expect(await page.getByRole('link', { name: c.event.intake }).count()).toBe(0);
    }, 150_000);
  });
});
