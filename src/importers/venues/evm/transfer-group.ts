/**
 * The shared reading of token and NFT transfer files, whose rows do not say which side the
 * address is on: find the address over the whole file, then read each row as a deposit (`To`)
 * or a withdrawal (`From`) of that address.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { ADDRESS_HINT, ownAddress } from './address.js';

export interface TransferRow {
  readonly hash: string;
  readonly date: number;
  readonly from: string;
  readonly to: string;
  readonly contract: string;
}

export interface TransferRules<R> {
  /** The token's symbol as the file names it. */
  readonly symbolOf: (row: R) => string;
  /** Nothing moved (a zero-value transfer). */
  readonly zero: (row: R) => boolean;
  readonly note?: (row: R) => string;
}

/** Asset per contract: the bare symbol, unless another contract with more rows has it. */
function assetsByContract<R extends TransferRow>(rows: readonly R[], symbolOf: (r: R) => string): Map<string, string> {
  const bySymbol = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const symbol = normalizeAsset(symbolOf(r));
    const counts = bySymbol.get(symbol) ?? new Map<string, number>();
    const c = r.contract.toLowerCase();
    counts.set(c, (counts.get(c) ?? 0) + 1);
    bySymbol.set(symbol, counts);
  }
  const out = new Map<string, string>();
  for (const [symbol, counts] of bySymbol) {
    // most rows first, then the contract text: decided by content only
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    ranked.forEach(([contract], i) => out.set(`${symbol}\u0000${contract}`, i === 0 ? symbol : normalizeAsset(`${symbol}-${contract}`)));
  }
  return out;
}

export function mapTransferGroup<R extends TransferRow>(
  rows: readonly R[],
  fileName: string,
  quantity: (row: R, asset: string) => Quantity,
  rules: TransferRules<R>,
): RowOutcome {
  const [first] = rows;
  if (!first) return skip('empty group');
  if (rows.length === 1 && rules.zero(first)) return skip('zero-value transfer (often address-poisoning spam): nothing moved');
  if (rows.length === 1 && first.from.toLowerCase() === first.to.toLowerCase()) return skip('transfer to itself: nothing moved');
  const own = ownAddress(fileName, rows);
  if (!own) return reject('ROW_MISSING_VALUE', 'cannot tell which address this export is for: no address is on every row, or two are', ADDRESS_HINT);
  const assets = assetsByContract(rows, rules.symbolOf);
  const drafts: EventDraft[] = rows.map((r, i) => {
    const asset = assets.get(`${normalizeAsset(rules.symbolOf(r))}\u0000${r.contract.toLowerCase()}`) ?? normalizeAsset(rules.symbolOf(r));
    const q = quantity(r, asset);
    const note = [rules.note?.(r) ?? '', `contract ${r.contract.toLowerCase()}`].filter((x) => x !== '').join(', ');
    const base = { wallet: own, instant: r.date, txHash: r.hash, note, groupRows: [i] };
    return r.to.toLowerCase() === own ? { kind: 'deposit', received: q, ...base } : { kind: 'withdrawal', sent: q, ...base };
  });
  return events(...drafts);
}
