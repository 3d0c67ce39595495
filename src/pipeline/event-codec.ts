/**
 * An event as one line of text and back, exactly: every field kept, every decimal as its exact
 * digits (decimal.js `valueOf`, which keeps a negative zero), read back at its exact length
 * (`storedDec`). For the runs the sort spills (`sorted-runs.ts`); the line holds no line break.
 *
 * A decimal is written as a string starting with U+0001; a text field starting with U+0001 (a
 * cell can hold any character) gets a second one, taken off when read.
 */
import { Dec, storedDec } from '../model/decimal.js';
import type { LedgerEvent } from '../model/ledger-event.js';

const MARK = '\u0001';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Dec) return MARK + raw.valueOf();
  if (typeof value === 'string' && value.charCodeAt(0) === 1) return MARK + value;
  return value;
}

export function encodeValue(value: unknown): string {
  return JSON.stringify(value, replacer);
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

function revive(node: unknown): unknown {
  if (typeof node === 'string') {
    if (node.charCodeAt(0) !== 1) return node;
    return node.charCodeAt(1) === 1 ? node.slice(1) : storedDec(node.slice(1));
  }
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = revive(node[i]);
    return node;
  }
  const o = node as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') {
      if (v.charCodeAt(0) === 1) o[k] = revive(v);
      else if (SHARED_KEYS.has(k)) o[k] = share(v);
    } else if (typeof v === 'object') o[k] = revive(v);
  }
  return o;
}

export function decodeValue<T>(line: string): T {
  return revive(JSON.parse(line)) as T;
}

export const encodeEvent = (e: LedgerEvent): string => encodeValue(e);
export const decodeEvent = (line: string): LedgerEvent => decodeValue<LedgerEvent>(line);
