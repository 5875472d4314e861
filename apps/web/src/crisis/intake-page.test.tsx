import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, problem, type Seen } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import type { IntakeBody } from './crisis-types';
import { BASE, crisisApi, crisisEvent, EVENT_ID, rosterEntry } from './test-fixtures';

const posts = (seen: Seen[]) =>
  seen.filter((s) => s.method === 'POST' && s.path === `${BASE}/roster`);

/** The intake API: every person saved is answered as the roster entry it becomes. */
function intakeApi(answer?: (body: IntakeBody, count: number) => Response | undefined) {
  let count = 0;
  return crisisApi({
    [`POST ${BASE}/roster`]: (_, seen) => {
      count += 1;
      const body = seen.body as IntakeBody;
      return (
        answer?.(body, count) ??
        json(
          rosterEntry({
            givenNames: body.givenNames,
            familyNames: body.familyNames ?? '',
            welfareStatus: body.welfareStatus,
            locationSubdivision: body.locationSubdivision ?? null,
            locationText: body.locationText ?? null,
          }),
          201,
        )
      );
    },
  });
}

async function openIntake() {
  window.history.replaceState(null, '', `/crisis/${EVENT_ID}/intake`);
  render(<App />);
  await screen.findByRole(
    'heading',
    { level: 1, name: 'Registro rápido: Huracán Otis' },
    { timeout: 10_000 },
  );
}

const field = (name: RegExp) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: RegExp, value: string) => fireEvent.change(field(name), { target: { value } });
const register = () => fireEvent.click(screen.getByRole('button', { name: 'Registrar' }));

describe('Rapid intake', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('registers persons one after another: announced, focus back on the name, place and welfare kept', async () => {
    const seen = intakeApi();
    await openIntake();
    expect(document.activeElement).toBe(field(/^Nombres/));
    // The welfare status starts at "unaccounted".
    expect((screen.getByLabelText(/^Situación/) as HTMLSelectElement).value).toBe('unaccounted');
    await waitFor(() =>
      expect(
        within(screen.getByLabelText(/^Estado o provincia/)).getByText('Florida (US-FL)'),
      ).toBeTruthy(),
    );
    fireEvent.change(screen.getByLabelText(/^Estado o provincia/), { target: { value: 'US-FL' } });
    type(/^Lugar/, 'Albergue Miami Dade');
    fireEvent.change(screen.getByLabelText(/^Situación/), { target: { value: 'safe' } });

    const people = [
      ['Ana', 'Soto'],
      ['Bruno', 'Díaz'],
      ['Carmen', 'Ruiz'],
    ];
    for (const [index, [given, family]] of people.entries()) {
      type(/^Nombres/, given);
      type(/^Apellidos/, family);
      type(/^Contacto/, `+52 55 0000 000${index}`);
      register();
      const status = await screen.findByText(`Registrado: ${given} ${family}`);
      expect(status.getAttribute('role')).toBe('status');
      await waitFor(() => expect(document.activeElement).toBe(field(/^Nombres/)));
      // The person's own fields are empty again; the place and welfare are kept.
      expect(field(/^Nombres/).value).toBe('');
      expect(field(/^Apellidos/).value).toBe('');
      expect(field(/^Contacto/).value).toBe('');
      expect(field(/^Lugar/).value).toBe('Albergue Miami Dade');
      expect((screen.getByLabelText(/^Situación/) as HTMLSelectElement).value).toBe('safe');
      expect((screen.getByLabelText(/^Estado o provincia/) as HTMLSelectElement).value).toBe(
        'US-FL',
      );
    }

    const sent = posts(seen);
    expect(sent.map((s) => s.body)).toEqual(
      people.map(([given, family], index) => ({
        givenNames: given,
        familyNames: family,
        contact: `+52 55 0000 000${index}`,
        locationSubdivision: 'US-FL',
        locationText: 'Albergue Miami Dade',
        welfareStatus: 'safe',
      })),
    );
    // One key per person: a retry of the same person is one entry, the next person another.
    const keys = sent.map((s) => s.headers.get('Idempotency-Key'));
    expect(new Set(keys).size).toBe(3);
    const table = screen.getByRole('table', { name: /registradas en esta sesión/ });
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names).toEqual(['Carmen Ruiz', 'Bruno Díaz', 'Ana Soto']);
  });

  it('sends a document with its type, number and the event country', async () => {
    const seen = intakeApi();
    await openIntake();
    type(/^Nombres/, 'Diego');
    await waitFor(() =>
      expect(
        within(screen.getByLabelText(/^Tipo de documento/)).getByText('Pasaporte'),
      ).toBeTruthy(),
    );
    fireEvent.change(screen.getByLabelText(/^Tipo de documento/), {
      target: { value: 'passport' },
    });
    type(/^Número de documento/, 'G1234567');
    register();
    await screen.findByText('Registrado: Diego');
    expect(posts(seen)[0].body).toEqual({
      givenNames: 'Diego',
      document: { type: 'passport', number: 'G1234567', country: 'MX' },
      welfareStatus: 'unaccounted',
    });
  });

  it('refuses a person without a name, saying so in a summary linked to the field, and sends nothing', async () => {
    const seen = intakeApi();
    await openIntake();
    register();
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Escriba el nombre de la persona');
    expect(document.activeElement).toBe(summary);
    const link = within(summary).getByRole('link', { name: 'Escriba el nombre de la persona' });
    fireEvent.click(link);
    expect(document.activeElement).toBe(field(/^Nombres/));
    expect(posts(seen)).toHaveLength(0);
  });

  it('shows the API’s field errors linked to their fields and keeps the key for the retry', async () => {
    const seen = intakeApi((_, count) =>
      count === 1
        ? problem(400, 'VALIDATION_FAILED', 'Datos no válidos', [
            { field: 'contact', code: 'too_long', message: 'El contacto es demasiado largo' },
          ])
        : undefined,
    );
    await openIntake();
    type(/^Nombres/, 'Elena');
    type(/^Contacto/, 'x'.repeat(10));
    register();
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'El contacto es demasiado largo' });
    expect(link.getAttribute('href')).toBe('#intake-contact');
    // Nothing was registered: the form keeps what was typed.
    expect(field(/^Nombres/).value).toBe('Elena');
    type(/^Contacto/, '555');
    register();
    await screen.findByText('Registrado: Elena');
    const keys = posts(seen).map((s) => s.headers.get('Idempotency-Key'));
    expect(keys[0]).toBe(keys[1]);
  });

  it('says a closed event takes no more persons, in English too', async () => {
    crisisApi({
      [`GET ${BASE}`]: () =>
        json(crisisEvent({ status: 'closed', endedAt: '2026-12-03T00:00:00Z' })),
    });
    await i18n.changeLanguage('en');
    window.history.replaceState(null, '', `/crisis/${EVENT_ID}/intake`);
    render(<App />);
    expect(
      await screen.findByText('The event is closed: no more persons are registered.', undefined, {
        timeout: 10_000,
      }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
  });
});
