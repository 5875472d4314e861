import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CASA_REFUGIO,
  COUNTRIES,
  fakeApi,
  json,
  renderScreen,
} from '../directory/common/screen-test-utils';
import { mayOpen, NAVIGATION } from '../shell/navigation';
import { i18n } from '../shell/i18n';
import { myOrganisationRoutes } from './routes';

const FOCAL_POINT_ME = {
  id: '00000000-0000-4000-8000-0000000000f0',
  email: 'contacto@casarefugio.example',
  displayName: 'Lucía Punto Focal',
  locale: 'es' as const,
  countryCode: 'MX',
  mfaEnabled: true,
  grants: [
    {
      role: 'organisation_focal_point' as const,
      consulateId: null,
      countryCode: 'MX',
      organisationId: CASA_REFUGIO.id,
    },
  ],
  permissions: ['organisation:edit_own' as const],
};

const READS = {
  'GET /api/v1/me': () => json({ ...FOCAL_POINT_ME, locale: i18n.language }),
  'GET /api/v1/countries': () => json(COUNTRIES),
  'GET /api/v1/countries/MX/subdivisions': () => json({ items: [], nextCursor: null }),
  'GET /api/v1/my-organisation': () => json(CASA_REFUGIO),
};

/** The first render of a lazily loaded page waits for its import: slow on a busy machine. */
const SLOW = 30_000;

describe("An organisation focal point's own organisation", () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('is the one screen of their menu, besides their account', () => {
    expect(NAVIGATION.filter((entry) => mayOpen(entry, FOCAL_POINT_ME)).map((e) => e.path)).toEqual(
      ['/my-organisation', '/account'],
    );
  });

  it(
    'shows the entry as the directory does, with the way to update it',
    async () => {
      fakeApi(READS);
      renderScreen('/my-organisation', myOrganisationRoutes);
      expect(
        await screen.findByRole(
          'heading',
          { name: 'Mi organización', level: 1 },
          { timeout: 10_000 },
        ),
      ).toBeTruthy();
      expect(await screen.findByText('Casa Refugio (CR)')).toBeTruthy();
      expect(screen.getByText('Albergue, Asesoría jurídica')).toBeTruthy();
      expect(screen.getByText('contacto@casarefugio.example')).toBeTruthy();
      // The country covered and the one managing the record.
      expect(await screen.findAllByText('México')).toHaveLength(2);
      expect(screen.getByRole('link', { name: 'Actualizar los datos' })).toBeTruthy();
      // No control of the state: that is the administrators' call.
      expect(screen.queryByRole('button', { name: 'Desactivar' })).toBeNull();
    },
    SLOW,
  );

  it(
    'sends the changed entry to PATCH /my-organisation, clears emptied fields, and never sends the state',
    async () => {
      let stored = { ...CASA_REFUGIO };
      const seen = fakeApi({
        ...READS,
        'GET /api/v1/my-organisation': () => json(stored),
        'PATCH /api/v1/my-organisation': (_query, body) => {
          stored = { ...stored, ...(body as object) };
          return json(stored);
        },
      });
      renderScreen('/my-organisation/edit', myOrganisationRoutes);
      const phone = await screen.findByRole('textbox', { name: 'Teléfono' }, { timeout: 10_000 });
      expect(
        screen.getByRole('heading', { name: 'Actualizar los datos de Casa Refugio', level: 1 }),
      ).toBeTruthy();
      expect(
        screen.queryByRole('combobox', { name: 'País que administra el registro' }),
      ).toBeNull();
      fireEvent.change(phone, { target: { value: '+52 55 5555 0202' } });
      fireEvent.change(screen.getByRole('textbox', { name: 'Correo electrónico' }), {
        target: { value: '' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));

      expect(
        await screen.findByRole(
          'heading',
          { name: 'Mi organización', level: 1 },
          { timeout: 10_000 },
        ),
      ).toBeTruthy();
      expect((await screen.findByRole('status')).textContent).toBe('Se guardaron los cambios.');
      expect(screen.getByText('+52 55 5555 0202')).toBeTruthy();
      const patch = seen.find((r) => r.method === 'PATCH')!;
      expect(patch.body).toMatchObject({
        name: 'Casa Refugio',
        phone: '+52 55 5555 0202',
        email: null,
        services: ['shelter', 'legal_aid'],
      });
      expect(patch.body).not.toHaveProperty('active');
      expect(patch.body).not.toHaveProperty('managedByCountryCode');
    },
    SLOW,
  );

  it(
    "shows the API's field errors on the form, in English too",
    async () => {
      await i18n.changeLanguage('en');
      fakeApi({
        ...READS,
        'PATCH /api/v1/my-organisation': () =>
          json(
            {
              type: 'urn:amparo:problem:validation-failed',
              title: 'Invalid data',
              status: 400,
              detail: 'Check the fields marked.',
              instance: '/api/v1/my-organisation',
              code: 'VALIDATION_FAILED',
              requestId: 'req-1',
              errors: [{ field: 'website', code: 'isUrl', message: 'Must be a web address.' }],
            },
            400,
          ),
      });
      renderScreen('/my-organisation/edit', myOrganisationRoutes);
      const website = await screen.findByRole('textbox', { name: 'Website' }, { timeout: 10_000 });
      fireEvent.change(website, { target: { value: 'casarefugio' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
      const summary = await screen.findByRole('alert');
      await waitFor(() => expect(document.activeElement).toBe(summary));
      expect(website.getAttribute('aria-invalid')).toBe('true');
      fireEvent.click(within(summary).getByRole('link', { name: 'Must be a web address.' }));
      expect(document.activeElement).toBe(website);
      expect(
        screen.getByRole('heading', { name: 'Update the details of Casa Refugio', level: 1 }),
      ).toBeTruthy();
    },
    SLOW,
  );
});
