import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../shell/i18n';
import {
  ADMIN_ME,
  COUNTRIES,
  HOUSTON,
  fakeApi,
  json,
  renderScreen,
} from '../common/screen-test-utils';

const OFFICER_ME = {
  ...ADMIN_ME,
  grants: [{ role: 'officer', consulateId: HOUSTON.id, countryCode: 'MX' }],
  permissions: ['directory:read', 'cases:read', 'cases:write', 'statistics:read'],
};

const LAREDO = {
  ...HOUSTON,
  id: '22222222-2222-4222-8222-222222222222',
  postCode: 'LRD',
  name: 'Consulado de México en Laredo',
  type: 'consulate',
  city: 'Laredo',
};

/** The first render of a lazily loaded page waits for its import: slow on a busy machine. */
const SLOW = 30_000;

describe('The consulates list', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it(
    'reads its filters from the URL, applies new ones to the URL and the request, and pages with the cursor',
    async () => {
      const seen = fakeApi({
        'GET /api/v1/me': () => json(OFFICER_ME),
        'GET /api/v1/countries': () => json(COUNTRIES),
        'GET /api/v1/consulates': (query) =>
          json(
            query.get('cursor') === 'page-2'
              ? { items: [LAREDO], nextCursor: null }
              : { items: [HOUSTON], nextCursor: 'page-2' },
          ),
      });
      const router = renderScreen('/directory/consulates?hostCountryCode=US&active=true');

      // The page is loaded lazily: its first render waits for the import.
      expect(
        await screen.findByRole('link', { name: HOUSTON.name }, { timeout: 10_000 }),
      ).toBeTruthy();
      const firstList = seen.find((r) => r.path === '/api/v1/consulates')!;
      expect(firstList.query.get('hostCountryCode')).toBe('US');
      expect(firstList.query.get('active')).toBe('true');

      const filters = screen.getByRole('search', { name: 'Filtrar los consulados' });
      await waitFor(() =>
        expect(within(filters).getByRole('combobox', { name: 'País receptor' })).toHaveProperty(
          'value',
          'US',
        ),
      );
      expect(within(filters).getByRole('combobox', { name: 'Estado' })).toHaveProperty(
        'value',
        'true',
      );
      // An officer reads the directory but does not manage it.
      expect(screen.queryByRole('link', { name: 'Registrar consulado' })).toBeNull();

      fireEvent.change(
        within(filters).getByRole('textbox', { name: 'Buscar por nombre, ciudad o código' }),
        {
          target: { value: 'Houston' },
        },
      );
      fireEvent.change(within(filters).getByRole('combobox', { name: 'Tipo' }), {
        target: { value: 'consulate_general' },
      });
      fireEvent.click(within(filters).getByRole('button', { name: 'Aplicar filtros' }));

      await waitFor(() =>
        expect(new URLSearchParams(router.state.location.search).get('q')).toBe('Houston'),
      );
      const applied = new URLSearchParams(router.state.location.search);
      expect(Object.fromEntries(applied)).toEqual({
        q: 'Houston',
        hostCountryCode: 'US',
        type: 'consulate_general',
        active: 'true',
      });
      await waitFor(() =>
        expect(
          seen
            .filter((r) => r.path === '/api/v1/consulates')
            .at(-1)!
            .query.get('q'),
        ).toBe('Houston'),
      );
      const filtered = seen.filter((r) => r.path === '/api/v1/consulates').at(-1)!;
      expect(filtered.query.get('type')).toBe('consulate_general');

      fireEvent.click(await screen.findByRole('button', { name: 'Página siguiente' }));
      expect(await screen.findByRole('link', { name: LAREDO.name })).toBeTruthy();
      expect(new URLSearchParams(router.state.location.search).get('cursor')).toBe('page-2');
      const paged = seen.filter((r) => r.path === '/api/v1/consulates').at(-1)!;
      expect(paged.query.get('cursor')).toBe('page-2');
      expect(paged.query.get('q')).toBe('Houston');

      // Back returns to the first page of the same filters.
      await router.navigate(-1);
      expect(await screen.findByRole('link', { name: HOUSTON.name })).toBeTruthy();
      expect(new URLSearchParams(router.state.location.search).get('cursor')).toBeNull();
    },
    SLOW,
  );

  it(
    'clearing the filters empties the URL',
    async () => {
      fakeApi({
        'GET /api/v1/me': () => json(ADMIN_ME),
        'GET /api/v1/countries': () => json(COUNTRIES),
        'GET /api/v1/consulates': () => json({ items: [HOUSTON], nextCursor: null }),
      });
      const router = renderScreen('/directory/consulates?type=consulate&q=x');
      fireEvent.click(
        await screen.findByRole('button', { name: 'Borrar filtros' }, { timeout: 10_000 }),
      );
      await waitFor(() => expect(router.state.location.search).toBe(''));
      expect(await screen.findByRole('link', { name: 'Registrar consulado' })).toBeTruthy();
    },
    SLOW,
  );
});
