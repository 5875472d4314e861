import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import { fileNameOf } from '../statistics/download-export';
import type {
  CreateEventBody,
  Dashboard,
  DemobiliseResult,
  Enquiry,
  EnquiryBody,
  EventStatus,
  IntakeBody,
  Movement,
  MovementBody,
  Page,
  RosterEntry,
  RosterFilter,
  WelfareStatus,
} from './crisis-types';

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface Init {
  params?: { path?: Record<string, string>; query?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
  parseAs?: 'blob';
}
/**
 * The one API client (same middleware: token, language, refresh) for the crisis paths not yet in
 * docs/openapi.json: typed by hand from the contract until they land.
 */
const client = api as unknown as {
  GET(path: string, init?: Init): Answer;
  POST(path: string, init?: Init): Answer;
  DELETE(path: string, init?: Init): Answer;
};

const BASE = '/api/v1/crisis-events';
const at = (id: string) => ({ params: { path: { id } } });
const call = <T>(answer: Answer) => unwrap(answer) as Promise<T>;

/** Each call of the crisis screens. */
export const crisisApi = {
  events: (status?: EventStatus) =>
    unwrap(api.GET('/api/v1/crisis-events', { params: { query: { status, limit: 100 } } })),
  event: (id: string) =>
    unwrap(api.GET('/api/v1/crisis-events/{id}', { params: { path: { id } } })),
  declare: (body: CreateEventBody, key: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events', { body, params: { header: { 'Idempotency-Key': key } } }),
    ),
  changeStatus: (id: string, status: 'winding_down') =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/status', { params: { path: { id } }, body: { status } }),
    ),
  roster: (id: string, filter: RosterFilter): Promise<Page<RosterEntry>> =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/roster', {
        params: { path: { id }, query: { ...filter, limit: 50 } },
      }),
    ),
  entry: (id: string, entryId: string): Promise<RosterEntry> =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/roster/{entryId}', {
        params: { path: { id, entryId } },
      }),
    ),
  intake: (id: string, body: IntakeBody, key: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/roster', {
        params: { path: { id }, header: { 'Idempotency-Key': key } },
        body,
      }),
    ),
  setWelfare: (id: string, entryId: string, status: WelfareStatus, note?: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/roster/{entryId}/welfare', {
        params: { path: { id, entryId } },
        body: { status, note },
      }),
    ),
  dashboard: (id: string) =>
    call<Dashboard>(
      client.GET(`${BASE}/{id}/dashboard`, {
        params: { path: { id }, query: { interval: 'day' } },
      }),
    ),
  enquiries: (id: string) => call<Page<Enquiry>>(client.GET(`${BASE}/{id}/enquiries`, at(id))),
  enquiry: (id: string, enquiryId: string) =>
    call<Enquiry>(
      client.GET(`${BASE}/{id}/enquiries/{enquiryId}`, { params: { path: { id, enquiryId } } }),
    ),
  createEnquiry: (id: string, body: EnquiryBody, key: string) =>
    call<Enquiry>(
      client.POST(`${BASE}/{id}/enquiries`, {
        ...at(id),
        body,
        headers: { 'Idempotency-Key': key },
      }),
    ),
  enquiryStep: (
    id: string,
    enquiryId: string,
    step: 'match' | 'answer' | 'close',
    body?: { entryId: string } | { answer: string },
  ) =>
    call<Enquiry>(
      client.POST(`${BASE}/{id}/enquiries/{enquiryId}/${step}`, {
        params: { path: { id, enquiryId } },
        body,
      }),
    ),
  movements: (id: string) => call<Page<Movement>>(client.GET(`${BASE}/{id}/movements`, at(id))),
  movement: (id: string, movementId: string) =>
    call<Movement>(
      client.GET(`${BASE}/{id}/movements/{movementId}`, {
        params: { path: { id, movementId } },
      }),
    ),
  createMovement: (id: string, body: MovementBody, key: string) =>
    call<Movement>(
      client.POST(`${BASE}/{id}/movements`, {
        ...at(id),
        body,
        headers: { 'Idempotency-Key': key },
      }),
    ),
  addPassengers: (id: string, movementId: string, entryIds: string[]) =>
    call<Movement>(
      client.POST(`${BASE}/{id}/movements/{movementId}/passengers`, {
        params: { path: { id, movementId } },
        body: { entryIds },
      }),
    ),
  removePassenger: (id: string, movementId: string, entryId: string) =>
    call<unknown>(
      client.DELETE(`${BASE}/{id}/movements/{movementId}/passengers/{entryId}`, {
        params: { path: { id, movementId, entryId } },
      }),
    ),
  demobilise: (id: string, entryIds?: string[]) =>
    call<DemobiliseResult>(
      client.POST(`${BASE}/{id}/demobilise`, { ...at(id), body: entryIds ? { entryIds } : {} }),
    ),
};

/**
 * Downloads a movement's manifest (CSV or PDF, headers in the chosen language). It needs the
 * bearer token, so it is fetched here and saved through a Blob URL under the API's file name.
 */
export async function downloadManifest(
  id: string,
  movementId: string,
  format: 'csv' | 'pdf',
  lang: 'es' | 'en',
): Promise<string> {
  const { data, error, response } = await client.GET(
    `${BASE}/{id}/movements/{movementId}/manifest`,
    { params: { path: { id, movementId }, query: { format, lang } }, parseAs: 'blob' },
  );
  if (!response.ok || !data)
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name =
    fileNameOf(response.headers.get('Content-Disposition')) ?? `manifest-${movementId}.${format}`;
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
