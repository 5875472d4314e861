import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerWith } from '../test-setup';
import { App } from './app';
import { i18n } from './i18n';

const GOOD = 'quiet meadow lantern seven';

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function openActivation() {
  render(<App />);
  expect(await screen.findByRole('heading', { name: 'Elija su contraseña' })).toBeTruthy();
}

describe('Activating an account', () => {
  let sent: unknown[];
  beforeEach(async () => {
    sent = [];
    window.history.replaceState(null, '', '/activate#token=one-time-token');
    await i18n.changeLanguage('es');
  });

  it('shows the password rules and refuses empty, short and mismatched passwords before calling the API', async () => {
    answerWith(() => new Response(null, { status: 500 }));
    await openActivation();
    expect(screen.getByText(/tener entre 12 y 128 caracteres/)).toBeTruthy();
    // The token is read and taken off the address bar.
    expect(window.location.hash).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    let summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link', { name: 'Escriba una contraseña' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Repita la contraseña' })).toBeTruthy();

    type(/^Nueva contraseña/, 'short');
    type(/^Repita la nueva contraseña/, 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'La contraseña debe tener al menos 12 caracteres',
      }),
    ).toBeTruthy();

    type(/^Nueva contraseña/, GOOD);
    type(/^Repita la nueva contraseña/, `${GOOD}!`);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    summary = await screen.findByRole('alert');
    fireEvent.click(
      within(summary).getByRole('link', { name: 'Las dos contraseñas no coinciden' }),
    );
    expect(document.activeElement).toBe(screen.getByLabelText(/^Repita la nueva contraseña/));
  });

  it("shows the API's reason for refusing the password, beside the field", async () => {
    answerWith(async (request) => {
      sent.push(await request.json());
      return new Response(
        JSON.stringify({
          status: 400,
          code: 'WEAK_PASSWORD',
          title: 'Contraseña no aceptada',
          errors: [
            {
              field: 'password',
              code: 'COMMON_PASSWORD',
              message: 'Es una contraseña demasiado común; elija otra.',
            },
          ],
        }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      );
    });
    await openActivation();
    type(/^Nueva contraseña/, 'password1234');
    type(/^Repita la nueva contraseña/, 'password1234');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Es una contraseña demasiado común; elija otra.' }),
    ).toBeTruthy();
    expect(sent).toEqual([{ token: 'one-time-token', password: 'password1234' }]);
  });

  it('says when the link is no longer valid', async () => {
    answerWith(
      () =>
        new Response(
          JSON.stringify({
            status: 400,
            code: 'INVALID_ACTIVATION_TOKEN',
            title: 'Enlace de activación no válido',
            detail: 'El token de activación no es válido, ya se usó o expiró.',
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    await openActivation();
    type(/^Nueva contraseña/, GOOD);
    type(/^Repita la nueva contraseña/, GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText('El token de activación no es válido, ya se usó o expiró.'),
    ).toBeTruthy();
  });

  it('sends the user to sign in once the password is set', async () => {
    answerWith((request) =>
      new URL(request.url).pathname === '/api/v1/auth/activate'
        ? new Response(null, { status: 204 })
        : new Response(null, { status: 404 }),
    );
    await openActivation();
    type(/^Nueva contraseña/, GOOD);
    type(/^Repita la nueva contraseña/, GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(screen.getByText('Contraseña guardada. Inicie sesión con ella.')).toBeTruthy();
  });

  it('says so when the link has no token', async () => {
    window.history.replaceState(null, '', '/activate');
    await openActivation();
    type(/^Nueva contraseña/, GOOD);
    type(/^Repita la nueva contraseña/, GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Este enlace de activación está incompleto/)).toBeTruthy();
  });
});
