import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, OFFICER } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';

const POST_A = '4a7d1c9e-3333-4333-8333-333333333333';
const POST_B = '5b8e2d0f-4444-4444-8444-444444444444';
const counts = (n: {
  referrals?: number;
  overdue?: number;
  incoming?: number;
  transfers?: number;
}) => ({
  referrals: { pending: n.referrals ?? 0, accepted: 0, overdueFollowUps: n.overdue ?? 0 },
  assistanceRequests: { incomingPending: n.incoming ?? 0, incomingActive: 0, outgoingPending: 0 },
  transfers: { incomingPending: n.transfers ?? 0, outgoingPending: 0 },
});
const post = (id: string, code: string, n: Parameters<typeof counts>[0]) => ({
  consulateId: id,
  consulateName: `Consulado de México en ${code}`,
  countryCode: 'MX',
  postCode: code,
  ...counts(n),
});

const CONSUL = {
  ...OFFICER,
  grants: [{ role: 'consul', consulateId: POST_A, countryCode: 'MX' }],
  permissions: ['cases:read', 'cases:write', 'cases:transfer', 'consent:review_overrides'],
};
const SUPERVISOR = {
  ...OFFICER,
  grants: [{ role: 'supervisor', consulateId: null, countryCode: 'MX' }],
  permissions: ['cases:read', 'cases:transfer', 'consent:review_overrides'],
};
const OVERRIDE = {
  id: '7c1d2e3f-5555-4555-8555-555555555555',
  caseId: '9b2e4c1a-0000-4000-8000-000000000001',
  caseReference: 'MX-LAX-2026-000001',
  consulateId: POST_A,
  purpose: 'disclosure_to_organisations',
  fields: ['names', 'contact'],
  personIds: [],
  target: 'organisation:x',
  reason: 'Peligro inmediato: el albergue necesita su nombre hoy',
  overriddenBy: 'someone-else',
  overriddenAt: '2026-11-20T18:00:00Z',
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
};

function open(me: object, queue: object, overrides: object[] = []) {
  let pending = overrides;
  const seen = fakeApi(
    {
      'GET /api/v1/cooperation-queue': () => json(queue),
      'GET /api/v1/consent-overrides': () => json({ items: pending, nextCursor: null }),
      [`POST /api/v1/consent-overrides/${OVERRIDE.id}/review`]: () => {
        pending = [];
        return json({ ...OVERRIDE, reviewedBy: 'me', reviewedAt: '2026-11-21T09:00:00Z' });
      },
    },
    me,
  );
  window.history.replaceState(null, '', '/cooperation');
  render(<App />);
  return seen;
}

describe('Cooperation queue', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('shows what waits at the post, each figure opening its list', async () => {
    open(CONSUL, {
      posts: [post(POST_A, 'LAX', { referrals: 2, overdue: 1, transfers: 3 })],
      totals: counts({ referrals: 2, overdue: 1, transfers: 3 }),
      consentOverridesToReview: 0,
    });
    const table = await screen.findByRole('table', { name: /por oficina/ }, { timeout: 10_000 });
    const row = within(table).getByRole('row', { name: /LAX/ });
    expect(within(row).getByRole('rowheader').textContent).toBe(
      'Consulado de México en LAX (MX-LAX)',
    );
    const overdue = within(row).getByRole('link', {
      name: '1: ver la lista (Seguimiento vencido)',
    });
    expect(overdue.getAttribute('href')).toBe('/referrals?overdue=true');
    expect(
      within(row)
        .getByRole('link', { name: /^3: .*Propuestos a la oficina/ })
        .getAttribute('href'),
    ).toBe('/transfers');
    // Zero is a figure, not a link; one post needs no total.
    expect(within(row).getAllByRole('link')).toHaveLength(3);
    expect(within(table).queryByRole('rowheader', { name: 'Total' })).toBeNull();
  });

  it('adds up the posts of a supervisor’s country', async () => {
    open(SUPERVISOR, {
      posts: [
        post(POST_A, 'LAX', { referrals: 2 }),
        post(POST_B, 'HOU', { referrals: 1, incoming: 4 }),
      ],
      totals: counts({ referrals: 3, incoming: 4 }),
      consentOverridesToReview: 0,
    });
    const table = await screen.findByRole('table', { name: /por oficina/ }, { timeout: 10_000 });
    const total = within(table).getByRole('row', { name: /^Total/ });
    expect(within(total).getByRole('link', { name: /^3: .*Esperan respuesta/ })).toBeTruthy();
    expect(within(total).getByRole('link', { name: /^4: .*Recibidas por decidir/ })).toBeTruthy();
  });

  it('lets another consul review a consent override, in English', async () => {
    await i18n.changeLanguage('en');
    const seen = open(CONSUL, { posts: [], totals: counts({}), consentOverridesToReview: 1 }, [
      OVERRIDE,
    ]);
    expect(
      await screen.findByText('Nothing waiting at your posts.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    const overrides = await screen.findByRole('table', { name: 'Unreviewed consent overrides' });
    expect(within(overrides).getByText('Names, Phone and email')).toBeTruthy();
    fireEvent.click(
      within(overrides).getByRole('button', {
        name: 'Review the override of case MX-LAX-2026-000001',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Review the override of case MX-LAX-2026-000001',
    });
    fireEvent.change(within(dialog).getByLabelText('Note (optional)'), {
      target: { value: 'Justified: the shelter called back.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as reviewed' }));
    expect(await screen.findByText('Override of case MX-LAX-2026-000001 reviewed.')).toBeTruthy();
    expect(await screen.findByText('No overrides to review.')).toBeTruthy();
    const review = seen.find((s) => s.method === 'POST' && s.path.endsWith('/review'))!;
    expect(review.body).toEqual({ note: 'Justified: the shelter called back.' });
  });

  it('shows no review list to an officer', async () => {
    open(
      { ...OFFICER, permissions: ['cases:read', 'cases:write', 'cases:transfer'] },
      { posts: [post(POST_A, 'LAX', {})], totals: counts({}), consentOverridesToReview: 0 },
    );
    await screen.findByRole('table', { name: /por oficina/ }, { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Excepciones/ })).toBeNull());
  });
});
