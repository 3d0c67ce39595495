/**
 * One HTTP GET, made robust for a rate-limited public API, with Node's built-in `fetch`.
 *
 * - Each attempt has its own timeout (AbortController); a timeout or network error is retried.
 * - 429: wait what `Retry-After` asks (seconds or an HTTP date), capped; without the header, back off.
 * - 5xx: retried with exponential backoff (`backoffMs × 2^attempt`).
 * - Any other status is final (404 = the coin does not exist): the caller decides what it means.
 *
 * The outcome is a value, never an exception. `sleep` and `now` are injectable so a test can see
 * which delays were asked for without waiting for them (the real HTTP exchange is not mocked).
 */

export interface RetryPolicy {
  /** Per-attempt timeout (ms). */
  readonly timeoutMs: number;
  /** Attempts in total, including the first. */
  readonly attempts: number;
  /** First backoff delay (ms); doubled after each failed attempt. */
  readonly backoffMs: number;
  /** Longest wait honoured for a `Retry-After` (ms); a longer request is capped to this. */
  readonly maxRetryAfterMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Clock for a `Retry-After` given as an HTTP date; the CLI passes the real one (no clock in here). */
  readonly now: () => number;
}

export type FetchOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly attempts: number }
  | { readonly kind: 'failed'; readonly reason: string; readonly attempts: number };

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET `url` with retries.
 * @example await fetchWithRetry('http://127.0.0.1:8080/ping', {}, policy) → { kind: 'response', status: 200, body: 'pong', attempts: 1 }
 */
export async function fetchWithRetry(url: string, headers: Readonly<Record<string, string>>, policy: RetryPolicy): Promise<FetchOutcome> {
  const sleep = policy.sleep ?? realSleep;
  let lastReason = 'no attempt made';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const backoff = policy.backoffMs * 2 ** (attempt - 1);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    let wait: number;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: controller.signal });
      const body = await res.text(); // still under the timeout: a stalled body is a timeout too
      if (res.status === 429) {
        lastReason = 'HTTP 429 (rate limited)';
        wait = retryAfterMs(res.headers.get('retry-after'), policy.now) ?? backoff;
        wait = Math.min(wait, policy.maxRetryAfterMs);
      } else if (res.status >= 500) {
        lastReason = `HTTP ${res.status}`;
        wait = backoff;
      } else {
        return { kind: 'response', status: res.status, body, attempts: attempt };
      }
    } catch (e) {
      lastReason = controller.signal.aborted ? `no answer within ${policy.timeoutMs} ms` : `network error (${describeError(e)})`;
      wait = backoff;
    } finally {
      clearTimeout(timer);
    }
    if (attempt < policy.attempts) await sleep(wait);
  }
  return { kind: 'failed', reason: `${lastReason} after ${policy.attempts} attempt${policy.attempts === 1 ? '' : 's'}`, attempts: policy.attempts };
}

/**
 * `Retry-After` in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable.
 * @example retryAfterMs('2', () => 0) === 2000
 */
export function retryAfterMs(header: string | null, now: () => number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

function describeError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message ?? String(e);
}
