import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import { fileNameOf } from '../statistics/download-export';
import type {
  CreateEventBody,
  CrisisEvent,
  EnquiryBody,
  EventStatus,
  IntakeBody,
  MovementBody,
  Page,
  RosterEntry,
  RosterFilter,
  UpdateEventBody,
  WelfareStatus,
} from './crisis-types';

type Path<T extends Record<string, string>> = { params: { path: T } };
const event = (id: string): Path<{ id: string }> => ({ params: { path: { id } } });
const idempotent = (id: string, key: string) => ({
  params: { path: { id }, header: { 'Idempotency-Key': key } },
});

/** Each call of the crisis screens; the screens never build a URL or a body themselves. */
export const crisisApi = {
  events: (status?: EventStatus) =>
    unwrap(api.GET('/api/v1/crisis-events', { params: { query: { status, limit: 100 } } })),
  event: (id: string) => unwrap(api.GET('/api/v1/crisis-events/{id}', event(id))),
  declare: (body: CreateEventBody, key: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events', { body, params: { header: { 'Idempotency-Key': key } } }),
    ),
  /** Sends only the fields that changed, against the version read (412 when someone saved first). */
  update: (current: Pick<CrisisEvent, 'id' | 'version'>, body: UpdateEventBody) =>
    unwrap(
      api.PATCH('/api/v1/crisis-events/{id}', {
        params: { path: { id: current.id }, header: { 'If-Match': `"v${current.version}"` } },
        body,
      }),
    ),
  changeStatus: (id: string, status: 'winding_down') =>
    unwrap(api.POST('/api/v1/crisis-events/{id}/status', { ...event(id), body: { status } })),
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
    unwrap(api.POST('/api/v1/crisis-events/{id}/roster', { ...idempotent(id, key), body })),
  setWelfare: (id: string, entryId: string, status: WelfareStatus, note?: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/roster/{entryId}/welfare', {
        params: { path: { id, entryId } },
        body: { status, note },
      }),
    ),
  dashboard: (id: string) =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/dashboard', {
        params: { path: { id }, query: { interval: 'day' } },
      }),
    ),
  enquiries: (id: string) =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/enquiries', {
        params: { path: { id }, query: { limit: 100 } },
      }),
    ),
  enquiry: (id: string, enquiryId: string) =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/enquiries/{enquiryId}', {
        params: { path: { id, enquiryId } },
      }),
    ),
  createEnquiry: (id: string, body: EnquiryBody, key: string) =>
    unwrap(api.POST('/api/v1/crisis-events/{id}/enquiries', { ...idempotent(id, key), body })),
  matchEnquiry: (id: string, enquiryId: string, entryId: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/enquiries/{enquiryId}/match', {
        params: { path: { id, enquiryId } },
        body: { entryId },
      }),
    ),
  answerEnquiry: (id: string, enquiryId: string, answer: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/enquiries/{enquiryId}/answer', {
        params: { path: { id, enquiryId } },
        body: { answer },
      }),
    ),
  closeEnquiry: (id: string, enquiryId: string) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/enquiries/{enquiryId}/close', {
        params: { path: { id, enquiryId } },
      }),
    ),
  movements: (id: string) =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/movements', {
        params: { path: { id }, query: { limit: 100 } },
      }),
    ),
  movement: (id: string, movementId: string) =>
    unwrap(
      api.GET('/api/v1/crisis-events/{id}/movements/{movementId}', {
        params: { path: { id, movementId } },
      }),
    ),
  createMovement: (id: string, body: MovementBody, key: string) =>
    unwrap(api.POST('/api/v1/crisis-events/{id}/movements', { ...idempotent(id, key), body })),
  addPassengers: (id: string, movementId: string, entryIds: string[]) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/movements/{movementId}/passengers', {
        params: { path: { id, movementId } },
        body: { entryIds },
      }),
    ),
  removePassenger: (id: string, movementId: string, entryId: string) =>
    unwrap(
      api.DELETE('/api/v1/crisis-events/{id}/movements/{movementId}/passengers/{entryId}', {
        params: { path: { id, movementId, entryId } },
      }),
    ),
  demobilise: (id: string, entryIds?: string[]) =>
    unwrap(
      api.POST('/api/v1/crisis-events/{id}/demobilise', {
        ...event(id),
        body: entryIds ? { entryIds } : {},
      }),
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
  const { data, error, response } = await api.GET(
    '/api/v1/crisis-events/{id}/movements/{movementId}/manifest',
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
    // The click has handed the Blob to the browser's download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
