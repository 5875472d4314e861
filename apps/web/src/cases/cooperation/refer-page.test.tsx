import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../shell/app';
import { i18n } from '../../shell/i18n';
import { fakeApi, json, ME_ID, OFFICER, POST_ID, type Seen } from '../test-api';

const CASE_ID = '22222222-bbbb-4bbb-8bbb-000000000001';
const PERSON_ID = '33333333-cccc-4ccc-8ccc-000000000001';
const CLINIC = '44444444-dddd-4ddd-8ddd-000000000001';
const SHELTER = '44444444-dddd-4ddd-8ddd-000000000002';

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
  eventSubdivisionCode: 'US-CA',
  eventCity: null,
  openedAt: '2026-11-02T15:00:00Z',
  closedAt: null,
  closureReason: null,
  requestedClosureReason: null,
  duplicateOfCaseId: null,
  summary: 'Detenida tras un control de tráfico.',
  consent: {},
  restricted: false,
  version: 1,
  createdAt: '2026-11-02T15:00:00Z',
  updatedAt: '2026-11-02T15:00:00Z',
  persons: [
    {
      role: 'primary',
      relationship: null,
      person: {
        id: PERSON_ID,
        givenNames: 'Rosalía',
        familyNames: 'Núñez',
        sex: 'female',
        nationalityCode: 'MX',
        languages: ['es'],
        documents: [],
        otherNames: [],
      },
    },
  ],
  nextStep: null,
  nextStepDue: null,
  allowedTransitions: [],
  callerMay: { update: true, assign: false, recordActions: true },
  masked: [],
  maskedReason: null,
  closureApprovalRule: null,
};

const consent = {
  id: '55555555-eeee-4eee-8eee-000000000001',
  caseId: CASE_ID,
  personId: PERSON_ID,
  purposes: ['disclosure_to_organisations'],
  disclosableFields: ['names', 'contact'],
  method: 'signed_form',
  witnessName: null,
  givenBy: 'person',
  guardianName: null,
  givenAt: '2026-11-02T15:00:00Z',
  recordedBy: ME_ID,
  recordedAt: '2026-11-02T15:00:00Z',
  supersededBy: null,
  withdrawnAt: null,
  withdrawnRecordedBy: null,
  withdrawnRecordedAt: null,
  withdrawalNote: null,
  current: true,
};

const organisation = (id: string, name: string, services: string[]) => ({
  id,
  name,
  acronym: null,
  type: 'civil_society',
  services,
  languages: ['es'],
  coverageCountries: ['US'],
  coverageSubdivisions: [],
  email: null,
  phone: null,
});

const CANDIDATES = {
  items: [
    {
      organisation: organisation(CLINIC, 'Clínica Jurídica', ['legal_aid', 'interpretation']),
      matches: { services: ['legal_aid'], coversPlace: true, languages: ['es'] },
    },
    {
      organisation: organisation(SHELTER, 'Casa Refugio', ['shelter']),
      matches: { services: [], coversPlace: false, languages: ['es'] },
    },
  ],
};

function routes(preview: (body: { fields: string[] }) => object, onSend: (body: unknown) => void) {
  return {
    [`GET /api/v1/cases/${CASE_ID}`]: () => json(theCase, 200, { ETag: '"v1"' }),
    [`GET /api/v1/cases/${CASE_ID}/consents`]: () => json({ consents: [consent], overrides: [] }),
    [`GET /api/v1/cases/${CASE_ID}/referral-candidates`]: () => json(CANDIDATES),
    [`POST /api/v1/cases/${CASE_ID}/referrals/preview`]: (_request: Request, seen: Seen) =>
      json(preview(seen.body as { fields: string[] })),
    [`POST /api/v1/cases/${CASE_ID}/referrals`]: (_request: Request, seen: Seen) => {
      onSend(seen.body);
      return json({ id: 'r1', organisationName: 'Clínica Jurídica' }, 201);
    },
    [`GET /api/v1/cases/${CASE_ID}/actions`]: () => json({ items: [], nextCursor: null }),
    [`GET /api/v1/cases/${CASE_ID}/history`]: () => json({ items: [], nextCursor: null }),
  };
}

const payload = (fields: string[]) => ({
  fields,
  persons: [
    {
      role: 'primary',
      ...(fields.includes('names')
        ? { givenNames: 'Rosalía', familyNames: 'Núñez', otherNames: [] }
        : {}),
      ...(fields.includes('contact') ? { phone: '+1 323 555 0199', email: null } : {}),
      ...(fields.includes('address_abroad') ? { addressAbroad: 'Calle Secreta 1' } : {}),
    },
  ],
  case: {},
});

describe('Referring a case to an organisation', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('shows why each organisation matches, preselects what consent allows, previews and sends it', async () => {
    let sent: unknown;
    fakeApi(
      routes(
        (body) => ({
          payload: payload(body.fields),
          blockers: [
            {
              personId: PERSON_ID,
              purposeMissing: false,
              fieldsMissing: [],
              homeAuthoritiesConsentMissing: false,
            },
          ],
          asylumSafeguard: false,
          overrideAllowed: false,
        }),
        (body) => (sent = body),
      ),
    );
    window.history.replaceState(null, '', `/cases/${CASE_ID}/refer`);
    render(<App />);
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Canalizar el caso MX-LAX-2026-000042' },
      { timeout: 10_000 },
    );
    const clinic = await screen.findByRole('radio', { name: /Clínica Jurídica/ });
    expect(clinic.closest('label')?.textContent).toContain('Ofrece: Asesoría jurídica');
    expect(clinic.closest('label')?.textContent).toContain('Cubre el lugar del caso');
    fireEvent.click(clinic);
    expect(
      (screen.getByRole('checkbox', { name: 'Asesoría jurídica' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Nombres' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (screen.getByRole('checkbox', { name: 'Teléfono y correo' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Documentos' }) as HTMLInputElement).checked).toBe(
      false,
    );
    const preview = screen.getByRole('region', { name: 'Vista previa de lo que se comunicará' });
    await within(preview).findByText('+1 323 555 0199');
    expect(
      within(preview).getByText(
        'La consentimiento vigente cubre esta canalización.'.replace('La c', 'El c'),
      ),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Necesidad/), {
      target: { value: 'Representación en la audiencia.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enviar canalización' }));
    await screen.findByText('Canalización enviada a Clínica Jurídica.', {}, { timeout: 10_000 });
    expect(sent).toEqual({
      organisationId: CLINIC,
      services: ['legal_aid'],
      fields: ['names', 'contact'],
      need: 'Representación en la audiencia.',
    });
  });

  it('explains what blocks the sending and asks a consul for the override reason (English)', async () => {
    await i18n.changeLanguage('en');
    let sent: { override?: { reason: string } } | undefined;
    fakeApi(
      routes(
        (body) => ({
          payload: payload(body.fields),
          blockers: [
            {
              personId: PERSON_ID,
              purposeMissing: false,
              fieldsMissing: body.fields.includes('address_abroad') ? ['address_abroad'] : [],
              homeAuthoritiesConsentMissing: false,
            },
          ],
          asylumSafeguard: false,
          overrideAllowed: true,
        }),
        (body) => (sent = body as typeof sent),
      ),
      { ...OFFICER, grants: [{ role: 'consul', consulateId: POST_ID, countryCode: null }] },
    );
    window.history.replaceState(null, '', `/cases/${CASE_ID}/refer`);
    render(<App />);
    fireEvent.click(
      await screen.findByRole('radio', { name: /Clínica Jurídica/ }, { timeout: 10_000 }),
    );
    expect(screen.queryByLabelText(/Reason to refer without consent/)).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Address abroad' }));
    await screen.findByText('Rosalía Núñez has not allowed disclosing: Address abroad.');
    const reason = await screen.findByLabelText(/Reason to refer without consent/);
    fireEvent.change(reason, {
      target: { value: 'The hearing is tomorrow and she cannot be reached.' },
    });
    fireEvent.change(screen.getByLabelText(/Need/), {
      target: { value: 'Representation at the hearing.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send referral' }));
    await waitFor(() =>
      expect(sent?.override).toEqual({
        reason: 'The hearing is tomorrow and she cannot be reached.',
      }),
    );
  });
});
