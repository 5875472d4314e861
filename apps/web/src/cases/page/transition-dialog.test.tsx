import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { aCaseDetail, fakeApi, json, problem, type Seen } from '../test-api';

const ID = '22222222-bbbb-4bbb-8bbb-000000000001';

const caseAt = (version: number, fields: object = {}) =>
  aCaseDetail({
    id: ID,
    reference: 'MX-LAX-2026-000042',
    status: 'in_progress',
    version,
    allowedTransitions: [
      { to: 'waiting', reasonRequired: true, closureReasonRequired: false },
      { to: 'closure_requested', reasonRequired: false, closureReasonRequired: true },
    ],
    ...fields,
  });

const versioned = (body: { version: number }) => json(body, 200, { ETag: `"v${body.version}"` });
const empty = () => json({ items: [], nextCursor: null });

/** The case page over a fake API whose transitions route checks If-Match against the case. */
function serve(
  initial = caseAt(1),
  listed: object[] = [],
): { seen: Seen[]; replace(next: object): void } {
  let current = initial;
  const seen = fakeApi({
    'GET /api/v1/cases': () => json({ items: listed, nextCursor: null }),
    [`GET /api/v1/cases/${ID}`]: () => versioned(current),
    [`GET /api/v1/cases/${ID}/actions`]: empty,
    [`GET /api/v1/cases/${ID}/history`]: empty,
    [`POST /api/v1/cases/${ID}/transitions`]: (request, entry) => {
      if (request.headers.get('If-Match') !== `"v${current.version}"`)
        return problem(412, 'VERSION_CONFLICT', 'Otra persona modificó el caso.');
      const { to } = entry.body as { to: string };
      current = caseAt(current.version + 1, { status: to, allowedTransitions: [] });
      return versioned(current);
    },
  });
  return { seen, replace: (next) => (current = next as typeof current) };
}

async function openCase() {
  window.history.replaceState(null, '', `/cases/${ID}`);
  render(<App />);
  await screen.findByRole(
    'heading',
    { level: 1, name: 'Caso MX-LAX-2026-000042' },
    { timeout: 10_000 },
  );
}

const posts = (seen: Seen[]) => seen.filter((r) => r.method === 'POST');

describe('The transition dialog', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('offers only the moves the API lists, and what the caller may do', async () => {
    serve(
      caseAt(1, {
        callerMay: { update: false, assign: false, recordActions: false, transfer: false },
      }),
    );
    await openCase();
    expect(screen.getByRole('button', { name: 'Poner en espera' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Solicitar el cierre' })).toBeTruthy();
    for (const absent of [
      'Cerrar el caso',
      'Aprobar el cierre',
      'Reabrir',
      'Editar datos del caso',
    ])
      expect(screen.queryByRole('button', { name: absent })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrar una actuación' })).toBeNull();
  });

  it('requires a reason to put the case on hold, then sends it with If-Match', async () => {
    const { seen } = serve();
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Poner en espera' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Poner en espera el caso MX-LAX-2026-000042',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poner en espera' }));
    const summary = await within(dialog).findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('Escriba el motivo');
    expect(
      within(dialog)
        .getByLabelText(/¿Qué se espera\?/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(posts(seen)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/¿Qué se espera\?/), {
      target: { value: '  Respuesta del juzgado ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poner en espera' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [sent] = posts(seen);
    expect(sent.body).toEqual({ to: 'waiting', reason: 'Respuesta del juzgado' });
    expect(sent.headers.get('If-Match')).toBe('"v1"');
    expect(await screen.findByText('El caso pasó a «En espera».')).toBeTruthy();
    // The button is gone with the status it belonged to: focus goes to the page title.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
  });

  it('requires a closure reason to request closure, and sends no reason field', async () => {
    const { seen } = serve();
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Solicitar el cierre' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Solicitar el cierre del caso MX-LAX-2026-000042',
    });
    expect(within(dialog).queryByLabelText(/^Motivo$/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Solicitar el cierre' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Elija el motivo de cierre',
    );
    expect(posts(seen)).toHaveLength(0);

    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Motivo de cierre/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Resuelto' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Solicitar el cierre' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(seen)[0].body).toEqual({ to: 'closure_requested', closureReason: 'resolved' });
  });

  it('asks for the case kept when the closure reason is duplicate', async () => {
    const other = { ...caseAt(1), id: 'other-case', reference: 'MX-LAX-2026-000007' };
    serve(caseAt(1), [other]);
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Solicitar el cierre' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Motivo de cierre/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Duplicado' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Solicitar el cierre' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Elija el caso que se conserva',
    );
    expect(within(dialog).getByRole('combobox', { name: /Caso que se conserva/ })).toBeTruthy();
  });

  it('after a 412 reloads the case and asks to confirm again on the new version', async () => {
    const { seen, replace } = serve();
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Poner en espera' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/¿Qué se espera\?/), {
      target: { value: 'Documentos' },
    });
    // Meanwhile someone else raises the risk: the move is still offered.
    replace(caseAt(2, { riskLevel: 'high' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poner en espera' }));
    const stale = await within(dialog).findByRole('alert');
    expect(stale.textContent).toContain('Otra persona modificó el caso');
    await waitFor(() => expect(document.activeElement).toBe(stale));
    expect((within(dialog).getByLabelText(/¿Qué se espera\?/) as HTMLTextAreaElement).value).toBe(
      'Documentos',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poner en espera' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(seen).map((r) => r.headers.get('If-Match'))).toEqual(['"v1"', '"v2"']);
  });
});
