import { Locator, Page } from 'playwright-core';
import { isFocused } from './focus';

/**
 * The pixels around a control: compared focused and not, they show whether focus is visible
 * (a focus style that changes nothing on screen leaves the two the same). A control placed off
 * the page until it has the focus (a skip link) is 'off-screen' then: that differs from any image.
 */
export async function pixelsAround(page: Page, locator: Locator): Promise<Buffer | 'off-screen'> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('The control is not on screen');
  if (box.y + box.height <= 0 || box.x + box.width <= 0) return 'off-screen';
  const clip = { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 };
  return page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
}

/**
 * Presses Tab through `controls` in order, failing at the first that does not get the focus, and
 * at the first whose look does not change when focused (compared with after Tab moved on).
 */
export async function tabThrough(
  page: Page,
  controls: { name: string; locator: Locator; type?: string }[],
): Promise<void> {
  let previous: { name: string; locator: Locator; focused: Buffer | 'off-screen' } | undefined;
  const expectLookedFocused = async () => {
    if (!previous) return;
    if (previous.focused === 'off-screen')
      throw new Error(`${previous.name} is off the page while it has the focus`);
    const after = await pixelsAround(page, previous.locator);
    if (after !== 'off-screen' && after.equals(previous.focused))
      throw new Error(`${previous.name} looks the same focused and not: focus is not visible`);
  };
  for (const control of controls) {
    await page.keyboard.press('Tab');
    if (!(await isFocused(control.locator)))
      throw new Error(`Tab did not reach ${control.name} next (Tab order)`);
    await expectLookedFocused();
    if (control.type) await page.keyboard.type(control.type);
    previous = { ...control, focused: await pixelsAround(page, control.locator) };
  }
  await page.keyboard.press('Tab');
  await expectLookedFocused();
}
