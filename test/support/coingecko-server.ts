/**
 * A real HTTP server on 127.0.0.1 speaking the part of the CoinGecko API taxlot uses, for tests:
 * `GET /coins/{id}/history?date=DD-MM-YYYY&localization=false`. Nothing is mocked on the client
 * side: the provider talks to this server through Node's own `fetch`.
 *
 * Prices are written into the body verbatim (`"usd": 61234.123456789012345678`), so a test can
 * prove no float was involved. Every request is recorded (path, query, headers), and a test can
 * script special answers (429, 5xx, malformed JSON, no answer at all) per request number.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** coin id → 'DD-MM-YYYY' → currency → price text (a JSON number as written). */
export type PriceData = Record<string, Record<string, Record<string, string>>>;

export interface RecordedRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

/**
 * A scripted answer; `hang` leaves the request unanswered (the client must time out). `delayMs`
 * answers after a pause (to hold requests in flight and count how many are at once); `repeat`
 * sends the body that many times, chunked, without a Content-Length (a body too large to announce).
 */
export type Scripted = { status: number; body: string; headers?: Record<string, string>; delayMs?: number; repeat?: number } | { hang: true };

export interface PriceServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The most requests the server has held unanswered at the same time. */
  readonly maxInFlight: () => number;
  /** Answer every data request after this pause (ms). */
  delayAll(ms: number): void;
  /** Answer request number n (1-based) with this instead of the data. */
  script(n: number, answer: Scripted): void;
  /** Answer every request with this (overrides the data and the per-request script). */
  always(answer: Scripted | undefined): void;
  close(): Promise<void>;
}

export async function startPriceServer(data: PriceData): Promise<PriceServer> {
  const requests: RecordedRequest[] = [];
  const scripted = new Map<number, Scripted>();
  let fixed: Scripted | undefined;
  let delay = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    const answer = fixed ?? scripted.get(requests.length) ?? fromData(data, url);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => void inFlight--);
    if ('hang' in answer) return; // never answered; closed when the server closes
    const send = (): void => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      for (let i = 1; i < (answer.repeat ?? 1) && !res.destroyed; i++) res.write(answer.body);
      res.end(answer.body);
    };
    const wait = answer.delayMs ?? delay;
    if (wait > 0) setTimeout(send, wait);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v3`,
    requests,
    maxInFlight: () => maxInFlight,
    delayAll: (ms) => {
      delay = ms;
    },
    script: (n, answer) => void scripted.set(n, answer),
    always: (answer) => {
      fixed = answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function fromData(data: PriceData, url: URL): Scripted {
  const m = /^\/api\/v3\/coins\/([^/]+)\/history$/.exec(url.pathname);
  const coin = m ? decodeURIComponent(m[1] as string) : undefined;
  if (!coin || !data[coin]) return { status: 404, body: '{"error":"coin not found"}' };
  const day = data[coin][url.searchParams.get('date') ?? ''];
  // CoinGecko answers a date before the coin's listing with the coin but no market data.
  if (!day) return { status: 200, body: `{"id":"${coin}","symbol":"x","name":"X"}` };
  const prices = Object.entries(day).map(([currency, price]) => `"${currency}": ${price}`).join(', ');
  return {
    status: 200,
    body: `{"id":"${coin}","symbol":"x","name":"X","market_data":{"current_price":{${prices}},"market_cap":{"usd":1.5e12}}}`,
  };
}
