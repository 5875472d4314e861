import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { expectNoPageFaults } from './browser';

/** Kept by CI beside the run (.ci/run); ignored by git. */
export const RESULTS_DIR = join(__dirname, '../../../test-results');

/** Each spec file runs in a module registry of its own: the numbering restarts per file. */
let taken = 0;

/**
 * One visited screen: a full-page screenshot at `test-results/<spec>/<nn>-<name>-<lang>.png`
 * (the spec's folder emptied at its first screen, so it holds this run's screens only), then an
 * axe scan and a check that no script failed; either fails the test with what it found.
 */
export async function screen(page: Page, name: string): Promise<void> {
  const spec = basename(expect.getState().testPath ?? 'unknown').replace(/\.browser-spec\.ts$/, '');
  const dir = join(RESULTS_DIR, spec);
  if (taken === 0) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  taken += 1;
  const language = (await page.locator('html').getAttribute('lang')) ?? 'none';
  const file = `${String(taken).padStart(2, '0')}-${name}-${language}.png`;
  // The pointer stays where the last click was: a hovered button would look like another state.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(dir, file), fullPage: true, animations: 'disabled' });
  await expectNoAxeViolations(page, `${name} (${language}, ${file})`);
  expectNoPageFaults(page);
}
