import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { expectNoPageFaults, openBrowser, openPage } from './support/browser';

/** The checks every screen goes through must be able to fail: here each meets what it looks for. */
describe('The browser harness', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    ({ page, context } = await openPage(browser, 'en'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('reports each axe violation with its rule, help and element', async () => {
    await page.setContent(
      '<html lang="en"><head><title>x</title></head><body><main><h1>Form</h1>' +
        '<input id="nameless"><p style="color:#bbb;background:#fff">faint</p></main></body></html>',
    );
    const scan = expectNoAxeViolations(page, 'a planted page');
    await expect(scan).rejects.toThrow(
      /- label \(critical\): Form elements must have labels\n\s+at #nameless/,
    );
    await expect(scan).rejects.toThrow(/- color-contrast \(serious\)/);
  });

  it('passes a page without violations', async () => {
    await page.setContent(
      '<html lang="en"><head><title>x</title></head><body><main><h1>Form</h1>' +
        '<label for="name">Name</label><input id="name"></main></body></html>',
    );
    await expectNoAxeViolations(page, 'a clean page');
  });

  it("reports what the page's Content-Security-Policy refused", async () => {
    const { page: guarded, context: own } = await openPage(browser, 'en');
    try {
      const refused = guarded.waitForEvent('console');
      await guarded.setContent(
        '<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'none\'">' +
          '</head><body><script>document.title = "ran"</script></body></html>',
      );
      await refused;
      expect(() => expectNoPageFaults(guarded)).toThrow(/CSP: .*Content Security Policy/);
    } finally {
      await own.close();
    }
  });

  it("reports a script's uncaught error", async () => {
    const thrown = page.waitForEvent('pageerror');
    await page.setContent('<script>throw new Error("boom")</script>');
    await thrown;
    expect(() => expectNoPageFaults(page)).toThrow(/uncaught: boom/);
  });
});
