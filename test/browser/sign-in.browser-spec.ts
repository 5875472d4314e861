import { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import {
  openAccountPage,
  shownSecret,
  signedInMenu,
  submitCode,
  submitCredentials,
} from './support/sign-in';
import { totpCode, wrongCode } from './support/totp';
import { WebApp, startWebApp } from './support/web-app';

describe('Signing in with a second factor, in Chromium', () => {
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

    it('enrols a supervisor in TOTP (key, first code, recovery codes) and lands on the dashboard', async () => {
      const user = await createUser(web.stack, [{ role: 'supervisor', countryCode: 'MX' }], {
        locale: language,
      });
      await page.goto(`${web.url}/`);
      await page.getByRole('heading', { name: t.signIn.title }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await screen(page, 'sign-in');

      await page.getByRole('button', { name: t.signIn.submit }).click();
      const summary = page.getByRole('alert');
      expect(await isFocused(summary)).toBe(true);
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        t.signIn.emailRequired,
        t.signIn.passwordRequired,
      ]);
      await screen(page, 'sign-in-missing-fields');

      await submitCredentials(page, t, user.email);
      await page.getByRole('heading', { name: t.signIn.enrolTitle }).waitFor();
      const secret = await shownSecret(page, t);
      const link = page.getByRole('link', { name: /^otpauth:/ });
      expect(await link.getAttribute('href')).toContain(`secret=${secret}`);
      await screen(page, 'mfa-enrol');

      await submitCode(page, t, await totpCode(secret));
      await page.getByRole('heading', { name: t.signIn.recoveryTitle }).waitFor();
      const codes = await page.getByRole('listitem').allTextContents();
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      await screen(page, 'recovery-codes');

      await page.getByRole('button', { name: t.signIn.continue }).click();
      // A supervisor's first screen is the dashboard.
      await signedInMenu(page, t).waitFor();
      await page.waitForURL((url) => url.pathname === '/dashboard');
      await openAccountPage(page, t);
      await page.getByText(user.email).waitFor();
      await page
        .getByText(`${t.roles.supervisor} · ${t.grantScope.country.replace('{{code}}', 'MX')}`)
        .waitFor();
      await screen(page, 'account');
      const [enabled] = await web.stack.query<{ on: boolean }>(
        'SELECT mfa_enabled_at IS NOT NULL AS on FROM users WHERE id = $1',
        [user.id],
      );
      expect(enabled.on).toBe(true);
    });

    it('signs out, then back in with a TOTP code after a wrong one that the error summary links to', async () => {
      const user = await createUser(web.stack, [{ role: 'supervisor', countryCode: 'MX' }], {
        locale: language,
      });
      await page.goto(`${web.url}/sign-in`);
      await submitCredentials(page, t, user.email);
      const secret = await shownSecret(page, t);
      await submitCode(page, t, await totpCode(secret));
      await page.getByRole('button', { name: t.signIn.continue }).click();

      await page.getByRole('button', { name: t.home.signOut }).click();
      await page.getByRole('heading', { name: t.signIn.title }).waitFor();
      const loggedOut = await web.stack.query(
        `SELECT 1 FROM audit_events WHERE action = 'auth.logout' AND actor_user_id = $1`,
        [user.id],
      );
      expect(loggedOut).toHaveLength(1);
      await page.goto(`${web.url}/`);
      await page.getByRole('heading', { name: t.signIn.title }).waitFor();

      await submitCredentials(page, t, user.email);
      await page.getByRole('heading', { name: t.signIn.codeTitle }).waitFor();
      await screen(page, 'mfa-verify');

      await submitCode(page, t, await wrongCode(secret));
      const summary = page.getByRole('alert');
      expect(await isFocused(summary)).toBe(true);
      const toField = summary.getByRole('link');
      const refusal = TOTP_REFUSAL[language];
      expect(await toField.textContent()).toBe(refusal);
      const field = page.getByRole('textbox', { name: t.signIn.code });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await screen(page, 'mfa-verify-wrong-code');
      await toField.click();
      expect(await isFocused(field)).toBe(true);

      await submitCode(page, t, await totpCode(secret));
      await openAccountPage(page, t);
      await page.getByText(user.email).waitFor();
    });
  });
});

/** The API's own words for a refused code (MFA_CODE_INVALID), in the language the page asked in. */
const TOTP_REFUSAL = {
  es: 'El código de verificación no es válido o ya se usó.',
  en: 'The verification code is invalid or was already used.',
};
