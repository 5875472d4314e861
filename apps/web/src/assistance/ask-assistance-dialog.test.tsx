import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../shell/app';
import { i18n } from '../shell/i18n';
import { fakeApi, json, ME_ID, POST_ID, problem } from '../cases/test-api';

const CASE_ID = '11111111-aaaa-4aaa-8aaa-0000000000a1';
const GT_POST = '22222222-bbbb-4bbb-8bbb-0000000000b1';
const HN_POST = '22222222-bbbb-4bbb-8bbb-0000000000b2';

const theCase = {
  id: CASE_ID,
  reference: 'MX-LAX-2026-000042',
  consulateId: POST_ID,
  countryCode: 'MX',
  primaryCategory: 'criminal_detention',
  secondaryCategories: [],
  vulnerabilityFlags: [],
  riskLevel: 'low',
  status: 'open',
  assignedOfficerId: ME_ID,
  eventCountryCode: 'US',
  eventSubdivisionCode: null,
  eventCity: null,
  openedAt: '2026-11-02T15:00:00Z',
  closedAt: null,
  closureReason: null,
  requestedClosureReason: null,
  duplicateOfCaseId: null,
  summary: 'Detenida en Houston.',
  consent: {},
  restricted: false,
  version: 1,
  createdAt: '2026-11-02T15:00:00Z',
  updatedAt: '2026-11-02T15:00:00Z',
  persons: [],
  nextStep: null,
  nextStepDue: null,
  allowedTransitions: [],
  callerMay: { update: false, assign: false, recordActions: true },
  masked: [],
  maskedReason: null,
  closureApprovalRule: null,
};

const CANDIDATES = [
  {
    consulate: {
      id: GT_POST,
      name: 'Consulado de Guatemala en Houston',
      sendingCountryCode: 'GT',
      hostCountryCode: 'US',
      city: 'Houston',
    },
    coversPlace: true,
  },
  {
    consulate: {
      id: HN_POST,
      name: 'Consulado de Honduras en Toronto',
      sendingCountryCode: 'HN',
      hostCountryCode: 'CA',
      city: 'Toronto',
    },
    coversPlace: false,
  },
];

const payload = {
  fields: ['names', 'sex', 'nationality'],
  persons: [
    {
      role: 'primary',
      givenNames: 'Ximena',
      familyNames: 'Cuautle',
      sex: 'female',
      nationalityCode: 'MX',
    },
  ],
  case: {},
};

function routes(preview: object, created?: () => Response) {
  return {
    [`GET /api/v1/cases/${CASE_ID}`]: () => json(theCase, 200, { ETag: '"v1"' }),
    [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
    [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: [], nextCursor: null }),
    [`GET /api/v1/cases/${CASE_ID}/assistance-candidates`]: () => json(CANDIDATES),
    [`POST /api/v1/cases/${CASE_ID}/assistance-requests/preview`]: () => json(preview),
    [`POST /api/v1/cases/${CASE_ID}/assistance-requests`]: () =>
      created ? created() : json({ id: 'r1' }, 201),
  };
}

async function openDialog() {
  window.history.replaceState(null, '', `/cases/${CASE_ID}`);
  render(<App />);
  fireEvent.click(
    await screen.findByRole(
      'button',
      { name: 'Solicitar asistencia consular mutua' },
      { timeout: 10_000 },
    ),
  );
  return screen.findByRole('dialog', { name: 'Solicitar asistencia a un consulado de otro país' });
}

describe('Asking another country’s consulate', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('lists the consulates covering the place first, says what is missing, then previews and sends exactly that', async () => {
    const seen = fakeApi(
      routes({ payload, blockers: [], asylumSafeguard: false, overrideAllowed: false }),
    );
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ver lo que se enviará' }));
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Elija el consulado.' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: /Explique la solicitud/ })).toBeTruthy();

    const select = within(dialog).getByLabelText(/Consulado/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(3));
    expect(select.options[1].text).toBe(
      'Consulado de Guatemala en Houston (GT, Houston) — cubre el lugar del caso',
    );
    fireEvent.change(select, { target: { value: GT_POST } });
    fireEvent.change(within(dialog).getByLabelText(/Explicación para el otro consulado/), {
      target: { value: 'No tenemos oficina en Houston y la persona está hospitalizada.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ver lo que se enviará' }));
    expect(
      await within(dialog).findByRole('heading', { name: 'Esto es exactamente lo que se enviará' }),
    ).toBeTruthy();
    expect(within(dialog).getByText('Ximena')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enviar la solicitud' }));
    expect(
      await screen.findByText('Solicitud enviada a Consulado de Guatemala en Houston.'),
    ).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST' && s.path.endsWith('/assistance-requests'))!;
    expect(sent.body).toEqual({
      receivingConsulateId: GT_POST,
      kind: 'assistance',
      reason: 'no_post_in_place',
      reasonNote: 'No tenemos oficina en Houston y la persona está hospitalizada.',
      fields: ['names', 'sex', 'nationality'],
    });
    expect(sent.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('refuses to send past the asylum safeguard and offers no override', async () => {
    fakeApi(
      routes({
        payload,
        blockers: [
          {
            personId: 'p1',
            purposeMissing: false,
            fieldsMissing: [],
            homeAuthoritiesConsentMissing: true,
          },
        ],
        asylumSafeguard: true,
        overrideAllowed: true,
      }),
    );
    const dialog = await openDialog();
    const select = within(dialog).getByLabelText(/Consulado/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(3));
    fireEvent.change(select, { target: { value: GT_POST } });
    fireEvent.change(within(dialog).getByLabelText(/Explicación para el otro consulado/), {
      target: { value: 'Informar a su país de origen.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ver lo que se enviará' }));
    expect(await within(dialog).findByText(/Salvaguarda de asilo/)).toBeTruthy();
    expect(within(dialog).queryByLabelText(/Motivo de la excepción/)).toBeNull();
    expect(
      (within(dialog).getByRole('button', { name: 'Enviar la solicitud' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('lets a consul override a missing consent with a reason, and shows the API’s refusal otherwise', async () => {
    const seen = fakeApi(
      routes(
        {
          payload,
          blockers: [
            {
              personId: 'p1',
              purposeMissing: true,
              fieldsMissing: ['sex'],
              homeAuthoritiesConsentMissing: false,
            },
          ],
          asylumSafeguard: false,
          overrideAllowed: true,
        },
        () => problem(409, 'CONSENT_REQUIRED', 'La persona no ha consentido esta divulgación.'),
      ),
    );
    const dialog = await openDialog();
    const select = within(dialog).getByLabelText(/Consulado/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(3));
    fireEvent.change(select, { target: { value: HN_POST } });
    fireEvent.change(within(dialog).getByLabelText(/Explicación para el otro consulado/), {
      target: { value: 'La persona está hospitalizada en Toronto.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ver lo que se enviará' }));
    expect(
      await within(dialog).findByText(
        /no consintió que sus datos se compartan con otro país; no consintió compartir: Sexo/,
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enviar la solicitud' }));
    expect(await within(dialog).findByRole('link', { name: /Explique la excepción/ })).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Motivo de la excepción/), {
      target: { value: 'Está inconsciente y necesita asistencia urgente.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enviar la solicitud' }));
    expect(
      await within(dialog).findByText('La persona no ha consentido esta divulgación.'),
    ).toBeTruthy();
    const sent = seen.find((s) => s.method === 'POST' && s.path.endsWith('/assistance-requests'))!;
    expect((sent.body as { override: unknown }).override).toEqual({
      reason: 'Está inconsciente y necesita asistencia urgente.',
    });
  });
});
