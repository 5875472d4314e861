import { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { submitCredentials, switchLanguage } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

// Literal texts, not the app's locale files: what a user reads is what this spec asserts.
const SIGN_IN = { es: 'Iniciar sesión', en: 'Sign in' };
const WRONG_PASSWORD = {
  es: 'El correo o la contraseña no son correctos.',
  en: 'The email or the password is not correct.',
};

describe('The language of the web application, in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    // The browser first: without Chromium the spec fails at once, with no server left running.
    browser = await openBrowser();
    web = await startWebApp();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const open = async (language: 'es' | 'en'): Promise<Page> => {
    const opened = await openPage(browser, language);
    context = opened.context;
    return opened.page;
  };
  const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });
  /** Waits for the error summary to say `text`, and fails unless it says only that. */
  const expectSummary = async (page: Page, text: string) => {
    const summary = page.getByRole('alert');
    await summary.getByText(text, { exact: true }).waitFor();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([text]);
  };

  it('switches from Spanish to English: the page, its lang, the API errors, and the next visit', async () => {
    const user = await createUser(web.stack, []);
    const page = await open('es');
    await page.goto(`${web.url}/sign-in`);
    await heading(page, SIGN_IN.es).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    await submitCredentials(page, TEXTS.es, user.email, 'not the password');
    await expectSummary(page, WRONG_PASSWORD.es);
    await screen(page, 'wrong-password');

    await page.getByRole('combobox', { name: 'Idioma' }).click();
    await page.getByRole('option', { name: 'English' }).waitFor();
    await screen(page, 'language-menu');
    await page.getByRole('option', { name: 'English' }).click();
    await heading(page, SIGN_IN.en).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The Spanish message is gone rather than left in an English page; the next submit says it.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Language' }).textContent()).toBe('English');

    await page.getByRole('button', { name: SIGN_IN.en }).click();
    await expectSummary(page, WRONG_PASSWORD.en);
    await screen(page, 'wrong-password');

    await page.reload();
    await heading(page, SIGN_IN.en).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await screen(page, 'language-menu');
    await page.getByRole('option', { name: 'Español' }).click();
    await heading(page, SIGN_IN.es).waitFor();
  });

  it.each(LANGUAGES)("opens in the browser's language on a first visit (%s)", async (language) => {
    const page = await open(language);
    await page.goto(`${web.url}/`);
    await heading(page, SIGN_IN[language]).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
  });

  it.each(LANGUAGES)(
    'shows the not-found page of an unknown path, with the way back (%s)',
    async (language) => {
      const page = await open(language);
      await page.goto(`${web.url}/no/such/page`);
      const title = { es: 'Página no encontrada', en: 'Page not found' }[language];
      await heading(page, title).waitFor();
      await screen(page, 'not-found');
      await page
        .getByRole('link', { name: { es: 'Ir al inicio', en: 'Go to the start' }[language] })
        .click();
      await heading(page, SIGN_IN[language]).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    },
  );

  it('follows the account’s language after sign-in, and the switch saves it to the account', async () => {
    const user = await createUser(web.stack, [{ role: 'analyst', countryCode: 'MX' }]);
    const page = await open('en');
    await page.goto(`${web.url}/sign-in`);
    await submitCredentials(page, TEXTS.en, user.email);
    // A new account speaks Spanish (its locale), whatever the browser's language was.
    await page.getByRole('link', { name: TEXTS.es.nav.account }).click();
    await heading(page, 'Su cuenta').waitFor();
    await switchLanguage(page, 'es', 'en');
    await heading(page, 'Your account').waitFor();
    await page.getByText('Analyst · country MX').waitFor();
    const [saved] = await web.stack.query<{ locale: string }>(
      'SELECT locale FROM users WHERE id = (SELECT id FROM users WHERE email = $1)',
      [user.email],
    );
    expect(saved.locale).toBe('en');
  });
});
