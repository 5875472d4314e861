import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  email: 'officer@demo.amparo.example',
  displayName: 'Rosa Medina',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: false,
  grants: [{ role: 'officer', consulateId: null, countryCode: 'MX' }],
  permissions: ['cases:read'],
};

const TOKENS = { accessToken: 'access-1', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 };
const pathOf = (request: Request) => new URL(request.url).pathname;

/** A browser whose refresh cookie still holds a session. */
function restoringApi(paths: string[], me: () => Response = () => json(ME)) {
  return (request: Request) => {
    paths.push(pathOf(request));
    switch (pathOf(request)) {
      case '/api/v1/auth/refresh':
        return json(TOKENS);
      case '/api/v1/me':
        return me();
      case '/api/v1/auth/logout':
        return new Response(null, { status: 204 });
      default:
        return json({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'x' }, 404);
    }
  };
}

describe('The session', () => {
  beforeEach(async () => {
    // The account page shows who is signed in; `/` would open the user's first screen instead.
    window.history.replaceState(null, '', '/account');
    await i18n.changeLanguage('es');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is restored from the refresh cookie on load, with a loading state and never the sign-in page', async () => {
    const paths: string[] = [];
    let answerRefresh: (response: Response) => void = () => undefined;
    answerWith(
      (request) => {
        if (pathOf(request) === '/api/v1/auth/refresh') {
          paths.push(pathOf(request));
          return new Promise<Response>((resolve) => (answerRefresh = resolve));
        }
        return restoringApi(paths)(request);
      },
      { answersRefresh: true },
    );
    render(<App />);

    const loading = await screen.findByText('Recuperando su sesión…');
    expect(loading.closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Iniciar sesión' })).toBeNull();

    answerRefresh(json(TOKENS));
    expect(await screen.findByText('Sesión iniciada como Rosa Medina')).toBeTruthy();
    expect(paths).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
  });

  it('without a session on load, signs in and comes back to the deep link', async () => {
    window.history.replaceState(null, '', '/account?view=roles#grants');
    answerWith((request) => {
      if (pathOf(request) === '/api/v1/auth/login') return json(TOKENS);
      return restoringApi([])(request);
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Correo electrónico/), {
      target: { value: 'officer@demo.amparo.example' },
    });
    fireEvent.change(screen.getByLabelText(/Contraseña/), { target: { value: 'a password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    expect(await screen.findByText('Sesión iniciada como Rosa Medina')).toBeTruthy();
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(
      '/account?view=roles#grants',
    );
  });

  it('switches to the language of the account after sign-in', async () => {
    answerWith(
      restoringApi([], () => json({ ...ME, locale: 'en' })),
      { answersRefresh: true },
    );
    render(<App />);
    expect(await screen.findByText('Signed in as Rosa Medina')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('answers a 503 with a banner that keeps the user signed in, and goes away when the API is back', async () => {
    let down = true;
    window.history.replaceState(null, '', '/account');
    answerWith(
      (request) => {
        if (pathOf(request) === '/health/ready')
          return down ? new Response(null, { status: 503 }) : json({ status: 'ok' });
        return restoringApi([], () =>
          down ? json({ status: 503, code: 'SERVICE_UNAVAILABLE', title: 'x' }, 503) : json(ME),
        )(request);
      },
      { answersRefresh: true },
    );
    // The API's Retry-After: 1 second.
    const fakeFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await fakeFetch(input, init);
      if (response.status !== 503) return response;
      return new Response(response.body, {
        status: 503,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
      });
    };
    try {
      render(<App />);
      const banner = await screen.findByText('El servicio no está disponible en este momento');
      expect(banner.closest('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
      expect(screen.getByText(/Su trabajo en esta página se conserva/)).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Su cuenta' })).toBeTruthy();
      expect(screen.queryByRole('heading', { name: 'Iniciar sesión' })).toBeNull();

      down = false;
      expect(
        await screen.findByText('Sesión iniciada como Rosa Medina', {}, { timeout: 4000 }),
      ).toBeTruthy();
      await waitFor(() =>
        expect(screen.queryByText('El servicio no está disponible en este momento')).toBeNull(),
      );
    } finally {
      globalThis.fetch = fakeFetch;
    }
  });

  it('warns two minutes before an idle sign-out; Escape stays, and 30 minutes idle signs out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const paths: string[] = [];
    answerWith(restoringApi(paths), { answersRefresh: true });
    render(<App />);
    expect(await screen.findByText('Sesión iniciada como Rosa Medina')).toBeTruthy();

    act(() => vi.advanceTimersByTime(27 * 60_000));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => vi.advanceTimersByTime(60_000 + 1000));
    const dialog = await screen.findByRole('dialog', { name: '¿Sigue ahí?' });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(dialog).getByRole('button', { name: 'Seguir conectado' }),
      ),
    );

    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    act(() => vi.advanceTimersByTime(20 * 60_000));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(paths).not.toContain('/api/v1/auth/logout');

    act(() => vi.advanceTimersByTime(8 * 60_000 + 1000));
    expect(await screen.findByRole('dialog', { name: '¿Sigue ahí?' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(
      screen.getByText('Se cerró su sesión tras 30 minutos sin actividad. Inicie sesión de nuevo.'),
    ).toBeTruthy();
    expect(paths).toContain('/api/v1/auth/logout');
  });

  it('counts keyboard activity as being there', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    answerWith(restoringApi([]), { answersRefresh: true });
    render(<App />);
    expect(await screen.findByText('Sesión iniciada como Rosa Medina')).toBeTruthy();
    act(() => vi.advanceTimersByTime(20 * 60_000));
    fireEvent.keyDown(document.body, { key: 'a' });
    act(() => vi.advanceTimersByTime(20 * 60_000));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Sesión iniciada como Rosa Medina')).toBeTruthy();
  });
});
