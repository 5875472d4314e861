import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_ME,
  CASA_REFUGIO,
  COUNTRIES,
  HOUSTON,
  fakeApi,
  json,
  renderScreen,
} from '../../directory/common/screen-test-utils';
import { i18n } from '../../shell/i18n';

const TOKEN = 'act_9f8e7d6c5b4a';

const CREATED_USER = {
  id: '33333333-3333-4333-8333-333333333333',
  email: 'nuevo.oficial@demo.amparo.example',
  displayName: 'Mateo Ruiz',
  locale: 'es',
  countryCode: 'MX',
  status: 'active',
  activated: false,
  mfaEnabled: false,
  grants: [{ role: 'officer', consulateId: HOUSTON.id, countryCode: 'MX' }],
  createdAt: '2026-11-20T16:00:00.000Z',
  updatedAt: '2026-11-20T16:00:00.000Z',
};

const organisation = (id: string, name: string, managedByCountryCode: string | null) => ({
  ...CASA_REFUGIO,
  id,
  name,
  acronym: null,
  managedByCountryCode,
});
/** Organisations Mexico manages, one Guatemala manages and one only system administrators do. */
const ORGANISATIONS = [
  CASA_REFUGIO,
  organisation('44444444-4444-4444-8444-444444444444', 'Albergue de Guatemala', 'GT'),
  organisation('55555555-5555-4555-8555-555555555555', 'Red Regional', null),
];

const READS = {
  'GET /api/v1/me': () => json(ADMIN_ME),
  'GET /api/v1/countries': () => json(COUNTRIES),
  'GET /api/v1/consulates': () => json({ items: [HOUSTON], nextCursor: null }),
  'GET /api/v1/organisations': () => json({ items: ORGANISATIONS, nextCursor: null }),
  [`GET /api/v1/users/${CREATED_USER.id}`]: () => json(CREATED_USER),
};

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });

/** Fills the form: an officer at the Houston consulate. */
async function fillNewOfficer() {
  type('Correo electrónico', ' nuevo.oficial@demo.amparo.example ');
  type('Nombre', 'Mateo Ruiz');
  fireEvent.click(screen.getByRole('button', { name: 'Agregar una función' }));
  fireEvent.change(screen.getByRole('combobox', { name: 'Función 1' }), {
    target: { value: 'officer' },
  });
  const post = await screen.findByRole('combobox', { name: 'Consulado de la función 1' });
  await within(post).findByRole('option', { name: /Houston/ });
  fireEvent.change(post, { target: { value: HOUSTON.id } });
}

/** The first render of a lazily loaded page waits for its import: slow on a busy machine. */
const SLOW = 30_000;

describe('Creating a user', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it(
    'shows the activation link once, and never again after leaving the page',
    async () => {
      const seen = fakeApi({
        ...READS,
        'POST /api/v1/users': () =>
          json(
            {
              user: CREATED_USER,
              activationToken: TOKEN,
              activationExpiresAt: '2026-11-27T16:00:00.000Z',
            },
            201,
          ),
      });
      const router = renderScreen('/admin/users/new');
      await screen.findByRole('heading', { name: 'Crear un usuario' }, { timeout: 10_000 });
      await fillNewOfficer();
      fireEvent.click(screen.getByRole('button', { name: 'Crear usuario' }));

      const link = await screen.findByRole('textbox', { name: 'Enlace de un solo uso' });
      expect(link).toHaveProperty('value', `${window.location.origin}/activate#token=${TOKEN}`);
      expect(screen.getByText('Se muestra una sola vez: cópielo ahora.')).toBeTruthy();
      await waitFor(() =>
        expect(document.activeElement).toBe(
          screen.getByRole('heading', { name: 'Enlace de activación' }),
        ),
      );
      expect(seen.find((r) => r.method === 'POST')!.body).toEqual({
        email: 'nuevo.oficial@demo.amparo.example',
        displayName: 'Mateo Ruiz',
        locale: 'es',
        countryCode: 'MX',
        grants: [{ role: 'officer', consulateId: HOUSTON.id }],
      });

      fireEvent.click(screen.getByRole('link', { name: 'Ver la cuenta de Mateo Ruiz' }));
      expect(await screen.findByRole('heading', { name: 'Mateo Ruiz', level: 1 })).toBeTruthy();
      expect(document.body.textContent).not.toContain(TOKEN);
      await router.navigate(-1);
      expect(await screen.findByRole('heading', { name: 'Crear un usuario' })).toBeTruthy();
      expect(document.body.textContent).not.toContain(TOKEN);
      expect(screen.queryByRole('textbox', { name: 'Enlace de un solo uso' })).toBeNull();
    },
    SLOW,
  );

  it(
    "shows the API's field errors in the summary, linked to their fields, and on the fields",
    async () => {
      fakeApi({
        ...READS,
        'POST /api/v1/users': () =>
          json(
            {
              type: 'urn:amparo:problem:validation-failed',
              title: 'Datos no válidos',
              status: 400,
              detail: 'Revise los campos señalados.',
              instance: '/api/v1/users',
              code: 'VALIDATION_FAILED',
              requestId: 'req-1',
              errors: [
                {
                  field: 'email',
                  code: 'isEmail',
                  message: 'Escriba un correo electrónico válido.',
                },
                {
                  field: 'grants.0.consulateId',
                  code: 'UNKNOWN_CONSULATE',
                  message: 'Indique un consulado existente.',
                },
              ],
            },
            400,
          ),
      });
      renderScreen('/admin/users/new');
      await screen.findByRole('heading', { name: 'Crear un usuario' }, { timeout: 10_000 });
      await fillNewOfficer();
      fireEvent.click(screen.getByRole('button', { name: 'Crear usuario' }));

      const summary = await screen.findByRole('alert');
      expect(within(summary).getByRole('heading', { name: 'Hay un problema' })).toBeTruthy();
      await waitFor(() => expect(document.activeElement).toBe(summary));

      const email = screen.getByRole('textbox', { name: 'Correo electrónico' });
      expect(email.getAttribute('aria-invalid')).toBe('true');
      expect(email.getAttribute('aria-describedby')).toBeTruthy();
      const described = document.getElementById(email.getAttribute('aria-describedby')!);
      expect(described?.textContent).toBe('Escriba un correo electrónico válido.');

      const post = screen.getByRole('combobox', { name: 'Consulado de la función 1' });
      expect(post.getAttribute('aria-invalid')).toBe('true');

      fireEvent.click(
        within(summary).getByRole('link', { name: 'Indique un consulado existente.' }),
      );
      expect(document.activeElement).toBe(post);
      fireEvent.click(
        within(summary).getByRole('link', { name: 'Escriba un correo electrónico válido.' }),
      );
      expect(document.activeElement).toBe(email);
    },
    SLOW,
  );

  it(
    'asks for the required fields before calling the API',
    async () => {
      const seen = fakeApi(READS);
      renderScreen('/admin/users/new');
      await screen.findByRole('heading', { name: 'Crear un usuario' }, { timeout: 10_000 });
      fireEvent.click(screen.getByRole('button', { name: 'Agregar una función' }));
      fireEvent.click(screen.getByRole('button', { name: 'Crear usuario' }));
      const summary = await screen.findByRole('alert');
      expect(
        within(summary)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(['Escriba el correo electrónico', 'Escriba el nombre', 'Elija la función 1']);
      expect(seen.some((r) => r.method === 'POST')).toBe(false);
    },
    SLOW,
  );

  it(
    "offers an organisation's focal point for the organisations the admin's country manages, and sends the organisation",
    async () => {
      const seen = fakeApi({
        ...READS,
        'POST /api/v1/users': () =>
          json(
            {
              type: 'urn:amparo:problem:grant-not-allowed',
              title: 'Rol no permitido',
              status: 403,
              detail: 'No puede otorgar uno o más de los roles pedidos; vea la lista de errores.',
              instance: '/api/v1/users',
              code: 'GRANT_NOT_ALLOWED',
              requestId: 'req-2',
              errors: [
                {
                  field: 'grants.0.organisationId',
                  code: 'GRANT_NOT_ALLOWED',
                  message:
                    'Solo puede otorgar este rol para organizaciones que administra su país.',
                },
              ],
            },
            403,
          ),
      });
      renderScreen('/admin/users/new');
      await screen.findByRole('heading', { name: 'Crear un usuario' }, { timeout: 10_000 });
      type('Correo electrónico', 'contacto@casarefugio.example');
      type('Nombre', 'Lucía Punto Focal');
      fireEvent.click(screen.getByRole('button', { name: 'Agregar una función' }));
      const role = screen.getByRole('combobox', { name: 'Función 1' });
      expect(
        within(role).getByRole('option', { name: 'Punto focal de organización' }),
      ).toBeTruthy();
      // A country administrator grants neither admin nor system_admin.
      expect(within(role).queryByRole('option', { name: 'Administrador' })).toBeNull();
      fireEvent.change(role, { target: { value: 'organisation_focal_point' } });

      // Asked for the organisation before anything is sent.
      fireEvent.click(screen.getByRole('button', { name: 'Crear usuario' }));
      const missing = await screen.findByRole('alert');
      expect(within(missing).getByRole('link').textContent).toBe(
        'Elija la organización de la función 1',
      );
      expect(seen.some((r) => r.method === 'POST')).toBe(false);

      const picker = screen.getByRole('combobox', { name: 'Organización de la función 1' });
      await within(picker).findByRole('option', { name: /Casa Refugio/ });
      expect(
        within(picker)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Elija una organización', `${CASA_REFUGIO.name} (${CASA_REFUGIO.acronym})`]);
      fireEvent.change(picker, { target: { value: CASA_REFUGIO.id } });
      fireEvent.click(screen.getByRole('button', { name: 'Crear usuario' }));

      await waitFor(() => expect(picker.getAttribute('aria-invalid')).toBe('true'));
      expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({
        grants: [{ role: 'organisation_focal_point', organisationId: CASA_REFUGIO.id }],
      });
      const summary = screen.getByRole('alert');
      fireEvent.click(
        within(summary).getByRole('link', {
          name: 'Solo puede otorgar este rol para organizaciones que administra su país.',
        }),
      );
      expect(document.activeElement).toBe(picker);
    },
    SLOW,
  );
});
