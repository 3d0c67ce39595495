/**
 * Cells shared by the Etherscan-family exports: the renamed hash and date headers, the native
 * coin named in a header (`Value_IN(BNB)`, `TxnFee(MATIC)`), stated USD values.
 */
import type { Dec } from '../../../model/decimal.js';
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, text, type Column } from '../../columns.js';

/** `Txhash` (up to 2023), `Transaction Hash` (since). */
export const hashColumn = () => text(['Txhash', 'Transaction Hash']);
/** `DateTime` (old), `DateTime (UTC)` (since 2022): always UTC. */
export const dateColumn = () => instant(['DateTime (UTC)', 'DateTime'], { zone: 'UTC' });

/** The coin a header names: `Value_IN(BNB)` → `BNB`; `undefined` when it names none. */
export function coinOfHeader(header: string): string | undefined {
  const m = /\(([A-Za-z0-9.]+)\)\s*$/.exec(header.trim());
  return m?.[1] ? normalizeAsset(m[1]) : undefined;
}

/** A quantity with a USD value when the export states one (a zero or missing value is not stated). */
export function withUsd(asset: string, amount: Dec, usd: Dec | undefined): Quantity {
  return usd && !usd.isZero() ? { asset, amount, value: { amount: usd, currency: 'USD' } } : { asset, amount };
}

/** `Status` of a normal transaction: empty (or `Success`) succeeded; `Error(0)`, `Fail…` failed. */
export function failed(status: string): boolean | undefined {
  const s = status.trim().toLowerCase();
  if (s === '' || s === 'success' || s === 'succeeded' || s === '0') return false;
  if (s.startsWith('error') || s.startsWith('fail') || s === '1') return true;
  return undefined;
}

export interface CoinAmount {
  readonly amount: Dec;
  /** The coin the header names, e.g. `BNB` for `Value_IN(BNB)`. */
  readonly coin: string;
}

/** A decimal cell whose header names its coin (`Value_IN(BNB)`): the amount with that coin. */
export function coinAmount(header: RegExp): Column<CoinAmount> {
  const inner = decimal(header);
  return {
    ...inner,
    parse(cell, ctx) {
      const r = inner.parse(cell, ctx);
      if (!r.ok) return r;
      return { ok: true, value: { amount: r.value, coin: coinOfHeader(ctx.header) ?? 'ETH' } };
    },
  };
}
