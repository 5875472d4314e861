import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, ME_ID } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';

const PRACTICE_ID = '55555555-eeee-4eee-8eee-0000000000e1';

const SECRETARIAT = {
  id: ME_ID,
  email: 'secretaria@demo.example',
  displayName: 'Secretaría Técnica',
  locale: 'es',
  countryCode: null,
  mfaEnabled: true,
  grants: [{ role: 'network_secretariat', consulateId: null, countryCode: null }],
  permissions: ['practices:read', 'practices:review'],
};

const practice = (fields: object = {}) => ({
  id: PRACTICE_ID,
  kind: 'protocol',
  countryCode: 'MX',
  titleEs: 'Protocolo de atención a niñas y niños no acompañados',
  titleEn: 'Protocol for unaccompanied children',
  countries: ['MX'],
  categories: ['unaccompanied_child'],
  flags: [],
  problem: 'Entrevistas sin personal consular.',
  action: 'Aviso en dos horas.',
  results: '',
  contacts: '',
  semester: null,
  status: 'submitted',
  reviewComment: null,
  submittedBy: ME_ID,
  submittedAt: '2026-11-20T15:00:00Z',
  reviewedBy: null,
  reviewedAt: null,
  publishedAt: null,
  createdAt: '2026-11-20T15:00:00Z',
  updatedAt: '2026-11-20T15:00:00Z',
  version: 2,
  ...fields,
});

function secretariatApi() {
  let current = practice();
  return fakeApi(
    {
      'GET /api/v1/good-practices': () => json({ items: [current], nextCursor: null }),
      [`GET /api/v1/good-practices/${PRACTICE_ID}`]: () => json(current),
      [`GET /api/v1/good-practices/${PRACTICE_ID}/documents`]: () => json({ items: [] }),
      [`POST /api/v1/good-practices/${PRACTICE_ID}/publish`]: () => {
        current = practice({ status: 'published', publishedAt: '2026-11-21T10:00:00Z' });
        return json(current);
      },
    },
    SECRETARIAT,
  );
}

describe('Good-practice screens', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('searches the catalogue with the words typed, in Spanish and English', async () => {
    const seen = secretariatApi();
    window.history.replaceState(null, '', '/practices');
    render(<App />);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Buenas prácticas' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Buscar (sin importar acentos)'), {
      target: { value: 'ninos' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    await waitFor(() =>
      expect(
        seen.some((s) => s.path === '/api/v1/good-practices' && s.search.includes('q=ninos')),
      ).toBe(true),
    );
    const table = await screen.findByRole('table', { name: 'Buenas prácticas encontradas' });
    const link = within(table).getByRole('link', {
      name: 'Protocolo de atención a niñas y niños no acompañados',
    });
    expect(link.getAttribute('href')).toBe(`/practices/${PRACTICE_ID}`);
    expect(screen.getByRole('link', { name: 'Por revisar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Prácticas', current: 'page' })).toBeTruthy();

    await i18n.changeLanguage('en');
    expect(
      await screen.findByRole('link', { name: 'Protocol for unaccompanied children' }),
    ).toBeTruthy();
  });

  it('lets the secretariat publish a submitted entry', async () => {
    const seen = secretariatApi();
    window.history.replaceState(null, '', `/practices/${PRACTICE_ID}`);
    render(<App />);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Protocolo de atención a niñas y niños no acompañados' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Editar' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Publicar' }));
    expect(await screen.findByText('Estado: Publicada.')).toBeTruthy();
    expect(seen.some((s) => s.method === 'POST' && s.path.endsWith('/publish'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Publicar' })).toBeNull();
  });
});
