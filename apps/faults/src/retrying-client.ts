import { setTimeout as sleep } from 'node:timers/promises';
import type { Journal, JournalEntry } from './journal';

export interface RetryPolicy {
  /** The first wait after a failure; each further one doubles, up to `maxBackoffMs`. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** How long the client keeps trying one request before it gives up on it. */
  readonly giveUpAfterMs: number;
  /** How long one attempt may take before the client drops the connection and tries again. */
  readonly attemptTimeoutMs: number;
}

export const CLIENT_RETRY_POLICY: RetryPolicy = { initialBackoffMs: 500, maxBackoffMs: 10_000, giveUpAfterMs: 5 * 60_000, attemptTimeoutMs: 60_000 };

/** Statuses a client retries: the gateway could not reach an instance, or the API said a dependency is down. */
const RETRIED = new Set([502, 503, 504]);

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/**
 * Sends a request as a careful client does: with one Idempotency-Key for all its attempts, retrying on
 * a dropped connection or a 502/503/504 after Retry-After (or its own backoff), and giving up only
 * after `giveUpAfterMs`. Every attempt goes into the journal.
 */
export class RetryingClient {
  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string,
    private readonly journal: Journal,
    private readonly policy: RetryPolicy = CLIENT_RETRY_POLICY,
  ) {}

  async send<T>(entry: JournalEntry, body: unknown): Promise<Answer<T> | undefined> {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      const at = new Date().toISOString();
      let retryAfterMs: number | undefined;
      try {
        const response = await fetch(`${this.baseUrl}${entry.path}`, {
          method: entry.method,
          headers: { authorization: this.authorization, 'content-type': 'application/json', 'idempotency-key': entry.idempotencyKey },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.policy.attemptTimeoutMs),
        });
        const text = await response.text();
        const retryAfter = response.headers.get('retry-after') ?? undefined;
        entry.attempts.push({ at, status: response.status, ...(retryAfter ? { retryAfter } : {}), ...(response.ok ? {} : { detail: text.slice(0, 300) }) });
        entry.finalStatus = response.status;
        if (response.ok) {
          entry.outcome = 'ok';
          return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
        }
        if (!RETRIED.has(response.status)) {
          entry.outcome = 'refused';
          return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T };
        }
        retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
      } catch (error) {
        entry.attempts.push({ at, status: 'network', detail: describe(error) });
        entry.finalStatus = 'network';
      }
      const backoff = Math.min(this.policy.initialBackoffMs * 2 ** attempt, this.policy.maxBackoffMs) * (0.5 + Math.random() / 2);
      const wait = retryAfterMs ?? backoff;
      if (Date.now() + wait - started > this.policy.giveUpAfterMs) {
        entry.outcome = 'gave-up';
        return undefined;
      }
      await sleep(wait);
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
