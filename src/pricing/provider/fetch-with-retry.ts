/**
 * One HTTP GET, made robust for a rate-limited public API, with Node's built-in `fetch`.
 *
 * - Each attempt has its own timeout (AbortController); a timeout or network error is retried.
 * - 429: wait what `Retry-After` asks (seconds or an HTTP date), capped; without the header, back off.
 * - 5xx: retried with exponential backoff (`backoffMs × 2^attempt`).
 * - Any other status is final (404 = the coin does not exist): the caller decides what it means.
 * - A redirect is never followed (`redirect: 'manual'`): the answer must come from the URL asked,
 *   and the API key header must never reach another origin. It is `refused`, naming the origin
 *   it pointed to, and not retried.
 * - The body is read as a stream and refused past `maxBodyBytes` (announced by Content-Length or
 *   not): a server cannot make taxlot hold an arbitrarily large answer.
 * - `signal` (the provider's overall deadline) ends everything at once: the attempt in flight and
 *   any wait between attempts; the outcome is then `stopped`.
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
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for a `Retry-After` given as an HTTP date; the CLI passes the real one (no clock in here). */
  readonly now: () => number;
  /** Largest body read (bytes); default MAX_BODY_BYTES. */
  readonly maxBodyBytes?: number;
}

/** A CoinGecko history answer is about 5–10 KB; 1 MiB is generous and still bounded. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type FetchOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly attempts: number }
  | { readonly kind: 'failed'; readonly reason: string; readonly attempts: number }
  /** Not retried: a redirect, or a body over the limit. */
  | { readonly kind: 'refused'; readonly reason: string; readonly attempts: number }
  /** The overall deadline (`signal`) ended the exchange. */
  | { readonly kind: 'stopped'; readonly attempts: number };

const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

class BodyTooLarge {}

/**
 * GET `url` with retries.
 * @example await fetchWithRetry('http://127.0.0.1:8080/ping', {}, policy) → { kind: 'response', status: 200, body: 'pong', attempts: 1 }
 */
export async function fetchWithRetry(
  url: string,
  headers: Readonly<Record<string, string>>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<FetchOutcome> {
  const sleep = policy.sleep ?? realSleep;
  const maxBody = policy.maxBodyBytes ?? MAX_BODY_BYTES;
  let lastReason = 'no attempt made';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (signal?.aborted) return { kind: 'stopped', attempts: attempt - 1 };
    const backoff = policy.backoffMs * 2 ** (attempt - 1);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    const both = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    let wait: number;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: both, redirect: 'manual' });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'refused', reason: `the server redirected (HTTP ${res.status}) to ${originOf(res.headers.get('location'), url)}; redirects are not followed`, attempts: attempt };
      }
      const body = await readBody(res, maxBody); // still under the timeout: a stalled body is a timeout too
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
      if (e instanceof BodyTooLarge) return { kind: 'refused', reason: `the answer is larger than ${maxBody} bytes`, attempts: attempt };
      if (signal?.aborted) return { kind: 'stopped', attempts: attempt };
      lastReason = controller.signal.aborted ? `no answer within ${policy.timeoutMs} ms` : `network error (${describeError(e)})`;
      wait = backoff;
    } finally {
      clearTimeout(timer);
    }
    if (attempt < policy.attempts) await sleep(wait, signal);
  }
  if (signal?.aborted) return { kind: 'stopped', attempts: policy.attempts };
  return { kind: 'failed', reason: `${lastReason} after ${policy.attempts} attempt${policy.attempts === 1 ? '' : 's'}`, attempts: policy.attempts };
}

/** The body as text, read chunk by chunk; throws BodyTooLarge past `max` bytes. */
async function readBody(res: Response, max: number): Promise<string> {
  const announced = Number(res.headers.get('content-length') ?? '0');
  if (announced > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Where a redirect points, as an origin only (no path, query or credentials), printable. */
function originOf(location: string | null, base: string): string {
  if (location === null) return 'no location';
  try {
    const target = new URL(location, base);
    return target.origin === new URL(base).origin ? `${target.origin} (same origin, another path)` : target.origin;
  } catch {
    return 'an unreadable location';
  }
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
