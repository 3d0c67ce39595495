/**
 * Bybit Unified Trading Account "Asset change details" (docs/formats.md §2.8; everytrade
 * BybitEuUtaBeanV1Test; not in BittyTax).
 *
 * Menu: Bybit › Assets › Unified Trading Account › Transaction Log / "Asset change details" › Export.
 * Preamble `UID: …,Company Name: …,Country: …`, then
 * `Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,Time(UTC)`;
 * also seen without `Uid` and with `OrderId,TradeId` before a bare `Time` (UTC). `--` = no value.
 *
 * Mapping:
 * - Spot `TRADE` (Action `--`) comes as one row per currency at the same time → grouped into one
 *   trade. Per leg, `Cash Flow` is the gross amount and `Change` the wallet change, so the fee paid
 *   is `Cash Flow − Change` (`1.615287 − 1.6112487825 = 0.0040382175 EUR`); the leg with negative
 *   cash flow is sent, the positive one received. Decision (docs silent): a negative fee (rebate)
 *   is folded into that leg's amount (`|Change|`); fees on both legs are rejected (one fee per event).
 * - `TRADE` with Action `OPEN`/`CLOSE`… (perpetuals/futures), `SETTLEMENT` (funding), `DELIVERY`,
 *   `LIQUIDATION`, `ADL`, `INTEREST`/`BORROW`/`REPAY` (margin) → derivative events
 *   (`uta-derivatives.ts`).
 * - `TRANSFER_IN`/`TRANSFER_OUT` → skipped (moves between the user's own Bybit accounts).
 * - Anything else is rejected by name.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOf, type RowOutcome } from '../../importer-spec.js';
import { mapUtaDerivativeRow, UTA_DERIVATIVE_TYPES } from './uta-derivatives.js';


const columns = {
  currency: text('Currency'),
  contract: text('Contract'),
  type: text('Type'),
  direction: text('Direction'),
  quantity: optional(decimal('Quantity')),
  position: optional(decimal('Position')),
  funding: optional(decimal('Funding')),
  feePaid: optional(decimal('Fee Paid')),
  cashFlow: optional(decimal('Cash Flow')),
  change: optional(decimal('Change')),
  walletBalance: optional(decimal('Wallet Balance')),
  action: text('Action'),
  tradeId: ifPresent(text(['TradeId', 'Trade ID'])),
  time: instant(['Time(UTC)', 'Time']),
};
type Row = RowOf<typeof columns>;

const isSpotTrade = (row: Row): boolean => row.type.toUpperCase() === 'TRADE' && (row.action === '' || row.action === '--');

interface Leg {
  readonly asset: string;
  readonly cashFlow: Dec;
  readonly change: Dec;
}

/** Sum the rows of one fill (or of simultaneous fills of one order) per currency. */
export function legsOf(rows: readonly Pick<Row, 'currency' | 'cashFlow' | 'change'>[]): Leg[] | string {
  const byAsset = new Map<string, Leg>();
  for (const row of rows) {
    if (row.cashFlow === undefined || row.change === undefined) return `the ${row.currency} leg has no Cash Flow or Change`;
    const asset = normalizeAsset(row.currency);
    const prev = byAsset.get(asset) ?? { asset, cashFlow: ZERO, change: ZERO };
    byAsset.set(asset, { asset, cashFlow: prev.cashFlow.plus(row.cashFlow), change: prev.change.plus(row.change) });
  }
  return [...byAsset.values()];
}

/** Two legs → sent / received / fee as the event model wants them (see header). */
export function spotTradeOf(legs: readonly Leg[]): { sent: Quantity; received: Quantity; fee?: Quantity } | string {
  const out = legs.filter((l) => l.cashFlow.isNegative());
  const inn = legs.filter((l) => l.cashFlow.gt(ZERO));
  const [o, i] = [out[0], inn[0]];
  if (legs.length !== 2 || !o || !i) return `a spot trade needs one outgoing and one incoming currency, found ${legs.map((l) => `${l.cashFlow.toFixed()} ${l.asset}`).join(', ')}`;
  const side = (l: Leg): { q: Quantity; fee?: Quantity } => {
    const fee = l.cashFlow.minus(l.change);
    if (fee.gt(ZERO)) return { q: { asset: l.asset, amount: l.cashFlow.abs() }, fee: { asset: l.asset, amount: fee } };
    return { q: { asset: l.asset, amount: fee.isZero() ? l.cashFlow.abs() : l.change.abs() } };
  };
  const [s, r] = [side(o), side(i)];
  if (s.fee && r.fee) return 'fees on both legs of one spot trade';
  const fee = s.fee ?? r.fee;
  return { sent: s.q, received: r.q, ...(fee ? { fee } : {}) };
}

function mapSingle(row: Row): RowOutcome {
  const type = row.type.toUpperCase();
  if (type === 'TRANSFER_IN' || type === 'TRANSFER_OUT') return skip('Bybit transfer between own accounts (Funding ↔ Unified Trading)');
  if (type === 'TRADE' || UTA_DERIVATIVE_TYPES.has(type)) return mapUtaDerivativeRow(row);
  return reject('ROW_UNKNOWN_TYPE', `unknown Bybit asset change type "${row.type}"`);
}

export const bybitUtaAssetChanges = defineImporter({
  id: 'bybit-uta-asset-changes',
  label: 'Bybit Unified Trading Account – Asset change details',
  howToExport: 'Bybit › Assets › Unified Trading Account › Transaction Log (asset change details) › Export',
  wallet: 'bybit',
  columns,
  signature: { also: ['Quantity', 'Position', 'Filled Price', 'Funding', 'Fee Paid', 'Wallet Balance'] },
  groupKey: (row) => (isSpotTrade(row) ? `${row.tradeId ?? ''}|${row.time}|${row.contract}|${row.direction}` : undefined),
  mapGroup(rows) {
    const first = rows[0];
    if (!first) return skip('empty group');
    if (!isSpotTrade(first)) return mapSingle(first);
    const legs = legsOf(rows);
    const trade = typeof legs === 'string' ? legs : spotTradeOf(legs);
    if (typeof trade === 'string') return reject('ROW_INCONSISTENT', `Bybit spot trade ${first.contract}: ${trade}`);
    return events({ kind: 'trade', instant: first.time, ...trade });
  },
});
