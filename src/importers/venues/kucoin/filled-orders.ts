/**
 * KuCoin "Spot Orders – Filled Orders", per-order variant (one row per order, fills aggregated)
 * (docs/formats.md §2.7; BittyTax test_kucoin.py).
 *
 * Menu: Orders › Spot Orders › Filled Orders › Export (or the Account › Export Data bundle).
 * Header: `UID,Account Type,Order ID,Order Time(UTC+hh:mm),Symbol,Side,Order Type,Order Price,
 * Order Amount,Avg. Filled Price,Filled Amount,Filled Volume,Filled Volume (USDT),
 * Filled Time(UTC+hh:mm),Fee,Fee Currency,[Tax,]Status[,Account Mode]`.
 *
 * Mapping as the order-splitting variant (common.ts `spotTrade`), at `Filled Time`. `Status`:
 * `deal` (filled) and `part_deal` (partly filled, rest cancelled) are trades of what was filled;
 * a cancelled order with nothing filled is skipped; any other status is rejected by name.
 */
import { text } from '../../columns.js';
import { defineImporter, reject, skip } from '../../importer-spec.js';
import { checkSpotAccount, EMPTY_REPORT, FILLED_ORDER_COLUMNS, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing, spotTrade } from './common.js';
import { withTax } from './tax.js';

const FILLED_STATUSES = new Set(['deal', 'part_deal', 'done', 'filled', 'cancel', 'canceled', 'cancelled']);

export const kucoinFilledOrders = defineImporter({
  id: 'kucoin-filled-orders',
  label: 'KuCoin Spot Orders – Filled Orders (one row per order)',
  howToExport: 'KuCoin › Orders › Spot Orders › Filled Orders › Export',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: { ...FILLED_ORDER_COLUMNS, status: text('Status') },
  signature: { also: ['Order Price', 'Order Amount', 'Avg. Filled Price'] },
  mapRow(row) {
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    const status = row.status.toLowerCase();
    if (!FILLED_STATUSES.has(status)) return reject('ROW_UNKNOWN_TYPE', `unknown order status "${row.status}"`);
    if (row.amount === undefined || row.amount.isZero()) {
      if (status.startsWith('cancel')) return skip('KuCoin order cancelled with nothing filled');
      return missing('Filled Amount');
    }
    const account = checkSpotAccount(row.accountType);
    if (account) return account;
    if (row.time === undefined) return missing('Filled Time');
    if (row.volume === undefined) return missing('Filled Volume');
    const { fee, note } = withTax(row.fee, row.tax);
    return spotTrade({ instant: row.time, symbol: row.symbol, side: row.side, amount: row.amount, volume: row.volume, fee, feeCurrency: row.feeCurrency, note });
  },
});
