import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  GENESIS_HASH,
  SEALABLE_EVENT_COLUMNS,
  SealableEvent,
  eventDigest,
  gapDigest,
} from './audit-digest';

const BATCH = 5000;

export interface SealHead {
  headSeq: string;
  headHash: string;
  /** Events (not gaps) sealed up to the head. */
  events: number;
  /** Seals added by this run. */
  added: number;
}

interface Seal {
  seq: string;
  kind: 'event' | 'gap';
  hash: string;
}

/**
 * Extends the audit chain: takes unsealed events in number order, hashes each onto the previous
 * seal, and records numbers whose transaction rolled back as gaps. Numbers are handed out before
 * commit, so a hole may still be filled by a transaction in flight: a hole is sealed as a gap only
 * once every transaction that was running when its number was handed out has ended. Two sealers
 * never interleave: the loser of the lock returns at once.
 */
@Injectable()
export class AuditSealer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seals what can be sealed now; null when another sealer holds the lock. */
  async seal(): Promise<SealHead | null> {
    return this.dataSource.transaction((m) => this.sealIn(m));
  }

  private async sealIn(m: EntityManager): Promise<SealHead | null> {
    const [{ locked }] = await m.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtext('amparo.audit_seal')) AS locked`,
    );
    if (!locked) return null;
    const [head] = await m.query<{ seq: string; hash: string }[]>(
      // ORDER BY names the table: a bare "seq" would sort by the text output column ("9" > "10").
      'SELECT s.seq::text AS seq, s.hash FROM audit_seals s ORDER BY s.seq DESC LIMIT 1',
    );
    let seq = BigInt(head?.seq ?? '0');
    let hash = head?.hash ?? GENESIS_HASH;
    // The order of these statements is the proof. Every number is taken after its transaction
    // has an id (the numbering trigger asks for one first), and ids are handed out in increasing
    // order: so once the number handed out last is read, an id this transaction takes next is
    // greater than the id of every transaction holding a number up to it. When no transaction
    // older than that id is still running (the snapshot's xmin), each such number is committed,
    // and visible to the events read after (a fresh snapshot), or rolled back for good. The
    // snapshot's list of running ids alone would not do: it omits those at or above its xmax, and
    // the newest writer on the server is one of them.
    const [{ handedOut }] = await m.query<{ handedOut: string }[]>(
      `SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS "handedOut" FROM audit_events_seq`,
    );
    const [{ own }] = await m.query<{ own: string }[]>('SELECT pg_current_xact_id()::text AS own');
    const [{ settled }] = await m.query<{ settled: boolean }[]>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS settled',
      [own],
    );
    const events = await m.query<SealableEvent[]>(
      `SELECT ${SEALABLE_EVENT_COLUMNS} FROM audit_events e WHERE e.seq > $1 ORDER BY e.seq LIMIT ${BATCH}`,
      [seq.toString()],
    );
    // A hole below the numbers handed out, once their transactions ended, can never be filled.
    const resolvedUpTo = settled ? BigInt(handedOut) : 0n;
    const seals: Seal[] = [];
    const gap = () => {
      seq += 1n;
      hash = gapDigest(hash, seq.toString());
      seals.push({ seq: seq.toString(), kind: 'gap', hash });
    };
    let blocked = false;
    for (const event of events) {
      while (seq + 1n < BigInt(event.seq) && seq + 1n <= resolvedUpTo) gap();
      if (seq + 1n !== BigInt(event.seq)) {
        blocked = true;
        break;
      }
      seq += 1n;
      hash = eventDigest(hash, event);
      seals.push({ seq: event.seq, kind: 'event', hash });
    }
    if (!blocked && events.length < BATCH) while (seq < resolvedUpTo) gap();

    if (seals.length) {
      await m.query(
        `INSERT INTO audit_seals (seq, kind, hash)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
        [seals.map((s) => s.seq), seals.map((s) => s.kind), seals.map((s) => s.hash)],
      );
    }
    const [{ gaps }] = await m.query<{ gaps: number }[]>(
      `SELECT count(*)::int AS gaps FROM audit_seals WHERE kind = 'gap'`,
    );
    return {
      headSeq: seq.toString(),
      headHash: hash,
      events: Number(seq) - gaps,
      added: seals.length,
    };
  }
}
