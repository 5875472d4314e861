import { existsSync } from 'node:fs';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { Language } from './languages';

/** Debian's Chromium (`apt-get install -y chromium`, as .ci/run does); a browser is never downloaded. */
export const CHROMIUM_PATH = process.env.TEST_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium; without it the browser specs fail here, saying what to install. */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser specs (test/browser) drive ` +
        "Debian's package. Install it with `apt-get install -y chromium` (.ci/run does), or set " +
        'TEST_CHROMIUM_PATH to another Chromium.',
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
}

/** What went wrong in a page's scripts: uncaught errors and Content-Security-Policy refusals. */
const pageFaults = new WeakMap<Page, string[]>();

/**
 * A fresh browser profile (no stored language, no session) whose browser prefers `language`, so a
 * first visit follows it, as a user's own browser would.
 */
export async function openPage(
  browser: Browser,
  language: Language,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    locale: language === 'es' ? 'es-MX' : 'en-US',
    viewport: { width: 1024, height: 768 },
  });
  const page = await context.newPage();
  const faults: string[] = [];
  pageFaults.set(page, faults);
  page.on('pageerror', (error) => faults.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
      faults.push(`CSP: ${message.text()}`);
  });
  return { page, context };
}

/** Fails when a script of the page threw or the page's CSP refused something since it opened. */
export function expectNoPageFaults(page: Page): void {
  const faults = pageFaults.get(page) ?? [];
  if (faults.length > 0) throw new Error(`The page's scripts failed:\n${faults.join('\n')}`);
}
