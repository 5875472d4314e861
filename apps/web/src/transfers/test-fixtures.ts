import { ME_ID, POST_ID } from '../cases/test-api';

export const CASE_ID = '11111111-aaaa-4aaa-8aaa-0000000000a1';
export const HOU_POST = '22222222-bbbb-4bbb-8bbb-0000000000b1';
export const SDG_POST = '22222222-bbbb-4bbb-8bbb-0000000000b2';
export const GT_POST = '22222222-bbbb-4bbb-8bbb-0000000000b3';
export const TRANSFER_ID = '33333333-cccc-4ccc-8ccc-0000000000c1';

const post = (id: string, country: string, code: string, name: string, active = true) => ({
  id,
  sendingCountryCode: country,
  postCode: code,
  name,
  type: 'consulate',
  hostCountryCode: 'US',
  city: name,
  jurisdiction: [],
  address: null,
  phone: null,
  emergencyPhone: null,
  email: null,
  website: null,
  active,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deactivatedAt: null,
});

/** The network: this post (LAX), another Mexican post, an inactive one, and another country's. */
export const CONSULATES = {
  items: [
    post(POST_ID, 'MX', 'LAX', 'Consulado General en Los Ángeles'),
    post(HOU_POST, 'MX', 'HOU', 'Consulado General en Houston'),
    post(SDG_POST, 'MX', 'SDG', 'Consulado en San Diego', false),
    post(GT_POST, 'GT', 'LAX', 'Consulado de Guatemala en Los Ángeles'),
  ],
  nextCursor: null,
};

export const theCase = (fields: object = {}) => ({
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
  callerMay: { update: false, assign: false, recordActions: false, transfer: true },
  masked: [],
  maskedReason: null,
  closureApprovalRule: null,
  ...fields,
});

export const transfer = (fields: object = {}) => ({
  id: TRANSFER_ID,
  caseId: CASE_ID,
  caseReference: 'MX-LAX-2026-000042',
  status: 'pending',
  fromConsulateId: POST_ID,
  fromConsulateName: 'Consulado General en Los Ángeles',
  toConsulateId: HOU_POST,
  toConsulateName: 'Consulado General en Houston',
  reason: 'La persona fue trasladada a un centro en Texas.',
  proposedBy: ME_ID,
  proposedByName: 'Rosa Méndez',
  proposedAt: '2026-11-20T15:00:00Z',
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
  rejectionReason: null,
  newReference: null,
  case: {
    primaryCategory: 'criminal_detention',
    vulnerabilityFlags: [],
    riskLevel: 'low',
    status: 'open',
    restricted: false,
  },
  ...fields,
});
