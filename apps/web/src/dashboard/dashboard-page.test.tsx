import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, meWith, signedInApi, type Seen } from '../queue/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { answerWith } from '../test-setup';

/** A lazily loaded page compiles on first use: slow on a busy machine. */
const LAZY_PAGE = { timeout: 10_000 };

const LAX = '4a7d1c9e-3333-4333-8333-333333333333';
const HOU = '7b8c9d0e-6666-4666-8666-666666666666';
const OFFICER = '0f1c3a52-2222-4222-8222-222222222222';

const caseload = (from: string, to: string) => ({
  today: '2026-11-20',
  from,
  to,
  totals: { open: 17, overdueNextSteps: 4, closureRequested: 2, waiting: 3 },
  byPost: [
    {
      consulateId: LAX,
      postCode: 'LAX',
      name: 'Los Ángeles',
      open: 12,
      overdueNextSteps: 3,
      closureRequested: 2,
      waiting: 1,
    },
    {
      consulateId: HOU,
      postCode: 'HOU',
      name: 'Houston',
      open: 5,
      overdueNextSteps: 1,
      closureRequested: 0,
      waiting: 2,
    },
  ],
  byOfficer: [
    { officerId: null, displayName: null, consulateId: LAX, open: 2, overdueNextSteps: 0 },
    {
      officerId: OFFICER,
      displayName: 'Rosa Medina',
      consulateId: LAX,
      open: 10,
      overdueNextSteps: 3,
    },
  ],
  openedClosed: [
    { month: '2026-02', category: 'trafficking', opened: 3, closed: 1 },
    { month: '2026-04', category: 'trafficking', opened: 2, closed: 0 },
    { month: '2026-04', category: 'health', opened: 1, closed: 1 },
  ],
});

const supervisor = meWith('supervisor', ['directory:read', 'cases:read']);

function supervisorApi(seen: Seen[]) {
  return signedInApi(supervisor, seen, (_request, url) => {
    if (url.pathname === '/api/v1/caseload')
      return json(
        caseload(
          url.searchParams.get('from') ?? '2025-12-01',
          url.searchParams.get('to') ?? '2026-11-20',
        ),
      );
    if (url.pathname === '/api/v1/consulates')
      return json({
        items: [
          { id: LAX, name: 'Los Ángeles', postCode: 'LAX', sendingCountryCode: 'MX' },
          { id: HOU, name: 'Houston', postCode: 'HOU', sendingCountryCode: 'MX' },
        ],
        nextCursor: null,
      });
    return undefined;
  });
}

/** A link's target as path and decoded filters. */
const target = (link: HTMLElement) => {
  const url = new URL(link.getAttribute('href')!, 'http://x');
  return { path: url.pathname, filters: Object.fromEntries(url.searchParams) };
};

const caseloadCalls = (seen: Seen[]) => seen.filter((call) => call.path === '/api/v1/caseload');

describe('The supervisor dashboard', () => {
  beforeAll(() => {
    // recharts sizes its chart with a ResizeObserver, which jsdom lacks.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  });
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('links each tile to the case list filtered as the figure counts, at the post chosen in the URL', async () => {
    const seen: Seen[] = [];
    window.history.replaceState(null, '', `/dashboard?from=2026-01&to=2026-06&consulateId=${LAX}`);
    answerWith(supervisorApi(seen), { answersRefresh: true });
    render(<App />);

    const tiles = await screen.findByRole('region', { name: 'Resumen' }, LAZY_PAGE);
    const overdue = within(tiles).getByRole('link', { name: '4 Próximos pasos vencidos' });
    expect(target(overdue)).toEqual({
      path: '/cases',
      filters: { nextStepDueTo: '2026-11-19', sort: 'nextStepDue', consulateId: LAX },
    });
    expect(target(within(tiles).getByRole('link', { name: '17 Casos abiertos' }))).toEqual({
      path: '/cases',
      filters: { status: 'open,in_progress,waiting,closure_requested,reopened', consulateId: LAX },
    });
    expect(
      target(within(tiles).getByRole('link', { name: '2 Solicitudes de cierre en espera' }))
        .filters,
    ).toEqual({ status: 'closure_requested', consulateId: LAX });
    expect(target(within(tiles).getByRole('link', { name: '3 Casos en espera' })).filters).toEqual({
      status: 'waiting',
      consulateId: LAX,
    });
    const [call] = caseloadCalls(seen);
    expect(Object.fromEntries(call.query)).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      consulateId: LAX,
    });
  });

  it('lists the caseload by post and by officer, each row a link to its open cases; unassigned has none', async () => {
    window.history.replaceState(null, '', '/dashboard');
    answerWith(supervisorApi([]), { answersRefresh: true });
    render(<App />);

    const posts = await screen.findByRole(
      'table',
      { name: 'Casos no cerrados por consulado' },
      LAZY_PAGE,
    );
    expect(target(within(posts).getByRole('link', { name: 'Houston (HOU)' })).filters).toEqual({
      status: 'open,in_progress,waiting,closure_requested,reopened',
      consulateId: HOU,
    });
    const officers = screen.getByRole('table', {
      name: 'Casos no cerrados por funcionario asignado',
    });
    expect(target(within(officers).getByRole('link', { name: 'Rosa Medina' })).filters).toEqual({
      status: 'open,in_progress,waiting,closure_requested,reopened',
      consulateId: LAX,
      assignedOfficerId: OFFICER,
    });
    const unassigned = within(officers).getByRole('rowheader', { name: 'Sin asignar' });
    expect(within(unassigned).queryByRole('link')).toBeNull();
    expect(within(unassigned.closest('tr')!).getByText('Los Ángeles (LAX)')).toBeTruthy();
  });

  it('gives the opened and closed series as a table beside the chart, every month of the period included', async () => {
    window.history.replaceState(null, '', '/dashboard?from=2026-01&to=2026-06');
    answerWith(supervisorApi([]), { answersRefresh: true });
    render(<App />);

    expect(await screen.findByText(/Un caso cuenta en cada una de sus categorías/)).toBeTruthy();
    const monthly = await screen.findByRole('table', {
      name: 'Trata de personas: casos abiertos y cerrados por mes',
    });
    const rows = within(monthly).getAllByRole('row').slice(1);
    expect(rows.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['ene 2026', '0', '0'],
      ['feb 2026', '3', '1'],
      ['mar 2026', '0', '0'],
      ['abr 2026', '2', '0'],
      ['may 2026', '0', '0'],
      ['jun 2026', '0', '0'],
    ]);
    // The chart is for the eyes; screen readers get the table.
    const note = screen.getByText('El gráfico muestra las mismas cifras que la tabla siguiente.');
    expect(note.nextElementSibling!.getAttribute('aria-hidden')).toBe('true');

    const byCategory = screen.getByRole('table', {
      name: /Casos abiertos y cerrados por categoría/,
    });
    expect(
      target(
        within(byCategory).getByRole('link', {
          name: '5 abiertos de Trata de personas en el periodo',
        }),
      ).filters,
    ).toEqual({
      category: 'trafficking',
      openedFrom: '2026-01-01T00:00:00.000Z',
      openedTo: '2026-07-01T00:00:00.000Z',
    });

    fireEvent.mouseDown(
      screen.getByRole('combobox', { name: 'Categoría del gráfico y de la tabla por mes' }),
    );
    fireEvent.click(await screen.findByRole('option', { name: 'health' }, LAZY_PAGE));
    expect(
      await screen.findByRole(
        'table',
        { name: 'health: casos abiertos y cerrados por mes' },
        LAZY_PAGE,
      ),
    ).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('category')).toBe('health');
  });

  it('checks the period before asking, and keeps a valid one in the URL', async () => {
    const seen: Seen[] = [];
    window.history.replaceState(null, '', '/dashboard');
    answerWith(supervisorApi(seen), { answersRefresh: true });
    render(<App />);
    await screen.findByRole('region', { name: 'Resumen' }, LAZY_PAGE);

    fireEvent.change(screen.getByLabelText(/Desde \(mes\)/), { target: { value: '2026-07' } });
    fireEvent.change(screen.getByLabelText(/Hasta \(mes\)/), { target: { value: '2026-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    fireEvent.click(
      within(summary).getByRole('link', { name: 'El mes final es anterior al inicial' }),
    );
    expect(document.activeElement).toBe(screen.getByLabelText(/Hasta \(mes\)/));
    expect(caseloadCalls(seen)).toHaveLength(1);

    fireEvent.change(screen.getByLabelText(/Desde \(mes\)/), { target: { value: '2025-03' } });
    fireEvent.change(screen.getByLabelText(/Hasta \(mes\)/), { target: { value: '2026-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar' }));
    await waitFor(() => expect(caseloadCalls(seen)).toHaveLength(2));
    expect(Object.fromEntries(caseloadCalls(seen)[1].query)).toEqual({
      from: '2025-03-01',
      to: '2026-02-28',
    });
    const params = new URLSearchParams(window.location.search);
    expect([params.get('from'), params.get('to')]).toEqual(['2025-03', '2026-02']);
  });
});
