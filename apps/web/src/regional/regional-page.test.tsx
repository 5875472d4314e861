import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, OFFICER, problem } from '../cases/test-api';
import type { components } from '../api/schema';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';

const SECRETARIAT = {
  ...OFFICER,
  displayName: 'Lucía Ramos',
  countryCode: null,
  grants: [{ role: 'network_secretariat', consulateId: null, countryCode: null }],
  permissions: ['regional:read', 'regional:manage'],
};

const stored = {
  id: '5b9c7c3e-7a8a-4b34-9a3e-0d3f1c2b4a51',
  countries: ['GT'],
  semester: '2026-S1',
  from: '2026-01-01',
  to: '2026-06-30',
  keyId: '3f9c0a17b2d4e851',
  fingerprint: '3f9c 0a17 b2d4 e851 0000 1111 2222 3333 4444 5555 6666 7777 8888 9999 aaaa bbbb',
  sha256: 'a'.repeat(64),
  sourceExportId: '0f1e2d3c-4b5a-4697-8877-665544332211',
  measures: ['cases_opened'],
  dimensions: ['category'],
  uploadedBy: SECRETARIAT.id,
  uploadedAt: '2026-07-10T15:00:00Z',
};

function secretariatApi(upload: () => Response) {
  return fakeApi(
    {
      'GET /api/v1/regional/reporting': () =>
        json({
          semester: '2026-S1',
          countries: [
            { country: 'GT', reported: true, exports: 1, lastUploadedAt: '2026-07-10T15:00:00Z' },
            { country: 'MX', reported: false, exports: 0, lastUploadedAt: null },
          ],
        }),
      'GET /api/v1/regional/keys': () => json({ items: [] }),
      'POST /api/v1/regional/exports': upload,
      'POST /api/v1/regional/consolidations': () =>
        json({
          semester: '2026-S1',
          measure: 'cases_opened',
          k: 5,
          additive: true,
          dimensions: [
            { id: 'category', column: 'CATEGORY', label: { es: 'Categoría', en: 'Category' } },
          ],
          codes: [
            {
              column: 'CATEGORY',
              codes: [{ code: 'health', label: { es: 'Salud', en: 'Health' } }],
            },
          ],
          countries: ['GT', 'MX'],
          rows: [
            {
              codes: ['health'],
              cells: [
                { country: 'GT', value: 7, suppressed: false },
                { country: 'MX', value: null, suppressed: true },
              ],
              total: { value: null, suppressed: true },
            },
          ],
          sources: [],
          excluded: [],
        } satisfies components['schemas']['RegionalConsolidationResponse']),
    },
    SECRETARIAT,
  );
}

async function chooseFiles() {
  const file = new File(['{"schemaVersion":"1.0"}'], 'gt.json', { type: 'application/json' });
  const sig = new File(
    [JSON.stringify({ keyId: stored.keyId, algorithm: 'Ed25519', signature: 'c2ln' })],
    'gt.json.sig',
  );
  fireEvent.change(
    await screen.findByLabelText('Archivo de la exportación (JSON)', undefined, {
      timeout: 10_000,
    }),
    { target: { files: [file] } },
  );
  fireEvent.change(screen.getByLabelText('Firma (.sig)'), { target: { files: [sig] } });
}

describe('Regional workspace', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    window.history.replaceState(null, '', '/regional');
  });

  it('shows which countries reported and says clearly that a verified export was stored', async () => {
    const seen = secretariatApi(() => json(stored, 201));
    render(<App />);
    const reporting = await screen.findByRole(
      'table',
      { name: 'Países miembros y si enviaron su exportación del semestre' },
      { timeout: 10_000 },
    );
    expect(within(reporting).getByText('✓ Reportó')).toBeTruthy();
    expect(within(reporting).getByText('— Sin reporte')).toBeTruthy();

    await chooseFiles();
    fireEvent.click(screen.getByRole('button', { name: 'Verificar y guardar' }));
    expect(
      await screen.findByText(
        'Firma válida: exportación de GT (2026-S1) guardada. Clave 3f9c0a17b2d4e851.',
      ),
    ).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST' && s.path === '/api/v1/regional/exports');
    expect(sent?.body).toEqual({
      file: '{"schemaVersion":"1.0"}',
      signature: { keyId: stored.keyId, algorithm: 'Ed25519', signature: 'c2ln' },
    });
  });

  it('says that a tampered export was refused and stored nothing', async () => {
    secretariatApi(() =>
      problem(422, 'EXPORT_SIGNATURE_INVALID', 'La firma no corresponde a este archivo.'),
    );
    render(<App />);
    await chooseFiles();
    fireEvent.click(await screen.findByRole('button', { name: 'Verificar y guardar' }));
    expect(await screen.findByText('Exportación rechazada: no se guardó nada.')).toBeTruthy();
    expect(await screen.findByText('La firma no corresponde a este archivo.')).toBeTruthy();
  });

  it('shows the regional table with suppressed cells and totals marked like national ones', async () => {
    secretariatApi(() => json(stored, 201));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Consolidar' }));
    const table = await screen.findByRole('table', { name: /^Tabla regional de Casos abiertos/ });
    const row = within(table).getByRole('row', { name: /Salud/ });
    expect(within(row).getByText('7')).toBeTruthy();
    await waitFor(() => expect(within(row).getAllByText('suprimido')).toHaveLength(2));
  });
});
