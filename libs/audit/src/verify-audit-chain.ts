import { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { checkpointSignatureValid } from './seal/audit-checkpoint';
import {
  GENESIS_HASH,
  SEALABLE_EVENT_COLUMNS,
  SealableEvent,
  eventDigest,
  gapDigest,
} from './seal/audit-digest';
import { StoredCheckpoint } from './seal/checkpoint-store';

const BATCH = 5000;

export interface AuditFinding {
  /** The event number or checkpoint file concerned. */
  at: string;
  problem: string;
}

export interface AuditChainReport {
  events: number;
  sealed: number;
  /** Events after the last seal: the sealer has not reached them yet. */
  unsealed: number;
  checkpoints: number;
  /** Every problem, in the order of the chain, then the checkpoints'. Empty: intact. */
  findings: AuditFinding[];
}

export interface CheckpointEvidence {
  checkpoints: StoredCheckpoint[];
  publicKey: KeyObject;
}

type Row = SealableEvent & {
  sealSeq: string | null;
  kind: 'event' | 'gap' | null;
  sealHash: string | null;
};

/**
 * Verifies the audit log without trusting the database: every hash is recomputed here, the
 * numbers must follow without a hole (a rolled-back number is sealed as a gap), and the signed
 * checkpoints kept outside the database must match the chain (a deleted tail or a history rewritten
 * with recomputed hashes cannot match a head signed before).
 */
export async function verifyAuditChain(
  dataSource: DataSource,
  evidence?: CheckpointEvidence,
): Promise<AuditChainReport> {
  const findings: AuditFinding[] = [];
  const wanted = new Set(
    (evidence?.checkpoints ?? []).flatMap((c) =>
      c.checkpoint ? [String(c.checkpoint.headSeq)] : [],
    ),
  );
  const chainAt = new Map<string, { hash: string; events: number }>();
  let expected = 1n;
  let prev = GENESIS_HASH;
  let events = 0;
  let sealed = 0;
  let unsealed = 0;
  let after = '0';
  for (;;) {
    // Events and seals side by side, by number (a full join: either may be missing).
    const rows = await dataSource.query<Row[]>(
      `SELECT ${SEALABLE_EVENT_COLUMNS}, s.seq::text AS "sealSeq", s.kind, s.hash AS "sealHash"
         FROM audit_events e FULL JOIN audit_seals s ON s.seq = e.seq
        WHERE COALESCE(e.seq, s.seq) > $1
        ORDER BY COALESCE(e.seq, s.seq)
        LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      const seq = row.seq ?? row.sealSeq!;
      if (row.seq !== null) events++;
      if (row.sealSeq === null) {
        unsealed++;
        continue;
      }
      // Events before a seal are not "not sealed yet": their seals are gone (reported as a hole).
      unsealed = 0;
      if (BigInt(seq) !== expected) {
        findings.push({ at: expected.toString(), problem: 'seal missing: the chain has a hole' });
      }
      expected = BigInt(seq) + 1n;
      let computed: string;
      if (row.kind === 'gap') {
        computed = gapDigest(prev, seq);
        if (row.seq !== null)
          findings.push({
            at: seq,
            problem: 'event present where a rolled-back number was sealed',
          });
      } else if (row.seq === null) {
        computed = row.sealHash!;
        findings.push({ at: seq, problem: 'event missing: deleted after it was sealed' });
      } else {
        computed = eventDigest(prev, row);
        sealed++;
        if (computed !== row.sealHash) findings.push({ at: seq, problem: 'content altered' });
      }
      // Continue from the stored hash so one alteration is reported once, not at every later seal.
      prev = row.sealHash!;
      if (wanted.has(seq)) chainAt.set(seq, { hash: computed, events: sealed });
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1];
    after = last.seq ?? last.sealSeq!;
  }
  const head = expected - 1n;
  let verified = 0;
  if (evidence && evidence.checkpoints.length === 0 && head > 0n) {
    findings.push({ at: 'checkpoints', problem: 'none found, though the log is sealed' });
  }
  for (const { file, checkpoint } of evidence?.checkpoints ?? []) {
    if (!checkpoint || !checkpointSignatureValid(checkpoint, evidence!.publicKey)) {
      findings.push({ at: file, problem: 'checkpoint signature invalid (forged or damaged)' });
      continue;
    }
    verified++;
    const seq = String(checkpoint.headSeq);
    if (BigInt(seq) > head) {
      findings.push({
        at: file,
        problem: `signed head ${seq} is beyond the last seal ${head}: the newest events were removed`,
      });
      continue;
    }
    const atHead = chainAt.get(seq);
    if (!atHead || atHead.hash !== checkpoint.headHash) {
      findings.push({
        at: file,
        problem: `head hash at ${seq} differs from the signed one: the history was rewritten`,
      });
    } else if (atHead.events !== checkpoint.events) {
      findings.push({
        at: file,
        problem: `${checkpoint.events} events signed up to ${seq}, ${atHead.events} in the database`,
      });
    }
  }
  return { events, sealed, unsealed, checkpoints: verified, findings };
}
