// Injected into every page of bench:web before the app's own scripts (plain browser JavaScript:
// the scripts' TypeScript has no DOM types). It keeps timestamps on the wall clock, taken in the
// page itself so that Playwright's own checks and round trips are not measured:
//   submits    each form submit, as the app receives it;
//   codeAsked  the TOTP code field first in the DOM;
//   shown      the work queue's page of cases shown: `rows` rows whose category cells hold labels,
//              not codes (the code lists have arrived), one frame after the DOM has them (painted).
/* global window, document, performance, requestAnimationFrame, setTimeout, MutationObserver */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the line bench:web appends
function installQueueProbe(rows) {
  const probe = { submits: [], codeAsked: 0, shown: 0 };
  window.__bench = probe;
  const now = () => performance.timeOrigin + performance.now();
  document.addEventListener('submit', () => probe.submits.push(now()), true);
  let complete = false;
  const check = () => {
    if (!probe.codeAsked && document.querySelector('input[autocomplete="one-time-code"]'))
      probe.codeAsked = now();
    if (complete) return;
    const shown = document.querySelectorAll('main table tbody tr');
    if (shown.length < rows) return;
    const labelled = [...shown].every(
      (row) => !/^[a-z_]+$/.test((row.cells[2] && row.cells[2].textContent) || ''),
    );
    if (!labelled) return;
    complete = true;
    requestAnimationFrame(() => setTimeout(() => (probe.shown = now()), 0));
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}
