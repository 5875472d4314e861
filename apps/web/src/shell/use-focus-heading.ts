import { useEffect, useRef, type RefObject } from 'react';

/** Until the user (or the app) first focuses something, a change of view is the visit's start. */
let focusedBefore = false;
document.addEventListener('focusin', () => (focusedBefore = true), { once: true });

/**
 * Moves the focus to the h1 inside `container` when `view` changes (another route, another step
 * of a form) and the focus was on a control that the change removed. Left there, the focus falls
 * to <body>: a screen reader says nothing of the new view, and Tab starts where the old control
 * was. A view that focuses something itself (an error summary) keeps it.
 */
export function useFocusHeading(view: string, container: RefObject<HTMLElement | null>): void {
  const shown = useRef(view);
  useEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!lost || !focusedBefore) return;
    const heading = container.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [view, container]);
}
