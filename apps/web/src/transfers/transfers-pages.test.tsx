import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, ME_ID, OFFICER } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { CASE_ID, HOU_POST, transfer, TRANSFER_ID } from './test-fixtures';

/** The consul of the receiving post (Houston). */
const CONSUL = {
  ...OFFICER,
  displayName: 'Julio Pérez',
  grants: [{ role: 'consul', consulateId: HOU_POST, countryCode: null }],
  permissions: ['directory:read', 'cases:read', 'cases:write', 'cases:assign', 'cases:transfer'],
};

function consulApi() {
  let current = transfer({ proposedBy: 'another-officer' });
  const seen = fakeApi(
    {
      'GET /api/v1/transfers': (request) => {
        const query = new URL(request.url).searchParams;
        if (query.get('direction') === 'outgoing') return json({ items: [], nextCursor: null });
        if (query.get('status') === 'pending' && current.status !== 'pending')
          return json({ items: [], nextCursor: null });
        return json({ items: [current], nextCursor: null });
      },
      [`POST /api/v1/transfers/${TRANSFER_ID}/accept`]: () => {
        current = transfer({
          status: 'accepted',
          newReference: 'MX-HOU-2026-000007',
          decidedBy: ME_ID,
          decidedAt: '2026-11-21T10:00:00Z',
        });
        return json(current);
      },
      [`POST /api/v1/transfers/${TRANSFER_ID}/reject`]: () => {
        current = transfer({ status: 'rejected', rejectionReason: 'No tenemos jurisdicción.' });
        return json(current);
      },
    },
    CONSUL,
  );
  return seen;
}

describe('Cooperation pages', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('lists incoming transfers with the pending counts and lets the receiving consul accept, linking to the case', async () => {
    const seen = consulApi();
    window.history.replaceState(null, '', '/transfers');
    render(<App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Traslados' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Recibidos (1 pendientes)' })).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Enviados (0 pendientes)' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Traslados recibidos' });
    const row = within(table).getAllByRole('row')[1];
    expect(
      within(row).getByText('Consulado General en Los Ángeles → Consulado General en Houston'),
    ).toBeTruthy();
    expect(within(row).getByText('Pendiente')).toBeTruthy();
    // The menu's Cooperation entry stays marked on the pages it leads to.
    expect(screen.getByRole('link', { name: 'Cooperación' }).classList).toContain('active');

    fireEvent.click(within(row).getByRole('button', { name: 'Aceptar MX-LAX-2026-000042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aceptar el traslado' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aceptar el traslado' }));
    const link = await screen.findByRole('link', { name: 'Abrir el caso MX-HOU-2026-000007' });
    expect(link.getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    expect(seen.find((s) => s.path.endsWith('/accept'))!.body).toEqual({});
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Recibidos (0 pendientes)' })).toBeTruthy(),
    );
  });

  it('asks the reason before rejecting, in English', async () => {
    await i18n.changeLanguage('en');
    const seen = consulApi();
    window.history.replaceState(null, '', '/transfers');
    render(<App />);
    const table = await screen.findByRole(
      'table',
      { name: 'Incoming transfers' },
      { timeout: 10_000 },
    );
    fireEvent.click(within(table).getByRole('button', { name: 'Reject MX-LAX-2026-000042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the transfer' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject the transfer' }));
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByRole('link', { name: /Enter the reason/ })).toBeTruthy();
    expect(seen.some((s) => s.path.endsWith('/reject'))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Reason for rejecting/), {
      target: { value: 'No tenemos jurisdicción.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject the transfer' }));
    expect(
      await screen.findByText(
        'Transfer of MX-LAX-2026-000042 rejected: the case stays at its post.',
      ),
    ).toBeTruthy();
    expect(seen.find((s) => s.path.endsWith('/reject'))!.body).toEqual({
      reason: 'No tenemos jurisdicción.',
    });
  });

  it('lets the proposing officer withdraw a pending outgoing transfer', async () => {
    let current = transfer();
    const seen = fakeApi(
      {
        'GET /api/v1/transfers': (request) => {
          const query = new URL(request.url).searchParams;
          const pending = query.get('status') === 'pending';
          return json({
            items:
              query.get('direction') === 'outgoing' && (!pending || current.status === 'pending')
                ? [current]
                : [],
            nextCursor: null,
          });
        },
        [`POST /api/v1/transfers/${TRANSFER_ID}/cancel`]: () => {
          current = transfer({ status: 'cancelled' });
          return json(current);
        },
      },
      { ...OFFICER, permissions: [...OFFICER.permissions, 'cases:transfer'] },
    );
    window.history.replaceState(null, '', '/transfers?direction=outgoing');
    render(<App />);
    const table = await screen.findByRole(
      'table',
      { name: 'Traslados enviados' },
      { timeout: 10_000 },
    );
    expect(await screen.findByRole('tab', { name: 'Enviados (1 pendientes)' })).toBeTruthy();
    // Nothing to decide on one's own proposal.
    expect(within(table).queryByRole('button', { name: /^Aceptar/ })).toBeNull();
    fireEvent.click(
      within(table).getByRole('button', { name: 'Retirar el traslado de MX-LAX-2026-000042' }),
    );
    expect(
      await screen.findByText(
        'Traslado de MX-LAX-2026-000042 retirado: el caso sigue en su oficina.',
      ),
    ).toBeTruthy();
    expect(seen.some((s) => s.path.endsWith('/cancel'))).toBe(true);
    expect(await screen.findByText('Retirado')).toBeTruthy();
  });

  it('lists the post’s referrals with the filters in the URL, overdue follow-ups said in words', async () => {
    const referral = (fields: object) => ({
      id: 'r1',
      caseId: CASE_ID,
      caseReference: 'MX-LAX-2026-000042',
      consulateId: HOU_POST,
      organisationId: 'o1',
      organisationName: 'Casa del Migrante',
      services: ['legal_aid', 'shelter'],
      need: 'Albergue',
      fields: ['names'],
      personIds: [],
      payload: { fields: ['names'], persons: [], case: {} },
      consentIds: [],
      overrideId: null,
      status: 'pending',
      statusReason: null,
      followUpDue: '2020-01-10',
      createdBy: ME_ID,
      createdAt: '2026-11-20T15:00:00Z',
      answeredAt: null,
      completedAt: null,
      completionNotes: null,
      revokedAt: null,
      version: 1,
      ...fields,
    });
    const seen = fakeApi(
      {
        'GET /api/v1/referrals': () =>
          json({
            items: [referral({}), referral({ id: 'r2', status: 'completed' })],
            nextCursor: null,
          }),
      },
      CONSUL,
    );
    window.history.replaceState(null, '', '/referrals?status=pending');
    render(<App />);
    const table = await screen.findByRole(
      'table',
      { name: 'Canalizaciones a organizaciones' },
      { timeout: 10_000 },
    );
    const [, open, done] = within(table).getAllByRole('row');
    expect(within(open).getByRole('link', { name: 'MX-LAX-2026-000042' })).toBeTruthy();
    expect(within(open).getByText('Casa del Migrante')).toBeTruthy();
    expect(within(open).getByText(/\(vencida\)$/)).toBeTruthy();
    // A completed referral's follow-up date is no longer overdue.
    expect(within(done).queryByText(/vencida/)).toBeNull();
    expect(seen.find((s) => s.path === '/api/v1/referrals')!.search).toContain('status=pending');

    fireEvent.click(screen.getByLabelText('Solo con seguimiento vencido'));
    await waitFor(() => expect(window.location.search).toBe('?status=pending&overdue=true'));
    await waitFor(() =>
      expect(
        seen.some((s) => s.path === '/api/v1/referrals' && s.search.includes('overdue=true')),
      ).toBe(true),
    );
  });

  it('marks Cooperation as the current menu entry on its pages, for screen readers too', async () => {
    fakeApi({ 'GET /api/v1/transfers': () => json({ items: [], nextCursor: null }) }, CONSUL);
    window.history.replaceState(null, '', '/transfers');
    render(<App />);
    const entry = await screen.findByRole('link', { name: 'Cooperación' }, { timeout: 10_000 });
    await waitFor(() => expect(entry.getAttribute('aria-current')).toBe('page'));
    expect(screen.getByRole('link', { name: 'Casos' }).getAttribute('aria-current')).toBeNull();
  });

  it('gathers transfers, referrals and mutual assistance under Cooperation', async () => {
    fakeApi({}, CONSUL);
    window.history.replaceState(null, '', '/');
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: 'Cooperación' }, { timeout: 10_000 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cooperación' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Traslados/ }).getAttribute('href')).toBe(
      '/transfers',
    );
    expect(screen.getByRole('link', { name: /^Canalizaciones/ }).getAttribute('href')).toBe(
      '/referrals',
    );
    expect(screen.getByRole('link', { name: /^Asistencia mutua/ }).getAttribute('href')).toBe(
      '/assistance',
    );
  });
});
