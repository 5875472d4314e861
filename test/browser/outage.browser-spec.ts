import { Browser, BrowserContext, Page } from 'playwright-core';
import { createConsulate, createUser } from '../utils/identity';
import { TcpProxy, startTcpProxy } from '../utils/tcp-proxy';
import { openBrowser, openPage } from './support/browser';
import { LANGUAGES, TEXTS } from './support/languages';
import { screen } from './support/screen';
import { signInThroughScreens, signedInMenu } from './support/sign-in';
import { WebApp, startWebApp } from './support/web-app';

/**
 * A database outage is not a sign-out, in the browser either: while the API answers 503, the user
 * stays signed in on the screen they were on, is told the service is unavailable and that their
 * work is kept, and the screen comes back by itself when the database does — a reload included.
 */
describe('A database outage, in Chromium', () => {
  let proxy: TcpProxy;
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
    const pgPort = Number(
      new URL(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432').port || 5432,
    );
    proxy = await startTcpProxy(pgPort);
    web = await startWebApp({
      routeDatabaseUrl: (url) => {
        const routed = new URL(url);
        routed.host = `127.0.0.1:${proxy.port}`;
        return routed.toString();
      },
    });
  });

  afterAll(async () => {
    await proxy?.restore();
    await browser?.close();
    await web?.close();
    await proxy?.close();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    const t = TEXTS[language];
    let context: BrowserContext;
    let page: Page;

    beforeEach(async () => {
      ({ page, context } = await openPage(browser, language));
    });

    afterEach(async () => {
      await proxy.restore();
      await context?.close();
    });

    const banner = () => page.getByText(t.service.unavailableTitle);

    it('keeps the user signed in and says the service is unavailable, then recovers', async () => {
      const post = await createConsulate(web.stack, 'MX');
      const user = await createUser(web.stack, [{ role: 'officer', consulateId: post }], {
        locale: language,
      });
      await page.goto(`${web.url}/sign-in`);
      await signInThroughScreens(page, t, user.email);

      // The menu's entries come with /me: the outage starts once they are there.
      const casesLink = signedInMenu(page, t).getByRole('link', { name: t.nav.cases });
      await casesLink.waitFor();
      await proxy.cut();
      await casesLink.click();
      await banner().waitFor();
      expect(await signedInMenu(page, t).isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: t.signIn.title }).count()).toBe(0);
      await screen(page, 'outage-banner');

      // A reload during the outage restores the session as soon as the API can, not the sign-in page.
      await page.reload();
      await banner().waitFor();
      expect(await page.getByRole('heading', { name: t.signIn.title }).count()).toBe(0);

      await proxy.restore();
      await banner().waitFor({ state: 'detached', timeout: 20_000 });
      await signedInMenu(page, t).waitFor();
      expect(new URL(page.url()).pathname).toBe('/cases');
      await screen(page, 'after-outage');
    }, 60_000);
  });
});
