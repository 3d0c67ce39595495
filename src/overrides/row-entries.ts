/**
 * `rows` entries of the overrides file: what one row of an export really is (README "Overrides
 * file"). Which fields go together is checked here; whether the entry fits the row it names (a
 * gift received on a withdrawal) is checked when it is applied (apply-overrides.ts). Pure.
 */
import { normalizeAsset } from '../model/asset.js';
import { INCOME_KINDS, type IncomeKind } from '../model/ledger-event.js';
import { Fields, isObject, parseInstant } from './fields.js';
import { ROW_MEANINGS, type RowMeaning, type RowOverride, type RowRef, type StatedRow } from './overrides.js';

const REF_KEYS = ['file', 'line', 'tx'];
const KEYS = [...REF_KEYS, 'as', 'kind', 'wallet', 'basis', 'acquired', 'value', 'price', 'ignore', 'asset', 'amount', 'date', 'direction', 'note'];
const INCOMING: readonly RowMeaning[] = ['income', 'gift-received'];
const OUTGOING: readonly RowMeaning[] = ['gift-given', 'donation', 'lost', 'spend'];

/** How an entry names a row: `file` + `line`, or `tx` (with `file` to choose among files). */
export function rowRef(f: Fields): RowRef | undefined {
  const file = f.str('file');
  const line = f.lineNumber('line');
  const tx = f.str('tx');
  if (line !== undefined && file === undefined) f.problems.push('"line" needs "file"');
  if (tx === undefined && (file === undefined || line === undefined)) {
    if (!f.problems.some((p) => p.includes('"line"') || p.includes('"file"'))) f.problems.push('name the row by "file" and "line" (or by "tx")');
    return undefined;
  }
  if (tx !== undefined && line !== undefined) f.problems.push('name the row by "file" and "line" or by "tx", not both');
  return { ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}), ...(tx !== undefined ? { tx } : {}) };
}

/** A `{file, line}` object (transfers, unpair), or the problems. */
export function refEntry(raw: unknown): RowRef | string[] {
  if (!isObject(raw)) return ['must be an object such as {"file": "coinbase.csv", "line": 14}'];
  const f = new Fields(raw);
  f.only(REF_KEYS);
  const ref = rowRef(f);
  return f.problems.length > 0 || !ref ? f.problems : ref;
}

export function rowEntry(raw: Record<string, unknown>, where: string, at: number): RowOverride | string[] {
  const f = new Fields(raw);
  f.only(KEYS);
  const ref = rowRef(f);
  const as = f.oneOf<RowMeaning>('as', ROW_MEANINGS);
  const kind = f.oneOf<IncomeKind>('kind', INCOME_KINDS);
  const wallet = f.str('wallet');
  const basis = f.amount('basis');
  const acquired = f.date('acquired');
  const value = f.amount('value');
  const price = f.amount('price');
  const ignore = f.str('ignore');
  const note = f.str('note');
  const p = f.problems;
  const given = (k: string): boolean => f.has(k);

  if (given('ignore')) {
    const others = KEYS.filter((k) => !REF_KEYS.includes(k) && k !== 'ignore' && k !== 'note' && given(k));
    if (others.length > 0) p.push(`"ignore" is the whole statement: drop ${others.map((k) => `"${k}"`).join(', ')}`);
  } else if (!given('as') && !given('value') && !given('price') && !given('basis') && !given('acquired')) {
    p.push('say what the row is: "as", "value" (or "price"), "basis" with "acquired", or "ignore" with a reason');
  }
  if (given('value') && given('price')) p.push('give "value" or "price", not both');
  if (given('kind') && as !== 'income') p.push('"kind" is only read with "as": "income"');
  if (as === 'income' && !given('kind')) p.push(`"as": "income" needs "kind" (${INCOME_KINDS.join(', ')})`);
  if (given('wallet') && as !== 'transfer') p.push('"wallet" is only read with "as": "transfer"');
  if (as === 'transfer' && !given('wallet')) p.push('"as": "transfer" needs "wallet": the other wallet the units came from or went to');
  if (given('basis') !== given('acquired')) p.push('"basis" and "acquired" go together');
  if (as === 'gift-received' && !(given('basis') && given('acquired'))) p.push('"as": "gift-received" needs the donor\'s "basis" and "acquired" date');
  if (as !== undefined && as !== 'gift-received' && given('basis')) p.push(`"basis"/"acquired" are not read with "as": "${as}" (only on a deposit or a gift received)`);

  // A rejected row's facts (extension): all of asset, amount, date, or none.
  const factKeys = ['asset', 'amount', 'date'];
  let stated: StatedRow | undefined;
  if (factKeys.some(given) || given('direction')) {
    const asset = f.str('asset', true);
    const amount = f.amount('amount', true, true);
    const dateText = f.str('date', true);
    const instant = dateText === undefined ? undefined : parseInstant(dateText);
    if (dateText !== undefined && instant === undefined) p.push(`"date" must be YYYY-MM-DD or an ISO 8601 instant with a zone (2024-03-01T12:00:00Z), got "${dateText}"`);
    const implied = as && INCOMING.includes(as) ? 'in' : as && OUTGOING.includes(as) ? 'out' : undefined;
    const direction = f.oneOf<'in' | 'out'>('direction', ['in', 'out']) ?? implied;
    if (!as) p.push('a rejected row\'s "asset", "amount" and "date" need "as": what the row was');
    else if (direction === undefined) p.push(`"as": "${as}" on a rejected row needs "direction": "in" or "out"`);
    else if (implied !== undefined && direction !== implied) p.push(`"direction": "${direction}" contradicts "as": "${as}"`);
    if (asset && amount && instant !== undefined && direction) stated = { asset: normalizeAsset(asset), amount, instant, direction };
  }
  if (p.length > 0 || !ref) return p.length > 0 ? p : ['name the row by "file" and "line"'];
  return {
    where,
    at,
    ref,
    ...(as ? { as } : {}),
    ...(kind ? { kind } : {}),
    ...(wallet ? { wallet } : {}),
    ...(basis ? { basis } : {}),
    ...(acquired ? { acquired } : {}),
    ...(value ? { value } : {}),
    ...(price ? { price } : {}),
    ...(ignore ? { ignore } : {}),
    ...(stated ? { stated } : {}),
    ...(note ? { note } : {}),
  };
}

/** Key of the row a reference names, for finding two entries about one row. */
export function refKey(ref: RowRef): string {
  return ref.tx !== undefined ? `tx\u0000${ref.tx.toLowerCase()}\u0000${ref.file ?? ''}` : `row\u0000${ref.file}\u0000${ref.line}`;
}
