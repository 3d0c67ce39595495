/**
 * Whose export is this? An Etherscan-family file lists the transactions of one address, but no
 * column names it: each row has a `From` and a `To`, one of which is the address. taxlot learns
 * it, in this order:
 * 1. an address (`0x` + 40 hex digits) in the file name — the explorers name their downloads
 *    after it (`export-0x….csv`, `export-tokenholdings-…-0x….csv`), and a user may rename a file
 *    after it (BittyTax reads the file name the same way);
 * 2. otherwise the one address that is `From` or `To` on every row (the address of a file set).
 * When neither decides (a single row, or every row between the same two addresses), the rows
 * cannot be read and are rejected with a hint to put the address in the file name.
 */

const ADDRESS = /0x[0-9a-f]{40}/gi;

/** Addresses written in a file name, lower case, in order. */
export function addressesInName(fileName: string): string[] {
  return [...fileName.matchAll(ADDRESS)].map((m) => m[0].toLowerCase());
}

export interface Party {
  readonly from: string;
  readonly to: string;
}

/** The address that sits on every row, lower case; `undefined` when none or several do. */
export function ownAddress(fileName: string, rows: readonly Party[]): string | undefined {
  let common: Set<string> | undefined;
  for (const r of rows) {
    const pair = new Set([r.from.toLowerCase(), r.to.toLowerCase()]);
    common = common ? new Set([...common].filter((a) => pair.has(a))) : pair;
    if (common.size === 0) return undefined;
  }
  if (!common) return undefined;
  const named = addressesInName(fileName).filter((a) => common.has(a));
  if (named.length > 0) return named[0];
  return common.size === 1 ? [...common][0] : undefined;
}

export const ADDRESS_HINT =
  'name the file after the address it was exported for (the explorer\'s own name, export-…-0x<address>.csv, does)';
