import { i18n } from '../shell/i18n';
import { accessToken } from '../api/access-token';
import { answerWith } from '../test-setup';
import type { CaseDetail } from './case-queries';

/** A JSON answer as the API gives it (problem+json for errors). */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });

export const problem = (status: number, code: string, detail: string, errors?: unknown[]) =>
  json(
    { type: 'urn:x', title: code, status, detail, instance: '/', code, requestId: 'r', errors },
    status,
  );

export const POST_ID = '0b6f2a1c-0000-4000-8000-000000000001';
export const ME_ID = '6c0c7a4e-1111-4111-8111-111111111111';

type CasePerson = NonNullable<CaseDetail['persons']>[number];

/** A case's primary person as the case detail carries it (override what the test is about). */
export const aCasePerson = (person: Partial<CasePerson['person']> = {}): CasePerson => ({
  role: 'primary',
  relationship: null,
  person: {
    id: '33333333-cccc-4ccc-8ccc-000000000000',
    givenNames: 'Rosalía',
    familyNames: 'Núñez',
    otherNames: [],
    dateOfBirth: null,
    estimatedAge: null,
    sex: 'female',
    gender: null,
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
    ...person,
  },
});

/**
 * A case as GET /cases/{id} answers it, typed by the OpenAPI schema: a field the API adds to the
 * detail fails the web build here, not as a crash in one screen's test that built the case by hand.
 */
export const aCaseDetail = (fields: Partial<CaseDetail> = {}): CaseDetail => ({
  id: '22222222-bbbb-4bbb-8bbb-000000000000',
  reference: 'MX-LAX-2026-000001',
  consulateId: POST_ID,
  countryCode: 'MX',
  primaryCategory: 'criminal_detention',
  secondaryCategories: [],
  vulnerabilityFlags: [],
  riskLevel: 'low',
  status: 'open',
  assignedOfficerId: ME_ID,
  eventCountryCode: null,
  eventSubdivisionCode: null,
  eventCity: null,
  shelter: null,
  hostCountryRole: null,
  temporaryWorker: false,
  openedAt: '2026-11-02T15:00:00Z',
  closedAt: null,
  closureReason: null,
  requestedClosureReason: null,
  duplicateOfCaseId: null,
  summary: '',
  consent: {},
  restricted: false,
  version: 1,
  createdAt: '2026-11-02T15:00:00Z',
  updatedAt: '2026-11-02T15:00:00Z',
  persons: [],
  nextStep: null,
  nextStepDue: null,
  allowedTransitions: [],
  callerMay: { update: true, assign: false, recordActions: true, transfer: false },
  masked: [],
  maskedReason: null,
  closureApprovalRule: null,
  ...fields,
});

export const OFFICER = {
  id: ME_ID,
  email: 'officer@demo.example',
  displayName: 'Rosa Méndez',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: false,
  grants: [{ role: 'officer', consulateId: POST_ID, countryCode: null }],
  permissions: ['directory:read', 'cases:read', 'cases:write', 'statistics:read'],
};

const code = (value: string, es: string, en: string) => ({ code: value, label: { es, en } });

const CODE_LISTS = {
  caseCategories: [
    code('criminal_detention', 'Detención penal', 'Criminal detention'),
    code('asylum', 'Asilo', 'Asylum'),
  ],
  vulnerabilityFlags: [
    code('unaccompanied_child', 'Niña, niño o adolescente no acompañado', 'Unaccompanied child'),
    code('asylum_seeker', 'Solicitante de asilo', 'Asylum seeker'),
  ],
  caseStatuses: [
    code('open', 'Abierto', 'Open'),
    code('in_progress', 'En curso', 'In progress'),
    code('waiting', 'En espera', 'Waiting'),
    code('closure_requested', 'Cierre solicitado', 'Closure requested'),
    code('closed', 'Cerrado', 'Closed'),
  ],
  riskLevels: [code('low', 'Bajo', 'Low'), code('high', 'Alto', 'High')],
  closureReasons: [
    code('resolved', 'Resuelto', 'Resolved'),
    code('duplicate', 'Duplicado', 'Duplicate'),
  ],
  actionTypes: [
    code('interview', 'Entrevista', 'Interview'),
    code('consular_visit', 'Visita consular', 'Consular visit'),
  ],
  placeTypes: [code('detention_centre', 'Centro de detención', 'Detention centre')],
  sexes: [code('female', 'Femenino', 'Female'), code('male', 'Masculino', 'Male')],
  documentTypes: [code('passport', 'Pasaporte', 'Passport')],
  genders: [
    code('woman', 'Mujer', 'Woman'),
    code('man', 'Hombre', 'Man'),
    code('non_binary', 'No binario', 'Non-binary'),
    code('other', 'Otro', 'Other'),
  ],
  hostCountryRoles: [
    code('origin', 'Origen', 'Origin'),
    code('transit', 'Tránsito', 'Transit'),
    code('destination', 'Destino', 'Destination'),
  ],
};

const COUNTRIES = {
  items: [
    { code: 'MX', alpha3: 'MEX', numeric: '484', nameEs: 'México', nameEn: 'Mexico', member: true },
    {
      code: 'US',
      alpha3: 'USA',
      numeric: '840',
      nameEs: 'Estados Unidos',
      nameEn: 'United States',
      member: false,
    },
  ],
  nextCursor: null,
};

const POST = {
  id: POST_ID,
  sendingCountryCode: 'MX',
  postCode: 'LAX',
  name: 'Consulado General en Los Ángeles',
  type: 'consulate_general',
  hostCountryCode: 'US',
  city: 'Los Ángeles',
  jurisdiction: [],
  address: null,
  phone: null,
  emergencyPhone: null,
  email: null,
  website: null,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deactivatedAt: null,
};

export interface Seen {
  method: string;
  path: string;
  search: string;
  body: unknown;
  headers: Headers;
}

type Route = (request: Request, seen: Seen) => Response | Promise<Response>;

/**
 * Signs a user in and answers the app's requests: `routes` by "METHOD /path" first, then the
 * reference data every case screen reads (/me, code lists, countries, the user's post).
 */
export function fakeApi(routes: Record<string, Route>, me: object = OFFICER): Seen[] {
  accessToken.set('access-1', 900);
  const seen: Seen[] = [];
  answerWith(async (request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const entry: Seen = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      // A file upload (multipart) is kept as its text; every other body is JSON.
      body: text
        ? /json/.test(request.headers.get('Content-Type') ?? '')
          ? JSON.parse(text)
          : text
        : undefined,
      headers: request.headers,
    };
    seen.push(entry);
    const route = routes[`${request.method} ${url.pathname}`];
    if (route) return route(request, entry);
    // The case page's consent, referral and return sections, empty unless a test answers them.
    if (/^\/api\/v1\/cases\/[^/]+\/consents$/.test(url.pathname) && request.method === 'GET')
      return json({ consents: [], overrides: [] });
    if (/^\/api\/v1\/cases\/[^/]+\/referrals$/.test(url.pathname) && request.method === 'GET')
      return json({ items: [], nextCursor: null });
    if (/^\/api\/v1\/cases\/[^/]+\/detentions$/.test(url.pathname) && request.method === 'GET')
      return json({ items: [] });
    if (/^\/api\/v1\/cases\/[^/]+\/returns$/.test(url.pathname) && request.method === 'GET')
      return json({ items: [] });
    if (/^\/api\/v1\/cases\/[^/]+\/practices$/.test(url.pathname) && request.method === 'GET')
      return json({ items: [], nextCursor: null });
    switch (url.pathname) {
      case '/api/v1/me':
        // The account's language is the one the test renders in (the app switches to it).
        return json({ ...me, locale: i18n.language });
      case '/api/v1/code-lists':
        return json(CODE_LISTS);
      case '/api/v1/countries':
        return json(COUNTRIES);
      case `/api/v1/consulates/${POST_ID}`:
        return json(POST);
      default:
        return problem(404, 'ROUTE_NOT_FOUND', `No fake for ${request.method} ${url.pathname}`);
    }
  });
  return seen;
}
