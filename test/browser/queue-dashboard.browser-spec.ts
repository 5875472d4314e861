import { Browser, BrowserContext, Page } from 'playwright-core';
import { en as dashboardEn } from '../../apps/web/src/dashboard/locales/en';
import { es as dashboardEs } from '../../apps/web/src/dashboard/locales/es';
import { en as queueEn } from '../../apps/web/src/queue/locales/en';
import { es as queueEs } from '../../apps/web/src/queue/locales/es';
import { createConsulate, createUser } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { apiAs, utcDay } from './support/cases';
import { isFocused } from './support/focus';
import { tabThrough } from './support/keyboard';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

const QUEUE = { es: queueEs, en: queueEn };
const DASHBOARD = { es: dashboardEs, en: dashboardEn };

/** i18next's `{{name}}` placeholders filled in, as the screens show them. */
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)(, number)?\}\}/g, (_, name: string) => String(values[name]));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Work queue and dashboard, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    // The browser first: without Chromium the spec fails at once, with no server left running.
    browser = await openBrowser();
    web = await startWebApp();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    const q = QUEUE[language];
    const d = DASHBOARD[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    /** A queue tab by the start of its name: "My open cases (3)", the overdue line after it. */
    const queueTab = (tab: keyof typeof q.tabs, count: number) =>
      page.getByRole('tab', {
        name: new RegExp(`^${escape(fill(q.tabCount, { label: q.tabs[tab], count }))}`),
      });

    it('an officer lands on the queue, finds the cases registered for them with the overdue one said in words, and opens one; the tabs work by keyboard', async () => {
      const post = await createConsulate(web.stack, 'MX');
      const user = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
        locale: language,
      });
      const officer = await apiAs(web, user.email);
      const overdue = await officer.registerCase(post, {
        nextStep: 'Visit at the jail',
        nextStepDue: utcDay(-2),
      });
      const soon = await officer.registerCase(post, {
        nextStep: 'Call the defender',
        nextStepDue: utcDay(3),
      });
      const withoutStep = await officer.registerCase(post, { primaryCategory: 'health' });

      await page.goto(`${web.url}/`);
      await signInThroughScreens(page, t, user.email, officer.mfaSecret);
      await page.waitForURL((url) => url.pathname === '/queue');
      await page.getByRole('heading', { level: 1, name: q.title }).waitFor();

      const mine = queueTab('mine', 3);
      expect(await mine.getAttribute('aria-selected')).toBe('true');
      expect(await mine.textContent()).toContain(fill(q.overdue_one, { count: 1 }));
      const nextSteps = queueTab('next_steps', 2);
      expect(await nextSteps.textContent()).toContain(fill(q.overdue_one, { count: 1 }));
      await queueTab('waiting', 0).waitFor();

      const table = page.getByRole('table', { name: q.tabs.mine });
      await table.getByRole('link', { name: withoutStep.reference }).waitFor();
      const rows = table.getByRole('row');
      // Soonest next step first, the overdue one at the top, the case without a step last.
      expect(await rows.count()).toBe(4);
      const references = await table.getByRole('rowheader').allTextContents();
      expect(references).toEqual([overdue.reference, soon.reference, withoutStep.reference]);
      // Overdue is said in words beside the date, not by colour alone.
      expect(await rows.nth(1).textContent()).toContain(q.table.overdue);
      expect(await rows.nth(2).textContent()).not.toContain(q.table.overdue);
      expect(await rows.nth(3).textContent()).toContain(q.table.noNextStep);
      await screen(page, 'queue-officer');

      // The MUI Tabs pattern: arrows move the focus along the tabs, Enter selects, Tab leaves.
      await mine.focus();
      await page.keyboard.press('ArrowRight');
      expect(await isFocused(nextSteps)).toBe(true);
      await page.keyboard.press('ArrowRight');
      expect(await isFocused(queueTab('waiting', 0))).toBe(true);
      await page.keyboard.press('ArrowLeft');
      expect(await isFocused(nextSteps)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('tab') === 'next_steps');
      await nextSteps.and(page.locator('[aria-selected="true"]')).waitFor();
      await page.getByRole('table', { name: q.tabs.next_steps }).waitFor();
      await tabThrough(page, [
        {
          name: 'the sort field of the tab',
          locator: page.getByRole('combobox', { name: q.sort.label }),
        },
        {
          name: 'the first case of the tab',
          locator: page.getByRole('link', { name: overdue.reference }),
        },
      ]);
      await screen(page, 'queue-next-steps-by-keyboard');

      await page.getByRole('link', { name: overdue.reference }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/cases/${overdue.id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(overdue.reference) }).waitFor();
    });

    it('a consul sees the closure requests and the emergency accesses of the post, and reviews one in the dialog', async () => {
      const post = await createConsulate(web.stack, 'MX');
      const officerUser = await createUser(web.stack, [{ role: 'officer', consulateId: post }]);
      const colleagueUser = await createUser(web.stack, [{ role: 'officer', consulateId: post }]);
      const consulUser = await createUser(web.stack, [{ role: 'consul', consulateId: post }], {
        locale: language,
      });
      const officer = await apiAs(web, officerUser.email);
      const colleague = await apiAs(web, colleagueUser.email);
      const consul = await apiAs(web, consulUser.email);
      const toClose = await officer.registerCase(post, { nextStepDue: utcDay(5) });
      await officer.transition(toClose.id, { to: 'closure_requested', closureReason: 'resolved' });
      // An asylum case is restricted to its officer and the consul: a colleague breaks the glass.
      const restricted = await officer.registerCase(post, { primaryCategory: 'asylum' });
      const accessId = await colleague.breakTheGlass(
        restricted.id,
        'The family called the emergency line at night',
      );

      await page.goto(`${web.url}/`);
      await signInThroughScreens(page, t, consulUser.email, consul.mfaSecret);
      await page.waitForURL((url) => url.pathname === '/queue');
      const closures = queueTab('closure_requests', 1);
      const accesses = queueTab('access_requests', 1);
      await closures.click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'closure_requests');
      const closureTable = page.getByRole('table', { name: q.tabs.closure_requests });
      await closureTable.getByRole('link', { name: toClose.reference }).waitFor();
      expect(await closureTable.getByRole('rowheader').allTextContents()).toEqual([
        toClose.reference,
      ]);
      await screen(page, 'queue-closure-requests');

      await accesses.click();
      const accessTable = page.getByRole('table', { name: q.access.caption });
      await accessTable.getByRole('link', { name: restricted.reference }).waitFor();
      expect(await accessTable.textContent()).toContain(
        'The family called the emergency line at night',
      );
      await screen(page, 'queue-access-requests');

      const reviewButton = page.getByRole('button', {
        name: fill(q.access.reviewLabel, { reference: restricted.reference }),
      });
      await reviewButton.click();
      const dialog = page.getByRole('dialog', {
        name: fill(q.review.title, { reference: restricted.reference }),
      });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: q.review.submit }).click();
      const summary = dialog.getByRole('alert');
      expect(await isFocused(summary)).toBe(true);
      expect(await summary.getByRole('link').allTextContents()).toEqual([q.review.outcomeRequired]);
      await screen(page, 'review-dialog-outcome-missing');

      await summary.getByRole('link', { name: q.review.outcomeRequired }).click();
      const justified = dialog.getByRole('radio', { name: q.review.justified, exact: true });
      expect(await isFocused(justified)).toBe(true);
      await page.keyboard.press('Space');
      expect(await justified.isChecked()).toBe(true);
      await dialog.getByRole('textbox', { name: q.review.note }).fill('Confirmed with the family.');
      await dialog.getByRole('button', { name: q.review.submit }).click();
      await dialog.waitFor({ state: 'detached' });
      const done = page
        .getByRole('alert')
        .filter({ hasText: fill(q.access.reviewed, { reference: restricted.reference }) });
      expect(await isFocused(done)).toBe(true);
      await page.getByText(q.empty.access_requests).waitFor();
      await screen(page, 'queue-access-reviewed');

      const [reviewed] = await web.stack.query<{ outcome: string; reviewed_by: string }>(
        'SELECT review_outcome AS outcome, reviewed_by FROM case_access_requests WHERE id = $1',
        [accessId],
      );
      expect(reviewed).toEqual({ outcome: 'justified', reviewed_by: consul.userId });
    });

    it('a supervisor lands on the dashboard: figures that open their cases, tables by post and officer, opened and closed as a table beside the chart', async () => {
      const post = await createConsulate(web.stack, 'MX');
      const officerUser = await createUser(web.stack, [{ role: 'officer', consulateId: post }]);
      const supervisorUser = await createUser(
        web.stack,
        [{ role: 'supervisor', countryCode: 'MX' }],
        { locale: language },
      );
      const officer = await apiAs(web, officerUser.email);
      const supervisor = await apiAs(web, supervisorUser.email);
      await officer.registerCase(post, { nextStep: 'Visit', nextStepDue: utcDay(-1) });
      await officer.registerCase(post, { nextStepDue: utcDay(4) });
      const waiting = await officer.registerCase(post, { primaryCategory: 'health' });
      await officer.transition(
        waiting.id,
        { to: 'in_progress' },
        { to: 'waiting', reason: 'Waiting for the family' },
      );
      const [consulate] = await web.stack.query<{ name: string; post_code: string }>(
        'SELECT name, post_code FROM consulates WHERE id = $1',
        [post],
      );
      const postName = `${consulate.name} (${consulate.post_code})`;

      await page.goto(`${web.url}/`);
      await signInThroughScreens(page, t, supervisorUser.email, supervisor.mfaSecret);
      await page.waitForURL((url) => url.pathname === '/dashboard');
      await page.getByRole('heading', { level: 1, name: d.title }).waitFor();

      const tiles = page.getByRole('region', { name: d.tiles.title });
      await tiles.waitFor();
      // Other tests' posts are in the same country: the figures are at least this post's.
      const byPost = page.getByRole('table', { name: d.byPost.caption });
      const postRow = byPost.getByRole('row', { name: new RegExp(escape(postName)) });
      expect(
        (await postRow.getByRole('cell').allTextContents()).map((cell) => cell.trim()),
      ).toEqual(['3', '1', '0', '1']);
      const byOfficer = page.getByRole('table', { name: d.byOfficer.caption });
      const officerRow = byOfficer.getByRole('row', { name: new RegExp(escape(postName)) });
      expect(await officerRow.getByRole('rowheader').textContent()).toBe('Test User');
      const byCategory = page.getByRole('table', {
        name: new RegExp(`^${escape(d.series.byCategoryCaption.split('{{')[0])}`),
      });
      await byCategory.waitFor();
      const monthly = page.getByRole('table', {
        name: new RegExp(escape(d.series.monthlyCaption.split('}}')[1])),
      });
      // Twelve months by default, one row each, beside a chart that screen readers skip.
      expect(await monthly.getByRole('row').count()).toBe(13);
      await page.locator('.recharts-surface').first().waitFor();
      expect(
        await page
          .locator('[aria-hidden="true"]')
          .filter({ has: page.locator('.recharts-surface') })
          .count(),
      ).toBeGreaterThan(0);
      await screen(page, 'dashboard');

      // The period form by keyboard alone: the fields in order, Enter shows the period.
      const from = page.getByRole('textbox', { name: d.period.from });
      const to = page.getByRole('textbox', { name: d.period.to });
      await page.getByRole('heading', { name: d.period.title }).click();
      await tabThrough(page, [
        { name: 'the first month', locator: from },
        { name: 'the last month', locator: to },
        { name: 'the post', locator: page.getByRole('combobox', { name: d.period.post }) },
        { name: 'the show button', locator: page.getByRole('button', { name: d.period.apply }) },
        { name: 'the reset button', locator: page.getByRole('button', { name: d.period.reset }) },
      ]);
      // The month the cases were opened in (ten days ago), alone.
      const openedMonth = utcDay(-10).slice(0, 7);
      await from.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('2020-01');
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert');
      expect(await isFocused(summary)).toBe(true);
      expect(await summary.getByRole('link').allTextContents()).toEqual([d.period.tooLong]);
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      await screen(page, 'dashboard-period-too-long');
      await from.fill(openedMonth);
      await to.fill(openedMonth);
      await to.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('to') === openedMonth);
      await page.getByRole('heading', { name: d.tiles.title }).waitFor();
      expect(await summary.count()).toBe(0);
      // The month asked alone: its row under the header, once the new figures have come.
      await monthly.getByRole('row').nth(2).waitFor({ state: 'detached' });
      expect(await monthly.getByRole('row').count()).toBe(2);

      // A tile opens the case list with the filters of its figure.
      await tiles.getByRole('link', { name: new RegExp(escape(d.tiles.waiting)) }).click();
      await page.waitForURL((url) => url.pathname === '/cases');
      expect(new URL(page.url()).searchParams.get('status')).toBe('waiting');
      await page.getByRole('link', { name: waiting.reference }).waitFor();
      await screen(page, 'cases-from-waiting-tile');
    });
  });
});
