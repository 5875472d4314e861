import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { aCaseDetail, fakeApi, json, ME_ID, POST_ID, problem } from '../test-api';

const caseAt = (id: string, version: number, fields: object = {}) =>
  aCaseDetail({
    id,
    reference: `MX-LAX-2026-00000${version}`,
    summary: 'Detenido en Los Ángeles.',
    version,
    allowedTransitions: [],
    ...fields,
  });

const versioned = (body: { version: number }) => json(body, 200, { ETag: `"v${body.version}"` });
const empty = () => json({ items: [], nextCursor: null });

async function openCase(id: string) {
  window.history.replaceState(null, '', `/cases/${id}`);
  render(<App />);
}

describe('The case page', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('after a 412 reloads the case, lists what changed and keeps the edit to save again', async () => {
    const id = '11111111-aaaa-4aaa-8aaa-000000000001';
    let current = caseAt(id, 1);
    const seen = fakeApi({
      [`GET /api/v1/cases/${id}`]: () => versioned(current),
      [`GET /api/v1/cases/${id}/actions`]: empty,
      [`GET /api/v1/cases/${id}/history`]: empty,
      [`PATCH /api/v1/cases/${id}`]: (request) => {
        if (request.headers.get('If-Match') !== `"v${current.version}"`)
          return problem(412, 'VERSION_CONFLICT', 'Otra persona modificó el caso.');
        current = caseAt(id, current.version + 1, { ...current, summary: 'Mi resumen' });
        return versioned(current);
      },
    });
    await openCase(id);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Editar datos del caso' }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Editar datos del caso' });
    fireEvent.change(within(dialog).getByLabelText('Resumen'), { target: { value: 'Mi resumen' } });
    // Meanwhile someone else raises the risk.
    current = caseAt(id, 2, { riskLevel: 'high' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));

    const conflict = await within(dialog).findByRole('alert');
    expect(conflict.textContent).toContain('Otra persona guardó cambios antes que usted');
    expect(conflict.textContent).toContain('Nivel de riesgo: ahora «Alto»');
    expect((within(dialog).getByLabelText('Resumen') as HTMLTextAreaElement).value).toBe(
      'Mi resumen',
    );
    expect(within(dialog).getByRole('combobox', { name: 'Nivel de riesgo' }).textContent).toBe(
      'Alto',
    );

    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patches = seen.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers.get('If-Match'))).toEqual(['"v1"', '"v2"']);
    // Only the user's own change is sent again: the other's risk level is not undone.
    expect(patches[1].body).toEqual({ summary: 'Mi resumen' });
    expect(await screen.findByText('Cambios guardados.')).toBeTruthy();
  });

  it('records where the person is sheltered, and never offers to overwrite it when masked', async () => {
    const id = '11111111-aaaa-4aaa-8aaa-000000000009';
    let current = caseAt(id, 1, { shelter: null });
    const seen = fakeApi({
      [`GET /api/v1/cases/${id}`]: () => versioned(current),
      [`GET /api/v1/cases/${id}/actions`]: empty,
      [`GET /api/v1/cases/${id}/history`]: empty,
      [`PATCH /api/v1/cases/${id}`]: () => {
        current = caseAt(id, current.version + 1, { ...current, shelter: 'Casa Refugio Norte' });
        return versioned(current);
      },
    });
    await openCase(id);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Editar datos del caso' }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Editar datos del caso' });
    fireEvent.change(within(dialog).getByLabelText('Albergue'), {
      target: { value: '  Casa Refugio Norte ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(seen.find((r) => r.method === 'PATCH')!.body).toEqual({
      shelter: 'Casa Refugio Norte',
    });
    expect(await screen.findByText('Casa Refugio Norte')).toBeTruthy();
  });

  it('shows the role of the host country and the programme, and changes them with only those fields sent', async () => {
    const id = '11111111-aaaa-4aaa-8aaa-000000000018';
    let current = caseAt(id, 1, { hostCountryRole: 'transit', temporaryWorker: false });
    const seen = fakeApi({
      [`GET /api/v1/cases/${id}`]: () => versioned(current),
      [`GET /api/v1/cases/${id}/actions`]: empty,
      [`GET /api/v1/cases/${id}/history`]: empty,
      [`PATCH /api/v1/cases/${id}`]: () => {
        current = caseAt(id, current.version + 1, {
          ...current,
          hostCountryRole: null,
          temporaryWorker: true,
        });
        return versioned(current);
      },
    });
    await openCase(id);
    const role = await screen.findByText('Papel del país receptor', {}, { timeout: 10_000 });
    // The label once the code lists have loaded.
    await waitFor(() => expect(role.nextElementSibling?.textContent).toBe('Tránsito'));
    expect(screen.getByText('Programa de trabajo temporal').nextElementSibling?.textContent).toBe(
      'No',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Editar datos del caso' }));
    const dialog = await screen.findByRole('dialog', { name: 'Editar datos del caso' });
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Papel del país receptor' }));
    fireEvent.click(await screen.findByRole('option', { name: 'No registrado' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Programa de trabajo temporal' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(seen.find((r) => r.method === 'PATCH')!.body).toEqual({
      hostCountryRole: null,
      temporaryWorker: true,
    });
    await waitFor(() =>
      expect(screen.getByText('Papel del país receptor').nextElementSibling?.textContent).toBe(
        'No registrado',
      ),
    );
    expect(screen.getByText('Programa de trabajo temporal').nextElementSibling?.textContent).toBe(
      'Sí',
    );
  });

  it('hides the shelter field from a reader to whom it is masked', async () => {
    const id = '11111111-aaaa-4aaa-8aaa-000000000010';
    fakeApi({
      [`GET /api/v1/cases/${id}`]: () =>
        versioned(
          caseAt(id, 1, {
            primaryCategory: 'unaccompanied_child',
            shelter: null,
            masked: ['shelter'],
            maskedReason: 'child_whereabouts',
          }),
        ),
      [`GET /api/v1/cases/${id}/actions`]: empty,
      [`GET /api/v1/cases/${id}/history`]: empty,
    });
    await openCase(id);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Editar datos del caso' }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Editar datos del caso' });
    expect(within(dialog).getByLabelText('Resumen')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Albergue')).toBeNull();
  });

  it('on a restricted case asks for a reason, breaks the glass and shows until when', async () => {
    const id = '11111111-aaaa-4aaa-8aaa-000000000002';
    let granted = false;
    // Two hours from now, as the API grants: a fixed time would have passed by the next day's run.
    const expiresAt = new Date(Date.now() + 2 * 3600_000).toISOString();
    const seen = fakeApi({
      [`GET /api/v1/cases/${id}`]: () =>
        granted
          ? versioned(caseAt(id, 3, { restricted: true }))
          : problem(403, 'CASE_RESTRICTED', 'Caso restringido.'),
      [`POST /api/v1/cases/${id}/access-requests`]: () => {
        granted = true;
        return json(
          {
            id: 'a1',
            caseId: id,
            caseReference: 'MX-LAX-2026-000003',
            consulateId: POST_ID,
            userId: ME_ID,
            reason: 'Audiencia hoy',
            grantedAt: '2026-12-04T15:30:00Z',
            expiresAt,
            reviewedBy: null,
            reviewedAt: null,
            reviewOutcome: null,
            reviewNote: null,
          },
          201,
        );
      },
      [`GET /api/v1/cases/${id}/actions`]: empty,
      [`GET /api/v1/cases/${id}/history`]: empty,
    });
    const now = Date.now;
    Date.now = () => new Date('2026-12-04T15:31:00Z').getTime();
    try {
      await openCase(id);
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Caso restringido' },
        { timeout: 10_000 },
      );
      fireEvent.click(screen.getByRole('button', { name: 'Solicitar acceso de emergencia' }));
      const summary = await screen.findByRole('alert');
      await waitFor(() => expect(document.activeElement).toBe(summary));
      expect(summary.textContent).toContain('Escriba el motivo de la solicitud');
      expect(seen.some((r) => r.method === 'POST')).toBe(false);

      fireEvent.change(screen.getByLabelText(/Motivo de la solicitud/), {
        target: { value: ' Audiencia hoy ' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Solicitar acceso de emergencia' }));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Caso MX-LAX-2026-000003' }),
      ).toBeTruthy();
      expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ reason: 'Audiencia hoy' });
      // As testing-library reads the page: its text with every run of spaces made one space (the
      // ICU of newer Nodes puts a no-break space before "p.m.").
      const until = new Intl.DateTimeFormat('es-419', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })
        .format(new Date(expiresAt))
        .replace(/\s+/g, ' ');
      // The banner comes with the grant's own read, after the case's: waited for, not assumed.
      expect(
        await screen.findByText(
          `Está leyendo este caso con acceso de emergencia, hasta ${until}. Cada lectura queda registrada.`,
        ),
      ).toBeTruthy();
    } finally {
      Date.now = now;
    }
  });

  it('corrects an action with a new entry that points at it, keeping the original', async () => {
    const id = '11111111-aaaa-4aaa-8aaa-000000000003';
    const action = (actionId: string, fields: object) => ({
      id: actionId,
      caseId: id,
      type: 'interview',
      occurredAt: '2026-11-03T16:00:00Z',
      place: 'Centro de detención Adelanto',
      placeType: null,
      performedBy: ME_ID,
      outcome: 'Sin novedad',
      notes: null,
      nextStepDue: null,
      cost: null,
      currency: null,
      arrestedAt: null,
      notifiedAt: null,
      correctsActionId: null,
      correctedByActionId: null,
      recordedAt: '2026-11-03T17:00:00Z',
      ...fields,
    });
    let actions = [action('a1', {})];
    const seen = fakeApi({
      [`GET /api/v1/cases/${id}`]: () => versioned(caseAt(id, 1)),
      [`GET /api/v1/cases/${id}/actions`]: () => json({ items: actions, nextCursor: null }),
      [`GET /api/v1/cases/${id}/history`]: empty,
      [`POST /api/v1/cases/${id}/actions/a1/corrections`]: (_, request) => {
        const correction = action('a2', {
          ...(request.body as object),
          correctsActionId: 'a1',
          recordedAt: '2026-11-04T09:00:00Z',
        });
        actions = [action('a1', { correctedByActionId: 'a2' }), correction];
        return json(correction, 201);
      },
    });
    await openCase(id);
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: /^Corregir la actuación Entrevista/ },
        { timeout: 10_000 },
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Corregir una actuación' });
    const outcome = within(dialog).getByLabelText('Resultado') as HTMLTextAreaElement;
    expect(outcome.value).toBe('Sin novedad');
    fireEvent.change(outcome, { target: { value: 'Solicita abogado' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar la corrección' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(post.body).toMatchObject({
      type: 'interview',
      occurredAt: '2026-11-03T16:00:00.000Z',
      outcome: 'Solicita abogado',
    });
    const timeline = screen.getByRole('list', {
      name: 'Actuaciones del caso, de la más reciente a la más antigua',
    });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2));
    const [correction, original] = within(timeline).getAllByRole('listitem');
    expect(correction.textContent).toContain('Corrección');
    expect(correction.textContent).toContain('Solicita abogado');
    expect(original.textContent).toContain('Corregida');
    expect(original.textContent).toContain('Sin novedad');
    // A corrected action is corrected through its correction, not twice.
    expect(within(original).queryByRole('button', { name: /^Corregir/ })).toBeNull();
  });
});
