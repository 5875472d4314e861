import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerWith } from '../test-setup';
import { App } from './app';
import { i18n } from './i18n';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const ME = {
  id: '6c0c7a4e-1111-4111-8111-111111111111',
  email: 'supervisor.mx@demo.amparo.example',
  displayName: 'Patricia Solórzano',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: true,
  grants: [{ role: 'supervisor', consulateId: null, countryCode: 'MX' }],
  // No screen permission: / then opens the account page, which this flow ends on.
  permissions: [],
};

interface Seen {
  path: string;
  body: unknown;
  authorization: string | null;
  language: string | null;
}

/** A fake API that leads a supervisor through TOTP enrolment, recording every request. */
function enrollingApi(seen: Seen[]) {
  return async (request: Request) => {
    const path = new URL(request.url).pathname;
    const text = request.method === 'POST' ? await request.text() : '';
    seen.push({
      path,
      body: text ? JSON.parse(text) : undefined,
      authorization: request.headers.get('Authorization'),
      language: request.headers.get('Accept-Language'),
    });
    switch (path) {
      case '/api/v1/auth/login':
        return json({ challengeType: 'mfa_enrol', challengeToken: 'challenge-1', expiresIn: 300 });
      case '/api/v1/auth/mfa/enrol':
        return json({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Amparo:x?secret=J' });
      case '/api/v1/auth/mfa/confirm':
        return json({
          accessToken: 'access-1',
          refreshToken: 'refresh-1',
          tokenType: 'Bearer',
          expiresIn: 900,
          recoveryCodes: ['K7QM2-XH4PD', 'A1B2C-D3E4F'],
        });
      case '/api/v1/me':
        return json(ME);
      case '/api/v1/auth/logout':
        return new Response(null, { status: 204 });
      default:
        return json({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'x' }, 404);
    }
  };
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('Signing in', () => {
  beforeEach(async () => {
    // The account page shows who is signed in; `/` would open the user's first screen instead.
    window.history.replaceState(null, '', '/account');
    await i18n.changeLanguage('es');
  });

  it('refuses an empty form with an error summary that takes focus and links to each field', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Iniciar sesión' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { level: 2 })).toHaveProperty(
      'textContent',
      'Hay un problema',
    );
    await waitFor(() => expect(document.activeElement).toBe(summary));
    fireEvent.click(within(summary).getByRole('link', { name: 'Escriba su contraseña' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Contraseña/));
  });

  it('shows the API problem detail when the credentials are wrong', async () => {
    answerWith(() =>
      json(
        {
          status: 401,
          code: 'INVALID_CREDENTIALS',
          title: 'Credenciales no válidas',
          detail: 'El correo o la contraseña no son correctos.',
        },
        401,
      ),
    );
    render(<App />);
    await screen.findByRole('heading', { name: 'Iniciar sesión' });
    type(/Correo electrónico/, 'nobody@example.org');
    type(/Contraseña/, 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    expect(await screen.findByText('El correo o la contraseña no son correctos.')).toBeTruthy();
  });

  it('enrols TOTP on a first sign-in, shows the recovery codes, then the account, and signs out', async () => {
    const seen: Seen[] = [];
    answerWith(enrollingApi(seen));
    render(<App />);
    await screen.findByRole('heading', { name: 'Iniciar sesión' });
    type(/Correo electrónico/, ' supervisor.mx@demo.amparo.example ');
    type(/Contraseña/, 'secret password');
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));

    expect(await screen.findByDisplayValue('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    type(/Código de verificación/, '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Verificar' }));
    expect(await screen.findByText('K7QM2-XH4PD')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continuar' }));

    expect(await screen.findByText('Sesión iniciada como Patricia Solórzano')).toBeTruthy();
    expect(screen.getByText(/Supervisor · país MX/)).toBeTruthy();
    expect(seen.map((r) => r.path)).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/mfa/enrol',
      '/api/v1/auth/mfa/confirm',
      '/api/v1/me',
    ]);
    expect(seen[0].body).toEqual({
      email: 'supervisor.mx@demo.amparo.example',
      password: 'secret password',
    });
    expect(seen[1].body).toEqual({ challengeToken: 'challenge-1' });
    expect(seen[2].body).toEqual({ challengeToken: 'challenge-1', code: '123456' });
    expect(seen[0].authorization).toBeNull();
    expect(seen[3].authorization).toBe('Bearer access-1');
    expect(seen.every((r) => r.language === 'es')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Cerrar sesión' }));
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(seen.at(-1)).toMatchObject({
      path: '/api/v1/auth/logout',
      authorization: 'Bearer access-1',
    });
  });

  it('switches to English, remembers it, and asks the API in it', async () => {
    const seen: Seen[] = [];
    answerWith(enrollingApi(seen));
    render(<App />);
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Idioma' }));
    fireEvent.click(await screen.findByRole('option', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('amparo.language')).toBe('en');
    type(/Email address/, 'supervisor.mx@demo.amparo.example');
    type(/Password/, 'secret password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('heading', { name: 'Turn on two-step verification' }),
    ).toBeTruthy();
    expect(seen[0].language).toBe('en');
  });
});
