import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import type { Enquiry, RosterEntry } from './crisis-types';
import { BASE, crisisApi, enquiry, EVENT_ID, rosterEntry } from './test-fixtures';

describe('Roster and enquiries', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('filters the roster by welfare from the address, and changes a welfare status with its history', async () => {
    let ana: RosterEntry = rosterEntry({ givenNames: 'Ana', familyNames: 'Soto' });
    const seen = crisisApi({
      [`GET ${BASE}/roster`]: () => json({ items: [ana], nextCursor: null }),
      [`GET ${BASE}/roster/${ana.id}`]: () =>
        json({
          ...ana,
          welfareHistory: [
            {
              id: 'w1',
              status: 'unaccounted',
              previousStatus: null,
              note: null,
              changedAt: '2026-12-01T10:00:00Z',
              changedBy: 'u',
              changedByName: 'Julio Pérez',
            },
          ],
        }),
      [`POST ${BASE}/roster/${ana.id}/welfare`]: () => {
        ana = { ...ana, welfareStatus: 'safe' };
        return json(ana);
      },
    });
    window.history.replaceState(null, '', `/crisis/${EVENT_ID}/roster?welfareStatus=unaccounted`);
    render(<App />);
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Lista de personas' },
      { timeout: 10_000 },
    );
    const table = await screen.findByRole('table', { name: 'Personas registradas en el evento' });
    const query = seen.find((s) => s.path === `${BASE}/roster`)!;
    expect(new URLSearchParams(query.search).get('welfareStatus')).toBe('unaccounted');
    expect((screen.getByLabelText('Situación') as HTMLSelectElement).value).toBe('unaccounted');

    fireEvent.click(
      within(table).getByRole('button', { name: 'Cambiar la situación de Ana Soto' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Situación de Ana Soto' });
    const history = await within(dialog).findByRole('table', { name: 'Historial de la situación' });
    expect(within(history).getByText('Julio Pérez')).toBeTruthy();
    // The same status again is not a change.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar la situación' }));
    expect(
      await within(dialog).findByRole('link', {
        name: 'Elija una situación distinta de la actual',
      }),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Nueva situación/), {
      target: { value: 'safe' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Nota/), {
      target: { value: 'Llamó su hermana' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar la situación' }));
    expect(await screen.findByText('Situación de Ana Soto: A salvo')).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST')!;
    expect(sent.body).toEqual({ status: 'safe', note: 'Llamó su hermana' });
  });

  it('records an enquiry, shows the suggested matches and confirms one', async () => {
    const jose = rosterEntry({
      givenNames: 'José',
      familyNames: 'Hernández',
      welfareStatus: 'safe',
    });
    let current: Enquiry = enquiry({ suggestions: [{ entry: jose, score: 0.82 }] });
    const seen = crisisApi({
      [`GET ${BASE}/enquiries`]: () => json({ items: [], nextCursor: null }),
      [`POST ${BASE}/enquiries`]: () => json(current, 201),
      [`GET ${BASE}/enquiries/enq-1`]: () => json(current),
      [`POST ${BASE}/enquiries/enq-1/match`]: () => {
        current = { ...current, status: 'matched', matchedEntryId: jose.id, matchedEntry: jose };
        return json(current);
      },
    });
    window.history.replaceState(null, '', `/crisis/${EVENT_ID}/enquiries`);
    render(<App />);
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Consultas de familiares' },
      { timeout: 10_000 },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Nueva consulta' }));
    const form = await screen.findByRole('dialog', { name: 'Nueva consulta de un familiar' });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrar la consulta' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getAllByRole('link')).toHaveLength(3);
    const fill = (label: RegExp, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    fill(/^Nombre del familiar/, 'Marta Hernández');
    fill(/^Contacto del familiar/, '+52 55 1234 5678');
    fill(/^Parentesco/, 'Hermana');
    fill(/^Nombres de la persona buscada/, 'Jose');
    fill(/^Apellidos de la persona buscada/, 'Hernandes');
    fireEvent.click(within(form).getByRole('button', { name: 'Registrar la consulta' }));
    const dialog = await screen.findByRole('dialog', { name: 'Consulta de Marta Hernández' });
    const created = seen.find((s) => s.method === 'POST' && s.path === `${BASE}/enquiries`)!;
    expect(created.body).toEqual({
      relativeName: 'Marta Hernández',
      relativeContact: '+52 55 1234 5678',
      relationship: 'Hermana',
      soughtGivenNames: 'Jose',
      soughtFamilyNames: 'Hernandes',
    });
    const suggestions = await within(dialog).findByRole('table', {
      name: /parecidas a la buscada/,
    });
    expect(within(suggestions).getByText('82 %')).toBeTruthy();
    fireEvent.click(within(suggestions).getByRole('button', { name: 'Es José Hernández' }));
    expect(await within(dialog).findByText('Coincide con: José Hernández (A salvo)')).toBeTruthy();
    await waitFor(() =>
      expect(seen.find((s) => s.path.endsWith('/match'))?.body).toEqual({ entryId: jose.id }),
    );
  });
});
