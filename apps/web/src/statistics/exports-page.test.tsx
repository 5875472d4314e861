import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessToken } from '../api/access-token';
import { fakeApi, json, renderAt } from './test-harness';
import { fileNameOf } from './download-export';

const SLOW = { timeout: 5000 };
const EXPORT_ID = '0f4e3c2a-3333-4333-8333-333333333333';
const SHA = 'a3f1c9e0b7d24e5f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';

function exportItem(overrides: Record<string, unknown>) {
  return {
    id: EXPORT_ID,
    kind: 'statistics',
    format: 'csv',
    language: 'es',
    status: 'queued',
    progress: 0,
    rowCount: null,
    byteSize: null,
    sha256: null,
    failure: null,
    measures: ['cases_opened'],
    dimensions: ['sex'],
    period: 'year',
    from: '2026-01-01',
    to: '2026-06-30',
    filters: {},
    scope: { countries: ['MX'], consulateIds: [] },
    scheduled: false,
    requestedAt: '2026-11-25T16:00:00.000Z',
    startedAt: null,
    completedAt: null,
    expiresAt: null,
    fileUrl: null,
    ...overrides,
  };
}

const FAILED = exportItem({
  id: '0f4e3c2a-4444-4444-8444-444444444444',
  status: 'failed',
  progress: 10,
  failure: {
    code: 'STATISTICS_TABLE_TOO_LARGE',
    message: { es: 'Tabla demasiado grande', en: 'Table too large' },
  },
  requestedAt: '2026-11-20T10:00:00.000Z',
});

describe('Exports screen', { timeout: 30_000 }, () => {
  let saved: { name: string; href: string }[];
  beforeEach(() => {
    saved = [];
    // jsdom has no Blob URLs nor downloads: record what the browser would be asked to save.
    URL.createObjectURL = vi.fn(() => 'blob:export-1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, href: this.href });
    });
  });
  afterEach(() => {
    accessToken.clear();
    vi.restoreAllMocks();
  });

  it('requests an export, polls it while it is produced, then downloads it with the bearer token', async () => {
    const states = [
      exportItem({ status: 'queued', progress: 0 }),
      exportItem({ status: 'running', progress: 40, startedAt: '2026-11-25T16:00:01.000Z' }),
      exportItem({
        status: 'completed',
        progress: 100,
        rowCount: 1280,
        byteSize: 40960,
        sha256: SHA,
        completedAt: '2026-11-25T16:00:09.000Z',
        expiresAt: '2026-12-02T16:00:09.000Z',
        fileUrl: `/api/v1/exports/${EXPORT_ID}/file`,
      }),
    ];
    let requested = false;
    let polls = 0;
    const seen = fakeApi({
      'GET /api/v1/exports': () => {
        if (!requested) return json({ items: [FAILED], nextCursor: null });
        const state = states[Math.min(polls++, states.length - 1)];
        return json({ items: [state, FAILED], nextCursor: null });
      },
      'POST /api/v1/exports': () => {
        requested = true;
        return json(states[0], 202);
      },
      [`GET /api/v1/exports/${EXPORT_ID}/file`]: () =>
        new Response('MEASURE,SEX,OBS_VALUE,CONF_STATUS\r\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="amparo-export-${EXPORT_ID}.csv"`,
          },
        }),
    });
    await renderAt(
      '/statistics/exports?measure=cases_opened&dimensions=sex&period=year&from=2026-01-01&to=2026-06-30',
    );

    // A failure is listed with its reason.
    const list = await screen.findByRole('table', { name: /Sus exportaciones/ }, SLOW);
    expect(within(list).getByText('Falló')).toBeTruthy();
    expect(within(list).getByText('Tabla demasiado grande')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Solicitar exportación' }));
    expect(await screen.findByText(/Solicitud recibida/, {}, SLOW)).toBeTruthy();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'statistics',
      measures: ['cases_opened'],
      dimensions: ['sex'],
      period: 'year',
      from: '2026-01-01',
      to: '2026-06-30',
      format: 'json',
      language: 'es',
    });

    // While it is produced: its progress, and no download yet.
    expect(
      await screen.findByRole('progressbar', { name: 'Progreso: 40%' }, { timeout: 8000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Descargar/ })).toBeNull();

    // Polled until completed: rows, expiry and SHA-256 shown, download offered, polling stopped.
    const download = await screen.findByRole('button', { name: /Descargar/ }, { timeout: 8000 });
    expect(screen.getByText('1,280')).toBeTruthy();
    expect(screen.getByText(SHA)).toBeTruthy();
    expect(screen.getByText('Lista')).toBeTruthy();
    const pollsWhenDone = polls;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(polls).toBe(pollsWhenDone);

    fireEvent.click(download);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      name: `amparo-export-${EXPORT_ID}.csv`,
      href: 'blob:export-1',
    });
    const file = seen.find((r) => r.path.endsWith('/file'))!;
    expect(file.authorization).toBe('Bearer access-1');
  });

  it('shows why a request was refused', async () => {
    fakeApi({
      'GET /api/v1/exports': () => json({ items: [], nextCursor: null }),
      'POST /api/v1/exports': () =>
        json(
          {
            type: 'urn:amparo:problem:export-quota-exceeded',
            title: 'Cuota de exportaciones agotada',
            status: 429,
            code: 'EXPORT_QUOTA_EXCEEDED',
            detail: 'Ya pidió 20 exportaciones hoy; vuelva a intentarlo mañana.',
            instance: '/api/v1/exports',
            requestId: 'r-2',
          },
          429,
        ),
    });
    await renderAt('/statistics/exports');
    expect(await screen.findByText('Todavía no hay exportaciones.', {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Solicitar exportación' }));
    const summary = await screen.findByRole('alert', {}, SLOW);
    expect(within(summary).getByText(/Ya pidió 20 exportaciones hoy/)).toBeTruthy();
  });
});

describe('fileNameOf', () => {
  it('reads the plain and the extended file name, never a folder', () => {
    expect(fileNameOf('attachment; filename="amparo-export-1.csv"')).toBe('amparo-export-1.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''informe%20S1.xlsx")).toBe('informe S1.xlsx');
    expect(fileNameOf('attachment; filename="../../etc/x.json"')).toBe('x.json');
    expect(fileNameOf(null)).toBeUndefined();
  });
});
