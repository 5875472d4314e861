import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { answerWith } from '../test-setup';
import { json, meWith, OFFICER_ID, signedInApi, type Seen } from './test-api';

/** A lazily loaded page compiles on first use: slow on a busy machine. */
const LAZY_PAGE = { timeout: 10_000 };

const TODAY = '2026-11-20';
const OPEN = ['open', 'in_progress', 'reopened'];

const WORK_QUEUE = {
  today: TODAY,
  tabs: [
    {
      id: 'mine',
      count: 12,
      overdue: 3,
      filter: { status: OPEN, assignedOfficerId: OFFICER_ID },
    },
    {
      id: 'next_steps',
      count: 4,
      overdue: 1,
      filter: { nextStepDueTo: '2026-11-26', sort: 'nextStepDue' },
    },
    { id: 'waiting', count: 0, overdue: 0, filter: { status: ['waiting'] } },
  ],
};

const aCase = (n: number, overrides: object = {}) => ({
  id: `9b2e4c1a-0000-4000-8000-${String(n).padStart(12, '0')}`,
  reference: `MX-LAX-2026-${String(n).padStart(6, '0')}`,
  consulateId: '4a7d1c9e-3333-4333-8333-333333333333',
  countryCode: 'MX',
  primaryCategory: 'trafficking',
  secondaryCategories: [],
  vulnerabilityFlags: [],
  riskLevel: 'high',
  status: 'in_progress',
  assignedOfficerId: OFFICER_ID,
  eventCountryCode: null,
  eventSubdivisionCode: null,
  eventCity: null,
  openedAt: '2026-10-02T15:00:00.000Z',
  closedAt: null,
  closureReason: null,
  requestedClosureReason: null,
  duplicateOfCaseId: null,
  nextStep: 'Visitar el centro de detención',
  nextStepDue: '2026-11-18',
  restricted: false,
  version: 1,
  createdAt: '2026-10-02T15:00:00.000Z',
  updatedAt: '2026-10-02T15:00:00.000Z',
  primaryPerson: { id: 'p1', name: 'Ana López', birthYear: 2009, masked: false },
  ...overrides,
});

/** GET /cases: two pages for `mine`, one for `next_steps`, none for `waiting`. */
function casesRoute(query: URLSearchParams) {
  if (query.get('assignedOfficerId')) {
    return query.get('cursor') === 'page-2'
      ? json({ items: [aCase(51, { nextStep: null, nextStepDue: null })], nextCursor: null })
      : json({
          items: [aCase(1), aCase(2, { primaryPerson: null, nextStep: null })],
          nextCursor: 'page-2',
        });
  }
  if (query.get('nextStepDueTo')) return json({ items: [aCase(7)], nextCursor: null });
  return json({ items: [], nextCursor: null });
}

const officer = meWith('officer', ['directory:read', 'cases:read', 'cases:write']);

function officerApi(seen: Seen[]) {
  return signedInApi(officer, seen, (_request, url) => {
    if (url.pathname === '/api/v1/work-queue') return json(WORK_QUEUE);
    if (url.pathname === '/api/v1/cases') return casesRoute(url.searchParams);
    return undefined;
  });
}

const caseCalls = (seen: Seen[]) => seen.filter((call) => call.path === '/api/v1/cases');
const reviews = (seen: Seen[]) => seen.filter((call) => call.path.endsWith('/review'));

describe('The work queue', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    await i18n.changeLanguage('es');
  });

  it("is an officer's landing page: tabs named with their counts and overdue in words, and the first tab's cases", async () => {
    const seen: Seen[] = [];
    answerWith(officerApi(seen), { answersRefresh: true });
    render(<App />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bandeja de trabajo' }),
    ).toBeTruthy();
    expect(window.location.pathname).toBe('/queue');
    const mine = await screen.findByRole(
      'tab',
      { name: 'Mis casos abiertos (12) 3 vencidos' },
      LAZY_PAGE,
    );
    expect(mine.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Próximos pasos (4) 1 vencido' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'En espera (0)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Registrar un caso' }).getAttribute('href')).toBe(
      '/cases/new',
    );

    const table = await screen.findByRole('table', { name: 'Mis casos abiertos' }, LAZY_PAGE);
    const link = within(table).getByRole('link', { name: 'MX-LAX-2026-000001' });
    expect(link.getAttribute('href')).toBe(`/cases/${aCase(1).id}`);
    const first = link.closest('tr')!;
    expect(within(first).getByText('Ana López')).toBeTruthy();
    // The labels come with the code lists, which may arrive after the cases.
    expect(await within(first).findByText('Trata de personas')).toBeTruthy();
    expect(within(first).getByText('En curso')).toBeTruthy();
    expect(within(first).getByText('Alto')).toBeTruthy();
    expect(within(first).getByText('Vencido')).toBeTruthy();
    const hidden = within(table).getByRole('link', { name: 'MX-LAX-2026-000002' }).closest('tr')!;
    expect(within(hidden).getByText('No visible para usted')).toBeTruthy();

    const [call] = caseCalls(seen);
    expect(call.query.getAll('status')).toEqual(OPEN);
    expect(call.query.get('assignedOfficerId')).toBe(OFFICER_ID);
    expect(call.query.get('limit')).toBe('50');
  });

  it('keeps the chosen tab in the URL, lists it with its own filter, and opens a bookmarked tab', async () => {
    const seen: Seen[] = [];
    answerWith(officerApi(seen), { answersRefresh: true });
    const { unmount } = render(<App />);
    fireEvent.click(await screen.findByRole('tab', { name: /^Próximos pasos/ }, LAZY_PAGE));

    await screen.findByRole('table', { name: 'Próximos pasos' }, LAZY_PAGE);
    expect(window.location.search).toBe('?tab=next_steps');
    const call = caseCalls(seen).at(-1)!;
    expect(call.query.get('nextStepDueTo')).toBe('2026-11-26');
    expect(call.query.get('sort')).toBe('nextStepDue');
    expect(call.query.get('status')).toBeNull();
    unmount();

    window.history.replaceState(null, '', '/queue?tab=waiting');
    render(<App />);
    const waiting = await screen.findByRole('tab', { name: 'En espera (0)' }, LAZY_PAGE);
    expect(waiting.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('No hay casos en espera.')).toBeTruthy();
  });

  it('pages by cursor, forward and back, with the cursor in the URL', async () => {
    const seen: Seen[] = [];
    answerWith(officerApi(seen), { answersRefresh: true });
    render(<App />);
    await screen.findByRole('link', { name: 'MX-LAX-2026-000001' }, LAZY_PAGE);
    expect(screen.queryByRole('button', { name: 'Página anterior' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Página siguiente' }));
    expect(await screen.findByRole('link', { name: 'MX-LAX-2026-000051' }, LAZY_PAGE)).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('cursor')).toBe('page-2');
    expect(caseCalls(seen).at(-1)!.query.get('cursor')).toBe('page-2');
    expect(screen.getByRole('table', { name: 'Mis casos abiertos, página 2' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Página siguiente' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Página anterior' }));
    expect(await screen.findByRole('link', { name: 'MX-LAX-2026-000001' }, LAZY_PAGE)).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('cursor')).toBeNull();
  });

  it('keeps the sort in the URL and starts again from the first page', async () => {
    const seen: Seen[] = [];
    window.history.replaceState(null, '', '/queue?cursor=page-2');
    answerWith(officerApi(seen), { answersRefresh: true });
    render(<App />);
    await screen.findByRole('link', { name: 'MX-LAX-2026-000051' }, LAZY_PAGE);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Ordenar por' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Referencia' }, LAZY_PAGE));
    await screen.findByRole('link', { name: 'MX-LAX-2026-000001' }, LAZY_PAGE);
    const params = new URLSearchParams(window.location.search);
    expect(params.get('sort')).toBe('reference');
    expect(params.get('cursor')).toBeNull();
    expect(caseCalls(seen).at(-1)!.query.get('sort')).toBe('reference');
  });

  it('is not offered to a supervisor, who lands on the dashboard', async () => {
    const seen: Seen[] = [];
    const supervisor = meWith('supervisor', ['directory:read', 'cases:read']);
    answerWith(
      signedInApi(supervisor, seen, () => undefined),
      { answersRefresh: true },
    );
    render(<App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Panel de supervisión' }),
    ).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: 'Menú principal' });
    expect(within(menu).queryByRole('link', { name: 'Bandeja de trabajo' })).toBeNull();
    expect(within(menu).getByRole('link', { name: 'Panel de supervisión' })).toBeTruthy();
    expect(seen.some((call) => call.path === '/api/v1/work-queue')).toBe(false);
  });

  it('gives a supervisor the closures to approve of posts without a consul', async () => {
    const seen: Seen[] = [];
    const supervisor = meWith('supervisor', ['directory:read', 'cases:read']);
    const tab = {
      id: 'closure_approvals',
      count: 1,
      overdue: null,
      filter: { status: ['closure_requested'], withoutConsul: true, sort: 'updatedAt' },
    };
    answerWith(
      signedInApi(supervisor, seen, (_request, url) => {
        if (url.pathname === '/api/v1/work-queue') return json({ today: TODAY, tabs: [tab] });
        if (url.pathname === '/api/v1/cases')
          return json({ items: [aCase(5, { status: 'closure_requested' })], nextCursor: null });
        return undefined;
      }),
      { answersRefresh: true },
    );
    render(<App />);
    // From the dashboard, the supervisor's home (the menu of a supervisor is long enough).
    fireEvent.click(await screen.findByRole('link', { name: 'Cierres por aprobar' }, LAZY_PAGE));
    expect(
      await screen.findByRole(
        'tab',
        { name: /Cierres por aprobar \(sedes sin cónsul\)/ },
        LAZY_PAGE,
      ),
    ).toBeTruthy();
    expect(await screen.findByText('MX-LAX-2026-000005', {}, LAZY_PAGE)).toBeTruthy();
    const list = seen.filter((call) => call.path === '/api/v1/cases').at(-1)!;
    expect(list.query.get('withoutConsul')).toBe('true');
    expect(list.query.get('status')).toBe('closure_requested');
  });
});

const ACCESS = {
  id: 'aa11aa11-4444-4444-8444-444444444444',
  caseId: aCase(9).id,
  caseReference: 'MX-LAX-2026-000009',
  consulateId: '4a7d1c9e-3333-4333-8333-333333333333',
  userId: '5e5e5e5e-5555-4555-8555-555555555555',
  reason: 'Llamada de la policía por la menor en el albergue',
  grantedAt: '2026-11-19T22:10:00.000Z',
  expiresAt: '2026-11-20T00:10:00.000Z',
  reviewedBy: null,
  reviewedAt: null,
  reviewOutcome: null,
  reviewNote: null,
};

describe("The consul's access reviews", () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/queue?tab=access_requests');
    await i18n.changeLanguage('es');
  });

  function consulApi(seen: Seen[], review: () => Response) {
    let reviewed = false;
    const consul = meWith('consul', ['cases:read', 'cases:write', 'cases:read_restricted']);
    return signedInApi(consul, seen, (_request, url) => {
      if (url.pathname === '/api/v1/work-queue')
        return json({
          today: TODAY,
          tabs: [
            ...WORK_QUEUE.tabs,
            { id: 'access_requests', count: reviewed ? 0 : 1, overdue: null, filter: {} },
          ],
        });
      if (url.pathname === '/api/v1/access-requests')
        return json({ items: reviewed ? [] : [ACCESS], nextCursor: null });
      if (url.pathname === `/api/v1/access-requests/${ACCESS.id}/review`) {
        const answer = review();
        reviewed = answer.ok;
        return answer;
      }
      return undefined;
    });
  }

  it('asks for the outcome before sending, then records the review and says so', async () => {
    const seen: Seen[] = [];
    answerWith(
      consulApi(seen, () => json({ ...ACCESS, reviewOutcome: 'justified' })),
      { answersRefresh: true },
    );
    render(<App />);
    const table = await screen.findByRole('table', {
      name: 'Accesos de emergencia a casos restringidos de su consulado, sin revisar',
    });
    expect(
      within(table).getByRole('link', { name: 'MX-LAX-2026-000009' }).getAttribute('href'),
    ).toBe(`/cases/${ACCESS.caseId}`);
    expect(seen.find((c) => c.path === '/api/v1/access-requests')!.query.get('status')).toBe(
      'unreviewed',
    );

    fireEvent.click(
      within(table).getByRole('button', { name: 'Revisar el acceso a MX-LAX-2026-000009' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Revisar el acceso a MX-LAX-2026-000009',
    });
    expect(within(dialog).getByText(ACCESS.reason)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar la revisión' }));
    const summary = await within(dialog).findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    fireEvent.click(
      within(summary).getByRole('link', { name: 'Indique si el acceso estaba justificado' }),
    );
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: 'Justificado' }));
    expect(reviews(seen)).toEqual([]);

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Justificado' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Nota (opcional)' }), {
      target: { value: '  Confirmado con la policía.  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar la revisión' }));

    expect(
      await screen.findByText('Revisión registrada para el acceso a MX-LAX-2026-000009.'),
    ).toBeTruthy();
    expect(reviews(seen)[0].body).toEqual({
      outcome: 'justified',
      note: 'Confirmado con la policía.',
    });
    expect(await screen.findByText('No hay accesos de emergencia por revisar.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Accesos por revisar (0)' })).toBeTruthy();
  });

  it("shows the API's refusal in the dialog's error summary", async () => {
    const seen: Seen[] = [];
    answerWith(
      consulApi(seen, () =>
        json(
          {
            status: 409,
            code: 'ACCESS_REQUEST_REVIEWED',
            title: 'Acceso ya revisado',
            detail: 'Este acceso ya fue revisado.',
          },
          409,
        ),
      ),
      { answersRefresh: true },
    );
    render(<App />);
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Revisar el acceso a MX-LAX-2026-000009' },
        LAZY_PAGE,
      ),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'No justificado' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar la revisión' }));
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByText('Este acceso ya fue revisado.')).toBeTruthy();
    expect(reviews(seen)[0].body).toEqual({ outcome: 'unjustified' });
  });
});
