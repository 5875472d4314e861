import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accessToken } from '../api/access-token';
import { fakeApi, json, renderAt } from './test-harness';

const bi = (es: string, en: string) => ({ es, en });

/** Cases opened by sex: 12 women, a small count of men and of unknown sex, hence suppressed. */
const BY_SEX = {
  measure: { id: 'cases_opened', label: bi('Casos abiertos', 'Cases opened') },
  period: 'year',
  from: '2026-01-01',
  to: '2026-06-30',
  filters: {},
  scope: { countries: ['MX'], consulateIds: [] },
  disclosure: {
    rule: 'Counts from 1 to k-1 are suppressed, with secondary suppression by Gaussian elimination.',
    method: 'gauss-elimination-v1',
    k: 5,
  },
  dimensions: [
    {
      id: 'sex',
      label: bi('Sexo', 'Sex'),
      codes: [
        { code: 'F', label: bi('Mujer', 'Female') },
        { code: 'M', label: bi('Hombre', 'Male') },
        { code: '_O', label: bi('Intersexual', 'Intersex') },
        { code: '_U', label: bi('Desconocido', 'Unknown') },
      ],
    },
  ],
  cells: [
    { coordinates: { sex: 'F' }, value: 12, suppressed: false },
    { coordinates: { sex: 'M' }, value: null, suppressed: true },
    { coordinates: { sex: '_O' }, value: 0, suppressed: false },
    { coordinates: { sex: '_U' }, value: null, suppressed: true },
    { coordinates: { sex: '_T' }, value: 1234, suppressed: false },
  ],
};

const TABLE_URL =
  '/statistics?measure=cases_opened&dimensions=sex&period=year&from=2026-01-01&to=2026-06-30';

/** The page is loaded lazily and MUI renders slowly in jsdom. */
const SLOW = { timeout: 5000 };

const rowOf = (header: string) => screen.getByRole('rowheader', { name: header }).closest('tr')!;

describe('Statistics screen', { timeout: 20_000 }, () => {
  afterEach(() => accessToken.clear());

  it('announces suppressed cells as suppressed, never as a number, and explains the rule with its k', async () => {
    const seen = fakeApi({ 'GET /api/v1/statistics': () => json(BY_SEX) });
    await renderAt(TABLE_URL);

    const table = await screen.findByRole(
      'table',
      {
        name: /Casos abiertos por Sexo, del 1 ene 2026 al 30 jun 2026/,
      },
      SLOW,
    );
    expect(within(rowOf('Hombre')).getByRole('cell', { name: 'suprimido' })).toBeTruthy();
    expect(within(rowOf('Desconocido')).getByRole('cell', { name: 'suprimido' })).toBeTruthy();
    expect(within(rowOf('Mujer')).getByRole('cell', { name: '12' })).toBeTruthy();
    // A published zero stays a zero; numbers read as Latin American Spanish writes them.
    expect(within(rowOf('Intersexual')).getByRole('cell', { name: '0' })).toBeTruthy();
    expect(within(rowOf('Total')).getByRole('cell', { name: '1,234' })).toBeTruthy();
    expect(within(table).getAllByRole('cell', { name: 'suprimido' })).toHaveLength(2);

    const note = screen.getByRole('complementary', {
      name: 'Cómo se protegen los conteos pequeños',
    });
    expect(within(note).getByText(/entre 1 y 4 \(umbral k = 5\)/)).toBeTruthy();
    expect(within(note).getByText(/gauss-elimination-v1/)).toBeTruthy();

    const query = new URLSearchParams(seen.find((r) => r.path === '/api/v1/statistics')!.search);
    expect(Object.fromEntries(query)).toEqual({
      measure: 'cases_opened',
      dimensions: 'sex',
      period: 'year',
      from: '2026-01-01',
      to: '2026-06-30',
    });
  });

  it('reads the table in English with English labels and "suppressed"', async () => {
    fakeApi({ 'GET /api/v1/statistics': () => json(BY_SEX) });
    await renderAt(TABLE_URL, 'en');
    await screen.findByRole(
      'table',
      { name: /Cases opened by Sex, Jan 1, 2026 to Jun 30, 2026/ },
      SLOW,
    );
    expect(within(rowOf('Male')).getByRole('cell', { name: 'suppressed' })).toBeTruthy();
    expect(within(rowOf('Total')).getByRole('cell', { name: '1,234' })).toBeTruthy();
  });

  it('shows the API refusal of a filter outside the scope, linked to the filter', async () => {
    fakeApi({
      'GET /api/v1/statistics': () =>
        json(
          {
            type: 'urn:amparo:problem:filter-outside-scope',
            title: 'Filtro fuera de su alcance',
            status: 403,
            code: 'FILTER_OUTSIDE_SCOPE',
            detail:
              'El filtro sending_country incluye HN, fuera de los países y consulados cuyas estadísticas puede ver.',
            instance: '/api/v1/statistics',
            requestId: 'r-1',
            errors: [
              {
                field: 'filters.sending_country',
                code: 'FILTER_OUTSIDE_SCOPE',
                message: 'Fuera de su alcance: HN.',
              },
            ],
          },
          403,
        ),
    });
    await renderAt(`${TABLE_URL}&sending_country=HN`);

    const summary = await screen.findByRole('alert', {}, SLOW);
    expect(within(summary).getByText(/El filtro sending_country incluye HN/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    fireEvent.click(within(summary).getByRole('link', { name: 'Fuera de su alcance: HN.' }));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'País de origen' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('checks the dates before asking, then puts the table in the URL', async () => {
    const seen = fakeApi({ 'GET /api/v1/statistics': () => json(BY_SEX) });
    const { router } = await renderAt('/statistics');
    await screen.findByRole('heading', { level: 1, name: 'Estadísticas' }, SLOW);
    expect(screen.getByText(/pulse «Mostrar tabla»/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Desde/), { target: { value: '2026-07-01' } });
    fireEvent.change(screen.getByLabelText(/Hasta/), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar tabla' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'La fecha final es anterior a la inicial' }),
    ).toBeTruthy();
    expect(seen.some((r) => r.path === '/api/v1/statistics')).toBe(false);

    fireEvent.change(screen.getByLabelText(/Desde/), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar tabla' }));
    await screen.findByRole('table', {}, SLOW);
    const url = new URLSearchParams(router.state.location.search);
    expect(url.get('measure')).toBe('cases_opened');
    expect(url.get('from')).toBe('2026-01-01');
    expect(url.get('to')).toBe('2026-06-30');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers the cooperation measures, and each one only the dimensions that describe its rows', async () => {
    fakeApi({});
    await renderAt('/statistics?measure=referrals');
    await screen.findByRole('heading', { level: 1, name: 'Estadísticas' }, SLOW);
    const optionsOf = (name: RegExp) => {
      fireEvent.mouseDown(screen.getByRole('combobox', { name }));
      const names = within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent);
      fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
      return names;
    };
    expect(optionsOf(/Medida/)).toEqual(
      expect.arrayContaining([
        'Canalizaciones a organizaciones',
        'Solicitudes de asistencia enviadas',
        'Traslados aceptados',
      ]),
    );
    const forReferrals = optionsOf(/Dimensión 1/);
    expect(forReferrals).toEqual(
      expect.arrayContaining(['Tipo de organización', 'Servicio solicitado', 'Consulado']),
    );
    expect(forReferrals).not.toContain('País que recibe la solicitud');
    expect(forReferrals).not.toContain('Tipo de actuación');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: /Medida/ }));
    fireEvent.click(screen.getByRole('option', { name: 'Solicitudes de asistencia enviadas' }));
    const forRequests = optionsOf(/Dimensión 1/);
    expect(forRequests).toEqual(
      expect.arrayContaining([
        'País que recibe la solicitud',
        'Tipo de solicitud',
        'País de origen',
      ]),
    );
    expect(forRequests).not.toContain('Tipo de organización');
  });

  it.each([
    [
      'es' as const,
      'Estadísticas',
      /Dimensión 1/,
      [
        'Subdivisión de origen',
        'Nacionalidad',
        'Papel del país receptor',
        'Programa de trabajo temporal',
        'Género',
      ],
    ],
    [
      'en' as const,
      'Statistics',
      /Dimension 1/,
      [
        'Origin subdivision',
        'Nationality',
        'Role of the host country',
        'Temporary-worker programme',
        'Gender',
      ],
    ],
  ])(
    'offers the person and case dimensions of issue 18 for referrals too (%s)',
    async (language, heading, picker, labels) => {
      fakeApi({});
      await renderAt('/statistics?measure=referrals', language);
      await screen.findByRole('heading', { level: 1, name: heading }, SLOW);
      fireEvent.mouseDown(screen.getByRole('combobox', { name: picker }));
      const names = within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent);
      expect(names).toEqual(expect.arrayContaining(labels));
    },
  );
});
