import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { aCaseDetail, aCasePerson, fakeApi, json, ME_ID, POST_ID, type Seen } from '../test-api';

const CASE_ID = '22222222-bbbb-4bbb-8bbb-000000000009';
const PERSON_ID = '33333333-cccc-4ccc-8ccc-000000000009';

const theCase = aCaseDetail({
  id: CASE_ID,
  reference: 'MX-LAX-2026-000043',
  persons: [
    aCasePerson({
      id: PERSON_ID,
      givenNames: 'Rosalía',
      familyNames: 'Núñez',
      sex: 'female',
    }),
  ],
});

const referral = {
  id: '66666666-ffff-4fff-8fff-000000000001',
  caseId: CASE_ID,
  caseReference: theCase.reference,
  consulateId: POST_ID,
  organisationId: '44444444-dddd-4ddd-8ddd-000000000001',
  organisationName: 'Clínica Jurídica',
  services: ['legal_aid'],
  need: 'Representación.',
  fields: ['names'],
  personIds: [PERSON_ID],
  payload: { fields: ['names'], persons: [], case: {} },
  consentIds: [],
  overrideId: null,
  status: 'pending',
  statusReason: null,
  followUpDue: '2026-01-10',
  createdBy: ME_ID,
  createdAt: '2026-01-02T10:00:00Z',
  answeredAt: null,
  completedAt: null,
  completionNotes: null,
  revokedAt: null,
  version: 1,
};

describe('Consent and referrals on the case page', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('records a consent, lists referrals with status and overdue follow-up, and records an answer', async () => {
    let consents: unknown[] = [];
    const sent: Record<string, unknown> = {};
    fakeApi({
      [`GET /api/v1/cases/${CASE_ID}`]: () => json(theCase, 200, { ETag: '"v1"' }),
      [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
      [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: [], nextCursor: null }),
      [`GET /api/v1/cases/${CASE_ID}/consents`]: () => json({ consents, overrides: [] }),
      [`POST /api/v1/cases/${CASE_ID}/consents`]: (_r: Request, seen: Seen) => {
        sent.consent = seen.body;
        consents = [
          {
            ...(seen.body as object),
            id: 'k1',
            caseId: CASE_ID,
            witnessName: null,
            guardianName: null,
            givenAt: '2026-11-03T10:00:00Z',
            recordedBy: ME_ID,
            recordedAt: '2026-11-03T10:00:00Z',
            supersededBy: null,
            withdrawnAt: null,
            withdrawnRecordedBy: null,
            withdrawnRecordedAt: null,
            withdrawalNote: null,
            current: true,
          },
        ];
        return json(consents[0], 201);
      },
      [`GET /api/v1/cases/${CASE_ID}/referrals`]: () =>
        json({ items: [referral], nextCursor: null }),
      [`POST /api/v1/referrals/${referral.id}/answer`]: (_r: Request, seen: Seen) => {
        sent.answer = seen.body;
        return json({ ...referral, status: 'rejected' });
      },
    });
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const consentSection = await screen.findByRole(
      'region',
      { name: 'Consentimiento' },
      { timeout: 10_000 },
    );
    await within(consentSection).findByText('Sin consentimiento registrado.');
    fireEvent.click(
      within(consentSection).getByRole('button', {
        name: 'Registrar consentimiento de Rosalía Núñez',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Registrar el consentimiento de Rosalía Núñez',
    });
    fireEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Comunicar datos a organizaciones' }),
    );
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Nombres' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar consentimiento' }));
    expect(
      await within(dialog).findByText('Elija la forma del consentimiento.', { selector: 'a' }),
    ).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Forma/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Formulario firmado' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrar consentimiento' }));
    await screen.findByText('Consentimiento registrado.');
    expect(sent.consent).toEqual({
      personId: PERSON_ID,
      purposes: ['disclosure_to_organisations'],
      disclosableFields: ['names'],
      method: 'signed_form',
      givenBy: 'person',
    });
    await within(consentSection).findByText('Comunicar datos a organizaciones');

    const referrals = screen.getByRole('region', { name: 'Canalizaciones' });
    const row = within(referrals).getByRole('row', { name: /Clínica Jurídica/ });
    expect(row.textContent).toContain('Pendiente');
    expect(row.textContent).toContain('(vencida)');
    expect(
      within(referrals)
        .getByRole('link', { name: 'Canalizar a una organización' })
        .getAttribute('href'),
    ).toBe(`/cases/${CASE_ID}/refer`);
    fireEvent.click(
      within(row).getByRole('button', { name: 'Registrar respuesta: Clínica Jurídica' }),
    );
    const answer = await screen.findByRole('dialog', { name: 'Respuesta de Clínica Jurídica' });
    fireEvent.click(within(answer).getByRole('radio', { name: 'Rechazó la canalización' }));
    fireEvent.change(within(answer).getByLabelText(/Motivo del rechazo/), {
      target: { value: 'Sin cupo este mes' },
    });
    fireEvent.click(within(answer).getByRole('button', { name: 'Guardar' }));
    await screen.findByText('Canalización actualizada.');
    await waitFor(() =>
      expect(sent.answer).toEqual({ outcome: 'rejected', reason: 'Sin cupo este mes' }),
    );
  });

  it('withdraws a consent and revokes a referral with its reason (English)', async () => {
    await i18n.changeLanguage('en');
    const sent: Record<string, unknown> = {};
    const consent = {
      id: '55555555-eeee-4eee-8eee-000000000009',
      caseId: CASE_ID,
      personId: PERSON_ID,
      purposes: ['disclosure_to_organisations'],
      disclosableFields: ['names'],
      method: 'verbal_with_witness',
      witnessName: 'Ana Testigo',
      givenBy: 'person',
      guardianName: null,
      givenAt: '2026-11-03T10:00:00Z',
      recordedBy: ME_ID,
      recordedAt: '2026-11-03T10:00:00Z',
      supersededBy: null,
      withdrawnAt: null,
      withdrawnRecordedBy: null,
      withdrawnRecordedAt: null,
      withdrawalNote: null,
      current: true,
    };
    fakeApi({
      [`GET /api/v1/cases/${CASE_ID}`]: () => json(theCase, 200, { ETag: '"v1"' }),
      [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
      [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: [], nextCursor: null }),
      [`GET /api/v1/cases/${CASE_ID}/consents`]: () =>
        json({ consents: sent.withdraw ? [] : [consent], overrides: [] }),
      [`POST /api/v1/cases/${CASE_ID}/consents/${consent.id}/withdraw`]: (
        _r: Request,
        seen: Seen,
      ) => {
        sent.withdraw = seen.body;
        return json({ ...consent, current: false });
      },
      [`GET /api/v1/cases/${CASE_ID}/referrals`]: () =>
        json({ items: [{ ...referral, status: 'accepted', followUpDue: null }], nextCursor: null }),
      [`POST /api/v1/referrals/${referral.id}/revoke`]: (_r: Request, seen: Seen) => {
        sent.revoke = seen.body;
        return json({ ...referral, status: 'revoked' });
      },
    });
    window.history.replaceState(null, '', `/cases/${CASE_ID}`);
    render(<App />);
    const consentSection = await screen.findByRole(
      'region',
      { name: 'Consent' },
      { timeout: 10_000 },
    );
    await within(consentSection).findByText(/Witness: Ana Testigo/);
    fireEvent.click(
      within(consentSection).getByRole('button', { name: 'Withdraw the consent of Rosalía Núñez' }),
    );
    const withdraw = await screen.findByRole('dialog', {
      name: 'Withdraw the consent of Rosalía Núñez?',
    });
    fireEvent.change(within(withdraw).getByLabelText('Note (optional)'), {
      target: { value: 'Called the post.' },
    });
    fireEvent.click(within(withdraw).getByRole('button', { name: 'Withdraw consent' }));
    await screen.findByText('Consent withdrawn.');
    expect(sent.withdraw).toEqual({ note: 'Called the post.' });
    await within(consentSection).findByText('No consent recorded.');

    const row = within(screen.getByRole('region', { name: 'Referrals' })).getByRole('row', {
      name: /Clínica Jurídica/,
    });
    expect(row.textContent).toContain('Accepted');
    expect(row.textContent).toContain('No date');
    expect(within(row).queryByRole('button', { name: /Record answer/ })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke: Clínica Jurídica' }));
    const revoke = await screen.findByRole('dialog', {
      name: 'Revoke the referral to Clínica Jurídica',
    });
    fireEvent.click(within(revoke).getByRole('button', { name: 'Revoke' }));
    expect(
      await within(revoke).findByText('Write the reason (at least 5 characters).', {
        selector: 'a',
      }),
    ).toBeTruthy();
    expect(sent.revoke).toBeUndefined();
    fireEvent.change(within(revoke).getByLabelText(/Reason for revoking/), {
      target: { value: 'Family hired a lawyer.' },
    });
    fireEvent.click(within(revoke).getByRole('button', { name: 'Revoke' }));
    await screen.findByText('Referral updated.');
    expect(sent.revoke).toEqual({ reason: 'Family hired a lawyer.' });
  });
});
