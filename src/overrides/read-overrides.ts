/**
 * Reading the overrides file (`--overrides FILE`, batch key `overrides`), field by field. Pure:
 * the shell reads the bytes, this gets the text. Each invalid entry is an `OVERRIDES_INVALID`
 * error naming its place (`overrides.json:7`, `rows[2]`) and is left out; the valid ones apply.
 * Two entries about one row (or one liability, one transfer row, one allocation lot) are an error
 * for the second: which one the user meant cannot be guessed.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LiabilityOverride } from './liability-override.js';
import { normalizeAsset } from '../model/asset.js';
import { Fields, isObject } from './fields.js';
import { lineAt, linesOfEntries } from './json-places.js';
import { liabilityEntry, liabilityKey } from './liability-entries.js';
import { NO_OVERRIDES, type AllocationEntry, type Overrides, type RowOverride, type RowRef, type TransferOverride, type UnpairEntry } from './overrides.js';
import { refEntry, refKey, rowEntry } from './row-entries.js';

const TOP_KEYS = ['liabilities', 'rows', 'transfers', 'unpair', 'allocation'] as const;
const MAX_ENTRIES = 100_000;

export function readOverrides(file: string, text: string): { overrides: Overrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const places = linesOfEntries(text);
  const bad = (message: string, line = 1): void =>
    void diagnostics.push(diagnostic('OVERRIDES_INVALID', message, { file, line, format: 'overrides' }));
  const empty = { overrides: { ...NO_OVERRIDES, file }, diagnostics };
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    bad(`not valid JSON: ${message}`, at ? lineAt(body, Number(at[1])) : 1);
    return empty;
  }
  if (!isObject(data)) {
    bad('the file must hold an object such as {"rows": [...]}');
    return empty;
  }
  const unknown = Object.keys(data).filter((k) => !(TOP_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) bad(`unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; the keys read are ${TOP_KEYS.join(', ')}`);

  /** The entries of one top-level array, each with its place. */
  const entries = (key: (typeof TOP_KEYS)[number]): { raw: unknown; where: string; at: number }[] => {
    const list = data[key];
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      bad(`"${key}" must be an array`);
      return [];
    }
    if (list.length > MAX_ENTRIES) {
      bad(`"${key}" has ${list.length} entries; at most ${MAX_ENTRIES} are read`);
      return [];
    }
    return list.map((raw: unknown, i) => ({ raw, where: `${key}[${i}]`, at: places.get(`${key}[${i}]`) ?? 1 }));
  };

  const liabilities: LiabilityOverride[] = [];
  const liabilitySeen = new Map<string, string>();
  for (const { raw, where, at } of entries('liabilities')) {
    if (!isObject(raw)) {
      bad(`${where} must be an object`, at);
      continue;
    }
    const entry = liabilityEntry(raw, where);
    if (Array.isArray(entry)) {
      bad(`${where}: ${entry.join('; ')}`, at);
      continue;
    }
    const first = liabilitySeen.get(liabilityKey(entry));
    if (first) {
      bad(`${where}: a second override for the ${entry.venue} ${entry.asset} liability of ${entry.date} (first: ${first}); keep one`, at);
      continue;
    }
    liabilitySeen.set(liabilityKey(entry), where);
    liabilities.push({ ...entry, at });
  }

  // One statement per row, across rows, transfers and unpair.
  const rowSeen = new Map<string, string>();
  const claim = (ref: RowRef, where: string, at: number): boolean => {
    const first = rowSeen.get(refKey(ref));
    if (first) {
      bad(`${where}: a second override for the same row (first: ${first}); keep one`, at);
      return false;
    }
    rowSeen.set(refKey(ref), where);
    return true;
  };

  const rows: RowOverride[] = [];
  for (const { raw, where, at } of entries('rows')) {
    if (!isObject(raw)) {
      bad(`${where} must be an object`, at);
      continue;
    }
    const entry = rowEntry(raw, where, at);
    if (Array.isArray(entry)) bad(`${where}: ${entry.join('; ')}`, at);
    else if (claim(entry.ref, where, at)) rows.push(entry);
  }

  const transfers: TransferOverride[] = [];
  for (const { raw, where, at } of entries('transfers')) {
    if (!isObject(raw)) {
      bad(`${where} must be an object such as {"from": {"file": ..., "line": ...}, "to": {...}}`, at);
      continue;
    }
    const f = new Fields(raw);
    f.only(['from', 'to', 'note']);
    f.str('note');
    const from = f.has('from') ? refEntry(raw.from) : ['"from" is missing'];
    const to = f.has('to') ? refEntry(raw.to) : ['"to" is missing'];
    const problems = [...f.problems, ...(Array.isArray(from) ? from.map((p) => `from: ${p}`) : []), ...(Array.isArray(to) ? to.map((p) => `to: ${p}`) : [])];
    if (problems.length > 0 || Array.isArray(from) || Array.isArray(to)) {
      bad(`${where}: ${problems.join('; ')}`, at);
      continue;
    }
    if (refKey(from) === refKey(to)) {
      bad(`${where}: "from" and "to" name the same row`, at);
      continue;
    }
    if (claim(from, `${where}.from`, at) && claim(to, `${where}.to`, at)) transfers.push({ where, at, from, to });
  }

  const unpair: UnpairEntry[] = [];
  for (const { raw, where, at } of entries('unpair')) {
    const ref = refEntry(raw);
    if (Array.isArray(ref)) bad(`${where}: ${ref.join('; ')}`, at);
    else if (claim(ref, where, at)) unpair.push({ where, at, ref });
  }

  const allocation: AllocationEntry[] = [];
  for (const { raw, where, at } of entries('allocation')) {
    if (!isObject(raw)) {
      bad(`${where} must be an object`, at);
      continue;
    }
    const f = new Fields(raw);
    f.only(['wallet', 'asset', 'units', 'basis', 'acquired', 'note']);
    const wallet = f.str('wallet', true);
    const asset = f.str('asset', true);
    const units = f.amount('units', true, true);
    const basis = f.amount('basis', true);
    const acquired = f.date('acquired', true);
    f.str('note');
    if (acquired && acquired > '2024-12-31') f.problems.push(`"acquired" ${acquired} is after 2024-12-31: the allocation is of units held at the start of 2025`);
    if (f.problems.length > 0 || !wallet || !asset || !units || !basis || !acquired) {
      bad(`${where}: ${f.problems.join('; ')}`, at);
      continue;
    }
    allocation.push({ where, at, wallet, asset: normalizeAsset(asset), units, basis, acquired });
  }
  return {
    overrides: { file, liabilities, rows, transfers, unpair, allocation },
    diagnostics,
  };
}
