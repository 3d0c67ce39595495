/**
 * Binance Trade History, old layout (until ~2021): `Date(UTC),Market,Type,Price,Amount,Total,Fee,Fee Coin`
 * (docs/formats.md §2.3; also written `;`-separated by some Excel versions, which detection handles).
 *
 * Mapping: `Amount` is the base quantity and `Total` the quote quantity, both gross; the fee is
 * charged on top in `Fee Coin`. BUY = sent Total (quote), received Amount (base); SELL the
 * reverse. The cells carry no asset, so `Market` (`LTCBTC`) is split against Binance's quote list
 * (`pair.ts`); a market that does not split is rejected, naming it, rather than guessed.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { splitPair } from './pair.js';

export const binanceSpotTradesV1 = defineImporter({
  id: 'binance-spot-trades-v1',
  label: 'Binance trade history, old layout (Market, Type, Amount, Total, Fee, Fee Coin)',
  howToExport: 'Binance (before 2021) › Orders › Trade History › Export Complete Trade History',
  wallet: 'binance',
  columns: {
    time: instant('Date(UTC)'),
    market: text('Market'),
    type: text('Type'),
    price: text('Price'),
    amount: decimal('Amount'),
    total: decimal('Total'),
    fee: optional(decimal('Fee')),
    feeCoin: text('Fee Coin'),
  },
  mapRow(row): RowOutcome {
    const side = row.type.toUpperCase();
    if (side !== 'BUY' && side !== 'SELL') return reject('ROW_UNKNOWN_TYPE', `unknown type "${row.type}"`);
    const pair = splitPair(row.market);
    if (!pair) return reject('ROW_UNKNOWN_TYPE', `cannot split market "${row.market}" into base and quote (unknown quote asset)`);
    if (row.amount.isNegative() || row.total.isNegative()) return reject('ROW_INCONSISTENT', 'Amount and Total must be positive');
    const base: Quantity = { asset: pair.base, amount: row.amount };
    const quote: Quantity = { asset: pair.quote, amount: row.total };
    let fee: Quantity | undefined;
    if (row.fee !== undefined && !row.fee.isZero()) {
      if (row.fee.isNegative()) return reject('ROW_INCONSISTENT', `Fee ${row.fee.toFixed()} is negative`);
      if (row.feeCoin === '') return reject('ROW_MISSING_VALUE', 'Fee has an amount but Fee Coin is empty');
      fee = { asset: normalizeAsset(row.feeCoin), amount: row.fee };
    }
    const [sent, received] = side === 'BUY' ? [quote, base] : [base, quote];
    return events({ kind: 'trade', instant: row.time, sent, received, ...(fee ? { fee } : {}) });
  },
});
