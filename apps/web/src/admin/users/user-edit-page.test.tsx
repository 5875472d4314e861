import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_ME,
  COUNTRIES,
  fakeApi,
  json,
  renderScreen,
} from '../../directory/common/screen-test-utils';
import { i18n } from '../../shell/i18n';

const USER = {
  id: '44444444-4444-4444-8444-444444444444',
  email: 'lucia.paz@demo.amparo.example',
  displayName: 'Lucía Paz',
  locale: 'es',
  countryCode: 'MX',
  status: 'active',
  activated: true,
  mfaEnabled: true,
  grants: [],
  createdAt: '2026-11-20T16:00:00.000Z',
  updatedAt: '2026-11-20T16:00:00.000Z',
};

const READS = {
  'GET /api/v1/me': () => json(ADMIN_ME),
  'GET /api/v1/countries': () => json(COUNTRIES),
  [`GET /api/v1/users/${USER.id}`]: () => json(USER),
};

const SLOW = 30_000;

describe("Changing a user's name and language", () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it(
    'opens from the user page, sends the new name and language, and goes back to the user',
    async () => {
      const seen = fakeApi({
        ...READS,
        [`PATCH /api/v1/users/${USER.id}`]: () =>
          json({ ...USER, displayName: 'Lucía Paz Ortega', locale: 'en' }),
      });
      renderScreen(`/admin/users/${USER.id}`);
      fireEvent.click(
        await screen.findByRole('link', { name: 'Cambiar nombre e idioma' }, { timeout: 10_000 }),
      );
      await screen.findByRole(
        'heading',
        { name: 'Cambiar el nombre y el idioma de Lucía Paz' },
        { timeout: 10_000 },
      );
      fireEvent.change(screen.getByRole('textbox', { name: 'Nombre' }), {
        target: { value: ' Lucía Paz Ortega ' },
      });
      fireEvent.change(screen.getByRole('combobox', { name: 'Idioma de la cuenta' }), {
        target: { value: 'en' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

      expect(
        await screen.findByRole('heading', { name: 'Lucía Paz Ortega', level: 1 }),
      ).toBeTruthy();
      expect(screen.getByText('Inglés')).toBeTruthy();
      expect(seen.find((r) => r.method === 'PATCH')!.body).toEqual({
        displayName: 'Lucía Paz Ortega',
        locale: 'en',
      });
    },
    SLOW,
  );

  it(
    'asks for the name before calling the API, in the error summary',
    async () => {
      const seen = fakeApi(READS);
      renderScreen(`/admin/users/${USER.id}/edit`);
      const name = await screen.findByRole('textbox', { name: 'Nombre' }, { timeout: 10_000 });
      fireEvent.change(name, { target: { value: '   ' } });
      fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

      const summary = await screen.findByRole('alert');
      await waitFor(() => expect(document.activeElement).toBe(summary));
      fireEvent.click(within(summary).getByRole('link', { name: 'Escriba el nombre' }));
      expect(document.activeElement).toBe(name);
      expect(name.getAttribute('aria-invalid')).toBe('true');
      expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
    },
    SLOW,
  );
});
