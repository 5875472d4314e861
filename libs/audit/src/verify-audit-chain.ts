import { DataSource } from 'typeorm';

export interface AuditChainReport {
  events: number;
  /** Events whose stored hash no longer matches their content. */
  altered: string[];
  /** Events whose predecessor is not the event before them: something was removed or inserted. */
  broken: string[];
}

/** Recomputes the hash chain of the audit log in the database. */
export async function verifyAuditChain(dataSource: DataSource): Promise<AuditChainReport> {
  const rows = await dataSource.query<{ seq: string; intact: boolean; linked: boolean }[]>(`
    SELECT seq::text,
           hash = audit_event_digest(e) AS intact,
           prev_hash = COALESCE(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS linked
      FROM audit_events e
     ORDER BY e.seq`);
  return {
    events: rows.length,
    altered: rows.filter((r) => !r.intact).map((r) => r.seq),
    broken: rows.filter((r) => !r.linked).map((r) => r.seq),
  };
}
