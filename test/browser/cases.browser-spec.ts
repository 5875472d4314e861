import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { en as casesEn } from '../../apps/web/src/cases/locales/en';
import { es as casesEs } from '../../apps/web/src/cases/locales/es';
import { createConsulate, createUser, GrantSpec, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { tabThrough } from './support/keyboard';
import { Language, LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';
import { assessBestInterests } from '../utils/best-interest';

const CASES = { es: casesEs, en: casesEn };

type CodeLists = Record<string, { code: string; label: Record<Language, string> }[]>;

/** A label the user reads at the start of an accessible name (MUI adds " *" to required ones). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

describe('The case screens, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let post: string;
  let codes: CodeLists;

  beforeAll(async () => {
    browser = await openBrowser();
    web = await startWebApp();
    post = await createConsulate(web.stack, 'MX');
    const reader = await createUser(web.stack, [{ role: 'officer', consulateId: post }]);
    const { accessToken } = await signIn(web.api, reader.email);
    codes = (
      await request(web.api.getHttpServer())
        .get('/api/v1/code-lists')
        .set('Authorization', `Bearer ${accessToken}`)
        .expect(200)
    ).body;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const label = (list: string, code: string, language: Language) =>
    codes[list].find((c) => c.code === code)!.label[language];

  /** A user of the post in the test's language, with the key of their authenticator. */
  async function staff(grants: GrantSpec[], language: Language) {
    const user = await createUser(web.stack, grants, { locale: language });
    const session = await signIn(web.api, user.email);
    return { ...user, ...session };
  }

  /** A case registered through the API, opened two days ago (actions may be dated before now). */
  async function registerCase(token: string, fields: object = {}): Promise<string> {
    const res = await request(web.api.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({
        consulateId: post,
        primaryCategory: 'criminal_detention',
        openedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        nextStep: 'Visitar en el centro de detención',
        nextStepDue: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Lucía',
              familyNames: `Prueba ${Math.random().toString(36).slice(2, 8)}`,
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 34,
            },
          },
        ],
        ...fields,
      })
      .expect(201);
    return res.body.id;
  }

  /** A workflow move through the API, on the case's current version. */
  async function moveTo(token: string, id: string, body: object): Promise<void> {
    const http = () => request(web.api.getHttpServer());
    const current = await http().get(`/api/v1/cases/${id}`).set('Authorization', `Bearer ${token}`);
    await http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', current.headers.etag)
      .send(body)
      .expect(200);
  }

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const c = CASES[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    const choose = async (
      scope: Page | ReturnType<Page['getByRole']>,
      name: string,
      option: string,
    ) => {
      await scope.getByRole('combobox', { name: startsWith(name) }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };

    const caseTitle = () =>
      page.getByRole('heading', { level: 1, name: startsWith(c.page.reference.split(' ')[0]) });

    async function fillIntake(givenNames: string, familyNames: string) {
      await page.getByRole('textbox', { name: startsWith(c.intake.givenNames) }).fill(givenNames);
      await page.getByRole('textbox', { name: startsWith(c.intake.familyNames) }).fill(familyNames);
      await choose(page, c.intake.sex, label('sexes', 'female', language));
      // Each language its own person: the other run's would be a possible duplicate.
      await page
        .getByLabel(startsWith(c.intake.dateOfBirth))
        .fill(language === 'es' ? '1991-05-17' : '1987-09-23');
      await choose(
        page,
        c.intake.primaryCategory,
        label('caseCategories', 'criminal_detention', language),
      );
    }

    it('registers a case through the intake, and warns of the same person on a second one', async () => {
      const officer = await staff([{ role: 'officer', consulateId: post }], language);
      await page.goto(`${web.url}/cases/new`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/new`);
      await page.getByRole('heading', { level: 1, name: c.intake.title }).waitFor();
      const given = language === 'es' ? 'Josefina' : 'Gertrudis';
      const family = `${language === 'es' ? 'Ramírez' : 'Oyelaran'} ${Date.now() % 100000}`;
      await fillIntake(given, family);
      await page
        .getByRole('textbox', { name: c.intake.nextStep, exact: true })
        .fill(c.intake.nextStep);
      await screen(page, 'intake-filled');
      await page.getByRole('button', { name: c.intake.submit }).click();
      await caseTitle().waitFor();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await screen(page, 'case-registered');

      await page.goto(`${web.url}/cases/new`);
      await page.getByRole('heading', { level: 1, name: c.intake.title }).waitFor();
      await fillIntake(given, family);
      await page.getByRole('table', { name: c.duplicates.caption }).waitFor();
      await screen(page, 'intake-possible-duplicate');
      await page.getByRole('button', { name: c.intake.submit }).click();
      await page.getByRole('dialog', { name: c.duplicates.dialogTitle }).waitFor();
      await screen(page, 'intake-duplicate-dialog');
    });

    it('records an action and corrects it, keeping the original', async () => {
      const officer = await staff([{ role: 'officer', consulateId: post }], language);
      const id = await registerCase(officer.accessToken, { assignedOfficerId: officer.userId });
      await page.goto(`${web.url}/cases/${id}`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/${id}`);
      await caseTitle().waitFor();
      // The step was due yesterday: the header says so in words.
      await page.getByText(startsWith(c.page.nextStepOverdue.split(':')[0])).waitFor();
      await screen(page, 'case-page-overdue-step');

      await page.getByRole('button', { name: c.actions.add }).click();
      const dialog = page.getByRole('dialog', { name: c.actions.addTitle });
      await choose(dialog, c.actions.type, label('actionTypes', 'consular_visit', language));
      const when = await page.evaluate(() => {
        const d = new Date(Date.now() - 3_600_000);
        d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
        return d.toISOString().slice(0, 16);
      });
      await dialog.getByLabel(startsWith(c.actions.occurredAt)).fill(when);
      await dialog.getByRole('textbox', { name: c.actions.outcome }).fill('Sin novedad');
      await dialog.getByRole('textbox', { name: c.actions.nextStep }).fill('Llamar a la familia');
      await screen(page, 'action-dialog');
      await dialog.getByRole('button', { name: c.actions.submit }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('dd').filter({ hasText: 'Llamar a la familia' }).waitFor();

      await page
        .getByRole('button', { name: startsWith(c.actions.correctNamed.split(' {{')[0]) })
        .click();
      const correction = page.getByRole('dialog', { name: c.actions.correctTitle });
      await correction.getByRole('textbox', { name: c.actions.outcome }).fill('Solicita abogado');
      await screen(page, 'correction-dialog');
      await correction.getByRole('button', { name: c.actions.submitCorrection }).click();
      await correction.waitFor({ state: 'detached' });
      const timeline = page.getByRole('list', { name: c.actions.timeline });
      await timeline.getByText(c.actions.correctionTag, { exact: true }).waitFor();
      await timeline.getByText(c.actions.correctedTag, { exact: true }).waitFor();
      await screen(page, 'action-corrected');
    });

    it('lets the officer request closure and the consul approve it', async () => {
      const officer = await staff([{ role: 'officer', consulateId: post }], language);
      const consul = await staff([{ role: 'consul', consulateId: post }], language);
      const id = await registerCase(officer.accessToken, {
        assignedOfficerId: officer.userId,
        vulnerabilityFlags: ['unaccompanied_child'],
      });
      // The child's best interests were assessed: the consul may approve (child-safeguards spec).
      await assessBestInterests(web.stack, id);
      await page.goto(`${web.url}/cases/${id}`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/${id}`);
      await caseTitle().waitFor();
      // A child's case is never closed by an officer alone: no direct closure is offered.
      expect(
        await page.getByRole('button', { name: c.transitions.kinds.close.button }).count(),
      ).toBe(0);
      await page.getByRole('button', { name: c.transitions.kinds.requestClosure.button }).click();
      const request = page.getByRole('dialog');
      await choose(
        request,
        c.transitions.closureReason,
        label('closureReasons', 'resolved', language),
      );
      await screen(page, 'request-closure-dialog');
      await request
        .getByRole('button', { name: c.transitions.kinds.requestClosure.confirm })
        .click();
      await request.waitFor({ state: 'detached' });
      const requested = label('caseStatuses', 'closure_requested', language);
      await page.getByRole('status').filter({ hasText: requested }).waitFor();
      await screen(page, 'closure-requested');

      const other = await openPage(browser, language);
      try {
        await other.page.goto(`${web.url}/cases/${id}`);
        await signInThroughScreens(other.page, t, consul.email, consul.mfaSecret);
        await other.page.goto(`${web.url}/cases/${id}`);
        await other.page
          .getByRole('button', { name: c.transitions.kinds.approveClosure.button })
          .click();
        const approve = other.page.getByRole('dialog');
        await approve
          .getByText(label('closureReasons', 'resolved', language), { exact: false })
          .waitFor();
        await screen(other.page, 'approve-closure-dialog');
        await approve
          .getByRole('button', { name: c.transitions.kinds.approveClosure.confirm })
          .click();
        await approve.waitFor({ state: 'detached' });
        const closed = label('caseStatuses', 'closed', language);
        await other.page.getByRole('status').filter({ hasText: closed }).waitFor();
        await other.page.getByRole('button', { name: c.transitions.kinds.reopen.button }).waitFor();
        await screen(other.page, 'closure-approved');
      } finally {
        await other.context.close();
      }
    });

    it('opens a restricted case to an unassigned officer only through break-the-glass', async () => {
      const consul = await staff([{ role: 'consul', consulateId: post }], language);
      const officer = await staff([{ role: 'officer', consulateId: post }], language);
      const id = await registerCase(consul.accessToken, { restricted: true });
      await page.goto(`${web.url}/cases/${id}`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/${id}`);
      await page.getByRole('heading', { level: 1, name: c.restricted.title }).waitFor();
      await screen(page, 'restricted-notice');
      await page.getByRole('button', { name: c.restricted.submit }).click();
      const summary = page.getByRole('alert');
      expect(await isFocused(summary)).toBe(true);
      await page.getByLabel(startsWith(c.restricted.reason)).fill('Audiencia en una hora');
      await page.getByRole('button', { name: c.restricted.submit }).click();
      await caseTitle().waitFor();
      await page.getByText(startsWith(c.restricted.banner.split(',')[0])).waitFor();
      await screen(page, 'break-the-glass-banner');
    });

    it('lists cases with the filters of a dashboard link as removable chips', async () => {
      const consul = await staff([{ role: 'consul', consulateId: post }], language);
      await registerCase(consul.accessToken);
      await page.goto(`${web.url}/cases`);
      await signInThroughScreens(page, t, consul.email, consul.mfaSecret);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await page.goto(
        `${web.url}/cases?status=open,in_progress&consulateId=${post}&nextStepDueTo=${yesterday}&sort=nextStepDue`,
      );
      await page.getByRole('heading', { level: 1, name: c.list.title }).waitFor();
      await page.getByRole('table', { name: c.list.caption }).waitFor();
      const statusChip = page.getByRole('button', {
        name: startsWith(c.list.removeFilter.split(' {{')[0]),
      });
      expect(await statusChip.count()).toBe(4);
      await screen(page, 'case-list-filtered');
      await statusChip.first().click();
      await page.waitForURL((url) => !url.searchParams.has('status'));
      expect(new URL(page.url()).searchParams.get('sort')).toBe('nextStepDue');
    });

    it('takes the intake and a transition dialog by keyboard alone', async () => {
      const officer = await staff([{ role: 'officer', consulateId: post }], language);
      const id = await registerCase(officer.accessToken, { assignedOfficerId: officer.userId });
      await moveTo(officer.accessToken, id, { to: 'in_progress' });
      await page.goto(`${web.url}/cases/new`);
      await signInThroughScreens(page, t, officer.email, officer.mfaSecret);
      await page.goto(`${web.url}/cases/new`);
      const title = page.getByRole('heading', { level: 1, name: c.intake.title });
      await title.waitFor();
      await page.getByRole('combobox', { name: startsWith(c.intake.consulate) }).focus();

      // Tab from the first field to the submit button, noting each control that takes the focus.
      const reached: string[] = [];
      for (let i = 0; i < 80; i += 1) {
        // A string: the test's TypeScript has no DOM types.
        const focused = await page.evaluate<string>(`(() => {
          const el = document.activeElement;
          if (!el) return '';
          return el.id || (el.getAttribute('role') || el.tagName) + ':' + (el.textContent || '').trim();
        })()`);
        if (reached.at(-1) !== focused) reached.push(focused);
        if (focused.includes(c.intake.submit)) break;
        await page.keyboard.press('Tab');
      }
      const fields = [
        'consulateId',
        'givenNames',
        'familyNames',
        'sex',
        'gender',
        'dateOfBirth',
        'estimatedAge',
        'nationalityCode',
        'documentType',
        'documentNumber',
        'documentCountry',
        'primaryCategory',
        'vulnerabilityFlags',
        'riskLevel',
        'hostCountryRole',
        'temporaryWorker',
        'summary',
        'nextStep',
        'nextStepDue',
        'restricted',
      ];
      const inOrder = reached.filter((name) => fields.includes(name));
      expect(inOrder).toEqual(fields);
      expect(reached.at(-1)).toContain(c.intake.submit);
      // Every vulnerability flag is a stop of its own.
      const flagBoxes = await page.locator('fieldset input[type="checkbox"]').count();
      expect(flagBoxes).toBe(codes.vulnerabilityFlags.length);

      await page.getByRole('textbox', { name: startsWith(c.intake.givenNames) }).focus();
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert').first();
      expect(await isFocused(summary)).toBe(true);
      await screen(page, 'intake-error-summary-keyboard');

      // A transition dialog: open with Enter, fields and buttons in order, Escape returns focus.
      await page.goto(`${web.url}/cases/${id}`);
      await caseTitle().waitFor();
      const hold = page.getByRole('button', { name: c.transitions.kinds.hold.button });
      await hold.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      const reason = dialog.getByRole('textbox', {
        name: startsWith(c.transitions.kinds.hold.reason),
      });
      await reason.waitFor();
      // The dialog takes the focus; Tab reaches the reason first. A multi-line field shows its
      // focus on its outline, outside the text area: compare the whole field, focused and not.
      await page.keyboard.press('Tab');
      expect(await isFocused(reason)).toBe(true);
      await page.keyboard.type('Oficio pendiente');
      const outline = reason.locator(
        'xpath=ancestor::div[contains(@class,"MuiInputBase-root")][1]',
      );
      // The outline's colour change is a transition: let it end before looking.
      await page.waitForTimeout(400);
      const focusedLook = await outline.screenshot({ animations: 'disabled', caret: 'hide' });
      await tabThrough(page, [
        {
          name: 'the cancel button',
          locator: dialog.getByRole('button', { name: c.common.cancel }),
        },
        {
          name: 'the confirm button',
          locator: dialog.getByRole('button', { name: c.transitions.kinds.hold.confirm }),
        },
      ]);
      // The last Tab wrapped round to the reason: move off it before looking at it unfocused.
      await dialog.getByRole('button', { name: c.common.cancel }).focus();
      await page.waitForTimeout(400);
      const restingLook = await outline.screenshot({ animations: 'disabled', caret: 'hide' });
      expect(focusedLook.equals(restingLook)).toBe(false);
      await reason.focus();
      await screen(page, 'hold-dialog-keyboard');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await isFocused(hold)).toBe(true);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Oficio pendiente');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      const waiting = label('caseStatuses', 'waiting', language);
      await page.getByRole('status').filter({ hasText: waiting }).waitFor();
    });
  });
});
