/**
 * Reading one answer of `GET /coins/{id}/history` — untrusted text from a server — into the day's
 * prices. Pure: the same body always gives the same result, and no body makes it throw.
 *
 *   { "id": "bitcoin", "market_data": { "current_price": { "usd": 61234.12, "eur": 56123.4 } } }
 *
 * What is checked (README "What is validated"):
 * - the body is JSON (numbers kept as text, parse-json-exact.ts) and an object;
 * - `id` is the coin asked for: an answer about another coin is refused as a whole;
 * - without `market_data` (or with `null`), the coin has no data that day (CoinGecko answers so
 *   for a date before the listing) — a fact, as long as `id` names the coin;
 * - `market_data.current_price` is an object; each price is checked by checkPriceText (positive,
 *   bounded digits and magnitude, on the text, before any decimal is built). A price that fails
 *   is *refused*: that currency has no price this run, and the answer is not cacheable, so a later
 *   run asks again instead of remembering "no price".
 * Keys that are not currency codes (`__proto__`, `"US D"`) are ignored: taxlot only ever looks
 * up a fiat code in lower case.
 */
import type { CachedDay } from './price-cache.js';
import { checkPriceText, CURRENCY_KEY } from './check-price.js';
import { JsonNumber, member, parseJsonExact, type JsonValue } from './parse-json-exact.js';

export type HistoryAnswer =
  | {
      readonly ok: true;
      readonly day: CachedDay;
      /** Currency → why its price was refused; empty when every price passed (then the answer may be cached). */
      readonly refused: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly problem: string };

/**
 * Read a history answer for `coin`.
 * @example readHistoryAnswer('{"id":"ethereum","market_data":{"current_price":{"usd":-1,"eur":3551.5}}}', 'ethereum')
 *   → { ok: true, day: { prices: { eur: '3551.5' } }, refused: { usd: 'negative (-1)' } }
 */
export function readHistoryAnswer(body: string, coin: string): HistoryAnswer {
  const parsed = parseJsonExact(body);
  if (!parsed.ok) return { ok: false, problem: `is not valid JSON (${parsed.error})` };
  if (!isObject(parsed.value)) return { ok: false, problem: 'is not a JSON object' };
  const id = member(parsed.value, 'id');
  const marketData = member(parsed.value, 'market_data');
  if (id === undefined) {
    return { ok: false, problem: marketData === undefined ? 'has neither "market_data" nor "id"' : 'does not say which coin it is about (no "id")' };
  }
  if (id !== coin) return { ok: false, problem: `is about another coin (${describe(id)}), not "${coin}"` };
  if (marketData === undefined || marketData === null) return { ok: true, day: { prices: null }, refused: {} };
  const current = member(marketData, 'current_price');
  if (!isObject(current)) return { ok: false, problem: 'has no "market_data.current_price" object' };
  const prices: Record<string, string> = {};
  const refused: Record<string, string> = {};
  for (const [key, value] of Object.entries(current)) {
    const currency = key.toLowerCase();
    if (!CURRENCY_KEY.test(currency)) continue;
    if (currency in prices || currency in refused) {
      refused[currency] = 'given twice';
      delete prices[currency];
      continue;
    }
    if (!(value instanceof JsonNumber)) {
      refused[currency] = `not a number (${describe(value)})`;
      continue;
    }
    const check = checkPriceText(value.text);
    if (check.ok) prices[currency] = check.price;
    else refused[currency] = `${check.reason} (${shortText(value.text)})`;
  }
  return { ok: true, day: { prices }, refused };
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** A short, printable picture of a JSON value from the server, for a diagnostic. */
function describe(value: JsonValue): string {
  if (typeof value === 'string') return `"${shortText(value)}"`;
  if (value instanceof JsonNumber) return shortText(value.text);
  if (value === null || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** At most 24 characters, every character outside printable ASCII written as \u escape. */
function shortText(text: string): string {
  const cut = text.length > 24 ? `${text.slice(0, 24)}…(${text.length} characters)` : text;
  return cut.replace(/[^\x20-\x7e…]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
