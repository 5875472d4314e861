import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, POST_ID, problem } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import type { CrisisEvent } from './crisis-types';
import { BASE, crisisApi, crisisEvent, EVENT_ID } from './test-fixtures';

const MIAMI_ID = '0b6f2a1c-0000-4000-8000-000000000002';
const POSTS = {
  items: [
    { id: POST_ID, name: 'Consulado General en Los Ángeles', postCode: 'LAX', active: true },
    { id: MIAMI_ID, name: 'Consulado en Miami', postCode: 'MIA', active: true },
  ],
  nextCursor: null,
};

/**
 * The event page over a fake API holding one event: its PATCH checks If-Match against the
 * event's version (412 when stale), applies the body and answers the new version.
 */
function eventApi(event: CrisisEvent = crisisEvent()) {
  const state = { current: event };
  const seen = crisisApi({
    [`GET ${BASE}`]: () => json(state.current),
    'GET /api/v1/consulates': () => json(POSTS),
    [`PATCH ${BASE}`]: (request, sent) => {
      if (request.headers.get('If-Match') !== `"v${state.current.version}"`)
        return problem(412, 'CRISIS_EVENT_CHANGED', 'El evento cambió');
      state.current = {
        ...state.current,
        ...(sent.body as Partial<CrisisEvent>),
        version: state.current.version + 1,
      };
      return json(state.current);
    },
  });
  const patches = () => seen.filter((s) => s.method === 'PATCH');
  return { state, patches };
}

async function openEvent(name = 'Huracán Otis') {
  window.history.replaceState(null, '', `/crisis/${EVENT_ID}`);
  render(<App />);
  await screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });
}

async function openDialog(button = 'Editar evento', title = 'Editar «Huracán Otis»') {
  fireEvent.click(screen.getByRole('button', { name: button }));
  const dialog = await screen.findByRole('dialog', { name: title });
  // The posts arrive after the dialog: wait for both to be offered.
  await within(dialog).findByRole('checkbox', { name: /MIA/ });
  return dialog;
}

const nameField = (dialog: HTMLElement) =>
  within(dialog).getByRole('textbox', {
    name: /Nombre del evento|Name of the event/,
  }) as HTMLInputElement;

describe('Editing a crisis event', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('sends only the changed fields with If-Match, then says so and shows the new name', async () => {
    const { patches } = eventApi();
    await openEvent();
    const dialog = await openDialog();
    expect(nameField(dialog).value).toBe('Huracán Otis');
    fireEvent.change(nameField(dialog), { target: { value: '  Huracán Otis, Acapulco ' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /MIA/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));

    expect(await screen.findByText('Cambios guardados')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Huracán Otis, Acapulco' }),
    ).toBeTruthy();
    expect(patches()).toHaveLength(1);
    expect(patches()[0].headers.get('If-Match')).toBe('"v1"');
    // The subdivisions were not touched: not sent. The lead post stays first.
    expect(patches()[0].body).toEqual({
      name: 'Huracán Otis, Acapulco',
      consulateIds: [POST_ID, MIAMI_ID],
    });
  });

  it('explains in English that someone else changed the event, keeps the edit and saves it over the new version', async () => {
    await i18n.changeLanguage('en');
    const { state, patches } = eventApi();
    await openEvent();
    const dialog = await openDialog('Edit event', 'Edit “Huracán Otis”');
    // Someone else adds Texas while this user is renaming the event.
    state.current = { ...state.current, version: 2, hostSubdivisions: ['US-FL', 'US-TX'] };
    fireEvent.change(nameField(dialog), { target: { value: 'Hurricane Otis' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    const alert = await within(dialog).findByText(/Someone else changed this event/);
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(nameField(dialog).value).toBe('Hurricane Otis');
    expect(within(dialog).getByRole('button', { name: /Texas/ })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes saved')).toBeTruthy();
    expect(patches().map((p) => p.headers.get('If-Match'))).toEqual(['"v1"', '"v2"']);
    // Only the rename: the other person's Texas is neither sent back nor undone.
    expect(patches()[1].body).toEqual({ name: 'Hurricane Otis' });
    expect(state.current.hostSubdivisions).toEqual(['US-FL', 'US-TX']);
  });

  it('lists the API field errors in the summary, linked to their field', async () => {
    crisisApi({
      [`GET ${BASE}`]: () => json(crisisEvent()),
      'GET /api/v1/consulates': () => json(POSTS),
      [`PATCH ${BASE}`]: () =>
        problem(400, 'VALIDATION_FAILED', 'Datos no válidos', [
          {
            field: 'hostSubdivisions.1',
            code: 'unknown',
            message: 'US-ZZ no es de Estados Unidos',
          },
        ]),
    });
    await openEvent();
    const dialog = await openDialog();
    fireEvent.change(nameField(dialog), { target: { value: 'Otis' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));
    const summary = await within(dialog).findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'US-ZZ no es de Estados Unidos' });
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('edit-event-subdivisions');
  });

  it('offers no edit to a user who may not manage the event', async () => {
    eventApi(crisisEvent({ callerMay: { manage: false, write: true } }));
    await openEvent();
    expect(screen.getByRole('link', { name: 'Registro rápido' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Editar evento' })).toBeNull();
  });

  it('the declare dialog still offers the shared fields, the own post ticked', async () => {
    eventApi();
    window.history.replaceState(null, '', '/crisis');
    render(<App />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Declarar un evento' }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Declarar un evento de crisis' });
    expect(nameField(dialog).value).toBe('');
    const own = await within(dialog).findByRole('checkbox', { name: /LAX/ });
    await waitFor(() => expect((own as HTMLInputElement).checked).toBe(true));
    expect(
      (within(dialog).getByRole('checkbox', { name: /MIA/ }) as HTMLInputElement).checked,
    ).toBe(false);
  });
});
