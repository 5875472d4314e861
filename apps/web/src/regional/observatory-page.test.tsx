import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessToken } from '../api/access-token';
import { fakeApi, json, OFFICER, problem, type Seen } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import type { RegionalReport } from './report-api';

const SECRETARIAT = {
  ...OFFICER,
  displayName: 'Lucía Ramos',
  countryCode: null,
  grants: [{ role: 'network_secretariat', consulateId: null, countryCode: null }],
  permissions: ['regional:read', 'regional:manage'],
};
const SLOW = { timeout: 10_000 };
const REPORT_ID = '7d0c2b1a-5555-4555-8555-555555555555';

const label = (es: string, en: string) => ({ es, en });
const cell = (country: string, value: number | null) => ({
  country,
  value,
  suppressed: value === null,
});

/** A consolidation as the API answers it: GT and MX, one code list of the asked dimension. */
function table(
  measure: string,
  dimension: { id: string; column: string; label: { es: string; en: string } },
  codes: { code: string; label: { es: string; en: string } }[],
  rows: { codes: string[]; cells: ReturnType<typeof cell>[]; total: ReturnType<typeof cell> }[],
  extra: object = {},
) {
  return {
    semester: '2026-S1',
    measure,
    k: 5,
    additive: true,
    dimensions: [dimension],
    codes: [{ column: dimension.column, codes }],
    countries: ['GT', 'MX'],
    rows,
    sources: [],
    excluded: [],
    ...extra,
  };
}

const CATEGORY = { id: 'category', column: 'CATEGORY', label: label('Categoría', 'Category') };
const CATEGORY_CODES = [
  { code: 'trafficking', label: label('Trata de personas', 'Human trafficking') },
  { code: 'detention', label: label('Detención', 'Detention') },
];

const TABLES: Record<string, unknown> = {
  'cases_opened/category': table('cases_opened', CATEGORY, CATEGORY_CODES, [
    {
      codes: ['trafficking'],
      cells: [cell('GT', 40), cell('MX', 12)],
      total: { country: '', value: 52, suppressed: false },
    },
    { codes: ['detention'], cells: [cell('GT', 9), cell('MX', null)], total: cell('', null) },
    { codes: ['_T'], cells: [cell('GT', 49), cell('MX', 1234)], total: cell('', 1283) },
  ]),
  'cases_opened/host_country': table(
    'cases_opened',
    { id: 'host_country', column: 'HOST_COUNTRY', label: label('País receptor', 'Host country') },
    [
      { code: 'US', label: label('Estados Unidos', 'United States') },
      { code: 'MX', label: label('México', 'Mexico') },
    ],
    [
      { codes: ['US'], cells: [cell('GT', 31), cell('MX', 12)], total: cell('', 43) },
      { codes: ['MX'], cells: [cell('GT', null), cell('MX', 0)], total: cell('', null) },
    ],
  ),
  // Only GT published persons assisted, and its total is suppressed.
  'persons_assisted/category': table(
    'persons_assisted',
    CATEGORY,
    CATEGORY_CODES,
    [{ codes: ['_T'], cells: [cell('GT', null)], total: cell('', null) }],
    { countries: ['GT'], excluded: [{ regionalExportId: REPORT_ID, countries: ['MX'] }] },
  ),
  'notification_delay/category': table(
    'notification_delay',
    CATEGORY,
    CATEGORY_CODES,
    [
      {
        codes: ['_T'],
        cells: [cell('GT', 30.5), cell('MX', null)],
        total: { country: '', value: null, suppressed: false },
      },
    ],
    { additive: false },
  ),
};

function report(fields: Partial<RegionalReport>): RegionalReport {
  return {
    id: REPORT_ID,
    semester: '2026-S1',
    status: 'queued',
    progress: 0,
    requestedBy: SECRETARIAT.id,
    requestedAt: '2026-07-15T10:00:00Z',
    finishedAt: null,
    error: null,
    countries: ['GT', 'MX'],
    sources: [],
    files: [],
    ...fields,
  };
}

function observatoryApi(routes: Record<string, (request: Request, seen: Seen) => Response> = {}) {
  return fakeApi(
    {
      'GET /api/v1/regional/exports': () =>
        json({
          items: [{ semester: '2025-S2' }, { semester: '2026-S1' }, { semester: '2026-S1' }],
        }),
      'GET /api/v1/regional/reporting': () =>
        json({
          semester: '2026-S1',
          countries: [
            { country: 'GT', reported: true, exports: 1, lastUploadedAt: '2026-07-10T15:00:00Z' },
            { country: 'MX', reported: true, exports: 1, lastUploadedAt: '2026-07-11T15:00:00Z' },
            { country: 'HN', reported: false, exports: 0, lastUploadedAt: null },
          ],
        }),
      'POST /api/v1/regional/consolidations': (_request, seen) => {
        const body = seen.body as { measure: string; dimensions: string[] };
        const found = TABLES[`${body.measure}/${body.dimensions[0]}`];
        return found
          ? json(found)
          : problem(422, 'REGIONAL_TABLE_EMPTY', 'Ninguna exportación tiene esa medida.');
      },
      'GET /api/v1/regional/reports': () => json({ items: [] }),
      ...routes,
    },
    SECRETARIAT,
  );
}

async function openObservatory() {
  render(<App />);
  return screen.findByRole('heading', { level: 1, name: 'Observatorio regional' }, SLOW);
}

describe('Regional observatory', { timeout: 30_000 }, () => {
  let saved: { name: string; href: string }[];
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    window.history.replaceState(null, '', '/regional/observatory');
    saved = [];
    // jsdom has no Blob URLs nor downloads: record what the browser would be asked to save.
    URL.createObjectURL = vi.fn(() => 'blob:report-1');
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

  it('is reached from the regional workspace and leads back to it', async () => {
    observatoryApi({ 'GET /api/v1/regional/keys': () => json({ items: [] }) });
    window.history.replaceState(null, '', '/regional');
    render(<App />);
    fireEvent.click(
      await screen.findByRole(
        'link',
        { name: 'Abrir el observatorio regional (tablero del semestre e informe)' },
        SLOW,
      ),
    );
    await screen.findByRole('heading', { level: 1, name: 'Observatorio regional' }, SLOW);
    fireEvent.click(
      screen.getByRole('link', {
        name: 'Volver al espacio regional (claves, envíos y tabla a medida)',
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Espacio regional' }, SLOW),
    ).toBeTruthy();
  });

  it('opens on the latest semester with reports and shows the regional totals, suppressed ones as such', async () => {
    const seen = observatoryApi();
    await openObservatory();
    expect(
      (await screen.findByLabelText('Semestre', undefined, SLOW)) as HTMLSelectElement,
    ).toEqual(expect.objectContaining({ value: '2026-S1' }));
    const tiles = screen.getByRole('region', { name: 'Resumen del semestre' });
    const tile = (name: string) =>
      within(tiles)
        .getAllByRole('listitem')
        .find((item) => item.textContent?.startsWith(name))!;
    await waitFor(() => expect(tile('Países que reportaron').textContent).toContain('2 de 11'));
    expect(tile('Países que reportaron').textContent).toContain('Reportaron: GT, MX');
    await waitFor(() => expect(tile('Casos abiertos').textContent).toContain('1,283'));
    expect(tile('Personas asistidas').textContent).toContain('suprimido');
    expect(tile('Personas asistidas').textContent).toContain('Total regional suprimido');
    expect(tile('Personas asistidas').textContent).not.toMatch(/\d/);
    await waitFor(() =>
      expect(tile('Personas retornadas').textContent).toContain('Ningún país publicó esta medida'),
    );
    const asked = seen
      .filter((s) => s.path === '/api/v1/regional/consolidations')
      .map((s) => s.body);
    expect(asked).toContainEqual({
      semester: '2026-S1',
      measure: 'cases_opened',
      dimensions: ['host_country'],
    });
  });

  it('shows flows and categories by country with suppressed cells marked, never as 0', async () => {
    observatoryApi();
    await openObservatory();
    const flows = await screen.findByRole('table', { name: /^Flujos por país, 2026-S1/ }, SLOW);
    const us = within(flows).getByRole('row', { name: /Estados Unidos/ });
    expect(
      within(us)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['31', '12', '43']);
    const mx = within(flows).getByRole('row', { name: /México/ });
    // GT's cell and so the regional total are suppressed; MX's own 0 is a published zero.
    expect(
      within(mx)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['xsuprimido', '0', 'xsuprimido']);

    const categories = screen.getByRole('table', { name: /^Casos por categoría y país/ });
    const detention = within(categories).getByRole('row', { name: /Detención/ });
    expect(within(detention).getAllByText('suprimido')).toHaveLength(2);
    expect(within(categories).getByRole('row', { name: /^Total / }).textContent).toContain('1,283');
  });

  it('says when no country published a measure, and names the countries a table leaves out', async () => {
    observatoryApi();
    await openObservatory();
    expect(
      await screen.findByText(
        'Ningún país publicó personas retornadas por modalidad de retorno en este semestre.',
        undefined,
        SLOW,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('table', { name: /^Retornos por modalidad/ })).toBeNull();
  });

  it('shows notification delays per country as published, with no regional total', async () => {
    observatoryApi();
    await openObservatory();
    const delays = await screen.findByRole(
      'table',
      {
        name: /^Demoras de notificación consular en detenciones, 2026-S1: una columna por país, sin total regional/,
      },
      SLOW,
    );
    expect(within(delays).queryByRole('columnheader', { name: 'Total regional' })).toBeNull();
    const row = within(delays).getByRole('row', { name: /^Total / });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['30.5', 'xsuprimido']);
    expect(screen.getByText(/Las medianas no se suman ni se promedian entre países/)).toBeTruthy();
  });

  it('requests the semester report, follows its progress and offers its files with their SHA-256', async () => {
    const states = [
      report({ status: 'queued', progress: 0 }),
      report({ status: 'running', progress: 40 }),
      report({
        status: 'done',
        progress: 100,
        finishedAt: '2026-07-15T10:01:00Z',
        files: [
          {
            name: 'report-es.pdf',
            language: 'es',
            mediaType: 'application/pdf',
            bytes: 52000,
            sha256: 'a'.repeat(64),
          },
          {
            name: 'report-en.pdf',
            language: 'en',
            mediaType: 'application/pdf',
            bytes: 51000,
            sha256: 'b'.repeat(64),
          },
          {
            name: 'annex.xlsx',
            language: null,
            mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            bytes: 9000,
            sha256: 'c'.repeat(64),
          },
        ],
      }),
    ];
    let requested = false;
    let polls = 0;
    const seen = observatoryApi({
      'GET /api/v1/regional/reports': () => {
        if (!requested) return json({ items: [] });
        return json({ items: [states[Math.min(polls++, states.length - 1)]] });
      },
      'POST /api/v1/regional/reports': () => {
        requested = true;
        return json(states[0], 202);
      },
      [`GET /api/v1/regional/reports/${REPORT_ID}/files/report-en.pdf`]: () =>
        new Response('%PDF-1.7', {
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': 'attachment; filename="amparo-regional-2026-S1-en.pdf"',
          },
        }),
    });
    await openObservatory();
    expect(
      await screen.findByText('Aún no se generó ningún informe de este semestre.', undefined, SLOW),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Generar el informe de 2026-S1' }));
    expect(
      await screen.findByText('Informe de 2026-S1 solicitado: se está generando.'),
    ).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST' && s.path === '/api/v1/regional/reports');
    expect(sent?.body).toEqual({ semester: '2026-S1' });

    const progress = await screen.findByRole('progressbar', undefined, SLOW);
    expect(progress.getAttribute('aria-valuenow')).not.toBeNull();
    const download = await screen.findByRole(
      'button',
      { name: /^Descargar informe en inglés \(PDF\) del informe solicitado/ },
      { timeout: 15_000 },
    );
    const list = screen.getByRole('table', { name: /^Informes del semestre 2026-S1/ });
    expect(within(list).getByText('Listo')).toBeTruthy();
    expect(within(list).getByText(`SHA-256: ${'b'.repeat(64)}`)).toBeTruthy();
    expect(within(list).getByText(`SHA-256: ${'c'.repeat(64)}`)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(
      screen.getByText('Informe de 2026-S1 listo: descargue sus archivos en la tabla.'),
    ).toBeTruthy();

    fireEvent.click(download);
    expect(await screen.findByText('Descargado: amparo-regional-2026-S1-en.pdf')).toBeTruthy();
    expect(saved).toEqual([{ name: 'amparo-regional-2026-S1-en.pdf', href: 'blob:report-1' }]);
    const fetched = seen.find((s) => s.path.endsWith('/files/report-en.pdf'));
    expect(fetched?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('says clearly that a report needs at least one country that reported', async () => {
    observatoryApi({
      'POST /api/v1/regional/reports': () =>
        problem(422, 'REGIONAL_REPORT_NO_EXPORTS', 'Ningún país reportó el semestre.'),
    });
    await openObservatory();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Generar el informe de 2026-S1' }, SLOW),
    );
    expect(
      await screen.findByText(
        'Ningún país reportó el semestre 2026-S1: no hay datos para un informe. Reciba primero sus exportaciones.',
      ),
    ).toBeTruthy();
  });
});
