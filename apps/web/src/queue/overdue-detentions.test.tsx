import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { answerWith } from '../test-setup';
import { json, meWith, POST_ID, signedInApi, type Seen } from './test-api';

const LAZY_PAGE = { timeout: 10_000 };
const RULE = { notificationOverdueHours: 72, firstContactOverdueHours: 72, visitOverdueDays: 30 };

const item = (n: number, overdue: object[]) => ({
  detentionId: `77777777-aaaa-4aaa-8aaa-00000000000${n}`,
  caseId: `9b2e4c1a-0000-4000-8000-00000000000${n}`,
  caseReference: `MX-LAX-2026-00000${n}`,
  consulateId: POST_ID,
  personId: `33333333-cccc-4ccc-8ccc-00000000000${n}`,
  arrestedAt: '2026-10-01T08:00:00Z',
  notifiedAt: '2026-10-02T08:00:00Z',
  lastVisitAt: null,
  overdue,
  mostLateHours: 48,
});

const queueWith = (me: object, detentions: object, seen: Seen[]) =>
  signedInApi(me, seen, (_request, url) => {
    if (url.pathname === '/api/v1/work-queue')
      return json({
        today: '2026-11-20',
        tabs: [{ id: 'mine', count: 0, overdue: 0, filter: {} }],
      });
    if (url.pathname === '/api/v1/work-queue/detentions') return json(detentions);
    if (url.pathname === '/api/v1/cases') return json({ items: [], nextCursor: null });
    if (url.pathname === '/api/v1/caseload') return undefined;
    return undefined;
  });

describe('Overdue detentions in the work queue', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/queue');
    await i18n.changeLanguage('es');
  });

  it('lists the case team its overdue detentions, most late first, each with the rule it breaks', async () => {
    const seen: Seen[] = [];
    const officer = meWith('officer', ['directory:read', 'cases:read', 'cases:write']);
    answerWith(
      queueWith(
        officer,
        {
          rule: RULE,
          items: [
            item(1, [
              { rule: 'visit', unit: 'days', limit: 30, actual: 32, lateBy: 2, lateByHours: 48 },
            ]),
            item(2, [
              {
                rule: 'notification',
                unit: 'hours',
                limit: 72,
                actual: 80,
                lateBy: 8,
                lateByHours: 8,
              },
            ]),
          ],
          posts: [
            { consulateId: POST_ID, consulateName: 'Los Ángeles', postCode: 'LAX', overdue: 2 },
          ],
        },
        seen,
      ),
      { answersRefresh: true },
    );
    render(<App />);
    const section = await screen.findByRole('region', { name: 'Detenciones vencidas' }, LAZY_PAGE);
    expect(
      await within(section).findByText(
        /notificación en 72 h, primer contacto en 72 h, una visita cada 30 días/,
      ),
    ).toBeTruthy();
    const table = within(section).getByRole('table', { name: 'Detenciones vencidas' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'MX-LAX-2026-000001',
      'MX-LAX-2026-000002',
    ]);
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe(
      `/cases/${item(1, []).caseId}`,
    );
    expect(rows[0].textContent).toContain(
      'Sin visita desde hace 32 días (regla: 30 días), 2 días de retraso',
    );
    expect(rows[1].textContent).toContain(
      'Notificación 80 h después de la detención (regla: 72 h), 8 h de retraso',
    );
    expect(seen.some((c) => c.path === '/api/v1/work-queue/detentions')).toBe(true);
  });

  it('shows a supervisor the count per post on the dashboard, in English', async () => {
    await i18n.changeLanguage('en');
    window.history.replaceState(null, '', '/dashboard');
    const supervisor = { ...meWith('supervisor', ['cases:read', 'statistics:read']), locale: 'en' };
    answerWith(
      queueWith(
        supervisor,
        {
          rule: RULE,
          items: [],
          posts: [
            { consulateId: POST_ID, consulateName: 'Los Angeles', postCode: 'LAX', overdue: 3 },
          ],
        },
        [],
      ),
      { answersRefresh: true },
    );
    render(<App />);
    const section = await screen.findByRole('region', { name: 'Overdue detentions' }, LAZY_PAGE);
    const table = await within(section).findByRole('table', {
      name: 'Overdue detentions per post',
    });
    const row = within(table).getByRole('row', { name: /Los Angeles \(LAX\)/ });
    expect(row.textContent).toContain('3');
  });

  it('says when nothing is overdue', async () => {
    const officer = meWith('officer', ['directory:read', 'cases:read', 'cases:write']);
    answerWith(queueWith(officer, { rule: RULE, items: [], posts: [] }, []), {
      answersRefresh: true,
    });
    render(<App />);
    const section = await screen.findByRole('region', { name: 'Detenciones vencidas' }, LAZY_PAGE);
    expect(await within(section).findByText('Ninguna detención vencida.')).toBeTruthy();
  });
});
