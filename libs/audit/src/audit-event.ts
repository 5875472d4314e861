export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One row of the append-only audit log, as readers see it. */
export interface AuditEvent {
  seq: string;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRoles: string[];
  consulateId: string | null;
  countryCode: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  /** The event's seal in the chain; null until the sealer reaches it (about a second). */
  hash: string | null;
}
