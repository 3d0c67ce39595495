/**
 * An event as one line of text and back, exactly: every field kept, every decimal as decimal.js's
 * own state — sign, exponent and base-1e7 digit words (`s`, `e`, `d`, documented in its API) —
 * so that reading it back builds the same value without parsing digits (decimal.js's `new` copies
 * a decimal-like object, the digit array at its exact length). For the runs the sort spills
 * (`sorted-runs.ts`); a line holds no line break (JSON escapes them).
 *
 * A decimal is written as `{"~d":[s,e,...d]}` (a key no event has). To write it without calling a
 * replacer for every key of every event, `toJSON` of the decimals is switched for the duration of
 * one synchronous `JSON.stringify` and switched back, whatever happens.
 */
import { Dec } from '../model/decimal.js';
import type { LedgerEvent } from '../model/ledger-event.js';

const KEY = '~d';
type DecState = { s: number; e: number; d: number[] | null };
const prototype = Object.getPrototypeOf(new Dec(0)) as { toJSON?: () => unknown };

function stateOf(this: DecState & Dec): unknown {
  // NaN and infinities (no digits) as text; no amount is ever one, but nothing is lost either way
  return { [KEY]: this.d ? [this.s, this.e, ...this.d] : this.valueOf() };
}

export function encodeValue(value: unknown): string {
  const own = Object.prototype.hasOwnProperty.call(prototype, 'toJSON');
  const previous = prototype.toJSON;
  prototype.toJSON = stateOf;
  try {
    return JSON.stringify(value);
  } finally {
    if (own) prototype.toJSON = previous;
    else delete prototype.toJSON;
  }
}

/** decimal.js recognises a decimal-like object by this tag and copies its state. */
const TAG = '[object Decimal]';

function decimalOf(state: unknown): Dec {
  if (typeof state === 'string') return new Dec(state);
  const words = state as number[];
  return new Dec({ s: words[0], e: words[1], d: words.slice(2), toStringTag: TAG } as unknown as Dec);
}

/**
 * Names shared by many events (assets, wallets, files, formats, kinds), read back as one string
 * each: lots and records keep them for the rest of the run.
 */
const SHARED_KEYS = new Set(['asset', 'currency', 'wallet', 'toWallet', 'file', 'format', 'kind']);
const shared = new Map<string, string>();
const MAX_SHARED = 10_000;

function share(text: string): string {
  const known = shared.get(text);
  if (known !== undefined) return known;
  if (shared.size < MAX_SHARED) shared.set(text, text);
  return text;
}

function revive(node: Record<string, unknown> | unknown[]): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (typeof v === 'object' && v !== null) {
        const state = (v as Record<string, unknown>)[KEY];
        if (state !== undefined) node[i] = decimalOf(state);
        else revive(v as Record<string, unknown>);
      }
    }
    return;
  }
  for (const k in node) {
    const v = node[k];
    if (typeof v === 'string') {
      if (SHARED_KEYS.has(k)) node[k] = share(v);
    } else if (typeof v === 'object' && v !== null) {
      const state = (v as Record<string, unknown>)[KEY];
      if (state !== undefined) node[k] = decimalOf(state);
      else revive(v as Record<string, unknown>);
    }
  }
}

export function decodeValue<T>(line: string): T {
  const value = JSON.parse(line) as unknown;
  if (typeof value === 'object' && value !== null) {
    const state = (value as Record<string, unknown>)[KEY];
    if (state !== undefined) return decimalOf(state) as T;
    revive(value as Record<string, unknown>);
  }
  return value as T;
}

export const encodeEvent = (e: LedgerEvent): string => encodeValue(e);
export const decodeEvent = (line: string): LedgerEvent => decodeValue<LedgerEvent>(line);
