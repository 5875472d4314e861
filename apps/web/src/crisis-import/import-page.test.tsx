import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, OFFICER, problem } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';

const EVENT_ID = '7d1e6a3b-2222-4222-8222-222222222222';
const IMPORT_ID = '9a8b7c6d-3333-4333-8333-333333333333';
const CRISIS_OFFICER = {
  ...OFFICER,
  permissions: [...OFFICER.permissions, 'crisis:read', 'crisis:write'],
};

const event = {
  id: EVENT_ID,
  countryCode: 'MX',
  name: 'Huracán Milton',
  type: 'hurricane',
  hostCountryCode: 'US',
  hostSubdivisions: ['US-FL'],
  consulateIds: [OFFICER.grants[0].consulateId],
  startedAt: '2026-10-09T00:00:00Z',
  endedAt: null,
  status: 'active',
  declaredBy: OFFICER.id,
  declaredAt: '2026-10-09T00:00:00Z',
  version: 1,
  counts: { total: 0, unaccounted: 0 },
  callerMay: { manage: false, write: true },
};

const importOf = (over: Record<string, unknown> = {}) => ({
  importId: IMPORT_ID,
  eventId: EVENT_ID,
  fileName: 'hotel.csv',
  sha256: 'a'.repeat(64),
  format: 'csv',
  byteSize: 300,
  columns: [{ header: 'nombres', key: 'givenNames' }],
  status: 'previewed',
  totalRows: 5,
  validRows: 3,
  invalidRows: 1,
  duplicateRows: 1,
  progress: { processed: 0, total: 3 },
  imported: null,
  skippedDuplicates: null,
  error: null,
  createdBy: OFFICER.id,
  createdAt: '2026-12-04T10:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

const chooseFile = (name: string, content: string) => {
  const input = screen.getByLabelText(/Archivo CSV o XLSX|CSV or XLSX file/, { selector: 'input' });
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/csv' })] } });
};

describe('Crisis import screen', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('checks a file, shows the rows that will not be imported with why, imports and follows the progress to the summary', async () => {
    const statuses = [
      importOf({ status: 'running', progress: { processed: 1, total: 3 } }),
      importOf({
        status: 'completed',
        progress: { processed: 3, total: 3 },
        imported: 2,
        skippedDuplicates: 1,
      }),
    ];
    const seen = fakeApi(
      {
        [`GET /api/v1/crisis-events/${EVENT_ID}`]: () => json(event),
        [`POST /api/v1/crisis-events/${EVENT_ID}/imports/preview`]: () =>
          json({
            ...importOf(),
            rows: [
              {
                row: 3,
                status: 'invalid',
                errors: [
                  {
                    column: 'nombres',
                    code: 'REQUIRED',
                    message: { es: 'Indique los nombres.', en: 'Enter the given names.' },
                  },
                ],
              },
              { row: 5, status: 'duplicate', errors: [] },
            ],
          }),
        [`POST /api/v1/crisis-events/${EVENT_ID}/imports/${IMPORT_ID}/commit`]: () =>
          json(importOf({ status: 'queued' }), 202),
        [`GET /api/v1/crisis-events/${EVENT_ID}/imports/${IMPORT_ID}`]: () =>
          json(statuses.length > 1 ? statuses.shift() : statuses[0]),
      },
      CRISIS_OFFICER,
    );
    window.history.replaceState(null, '', `/crisis/${EVENT_ID}/import`);
    render(<App />);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Importar una lista de personas afectadas' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(await screen.findByText('Huracán Milton')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Revisar el archivo' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Elija primero un archivo');

    // What goes into the form, seen as the page appends it: how the test's fetch then serialises a
    // jsdom File differs between Node versions (Node 26 sends it as an empty part).
    const appended: { name: string; value: FormDataEntryValue | Blob; filename?: string }[] = [];
    const append = FormData.prototype.append;
    vi.spyOn(FormData.prototype, 'append').mockImplementation(function (
      this: FormData,
      name: string,
      value: string | Blob,
      filename?: string,
    ) {
      appended.push({ name, value, filename });
      const args = filename === undefined ? [name, value] : [name, value, filename];
      return (append as (...args: unknown[]) => void).apply(this, args);
    });
    chooseFile('hotel.csv', 'nombres\nAna\n');
    fireEvent.click(screen.getByRole('button', { name: 'Revisar el archivo' }));
    const table = await screen.findByRole('table', { name: 'Filas que no se importarán' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1].textContent).toBe('3Con erroresnombres: Indique los nombres.');
    expect(rows[2].textContent).toContain('Duplicada');
    expect(screen.getByText('Válidas (se importarán)').nextElementSibling?.textContent).toBe('3');
    const upload = seen.find((s) => s.path.endsWith('/imports/preview'))!;
    expect(upload.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(String(upload.body)).toMatch(/name="file"/);
    // The chosen file's own bytes and name, in the form's `file` part.
    expect(appended.map(({ name, filename }) => [name, filename])).toEqual([['file', 'hotel.csv']]);
    const bytes = await (appended[0].value as Blob).arrayBuffer();
    expect(new TextDecoder().decode(bytes)).toBe('nombres\nAna\n');
    vi.restoreAllMocks();

    fireEvent.click(screen.getByRole('button', { name: 'Importar 3 filas válidas' }));
    const bar = await screen.findByRole('progressbar', { name: 'Progreso de la importación' });
    expect(bar.getAttribute('aria-valuenow')).toBe('33');
    expect(screen.getByText('1 de 3 filas procesadas')).toBeTruthy();
    const done = await screen.findByText('Importación terminada', {}, { timeout: 5000 });
    expect(done.closest('[role="status"]')?.textContent).toContain(
      '2 personas añadidas a la lista del evento.',
    );
    expect(screen.getByText('2 ya figuraban y no se añadieron de nuevo.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ver la lista del evento' }).getAttribute('href')).toBe(
      `/crisis/${EVENT_ID}/roster`,
    );
  });

  it('lists the header problems of a file it cannot import, in English', async () => {
    await i18n.changeLanguage('en');
    fakeApi(
      {
        [`GET /api/v1/crisis-events/${EVENT_ID}`]: () => json(event),
        [`POST /api/v1/crisis-events/${EVENT_ID}/imports/preview`]: () =>
          problem(400, 'IMPORT_COLUMNS', 'The header row has unknown or repeated columns.', [
            { field: 'asiento', code: 'UNKNOWN_COLUMN', message: 'Unknown column.' },
            {
              field: 'given_names',
              code: 'MISSING_COLUMN',
              message: 'The required column "given_names" is missing.',
            },
          ]),
      },
      CRISIS_OFFICER,
    );
    window.history.replaceState(null, '', `/crisis/${EVENT_ID}/import`);
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Import a list of affected nationals' });
    chooseFile('seats.csv', 'asiento\n12A\n');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The header row has unknown or repeated columns.',
    );
    await waitFor(() => expect(screen.getByText('Correct the header row:')).toBeTruthy());
    expect(screen.getByText('given_names').parentElement?.textContent).toBe(
      'given_names: The required column "given_names" is missing.',
    );
    expect(screen.queryByRole('button', { name: /Import \d+ valid rows/ })).toBeNull();
  });
});
