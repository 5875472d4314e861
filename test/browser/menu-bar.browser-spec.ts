import { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../utils/identity';
import { openBrowser, openPage } from './support/browser';
import { isFocused } from './support/focus';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens, signedInMenu } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

/** The vertical middle of a box: controls on one line share it. */
const centre = (box: { y: number; height: number } | null) => box!.y + box!.height / 2;

describe('The menu bar at desktop and phone widths, in Chromium', () => {
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

    it('lays out a long menu bar cleanly at 1280 and 1024 px, and behind a menu button on a phone', async () => {
      // Supervisor, analyst and administrator at once: the longest menu a country's user has.
      const user = await createUser(
        web.stack,
        [
          { role: 'supervisor', countryCode: 'MX' },
          { role: 'analyst', countryCode: 'MX' },
          { role: 'admin', countryCode: 'MX' },
        ],
        { locale: language },
      );
      await page.goto(`${web.url}/`);
      await signInThroughScreens(page, t, user.email);
      await page.waitForURL((url) => url.pathname === '/dashboard');
      const menu = signedInMenu(page, t);
      const entries = menu.getByRole('link');
      const names = await entries.allTextContents();
      expect(names.length).toBeGreaterThanOrEqual(8);
      const languageSwitch = page.getByRole('combobox', { name: t.language.label });
      const signOut = page.getByRole('button', { name: t.home.signOut });
      const menuButton = page.getByRole('button', { name: t.nav.menu });

      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        const [switchBox, signOutBox] = await Promise.all([
          languageSwitch.boundingBox(),
          signOut.boundingBox(),
        ]);
        // The way out stays on the line of the language switch, inside the window.
        expect(Math.abs(centre(switchBox) - centre(signOutBox))).toBeLessThan(4);
        expect(signOutBox!.x + signOutBox!.width).toBeLessThanOrEqual(width);
        expect(await menuButton.isVisible()).toBe(false);
        for (const name of names)
          expect(await menu.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
        // Every entry on one line under the bar, none pushed below the others.
        const tops = await Promise.all(
          (await entries.all()).map(async (entry) => (await entry.boundingBox())!.y),
        );
        expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(4);
        await screen(page, `menu-bar-${width}`);
      }

      await page.setViewportSize({ width: 375, height: 740 });
      expect(await menu.isVisible()).toBe(false);
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
      // The bar is the registry's name and the menu button; the rest is in the menu.
      expect(await signOut.isVisible()).toBe(false);
      await screen(page, 'menu-bar-phone-closed');
      await menuButton.focus();
      await page.keyboard.press('Enter');
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
      for (const name of names)
        expect(await menu.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
      expect(await signOut.isVisible()).toBe(true);
      expect(await languageSwitch.isVisible()).toBe(true);
      // The menu follows its button in the keyboard order.
      await page.keyboard.press('Tab');
      expect(await isFocused(menu.getByRole('link', { name: names[0], exact: true }))).toBe(true);
      await screen(page, 'menu-bar-phone-open');
      // Escape closes it and gives the keyboard back to the button; Enter opens it again.
      await page.keyboard.press('Escape');
      expect(await isFocused(menuButton)).toBe(true);
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
      expect(await menu.isVisible()).toBe(false);
      await page.keyboard.press('Enter');
      // Choosing a screen closes the menu: the screen is what was asked for.
      await menu.getByRole('link', { name: t.nav.cases, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/cases');
      await menuButton.and(page.locator('[aria-expanded="false"]')).waitFor();
      expect(await menu.isVisible()).toBe(false);
    });
  });
});
