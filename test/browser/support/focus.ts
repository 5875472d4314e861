import { Locator } from 'playwright-core';

/** Whether the element has the keyboard focus, polled briefly: React moves it after rendering. */
export async function isFocused(locator: Locator, timeoutMs = 2000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const focused = await locator.evaluate(
      (element) => element === element.ownerDocument.activeElement,
    );
    if (focused || Date.now() > until) return focused;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
