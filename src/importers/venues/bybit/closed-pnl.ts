/**
 * Bybit derivatives "Closed P&L" export (docs/formats.md §2.8): one row per closed position (or
 * closing order), with the venue's realised P&L after fees and funding.
 *
 * Header: `Market,Order Quantity,Entry Price,Exit Price,Opening Fee,Closing Fee,Funding Fee,
 * cumClosedPzOpenFeeInfo,cumClosedPzTradeFeeInfo,Trade Type,Realized P&L,Trade time`;
 * `Trade time` is `HH:MM YYYY-MM-DD` (UTC).
 *
 * `Realized P&L` is net: `gross − Opening Fee − Closing Fee − Funding Fee` (fees and funding
 * positive = paid; checked on the sample: (110 − 100) × 3 − 0.165 − 0.1815 − 0.03 = 29.6235).
 * Each row gives the gross result (docs/contract.md's `realizedPnl`: "where an export reports PnL after
 * fees, the fees are added back") plus a commission per fee and the funding, all at the close, so
 * their sum is exactly the venue's figure. `Trade Type`: `Trade` → realized PnL, `Liquidation` /
 * `BustTrade` → liquidation, `ADL` → ADL close, `Delivery` / `Settle` → realized PnL (delivery of
 * a dated contract); others rejected by name. The settlement asset is the key of the fee-info JSON
 * (`{"USDT":"0.0275"}`), else the market's `USDT`/`USDC` suffix. The export has no opening time:
 * the position's holding period starts at its close (short-term).
 *
 * Each row is its own position (README "Positions": "where the export gives one row per closed
 * position ... the group is that position"): the events carry a position id made of the row's
 * market, time, quantity and prices, so two closes of one market in the same minute (`Trade time`
 * has no seconds) stay two positions instead of being merged as one PnL group.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { DerivativeKind } from '../../../model/ledger-event.js';
import { decimal, instantText, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, type EventDraft } from '../../importer-spec.js';
import { lookupTable } from '../../lookup-table.js';

const KIND: Readonly<Record<string, DerivativeKind>> = lookupTable({
  trade: 'realized-pnl',
  liquidation: 'liquidation',
  busttrade: 'liquidation',
  adl: 'adl',
  delivery: 'realized-pnl',
  settle: 'realized-pnl',
});

/** `09:00 2026-01-12` (Bybit's order, time first) → `2026-01-12 09:00`; an ordinary date-time unchanged. */
export function dateFirst(cell: string): string {
  const m = /^(\d{1,2}:\d{2}(?::\d{2})?)\s+(\d{4}-\d{2}-\d{2})$/.exec(cell.trim());
  return m ? `${m[2]} ${m[1]}` : cell;
}

/** Settlement asset: the fee-info JSON key, else the market's stablecoin suffix. */
export function settlementAsset(market: string, feeInfo: string): string | undefined {
  try {
    const keys = Object.keys(JSON.parse(feeInfo) as Record<string, unknown>);
    if (keys.length === 1 && keys[0]) return normalizeAsset(keys[0]);
  } catch {
    // not JSON: fall back to the market name
  }
  const suffix = /(USDT|USDC)$/i.exec(market.trim());
  return suffix ? normalizeAsset(suffix[1] as string) : undefined;
}

export const bybitClosedPnl = defineImporter({
  id: 'bybit-closed-pnl',
  label: 'Bybit derivatives Closed P&L (one row per closed position)',
  howToExport: 'Bybit › Orders › Derivatives › Closed P&L › Export',
  wallet: 'bybit',
  columns: {
    market: text('Market'),
    quantity: text('Order Quantity'),
    entry: text('Entry Price'),
    exit: text('Exit Price'),
    openingFee: decimal('Opening Fee'),
    closingFee: decimal('Closing Fee'),
    fundingFee: decimal('Funding Fee'),
    openFeeInfo: text('cumClosedPzOpenFeeInfo'),
    tradeType: text('Trade Type'),
    pnl: decimal('Realized P&L'),
    time: instantText('Trade time', { zone: 'UTC', rewrite: dateFirst }),
  },
  mapRow(row) {
    const instant = row.time.at;
    const kind = KIND[row.tradeType.trim().toLowerCase()];
    if (!kind) return reject('ROW_UNKNOWN_TYPE', `unknown Bybit closed P&L trade type "${row.tradeType}"`);
    const asset = settlementAsset(row.market, row.openFeeInfo);
    if (!asset) return reject('ROW_MISSING_VALUE', `settlement asset of ${row.market} unknown (no fee info, no USDT/USDC suffix)`);
    const position = `${row.market} ${row.time.text} ${row.quantity.trim()}@${row.entry.trim()}->${row.exit.trim()} ${row.tradeType.trim()}`;
    const base = { instant, account: 'derivatives', contract: row.market, asset, position };
    const gross = row.pnl.plus(row.openingFee).plus(row.closingFee).plus(row.fundingFee);
    const drafts: EventDraft[] = [derivativeDraft(kind, { ...base, amount: gross, note: `venue realized P&L ${row.pnl.toFixed()} after fees and funding` })];
    if (!row.openingFee.isZero()) drafts.push(derivativeDraft('commission', { ...base, amount: row.openingFee.negated(), note: 'opening fee' }));
    if (!row.closingFee.isZero()) drafts.push(derivativeDraft('commission', { ...base, amount: row.closingFee.negated(), note: 'closing fee' }));
    if (!row.fundingFee.isZero()) drafts.push(derivativeDraft('funding', { ...base, amount: row.fundingFee.negated() }));
    return events(...drafts);
  },
});
