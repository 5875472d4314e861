import { createHash } from 'node:crypto';

/** The hash before the first seal. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as the chain covers it: every column, as text the database prints the same way. */
export interface SealableEvent {
  seq: string;
  id: string;
  /** UTC with microseconds (a JS Date would drop them). */
  occurredAt: string;
  actorUserId: string | null;
  actorRoles: string[];
  consulateId: string | null;
  countryCode: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  /** jsonb's own text form (keys ordered), so numbers and key order never drift in JavaScript. */
  details: string;
}

/** The columns of `audit_events` as `SealableEvent` reads them. */
export const SEALABLE_EVENT_COLUMNS = `
  e.seq::text AS "seq", e.id, to_char(e.occurred_at AT TIME ZONE 'UTC',
  'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt", e.actor_user_id AS "actorUserId",
  e.actor_roles AS "actorRoles", e.consulate_id AS "consulateId", e.country_code AS "countryCode",
  e.action, e.resource_type AS "resourceType", e.resource_id AS "resourceId", e.outcome,
  e.request_id AS "requestId", host(e.ip) AS "ip", e.details::text AS "details"`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of the previous hash and the event's canonical serialisation (a JSON array). */
export function eventDigest(prevHash: string, e: SealableEvent): string {
  return sha256(
    `${prevHash}\n${JSON.stringify([
      'event',
      e.seq,
      e.id,
      e.occurredAt,
      e.actorUserId,
      e.actorRoles,
      e.consulateId,
      e.countryCode,
      e.action,
      e.resourceType,
      e.resourceId,
      e.outcome,
      e.requestId,
      e.ip,
      e.details,
    ])}`,
  );
}

/** A number handed out whose transaction rolled back: sealed as such, so a later hole is tampering. */
export function gapDigest(prevHash: string, seq: string): string {
  return sha256(`${prevHash}\n${JSON.stringify(['gap', seq])}`);
}
