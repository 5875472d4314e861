import { fakeApi, json, ME_ID, POST_ID } from '../cases/test-api';
import {
  WELFARE_STATUSES,
  type CrisisEvent,
  type Dashboard,
  type Enquiry,
  type RosterEntry,
  type WelfareStatus,
} from './crisis-types';

export const EVENT_ID = '77777777-eeee-4eee-8eee-0000000000e1';
export const BASE = `/api/v1/crisis-events/${EVENT_ID}`;

/** A consul of the lead post: may declare, manage and work on the roster. */
export const CRISIS_CONSUL = {
  id: ME_ID,
  email: 'consul@demo.example',
  displayName: 'Julio Pérez',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: true,
  grants: [{ role: 'consul', consulateId: POST_ID, countryCode: null }],
  permissions: ['cases:read', 'cases:write', 'crisis:read', 'crisis:write', 'crisis:manage'],
};

export const crisisEvent = (fields: Partial<CrisisEvent> = {}): CrisisEvent => ({
  id: EVENT_ID,
  countryCode: 'MX',
  name: 'Huracán Otis',
  type: 'hurricane',
  hostCountryCode: 'US',
  hostSubdivisions: ['US-FL'],
  consulateIds: [POST_ID],
  startedAt: '2026-11-30T06:00:00Z',
  endedAt: null,
  status: 'active',
  declaredBy: ME_ID,
  declaredAt: '2026-11-30T07:00:00Z',
  version: 1,
  counts: { total: 12, unaccounted: 5 },
  callerMay: { manage: true, write: true },
  ...fields,
});

let entrySeq = 0;
export const rosterEntry = (fields: Partial<RosterEntry> = {}): RosterEntry => ({
  id: `88888888-ffff-4fff-8fff-${String(++entrySeq).padStart(12, '0')}`,
  eventId: EVENT_ID,
  givenNames: 'Ana',
  familyNames: 'Soto',
  document: null,
  contact: null,
  locationSubdivision: 'US-FL',
  locationText: 'Albergue Miami',
  welfareStatus: 'unaccounted',
  dateOfBirth: null,
  sex: null,
  welfareChangedAt: '2026-12-01T10:00:00Z',
  welfareChangedBy: ME_ID,
  source: 'rapid_intake',
  importId: null,
  recordedBy: ME_ID,
  recordedConsulateId: POST_ID,
  recordedAt: '2026-12-01T10:00:00Z',
  caseId: null,
  personId: null,
  version: 1,
  ...fields,
});

/** Counts of every welfare status, zero unless given. */
const counts = (given: Partial<Record<WelfareStatus, number>>) =>
  Object.fromEntries(
    WELFARE_STATUSES.map((s) => [s, given[s] ?? 0]),
  ) as Dashboard['byWelfareStatus'];

export const enquiry = (fields: Partial<Enquiry> = {}): Enquiry => ({
  id: 'enq-1',
  eventId: EVENT_ID,
  relativeName: 'Marta Hernández',
  relativeContact: '+52 55 1234 5678',
  relationship: 'Hermana',
  soughtGivenNames: 'Jose',
  soughtFamilyNames: 'Hernandes',
  soughtDetails: null,
  status: 'open',
  matchedEntryId: null,
  matchedBy: null,
  matchedAt: null,
  answer: null,
  answeredBy: null,
  answeredAt: null,
  closedBy: null,
  closedAt: null,
  recordedBy: ME_ID,
  recordedConsulateId: POST_ID,
  recordedAt: '2026-12-02T09:00:00Z',
  version: 1,
  ...fields,
});

export const DASHBOARD: Dashboard = {
  eventId: EVENT_ID,
  total: 12,
  byWelfareStatus: counts({ unaccounted: 5, safe: 4, injured: 2, missing: 1 }),
  bySubdivision: [
    { subdivision: 'US-FL', total: 10, counts: counts({ unaccounted: 4, safe: 4, injured: 2 }) },
    { subdivision: null, total: 2, counts: counts({ unaccounted: 1, missing: 1 }) },
  ],
  overTime: [
    { date: '2026-11-30', total: 7, counts: counts({ unaccounted: 7 }) },
    {
      date: '2026-12-01',
      total: 12,
      counts: counts({ unaccounted: 5, safe: 4, injured: 2, missing: 1 }),
    },
  ],
};

const SUBDIVISIONS = {
  items: [
    { code: 'US-FL', name: 'Florida', countryCode: 'US' },
    { code: 'US-TX', name: 'Texas', countryCode: 'US' },
  ],
  nextCursor: null,
};

/** The fake API of the crisis screens: one event, its dashboard, and `routes` on top. */
export function crisisApi(routes: Parameters<typeof fakeApi>[0] = {}, me: object = CRISIS_CONSUL) {
  return fakeApi(
    {
      [`GET ${BASE}`]: () => json(crisisEvent()),
      [`GET ${BASE}/dashboard`]: () => json(DASHBOARD),
      'GET /api/v1/countries/US/subdivisions': () => json(SUBDIVISIONS),
      'GET /api/v1/crisis-events': () => json({ items: [crisisEvent()], nextCursor: null }),
      ...routes,
    },
    me,
  );
}
