import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { fakeApi, json, OFFICER, POST_ID, problem } from '../cases/test-api';

const MOVEMENT_ID = '55555555-eeee-4eee-8eee-0000000000e1';
const CASE_ID = '66666666-ffff-4fff-8fff-0000000000f1';
const CHILD_ID = '77777777-aaaa-4aaa-8aaa-0000000000a1';
const DIF = '88888888-bbbb-4bbb-8bbb-0000000000b1';
const SHELTER = '88888888-bbbb-4bbb-8bbb-0000000000b2';

const ME = { ...OFFICER, grants: [{ role: 'officer', consulateId: POST_ID, countryCode: 'MX' }] };

const movement = (fields: object = {}) => ({
  id: MOVEMENT_ID,
  countryCode: 'MX',
  consulateId: POST_ID,
  mode: 'land',
  status: 'planned',
  cancellationReason: null,
  plannedDepartureAt: '2026-12-01T15:00:00Z',
  plannedArrivalAt: null,
  actualDepartureAt: null,
  actualArrivalAt: null,
  fromCountryCode: 'US',
  fromPlace: 'San Ysidro',
  toSubdivisionCode: 'MX-OAX',
  toPlace: 'Oaxaca',
  receivingInstitutionId: null,
  notes: null,
  createdBy: OFFICER.id,
  createdAt: '2026-11-30T15:00:00Z',
  updatedAt: '2026-11-30T15:00:00Z',
  version: 3,
  accompaniedChildReturn: true,
  cases: [
    {
      caseId: CASE_ID,
      caseReference: 'MX-LAX-2026-000042',
      personIds: [CHILD_ID],
      childReturn: true,
      withheld: false,
      addedAt: '2026-11-30T15:00:00Z',
      persons: [{ id: CHILD_ID, name: 'Itzel Cruz', returning: true, handoverNeeded: true }],
      reintegrationReferrals: [],
    },
  ],
  escorts: [],
  handovers: [],
  ...fields,
});

function officerApi(initial = movement()) {
  let current = initial;
  return fakeApi(
    {
      'GET /api/v1/return-movements': () => json({ items: [current], nextCursor: null }),
      [`GET /api/v1/return-movements/${MOVEMENT_ID}`]: () => json(current),
      [`POST /api/v1/return-movements/${MOVEMENT_ID}/depart`]: () =>
        current.escorts.length
          ? json((current = movement({ ...current, status: 'in_transit' })))
          : problem(
              409,
              'RETURN_ESCORT_REQUIRED',
              'Un retorno acompañado de niñas, niños o adolescentes no sale sin al menos un acompañante identificado por su nombre.',
            ),
      [`POST /api/v1/return-movements/${MOVEMENT_ID}/escorts`]: () =>
        json(
          (current = movement({
            ...current,
            escorts: [
              {
                id: 'e1',
                name: 'Lucía Ramírez',
                role: 'Oficial de protección',
                officialId: null,
                organisation: null,
                addedAt: '2026-11-30T16:00:00Z',
              },
            ],
          })),
          201,
        ),
      [`POST /api/v1/return-movements/${MOVEMENT_ID}/handovers`]: () => json(current, 201),
      'GET /api/v1/organisations': () =>
        json({
          items: [
            { id: DIF, name: 'Sistema Nacional DIF', type: 'child_protection_authority' },
            { id: SHELTER, name: 'Casa del Migrante', type: 'civil_society' },
          ],
          nextCursor: null,
        }),
    },
    ME,
  );
}

describe('Return screens', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('lists the returns with a link to each, in Spanish and English, from the menu', async () => {
    officerApi();
    window.history.replaceState(null, '', '/returns');
    render(<App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Retornos' }, { timeout: 10_000 }),
    ).toBeTruthy();
    const table = await screen.findByRole('table', {
      name: 'Movimientos de retorno, salida más reciente primero',
    });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByText('Terrestre')).toBeTruthy();
    expect(within(row).getByText('San Ysidro → Oaxaca')).toBeTruthy();
    expect(within(row).getByRole('link').getAttribute('href')).toBe(`/returns/${MOVEMENT_ID}`);
    expect(screen.getByRole('link', { name: 'Retornos' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await i18n.changeLanguage('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Returns' })).toBeTruthy();
    const english = await screen.findByRole('table', {
      name: 'Return movements, latest departure first',
    });
    expect(within(within(english).getAllByRole('row')[1]).getByText('Land')).toBeTruthy();
  });

  it('shows the refusal to leave without an escort, then leaves once one is named', async () => {
    const seen = officerApi();
    window.history.replaceState(null, '', `/returns/${MOVEMENT_ID}`);
    render(<App />);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: /Retorno terrestre/ },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Retorno acompañado de niñas, niños o adolescentes/)).toBeTruthy();
    expect(screen.getByText('Itzel Cruz (entrega pendiente)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Registrar la salida' }));
    const form = await screen.findByRole('form', { name: 'Registrar la salida' });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrar la salida' }));
    expect(await screen.findByText(/no sale sin al menos un acompañante/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Nombre completo/), {
      target: { value: 'Lucía Ramírez' },
    });
    fireEvent.change(screen.getByLabelText(/Cargo o función/), {
      target: { value: 'Oficial de protección' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Agregar acompañante' }));
    expect(await screen.findByText('Lucía Ramírez, Oficial de protección')).toBeTruthy();
    const escort = seen.find((s) => s.method === 'POST' && s.path.endsWith('/escorts'))!;
    expect(escort.body).toEqual({
      name: 'Lucía Ramírez',
      role: 'Oficial de protección',
      organisation: null,
    });

    fireEvent.click(within(form).getByRole('button', { name: 'Registrar la salida' }));
    expect(await screen.findByText('Salida registrada.')).toBeTruthy();
    const departs = seen.filter((s) => s.method === 'POST' && s.path.endsWith('/depart'));
    expect(departs).toHaveLength(2);
    expect(departs[1].body).toEqual({ actualDepartureAt: expect.any(String) });
  });

  it('offers only child-protection authorities for a handover, and sends what was typed', async () => {
    const seen = officerApi(
      movement({ status: 'in_transit', actualDepartureAt: '2026-12-01T15:00:00Z' }),
    );
    window.history.replaceState(null, '', `/returns/${MOVEMENT_ID}`);
    render(<App />);
    const form = await screen.findByRole(
      'form',
      { name: 'Registrar la entrega de Itzel Cruz' },
      { timeout: 10_000 },
    );
    const authority = within(form).getByLabelText(
      /Autoridad de protección de la niñez/,
    ) as HTMLSelectElement;
    await waitFor(() =>
      expect([...authority.options].map((o) => o.textContent)).toEqual([
        'Elija la autoridad',
        'Sistema Nacional DIF',
      ]),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Registrar la entrega' }));
    expect(await screen.findAllByText('Elija la autoridad.')).not.toHaveLength(0);
    expect(seen.some((s) => s.path.endsWith('/handovers'))).toBe(false);
    fireEvent.change(authority, { target: { value: DIF } });
    fireEvent.change(within(form).getByLabelText(/Nombre de quien recibió/), {
      target: { value: 'Lic. Mario Hernández' },
    });
    fireEvent.change(within(form).getByLabelText(/Cargo de quien recibió/), {
      target: { value: 'Procurador' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrar la entrega' }));
    expect(await screen.findByText('Entrega registrada.')).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST' && s.path.endsWith('/handovers'))!;
    expect(sent.body).toEqual({
      caseId: CASE_ID,
      personId: CHILD_ID,
      authorityId: DIF,
      officialName: 'Lic. Mario Hernández',
      officialTitle: 'Procurador',
      handedOverAt: expect.any(String),
    });
  });
});
