import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** What happened to one create: the key and token it carried, every answer, and its case. */
export interface CreateOutcome {
  readonly key: string;
  /** Unique word in the case's summary: finds the cases this one create made. */
  readonly token: string;
  /** The case id of a 2xx answer (the create is acknowledged). */
  id?: string;
  /** The API that gave the 2xx. */
  acknowledgedBy?: string;
  /** Status of every answer, 0 for a connection error or a timeout. */
  readonly statuses: number[];
  /** Set when the create ended without a 2xx: an answer not worth retrying, or the deadline. */
  failure?: string;
}

export interface LoadOptions {
  /** Where the API processes listen; tried in turn. */
  readonly bases: readonly string[];
  readonly token: string;
  /** The request body of a create carrying `token` in its summary. */
  readonly body: (token: string) => unknown;
  /** Creates in flight at once. */
  readonly concurrency: number;
  /** Overall deadline of one create, retries included. */
  readonly createDeadlineMs: number;
}

/** Retried: the API is unreachable or out of a backing service, or another attempt holds the key. */
const RETRIED = new Set([0, 503]);
const IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS';

/**
 * Clients registering cases as a deployment's users would: each create has its own
 * Idempotency-Key, goes round-robin over the API processes and is retried with the same key and
 * body on a connection error, a 503 or a 409 IDEMPOTENCY_IN_PROGRESS (honouring Retry-After), on
 * the next API, until a 2xx or its deadline.
 */
export class LoadClient {
  readonly outcomes: CreateOutcome[] = [];
  private readonly events = new EventEmitter();
  private next = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private acknowledged = 0;

  constructor(
    private readonly tag: string,
    private readonly options: LoadOptions,
  ) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  /** Stops sending new creates and waits for those in flight to end (within their deadline). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Resolves once `count` more creates are acknowledged than now (by `base` when given). */
  async acknowledgedMore(count: number, timeoutMs: number, base?: string): Promise<void> {
    const acknowledged = () =>
      base ? this.outcomes.filter((o) => o.acknowledgedBy === base).length : this.acknowledged;
    const target = acknowledged() + count;
    const timeout = AbortSignal.timeout(timeoutMs);
    while (acknowledged() < target) {
      try {
        await once(this.events, 'ack', { signal: timeout });
      } catch {
        throw new Error(
          `${this.tag}: ${acknowledged()} of ${target} creates acknowledged${base ? ` by ${base}` : ''} within ${timeoutMs} ms; last answers: ${this.lastStatuses()}`,
        );
      }
    }
  }

  /** Resolves once a client gets an answer with `status` (0: no answer). */
  async answered(status: number, timeoutMs: number): Promise<void> {
    const timeout = AbortSignal.timeout(timeoutMs);
    for (;;) {
      try {
        const [seen] = (await once(this.events, 'answer', { signal: timeout })) as [number];
        if (seen === status) return;
      } catch {
        throw new Error(`${this.tag}: no ${status} answer within ${timeoutMs} ms`);
      }
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const outcome: CreateOutcome = {
        key: randomUUID(),
        token: `${this.tag}-${this.outcomes.length}-${randomUUID().slice(0, 8)}`,
        statuses: [],
      };
      this.outcomes.push(outcome);
      await this.create(outcome);
      if (outcome.id) {
        this.acknowledged++;
        this.events.emit('ack');
      }
    }
  }

  private async create(outcome: CreateOutcome): Promise<void> {
    const deadline = Date.now() + this.options.createDeadlineMs;
    const body = JSON.stringify(this.options.body(outcome.token));
    for (;;) {
      const base = this.options.bases[this.next++ % this.options.bases.length];
      const answer = await this.attempt(base, outcome.key, body, deadline);
      outcome.statuses.push(answer.status);
      this.events.emit('answer', answer.status);
      if (answer.status >= 200 && answer.status < 300) {
        outcome.id = answer.id;
        outcome.acknowledgedBy = base;
        return;
      }
      if (!RETRIED.has(answer.status) && answer.code !== IN_PROGRESS) {
        outcome.failure = `${answer.status} ${answer.code ?? ''}`.trim();
        return;
      }
      // Retry-After is honoured; a connection error is retried soon on the next API.
      const wait = answer.retryAfterSeconds !== undefined ? answer.retryAfterSeconds * 1000 : 200;
      if (Date.now() + wait >= deadline) {
        outcome.failure = `deadline after ${outcome.statuses.length} attempts`;
        return;
      }
      await sleep(wait);
    }
  }

  private async attempt(
    base: string,
    key: string,
    body: string,
    deadline: number,
  ): Promise<{ status: number; id?: string; code?: string; retryAfterSeconds?: number }> {
    try {
      const res = await fetch(`${base}/api/v1/cases`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.token}`,
          'idempotency-key': key,
          'content-type': 'application/json',
        },
        body,
        signal: AbortSignal.timeout(Math.max(1000, Math.min(20_000, deadline - Date.now()))),
      });
      const json = (await res.json().catch(() => ({}))) as { id?: string; code?: string };
      const retryAfter = Number(res.headers.get('retry-after'));
      return {
        status: res.status,
        id: json.id,
        code: json.code,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      };
    } catch {
      return { status: 0 };
    }
  }

  private lastStatuses(): string {
    return this.outcomes
      .slice(-5)
      .map((o) => o.statuses.join('/'))
      .join(', ');
  }
}
