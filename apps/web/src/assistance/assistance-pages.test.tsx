import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { fakeApi, json, ME_ID, POST_ID } from '../cases/test-api';

const REQUEST_ID = '33333333-cccc-4ccc-8ccc-0000000000c1';
const NEW_CASE = '44444444-dddd-4ddd-8ddd-0000000000d1';

const CONSUL = {
  id: ME_ID,
  email: 'consul@demo.example',
  displayName: 'Julio Pérez',
  locale: 'es',
  countryCode: 'GT',
  mfaEnabled: true,
  grants: [{ role: 'consul', consulateId: POST_ID, countryCode: 'GT' }],
  permissions: ['directory:read', 'cases:read', 'cases:write', 'cases:assign'],
};

const request = (fields: object = {}) => ({
  id: REQUEST_ID,
  kind: 'assistance',
  status: 'pending',
  sides: ['receiving'],
  requestingPost: {
    id: 'mx',
    name: 'Consulado de México en Houston',
    countryCode: 'MX',
    postCode: 'HOU',
  },
  receivingPost: {
    id: POST_ID,
    name: 'Consulado de Guatemala en Houston',
    countryCode: 'GT',
    postCode: 'HOU',
  },
  reason: 'language',
  reasonNote: 'Habla solo mam; ustedes tienen intérprete.',
  fields: ['names', 'sex', 'nationality', 'categories'],
  payload: {
    fields: ['names', 'sex', 'nationality', 'categories'],
    persons: [
      {
        role: 'primary',
        givenNames: 'Ximena',
        familyNames: 'Cuautle',
        sex: 'female',
        nationalityCode: 'MX',
      },
    ],
    case: { primaryCategory: 'criminal_detention', secondaryCategories: [] },
  },
  requestingCaseId: null,
  receivingCaseId: null,
  overridden: false,
  requestedAt: '2026-11-20T15:00:00Z',
  decidedAt: null,
  rejectionReason: null,
  revokedAt: null,
  revocationReason: null,
  completedAt: null,
  purgedAt: null,
  ...fields,
});

function consulApi() {
  let current = request();
  const seen = fakeApi(
    {
      'GET /api/v1/assistance-requests/counts': () =>
        json({ incomingPending: 1, outgoingPending: 2 }),
      'GET /api/v1/assistance-requests': () => json({ items: [current], nextCursor: null }),
      [`GET /api/v1/assistance-requests/${REQUEST_ID}`]: () => json(current),
      [`GET /api/v1/assistance-requests/${REQUEST_ID}/reports`]: () =>
        json({ items: [], nextCursor: null }),
      [`POST /api/v1/assistance-requests/${REQUEST_ID}/accept`]: () => {
        current = request({
          status: 'accepted',
          receivingCaseId: NEW_CASE,
          decidedAt: '2026-11-20T16:00:00Z',
        });
        return json(current);
      },
    },
    CONSUL,
  );
  return seen;
}

describe('Assistance request screens', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('lists received requests with the pending counts, in Spanish and English', async () => {
    consulApi();
    window.history.replaceState(null, '', '/assistance');
    render(<App />);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Solicitudes de asistencia' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Recibidas (1 pendientes)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Enviadas (2 pendientes)' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Solicitudes recibidas' });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByText('Consulado de México en Houston (MX)')).toBeTruthy();
    expect(within(row).getByText('Idioma')).toBeTruthy();
    expect(within(row).getByText('Pendiente')).toBeTruthy();
    expect(within(row).getByRole('link').getAttribute('href')).toBe(`/assistance/${REQUEST_ID}`);
    expect(screen.getByRole('link', { name: 'Cooperación' })).toBeTruthy();

    await i18n.changeLanguage('en');
    expect(await screen.findByRole('tab', { name: 'Received (1 pending)' })).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Requests received' })).toBeTruthy();
  });

  it('lets the receiving consul accept, opening the case, and links to it', async () => {
    const seen = consulApi();
    window.history.replaceState(null, '', `/assistance/${REQUEST_ID}`);
    render(<App />);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Solicitud de asistencia de Consulado de México en Houston' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('Ximena')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Abrir el caso de origen/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Aceptar y abrir un caso' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aceptar la solicitud' });
    const category = within(dialog).getByLabelText(
      /Categoría principal del nuevo caso/,
    ) as HTMLSelectElement;
    await waitFor(() => expect(category.value).toBe('criminal_detention'));
    fireEvent.change(category, { target: { value: 'asylum' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aceptar y abrir el caso' }));
    expect(
      await screen.findByText('Solicitud aceptada: se abrió el caso en su oficina.'),
    ).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Abrir el caso abierto en su oficina' });
    expect(link.getAttribute('href')).toBe(`/cases/${NEW_CASE}`);
    const accept = seen.find((s) => s.method === 'POST' && s.path.endsWith('/accept'))!;
    expect(accept.body).toEqual({ primaryCategory: 'asylum' });
    expect(screen.queryByRole('button', { name: 'Aceptar y abrir un caso' })).toBeNull();
  });
});
