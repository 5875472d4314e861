import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { aCaseDetail, aCasePerson, fakeApi, json, ME_ID, type Seen } from '../test-api';

const CASE_ID = '22222222-bbbb-4bbb-8bbb-000000000017';
const CHILD_ID = '33333333-cccc-4ccc-8ccc-000000000017';

const childCase = (fields: object = {}) =>
  aCaseDetail({
    id: CASE_ID,
    reference: 'MX-LAX-2026-000017',
    primaryCategory: 'unaccompanied_child',
    riskLevel: 'high',
    status: 'in_progress',
    eventCountryCode: 'US',
    persons: [
      aCasePerson({
        id: CHILD_ID,
        givenNames: 'Mateo',
        familyNames: 'Ixcoy',
        dateOfBirth: '2012-04-01',
        sex: 'male',
        nationalityCode: 'GT',
      }),
    ],
    allowedTransitions: [
      { to: 'closure_requested', reasonRequired: false, closureReasonRequired: true },
    ],
    callerMay: { update: true, assign: false, recordActions: true, transfer: false },
    closureApprovalRule: 'unaccompanied_child_category',
    ...fields,
  });

const routes = (assessments: unknown[], sent: Record<string, unknown>, fields: object = {}) => ({
  [`GET /api/v1/cases/${CASE_ID}`]: () => json(childCase(fields), 200, { ETag: '"v1"' }),
  [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
  [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: [], nextCursor: null }),
  [`GET /api/v1/cases/${CASE_ID}/consents`]: () => json({ consents: [], overrides: [] }),
  [`GET /api/v1/cases/${CASE_ID}/referrals`]: () => json({ items: [], nextCursor: null }),
  [`GET /api/v1/cases/${CASE_ID}/best-interest-assessments`]: () =>
    json({ items: assessments, nextCursor: null }),
  [`POST /api/v1/cases/${CASE_ID}/best-interest-assessments`]: (_r: Request, seen: Seen) => {
    sent.assessment = seen.body;
    const saved = {
      ...(seen.body as object),
      id: 'b1',
      caseId: CASE_ID,
      assessedBy: ME_ID,
      assessorName: null,
      assessorRole: null,
      correctsAssessmentId: null,
      correctedByAssessmentId: null,
      recordedBy: ME_ID,
      recordedAt: '2026-11-04T10:00:00Z',
    };
    assessments.push(saved);
    return json(saved, 201);
  },
});

describe('Child safeguards on the case page', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('records a best-interest assessment and lists it', async () => {
    const sent: Record<string, unknown> = {};
    fakeApi(routes([], sent));
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const section = await screen.findByRole(
      'region',
      { name: 'Interés superior de la niña, niño o adolescente' },
      { timeout: 10_000 },
    );
    await within(section).findByText('Aún no hay evaluaciones registradas.');
    fireEvent.click(within(section).getByRole('button', { name: 'Registrar una evaluación' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Registrar una evaluación del interés superior',
    });
    // Nothing is sent while required fields are empty.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    expect(await within(dialog).findAllByText('Complete este campo.')).toHaveLength(2);
    expect(sent.assessment).toBeUndefined();

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Hallazgos/ }), {
      target: { value: 'Madre localizada en Huehuetenango; visita domiciliaria favorable.' },
    });
    fireEvent.mouseDown(
      within(dialog).getByRole('combobox', { name: /Solución duradera recomendada/ }),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'Retorno con la familia en el país de origen' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent.assessment).toMatchObject({
      personId: CHILD_ID,
      findings: 'Madre localizada en Huehuetenango; visita domiciliaria favorable.',
      recommendedSolution: 'return_to_family_in_origin',
    });
    expect(sent.assessment).not.toHaveProperty('assessorName');
    expect(await within(section).findByText('Evaluación registrada.')).toBeTruthy();
    expect(
      await within(section).findByRole('heading', {
        name: 'Mateo Ixcoy · Retorno con la familia en el país de origen',
      }),
    ).toBeTruthy();
  });

  it('says which fields are restricted and why, in English', async () => {
    await i18n.changeLanguage('en');
    fakeApi(
      routes(
        [],
        {},
        {
          masked: [
            'eventCity',
            'shelter',
            'persons.addressAbroad',
            'persons.phone',
            'persons.email',
          ],
          maskedReason: 'child_whereabouts',
          callerMay: { update: true, assign: false, recordActions: true, transfer: false },
          assignedOfficerId: 'someone-else',
        },
      ),
    );
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const notice = await screen.findByRole('region', { name: 'Restricted' }, { timeout: 10_000 });
    expect(within(notice).getByText('Shelter: Restricted')).toBeTruthy();
    expect(within(notice).getByText('Address abroad: Restricted')).toBeTruthy();
    expect(within(notice).getByText(/post’s consul/)).toBeTruthy();
  });

  it('explains the child rule in the closure dialog', async () => {
    fakeApi(routes([], {}));
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const request = await screen.findByRole(
      'button',
      { name: /Solicitar (el )?cierre/i },
      { timeout: 10_000 },
    );
    fireEvent.click(request);
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/Es un caso de niñez no acompañada: el cierre lo aprueba el cónsul/),
    ).toBeTruthy();
  });

  it('shows no assessment section on an adult’s case', async () => {
    fakeApi(routes([], {}, { closureApprovalRule: null, primaryCategory: 'labour_rights' }));
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    await screen.findByRole('heading', { name: /MX-LAX-2026-000017/ }, { timeout: 10_000 });
    expect(screen.queryByRole('region', { name: /Interés superior/ })).toBeNull();
  });
});
