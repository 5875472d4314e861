import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { fakeApi, json, POST_ID, problem, type Seen } from '../test-api';

const CASE_ID = '9d1f0e2a-2222-4222-8222-222222222222';
const EXISTING = {
  id: '5a5a5a5a-3333-4333-8333-333333333333',
  givenNames: 'María',
  familyNames: 'López Pérez',
  otherNames: [],
  dateOfBirth: '1990-04-12',
  estimatedAge: null,
  sex: 'female',
  genderIdentity: null,
  nationalityCode: 'MX',
  originSubdivisionCode: null,
  originMunicipality: null,
  documents: [],
  languages: [],
  indigenousPeople: null,
  indigenousLanguage: null,
  phone: null,
  email: null,
  addressAbroad: null,
  score: 0.9,
  caseIds: ['c1'],
  masked: false,
};

const created = (extra: object = {}) =>
  json(
    {
      id: CASE_ID,
      reference: 'MX-LAX-2026-000001',
      consulateId: POST_ID,
      status: 'open',
      possibleDuplicates: [],
      ...extra,
    },
    201,
    { ETag: '"v1"' },
  );

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function choose(label: RegExp, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

async function openIntake() {
  // The app's router starts at the address the browser shows.
  window.history.replaceState(null, '', '/cases/new');
  render(<App />);
  // The page is loaded lazily: the first test also pays for compiling it.
  await screen.findByRole('heading', { level: 1, name: 'Registrar un caso' }, { timeout: 10_000 });
  // The only post of the officer is chosen for them, and its country as the nationality.
  await waitFor(
    () =>
      expect(screen.getByRole('combobox', { name: /Sede consular/ }).textContent).toContain(
        'Los Ángeles',
      ),
    { timeout: 5000 },
  );
  await waitFor(
    () => expect((screen.getByLabelText(/Nacionalidad/) as HTMLInputElement).value).toBe('México'),
    { timeout: 5000 },
  );
}

/** Each test types its own name: the app's query cache outlives a test. */
async function fillMinimum(givenNames = 'María', familyNames = 'López Pérez') {
  type(/Nombres/, givenNames);
  type(/Apellidos/, familyNames);
  await choose(/Sexo/, 'Femenino');
  type(/Fecha de nacimiento/, '1990-04-12');
  await choose(/Categoría principal/, 'Detención penal');
}

const posts = (seen: Seen[]) =>
  seen.filter((r) => r.method === 'POST' && r.path === '/api/v1/cases');

describe('Registering a case', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('shows registered persons like the one typed, and links the chosen one instead of creating another', async () => {
    const seen = fakeApi({
      'GET /api/v1/persons': () => json({ items: [EXISTING], nextCursor: null }),
      'POST /api/v1/cases': () => created(),
      [`GET /api/v1/cases/${CASE_ID}`]: () => problem(404, 'CASE_NOT_FOUND', 'x'),
    });
    await openIntake();
    await fillMinimum();
    const matches = await screen.findByRole('table', {
      name: 'Personas registradas que pueden ser la misma',
    });
    const row = within(matches).getByRole('row', { name: /María López Pérez/ });
    expect(row.textContent).toContain('misma fecha de nacimiento');
    const search = seen.find((r) => r.path === '/api/v1/persons');
    expect(new URLSearchParams(search!.search).get('q')).toBe('María López Pérez');

    fireEvent.click(within(row).getByRole('button', { name: 'Usar esta persona' }));
    expect(
      await screen.findByText(/Se vinculará la persona registrada María López Pérez/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Registrar el caso' }));
    await waitFor(() => expect(posts(seen)).toHaveLength(1));
    expect(posts(seen)[0].body).toMatchObject({
      consulateId: POST_ID,
      primaryCategory: 'criminal_detention',
      persons: [{ role: 'primary', personId: EXISTING.id }],
    });
  });

  it('asks before registering a new person when matches were found, then registers as new', async () => {
    const seen = fakeApi({
      'GET /api/v1/persons': () => json({ items: [EXISTING], nextCursor: null }),
      'POST /api/v1/cases': () => created(),
      [`GET /api/v1/cases/${CASE_ID}`]: () => problem(404, 'CASE_NOT_FOUND', 'x'),
    });
    await openIntake();
    await fillMinimum('Mariana', 'López Pérez');
    await screen.findByRole('table', { name: 'Personas registradas que pueden ser la misma' });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar el caso' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Antes de registrar: ¿es una de estas personas?',
    });
    expect(posts(seen)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar como persona nueva' }));
    await waitFor(() => expect(posts(seen)).toHaveLength(1));
    expect(posts(seen)[0].body).toMatchObject({
      persons: [
        {
          role: 'primary',
          person: {
            givenNames: 'Mariana',
            familyNames: 'López Pérez',
            sex: 'female',
            dateOfBirth: '1990-04-12',
            nationalityCode: 'MX',
          },
        },
      ],
    });
  });

  it('sends the gender, the role of the host country and the temporary-worker programme when given', async () => {
    const seen = fakeApi({
      'GET /api/v1/persons': () => json({ items: [], nextCursor: null }),
      'POST /api/v1/cases': () => created(),
      [`GET /api/v1/cases/${CASE_ID}`]: () => problem(404, 'CASE_NOT_FOUND', 'x'),
    });
    await openIntake();
    await fillMinimum('Itzel', 'Cruz Ramos');
    await choose(/Género/, 'No binario');
    await choose(/Papel del país receptor/, 'Tránsito');
    const programme = screen.getByRole('checkbox', { name: 'Programa de trabajo temporal' });
    expect(programme.getAttribute('aria-describedby')).toBe('temporaryWorker-hint');
    fireEvent.click(programme);
    fireEvent.click(screen.getByRole('button', { name: 'Registrar el caso' }));
    await waitFor(() => expect(posts(seen)).toHaveLength(1));
    expect(posts(seen)[0].body).toMatchObject({
      hostCountryRole: 'transit',
      temporaryWorker: true,
      persons: [{ role: 'primary', person: { givenNames: 'Itzel', gender: 'non_binary' } }],
    });
  });

  it('leaves the role and the gender out, and the programme off, when not chosen', async () => {
    const seen = fakeApi({
      'GET /api/v1/persons': () => json({ items: [], nextCursor: null }),
      'POST /api/v1/cases': () => created(),
      [`GET /api/v1/cases/${CASE_ID}`]: () => problem(404, 'CASE_NOT_FOUND', 'x'),
    });
    await openIntake();
    await fillMinimum('Yaretzi', 'Ortiz Luna');
    fireEvent.click(screen.getByRole('button', { name: 'Registrar el caso' }));
    await waitFor(() => expect(posts(seen)).toHaveLength(1));
    const body = posts(seen)[0].body as Record<string, unknown> & {
      persons: { person: Record<string, unknown> }[];
    };
    expect(body.temporaryWorker).toBe(false);
    expect('hostCountryRole' in body).toBe(false);
    expect('gender' in body.persons[0].person).toBe(false);
  });

  it('refuses an incomplete form with a focused error summary whose links move to the fields', async () => {
    const seen = fakeApi({});
    await openIntake();
    fireEvent.click(screen.getByRole('button', { name: 'Registrar el caso' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      'Escriba los nombres',
      'Escriba los apellidos',
      'Elija el sexo',
      'Indique la fecha de nacimiento o la edad estimada',
      'Elija la categoría principal',
    ]);
    fireEvent.click(within(summary).getByRole('link', { name: 'Escriba los apellidos' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Apellidos/));
    expect(screen.getByLabelText(/Apellidos/).getAttribute('aria-invalid')).toBe('true');
    expect(posts(seen)).toHaveLength(0);
  });

  it("shows the API's field errors in the summary, linked to their fields", async () => {
    fakeApi({
      'GET /api/v1/persons': () => json({ items: [], nextCursor: null }),
      'POST /api/v1/cases': () =>
        problem(400, 'VALIDATION_FAILED', 'Revise los datos.', [
          {
            field: 'persons.0.person.dateOfBirth',
            code: 'IN_THE_FUTURE',
            message: 'No puede ser una fecha futura.',
          },
        ]),
    });
    await openIntake();
    await fillMinimum('Ana', 'Ruiz');
    await waitFor(() =>
      expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe(''),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Registrar el caso' }));
    const summary = await screen.findByRole('alert');
    fireEvent.click(within(summary).getByRole('link', { name: 'No puede ser una fecha futura.' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Fecha de nacimiento/));
  });

  it('sends one request on a double click, and the same Idempotency-Key when retried after a failure', async () => {
    let answer: (response: Response) => void = () => undefined;
    let failNext = true;
    const seen = fakeApi({
      'GET /api/v1/persons': () => json({ items: [], nextCursor: null }),
      'POST /api/v1/cases': () => {
        if (failNext) {
          failNext = false;
          return problem(503, 'SERVICE_UNAVAILABLE', 'Servicio no disponible por el momento.');
        }
        return new Promise<Response>((resolve) => (answer = resolve));
      },
      [`GET /api/v1/cases/${CASE_ID}`]: () => problem(404, 'CASE_NOT_FOUND', 'x'),
    });
    await openIntake();
    await fillMinimum('Lucía', 'Gómez');
    await waitFor(() =>
      expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe(''),
    );
    const submit = screen.getByRole('button', { name: 'Registrar el caso' });
    fireEvent.click(submit);
    expect(await screen.findByText('Servicio no disponible por el momento.')).toBeTruthy();

    fireEvent.click(submit);
    fireEvent.click(submit);
    await waitFor(() => expect(posts(seen)).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posts(seen)).toHaveLength(2);
    const keys = posts(seen).map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    answer(created());
    await waitFor(() => expect(window.location.pathname).toBe(`/cases/${CASE_ID}`));
  });
});
