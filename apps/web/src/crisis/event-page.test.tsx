import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, OFFICER, problem } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { BASE, crisisApi, crisisEvent, EVENT_ID, rosterEntry } from './test-fixtures';

async function openEvent() {
  window.history.replaceState(null, '', `/crisis/${EVENT_ID}`);
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Huracán Otis' }, { timeout: 10_000 });
}

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('Crisis event page and dashboard', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('lists the events from the menu entry, with their counts', async () => {
    crisisApi();
    window.history.replaceState(null, '', '/crisis');
    render(<App />);
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Eventos de crisis' },
      { timeout: 10_000 },
    );
    const menu = screen.getByRole('navigation', { name: 'Menú principal' });
    expect(within(menu).getByRole('link', { name: 'Crisis' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const table = await screen.findByRole('table', { name: 'Eventos de crisis de sus oficinas' });
    expect(rows(table)[0]).toEqual([
      'Huracán Otis',
      'Huracán',
      'Estados Unidos',
      'Activo',
      expect.stringMatching(/30 nov 2026/),
      '12',
      '5',
    ]);
    expect(within(table).getByRole('link', { name: 'Huracán Otis' }).getAttribute('href')).toBe(
      `/crisis/${EVENT_ID}`,
    );
    expect(screen.getByRole('button', { name: 'Declarar un evento' })).toBeTruthy();
  });

  it('shows no Crisis menu entry to a user without crisis:read', async () => {
    crisisApi({}, OFFICER);
    window.history.replaceState(null, '', '/cases');
    render(<App />);
    const menu = await screen.findByRole('navigation', { name: 'Menú principal' });
    await within(menu).findByRole('link', { name: 'Casos' }, { timeout: 10_000 });
    expect(within(menu).queryByRole('link', { name: 'Crisis' })).toBeNull();
  });

  it('shows counts by welfare status, by subdivision and day by day, as tables beside the chart', async () => {
    crisisApi();
    await openEvent();
    const tiles = await screen.findByRole('list', { name: 'Personas por situación' });
    const unaccounted = within(tiles).getByRole('link', { name: '5 Sin localizar' });
    expect(unaccounted.getAttribute('href')).toBe(
      `/crisis/${EVENT_ID}/roster?welfareStatus=unaccounted`,
    );
    expect(within(tiles).getByRole('link', { name: '0 Fallecido' })).toBeTruthy();

    const bySubdivision = screen.getByRole('table', {
      name: 'Personas por estado o provincia y situación',
    });
    await waitFor(() => expect(rows(bySubdivision)[0][0]).toBe('Florida (US-FL)'));
    expect(rows(bySubdivision)).toEqual([
      ['Florida (US-FL)', '4', '4', '0', '2', '0', '0', '0', '10'],
      ['Sin estado o provincia', '1', '0', '0', '0', '1', '0', '0', '2'],
    ]);
    const overTime = screen.getByRole('table', { name: 'Personas por situación, día a día' });
    expect(rows(overTime)).toEqual([
      [expect.stringMatching(/30 nov 2026/), '7', '0', '0', '0', '0', '0', '0', '7'],
      [expect.stringMatching(/1 dic 2026/), '5', '4', '0', '2', '1', '0', '0', '12'],
    ]);
    // The chart says the same as the table: hidden from screen readers, not a second reading.
    expect(
      screen
        .getByText(/en un gráfico de barras apiladas/)
        .nextElementSibling?.getAttribute('aria-hidden'),
    ).toBe('true');

    const work = screen.getByRole('navigation', { name: 'Trabajo del evento' });
    expect(within(work).getByRole('link', { name: 'Registro rápido' }).getAttribute('href')).toBe(
      `/crisis/${EVENT_ID}/intake`,
    );
    expect(
      within(work).getByRole('link', { name: 'Importar una lista' }).getAttribute('href'),
    ).toBe(`/crisis/${EVENT_ID}/import`);

    await i18n.changeLanguage('en');
    expect(
      await screen.findByRole('table', { name: 'Persons by welfare status, day by day' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '5 Unaccounted for' })).toBeTruthy();
  });

  it('offers no status commands and no intake on a closed event, and still the roster', async () => {
    crisisApi({
      [`GET ${BASE}`]: () =>
        json(
          crisisEvent({
            status: 'closed',
            endedAt: '2026-12-03T12:00:00Z',
            callerMay: { manage: true, write: true },
          }),
        ),
    });
    await openEvent();
    expect(screen.getByText('Estado: Cerrado')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Desmovilizar y cerrar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Editar evento' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Registro rápido' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Lista de personas' })).toBeTruthy();
  });

  it('demobilises: the persons needing help ticked, their cases listed with links', async () => {
    const injured = rosterEntry({
      givenNames: 'Luis',
      familyNames: 'Mora',
      welfareStatus: 'injured',
    });
    const missing = rosterEntry({
      givenNames: 'Rosa',
      familyNames: 'Gil',
      welfareStatus: 'missing',
    });
    const seen = crisisApi({
      [`GET ${BASE}/roster`]: (request) => {
        const status = new URL(request.url).searchParams.get('welfareStatus');
        const items = [injured, missing].filter((e) => e.welfareStatus === status);
        return json({ items, nextCursor: null });
      },
      [`POST ${BASE}/demobilise`]: () =>
        json({
          casesOpened: [{ entryId: injured.id, caseId: 'case-1', reference: 'MX-LAX-2026-000101' }],
        }),
    });
    await openEvent();
    fireEvent.click(screen.getByRole('button', { name: 'Desmovilizar y cerrar' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Desmovilizar y cerrar «Huracán Otis»',
    });
    const luis = await within(dialog).findByRole('checkbox', { name: 'Luis Mora — Herido' });
    const rosa = within(dialog).getByRole('checkbox', { name: 'Rosa Gil — Desaparecido' });
    expect((luis as HTMLInputElement).checked).toBe(true);
    fireEvent.click(rosa);
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Cerrar el evento y abrir 1 casos' }),
    );
    const link = await within(dialog).findByRole('link', { name: 'Caso MX-LAX-2026-000101' });
    expect(link.getAttribute('href')).toBe('/cases/case-1');
    const sent = seen.find((s) => s.method === 'POST' && s.path === `${BASE}/demobilise`)!;
    expect(sent.body).toEqual({ entryIds: [injured.id] });
  });

  it('names the person whose case was refused, linked to their box, and demobilises without them', async () => {
    const injured = rosterEntry({
      givenNames: 'Luis',
      familyNames: 'Mora',
      welfareStatus: 'injured',
    });
    const missing = rosterEntry({
      givenNames: 'Rosa',
      familyNames: 'Gil',
      welfareStatus: 'missing',
    });
    let attempts = 0;
    const seen = crisisApi({
      [`GET ${BASE}/roster`]: (request) => {
        const status = new URL(request.url).searchParams.get('welfareStatus');
        return json({
          items: [injured, missing].filter((e) => e.welfareStatus === status),
          nextCursor: null,
        });
      },
      [`POST ${BASE}/demobilise`]: () =>
        ++attempts === 1
          ? problem(400, 'VALIDATION_FAILED', 'Datos no válidos', [
              {
                field: `entries.${missing.id}.persons.0.person.dateOfBirth`,
                code: 'out_of_range',
                message: 'La fecha de nacimiento no es válida',
              },
            ])
          : json({ casesOpened: [{ entryId: injured.id, caseId: 'c1', reference: 'MX-1' }] }),
    });
    await openEvent();
    fireEvent.click(screen.getByRole('button', { name: 'Desmovilizar y cerrar' }));
    const dialog = await screen.findByRole('dialog', { name: /^Desmovilizar y cerrar/ });
    await within(dialog).findByRole('checkbox', { name: 'Rosa Gil — Desaparecido' });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Cerrar el evento y abrir 2 casos' }),
    );
    const summary = await within(dialog).findByRole('alert');
    const link = within(summary).getByRole('link', {
      name: 'Rosa Gil: La fecha de nacimiento no es válida',
    });
    fireEvent.click(link);
    const rosa = within(dialog).getByRole('checkbox', { name: 'Rosa Gil — Desaparecido' });
    expect(document.activeElement).toBe(rosa);
    fireEvent.click(rosa);
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Cerrar el evento y abrir 1 casos' }),
    );
    expect(await within(dialog).findByRole('link', { name: 'Caso MX-1' })).toBeTruthy();
    const sent = seen.filter((s) => s.method === 'POST' && s.path === `${BASE}/demobilise`);
    expect(sent.map((s) => s.body)).toEqual([{}, { entryIds: [injured.id] }]);
  });
});
