import { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD, createUser, signIn } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { tabThrough } from './support/keyboard';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { totpCode } from './support/totp';
import { WebApp, startWebApp } from './support/web-app';

describe('Signing in with the keyboard only, in Chromium', () => {
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
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await context?.close();
    });

    it('reaches every control in order with a visible focus, and Enter submits each step', async () => {
      const user = await createUser(web.stack, [{ role: 'supervisor', countryCode: 'MX' }], {
        locale: language,
      });
      const { mfaSecret } = await signIn(web.api, user.email);
      await page.goto(`${web.url}/sign-in`);
      const languageSwitch = page.getByRole('combobox', { name: t.language.label });
      const email = page.getByRole('textbox', { name: t.signIn.email });
      const password = page.getByLabel(t.signIn.password);
      const submit = page.getByRole('button', { name: t.signIn.submit });
      await email.waitFor();

      const skipLink = page.getByRole('link', { name: t.nav.skipToContent });
      await tabThrough(page, [
        { name: 'the skip link', locator: skipLink },
        { name: 'the language switch', locator: languageSwitch },
        { name: 'the email field', locator: email },
        { name: 'the password field', locator: password },
        { name: 'the sign-in button', locator: submit },
      ]);

      await email.focus();
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert');
      expect(await isFocused(summary)).toBe(true);
      await page.keyboard.press('Tab');
      const toEmail = summary.getByRole('link', { name: t.signIn.emailRequired });
      expect(await isFocused(toEmail)).toBe(true);
      await screen(page, 'sign-in-summary-link-focused');
      await page.keyboard.press('Enter');
      expect(await isFocused(email)).toBe(true);

      await page.keyboard.type(user.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_PASSWORD);
      await page.keyboard.press('Enter');
      // The step's heading takes the focus from the password field that the new step removed.
      expect(await isFocused(page.getByRole('heading', { name: t.signIn.codeTitle }))).toBe(true);

      const code = page.getByRole('textbox', { name: t.signIn.code });
      await tabThrough(page, [
        { name: 'the code field', locator: code, type: await totpCode(mfaSecret!) },
        { name: 'the verify button', locator: page.getByRole('button', { name: t.signIn.verify }) },
        {
          name: 'the start-over button',
          locator: page.getByRole('button', { name: t.signIn.startOver }),
        },
      ]);
      await code.focus();
      await screen(page, 'verify-code-focused');
      await page.keyboard.press('Enter');
      // The first screen's heading takes the focus (a supervisor's: the dashboard).
      await page.waitForURL((url) => url.pathname === '/dashboard');
      expect(await isFocused(page.getByRole('heading', { level: 1 }))).toBe(true);

      // Sign-out is the last control of the menu bar, reached from the language switch.
      const signOut = page.getByRole('button', { name: t.home.signOut });
      await page.getByRole('combobox', { name: t.language.label }).focus();
      await tabThrough(page, [{ name: 'the sign-out button', locator: signOut }]);
      await signOut.focus();
      await screen(page, 'sign-out-focused');
      await page.keyboard.press('Enter');
      expect(await isFocused(page.getByRole('heading', { name: t.signIn.title }))).toBe(true);
    });
  });
});
