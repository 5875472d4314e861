import axe from 'axe-core';
import { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page as it is now and fails with one line per violation (rule, impact, help)
 * and the elements it found. axe is added once per document; the page's CSP stays in force (a
 * script tag added by the test is `'self'`-less inline code, so axe goes in through the DevTools
 * protocol instead, which CSP does not govern).
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const violations: Violation[] = await page.evaluate(async (values) => {
    const { axe: inPage } = globalThis as unknown as { axe: typeof axe };
    const results = await inPage.run({ runOnly: { type: 'tag', values } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, TAGS);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n    at ${v.targets.join('\n    at ')}`,
  );
  throw new Error(`axe found ${violations.length} violation(s) on ${what}:\n${lines.join('\n')}`);
}
