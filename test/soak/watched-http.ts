/** One request as the soak saw it. */
export interface Sample {
  label: string;
  status: number;
  ms: number;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  ms: number;
}

/** A request that outlived the watchdog: what it was, so the report can say which shape hung. */
export class StuckRequest extends Error {
  constructor(
    readonly label: string,
    readonly limitMs: number,
    readonly detail: unknown,
  ) {
    super(`${label} took more than ${limitMs} ms: ${JSON.stringify(detail)}`);
  }
}

/**
 * HTTP to the API with a watchdog: a request that takes longer than `limitMs` is abandoned and
 * throws StuckRequest naming it, so a hang fails the soak at once instead of timing out a test.
 * Every answered request is kept as a sample for the figures.
 */
export class WatchedHttp {
  readonly samples: Sample[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly limitMs = 5000,
  ) {}

  async request(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
      label?: string;
    } = {},
  ): Promise<Answer> {
    const label = options.label ?? `${method} ${path.replace(/\?.*$/, '')}`;
    const started = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal: AbortSignal.timeout(this.limitMs),
      });
      text = await res.text();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError')
        throw new StuckRequest(label, this.limitMs, { method, path, body: options.body });
      throw error;
    }
    const ms = performance.now() - started;
    this.samples.push({ label, status: res.status, ms });
    return { status: res.status, body: text ? JSON.parse(text) : undefined, ms };
  }

  /** Requests, p50/p99 and the slowest request, over every sample so far. */
  figures(): { requests: number; p50: number; p99: number; slowest: Sample | undefined } {
    const sorted = [...this.samples].sort((a, b) => a.ms - b.ms);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.ms ?? 0;
    return { requests: sorted.length, p50: at(0.5), p99: at(0.99), slowest: sorted.at(-1) };
  }
}
