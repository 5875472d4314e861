import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, OFFICER, POST_ID, problem } from '../cases/test-api';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import {
  CASE_ID,
  CONSULATES,
  HOU_POST,
  SDG_POST,
  theCase,
  transfer,
  TRANSFER_ID,
} from './test-fixtures';

const officer = { ...OFFICER, permissions: [...OFFICER.permissions, 'cases:transfer'] };

/** The case page of an officer who may transfer; `pending` is the transfer the API holds. */
function caseApi(answerPropose?: () => Response, history: object[] = []) {
  let pending: object[] = [];
  const seen = fakeApi(
    {
      [`GET /api/v1/cases/${CASE_ID}`]: () => json(theCase(), 200, { ETag: '"v1"' }),
      [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
      [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: history, nextCursor: null }),
      'GET /api/v1/consulates': () => json(CONSULATES),
      'GET /api/v1/transfers': () => json({ items: pending, nextCursor: null }),
      [`POST /api/v1/cases/${CASE_ID}/transfers`]: () => {
        if (answerPropose) return answerPropose();
        pending = [transfer()];
        return json(transfer(), 201);
      },
      [`POST /api/v1/transfers/${TRANSFER_ID}/cancel`]: () => {
        pending = [];
        return json(transfer({ status: 'cancelled' }));
      },
    },
    officer,
  );
  return seen;
}

async function openDialog(name: string, title: string) {
  window.history.replaceState(null, '', `/cases/${CASE_ID}`);
  render(<App />);
  fireEvent.click(await screen.findByRole('button', { name }, { timeout: 10_000 }));
  return screen.findByRole('dialog', { name: title });
}

describe('Transferring a case to another post', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('offers the other active posts of the country, says what is missing, proposes, and shows the banner until cancelled', async () => {
    const seen = caseApi();
    const dialog = await openDialog('Trasladar a otra oficina', 'Trasladar el caso a otra oficina');
    const select = within(dialog).getByLabelText(/Oficina que lo recibe/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    // Not this post, not the inactive one, not another country's.
    expect(select.options[1].text).toBe('Consulado General en Houston (MX-HOU)');
    expect([...select.options].map((o) => o.value)).not.toContain(SDG_POST);

    fireEvent.change(within(dialog).getByLabelText(/Motivo del traslado/), {
      target: { value: 'corto' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Proponer el traslado' }));
    const summary = await within(dialog).findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Elija la oficina que recibe el caso' }),
    ).toBeTruthy();
    expect(within(summary).getByRole('link', { name: /Escriba el motivo/ })).toBeTruthy();
    expect(seen.some((s) => s.method === 'POST')).toBe(false);

    fireEvent.change(select, { target: { value: HOU_POST } });
    fireEvent.change(within(dialog).getByLabelText(/Motivo del traslado/), {
      target: { value: '  La persona fue trasladada a un centro en Texas.  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Proponer el traslado' }));
    expect(
      await screen.findByText('Traslado propuesto a Consulado General en Houston.'),
    ).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST' && s.path.endsWith('/transfers'))!;
    expect(sent.body).toEqual({
      toConsulateId: HOU_POST,
      reason: 'La persona fue trasladada a un centro en Texas.',
    });
    expect(sent.headers.get('Idempotency-Key')).toBeTruthy();

    const banner = await screen.findByRole('region', {
      name: 'Traslado propuesto a Consulado General en Houston, a la espera de su cónsul',
    });
    // While one waits, no second proposal is offered.
    expect(screen.queryByRole('button', { name: 'Trasladar a otra oficina' })).toBeNull();
    fireEvent.click(within(banner).getByRole('button', { name: 'Retirar el traslado' }));
    expect(
      await screen.findByText(
        'Traslado a Consulado General en Houston retirado: el caso sigue en esta oficina.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /Traslado propuesto/ })).toBeNull(),
    );
    expect(seen.some((s) => s.path === `/api/v1/transfers/${TRANSFER_ID}/cancel`)).toBe(true);
  });

  it('shows the API’s field errors by their fields, in English', async () => {
    await i18n.changeLanguage('en');
    caseApi(() =>
      problem(400, 'VALIDATION_FAILED', 'Some fields are not valid.', [
        { field: 'toConsulateId', code: 'isUuid', message: 'The receiving post is not valid' },
      ]),
    );
    const dialog = await openDialog(
      'Transfer to another post',
      'Transfer the case to another post',
    );
    const select = within(dialog).getByLabelText(/Receiving post/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    fireEvent.change(select, { target: { value: HOU_POST } });
    fireEvent.change(within(dialog).getByLabelText(/Reason for the transfer/), {
      target: { value: 'The person was moved to a centre in Texas.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Propose the transfer' }));
    const summary = await within(dialog).findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'The receiving post is not valid' });
    expect(link.getAttribute('href')).toBe('#transfer-post');
  });

  it('names the post in the history of a transferred case', async () => {
    caseApi(undefined, [
      {
        id: 'h1',
        field: 'consulateId',
        oldValue: POST_ID,
        newValue: HOU_POST,
        changedBy: 'someone',
        changedAt: '2026-11-21T10:00:00Z',
        reason: 'La persona fue trasladada a un centro en Texas.',
        masked: false,
      },
      {
        id: 'h2',
        field: 'reference',
        oldValue: 'MX-LAX-2026-000042',
        newValue: 'MX-HOU-2026-000007',
        changedBy: 'someone',
        changedAt: '2026-11-21T10:00:00Z',
        reason: null,
        masked: false,
      },
    ]);
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const history = await screen.findByRole(
      'table',
      { name: 'Cambios de los datos del caso' },
      { timeout: 10_000 },
    );
    expect(within(history).getByText('Oficina consular')).toBeTruthy();
    expect(within(history).getByText('Referencia')).toBeTruthy();
    expect(
      await within(history).findByText(
        'Consulado General en Los Ángeles (MX-LAX) → Consulado General en Houston (MX-HOU)',
      ),
    ).toBeTruthy();
    expect(within(history).getByText('MX-LAX-2026-000042 → MX-HOU-2026-000007')).toBeTruthy();
  });
});
