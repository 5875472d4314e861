import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { aCaseDetail, aCasePerson, fakeApi, json, ME_ID, problem, type Seen } from '../test-api';

const CASE_ID = '22222222-bbbb-4bbb-8bbb-000000000077';
const PERSON_ID = '33333333-cccc-4ccc-8ccc-000000000077';
const DETENTION_ID = '77777777-aaaa-4aaa-8aaa-000000000001';

const theCase = (overrides: object = {}) =>
  aCaseDetail({
    id: CASE_ID,
    reference: 'MX-LAX-2026-000077',
    vulnerabilityFlags: ['detained'],
    persons: [
      aCasePerson({
        id: PERSON_ID,
        givenNames: 'Mario',
        familyNames: 'Reyes',
        sex: 'male',
      }),
    ],
    ...overrides,
  });

const detention = (overrides: object = {}) => ({
  id: DETENTION_ID,
  caseId: CASE_ID,
  personId: PERSON_ID,
  facilityName: 'Centro de Otay Mesa',
  facilitySubdivisionCode: 'US-CA',
  arrestedAt: '2026-11-01T08:00:00Z',
  notifiedAt: '2026-11-04T16:00:00Z',
  firstContactAt: null,
  releasedAt: null,
  recordedBy: ME_ID,
  recordedAt: '2026-11-04T17:00:00Z',
  updatedAt: '2026-11-04T17:00:00Z',
  version: 1,
  etag: '"v1"',
  clocks: {
    open: true,
    notificationDelayHours: 80,
    firstContactAt: null,
    firstContactSource: null,
    timeToFirstContactHours: null,
    visitCount: 0,
    lastVisitAt: null,
    daysSinceLastVisit: 2,
    overdue: [
      { rule: 'notification', unit: 'hours', limit: 72, actual: 80, lateBy: 8, lateByHours: 8 },
    ],
    mostLateHours: 8,
  },
  ...overrides,
});

const caseRoutes = (c: object, items: () => unknown[]) => ({
  [`GET /api/v1/cases/${CASE_ID}`]: () => json(c, 200, { ETag: '"v1"' }),
  [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
  [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: [], nextCursor: null }),
  [`GET /api/v1/cases/${CASE_ID}/detentions`]: () => json({ items: items() }),
});

const openSection = async (name: string) =>
  screen.findByRole('region', { name }, { timeout: 10_000 });

describe('Detention section of the case page', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('records a detention from its form and shows the clocks with the overdue reason', async () => {
    let items: unknown[] = [];
    const sent: Record<string, unknown> = {};
    fakeApi({
      ...caseRoutes(theCase(), () => items),
      [`POST /api/v1/cases/${CASE_ID}/detentions`]: (_r: Request, seen: Seen) => {
        sent.body = seen.body;
        sent.key = seen.headers.get('Idempotency-Key');
        items = [detention()];
        return json(items[0], 201);
      },
    });
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const section = await openSection('Detención');
    await within(section).findByText('No hay detención registrada.');
    fireEvent.click(within(section).getByRole('button', { name: 'Registrar una detención' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrar una detención' });
    // The only person of the case is chosen already; the time of arrest is required.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    expect(
      await within(dialog).findByText('Indique la hora de la detención', { selector: 'a' }),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Hora de la detención/), {
      target: { value: '2026-11-01T08:00' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Hora de la notificación/), {
      target: { value: '2026-11-04T16:00' },
    });
    fireEvent.change(within(dialog).getByLabelText('Nombre del centro'), {
      target: { value: 'Centro de Otay Mesa' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    await within(section).findByText('Detención guardada.');
    expect(sent.body).toEqual({
      personId: PERSON_ID,
      facilityName: 'Centro de Otay Mesa',
      facilitySubdivisionCode: null,
      arrestedAt: new Date('2026-11-01T08:00').toISOString(),
      notifiedAt: new Date('2026-11-04T16:00').toISOString(),
      firstContactAt: null,
    });
    expect(sent.key).toBeTruthy();
    const card = await within(section).findByRole('region', { name: 'Mario Reyes' });
    expect(within(card).getByText('Vencida')).toBeTruthy();
    expect(card.textContent).toContain('tras 80 h');
    expect(card.textContent).toContain(
      'Notificación 80 h después de la detención (regla: 72 h), 8 h de retraso',
    );
    expect(card.textContent).toContain('Ninguna visita · 2 días sin visita');
  });

  it('releases a detention with its etag and shows the API refusal on its field (English)', async () => {
    await i18n.changeLanguage('en');
    const sent: { ifMatch?: string | null; body?: unknown }[] = [];
    let answer = problem(400, 'VALIDATION_FAILED', 'Invalid', [
      {
        field: 'releasedAt',
        code: 'BEFORE_ARREST',
        message: 'The release cannot precede the arrest.',
      },
    ]);
    fakeApi({
      ...caseRoutes(theCase(), () => [detention()]),
      [`PATCH /api/v1/cases/${CASE_ID}/detentions/${DETENTION_ID}`]: (_r: Request, seen: Seen) => {
        sent.push({ ifMatch: seen.headers.get('If-Match'), body: seen.body });
        return answer;
      },
    });
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const section = await openSection('Detention');
    const card = await within(section).findByRole('region', { name: 'Mario Reyes' });
    expect(card.textContent).toContain('Notification 80 h after the arrest (rule: 72 h), 8 h late');
    fireEvent.click(
      within(card).getByRole('button', { name: 'Update the detention of Mario Reyes' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Update the detention' });
    fireEvent.change(within(dialog).getByLabelText(/Time of release/), {
      target: { value: '2026-10-01T08:00' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('The release cannot precede the arrest.', { selector: 'a' }),
    ).toBeTruthy();
    answer = json(detention({ releasedAt: '2026-11-06T08:00:00Z' }));
    fireEvent.change(within(dialog).getByLabelText(/Time of release/), {
      target: { value: '2026-11-06T08:00' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(section).findByText('Detention saved.');
    expect(sent.at(-1)).toMatchObject({
      ifMatch: '"v1"',
      body: expect.objectContaining({ releasedAt: new Date('2026-11-06T08:00').toISOString() }),
    });
  });

  it('stays out of cases that are not about a detention', async () => {
    fakeApi(
      caseRoutes(theCase({ primaryCategory: 'labour_rights', vulnerabilityFlags: [] }), () => []),
    );
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    await screen.findByRole('heading', { name: /Actuaciones/ }, { timeout: 10_000 });
    expect(screen.queryByRole('region', { name: 'Detención' })).toBeNull();
  });
});
