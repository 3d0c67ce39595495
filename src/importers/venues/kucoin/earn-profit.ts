/**
 * KuCoin "Earn Orders – Profit History" bundle file: staking / savings income (docs/formats.md §2.7;
 * BittyTax `parse_kucoin_staking_income`).
 *
 * Menu: KuCoin › Account › Export Data › Earn Orders › Profit History.
 * Header: `UID,Account Type,Order ID,Time(UTC±hh:mm),Staked Coin,Product Type,Product Name,
 * Earnings Coin,Earnings Type,Remarks,Amount,Amount（USDT）,Fee` (full-width parentheses).
 *
 * Mapping: every row is earnings paid to the user: income of `Amount` `Earnings Coin` at `Time`.
 * BittyTax books all of them as staking. Decision (docs silent on product names): the income kind
 * follows `Product Type` / `Product Name` / `Earnings Type` — lending and savings products
 * (`Lending`, `Savings`, `Flexible`, `Fixed`, `Interest`) → interest, everything else (staking,
 * ETH staking, Pool-X, …) → staking, as BittyTax. Either way it is ordinary income at receipt; the
 * kind only labels it. A non-zero `Fee` is charged in the earnings coin in addition.
 * `Amount（USDT）` is a USDT valuation, not a USD market value: not attached.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { IncomeKind } from '../../../model/ledger-event.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip } from '../../importer-spec.js';
import { EMPTY_REPORT, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing } from './common.js';

export function earnIncomeKind(...labels: string[]): IncomeKind {
  return /lend|saving|flexible|fixed|interest/i.test(labels.join(' ')) ? 'interest' : 'staking';
}

export const kucoinEarnProfit = defineImporter({
  id: 'kucoin-earn-profit',
  label: 'KuCoin Earn Orders – Profit History (staking and savings income)',
  howToExport: 'KuCoin › Account › Export Data › Earn Orders › Profit History',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    uid: text('UID'),
    accountType: text('Account Type'),
    orderId: text('Order ID'),
    time: optional(instant(/^Time(\s*\((UTC|GMT)[^)]*\))?$/i)),
    stakedCoin: text('Staked Coin'),
    productType: text('Product Type'),
    productName: text('Product Name'),
    earningsCoin: text('Earnings Coin'),
    earningsType: text('Earnings Type'),
    amount: optional(decimal('Amount')),
    fee: optional(decimal('Fee')),
  },
  signature: { also: ['Remarks'] },
  mapRow(row) {
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    if (row.time === undefined) return missing('Time');
    if (row.amount === undefined) return missing('Amount');
    if (row.earningsCoin === '') return missing('Earnings Coin');
    if (row.amount.isNegative()) return reject('ROW_INCONSISTENT', `negative earnings ${row.amount.toFixed()}`);
    if (row.amount.isZero()) return skip('KuCoin Earn row with zero earnings');
    const asset = normalizeAsset(row.earningsCoin);
    const note = [row.productName || row.productType, row.earningsType].filter((s) => s).join(' — ');
    return events({
      kind: 'income',
      incomeKind: earnIncomeKind(row.productType, row.productName, row.earningsType),
      instant: row.time,
      received: { asset, amount: row.amount },
      ...(row.fee && !row.fee.isZero() ? { fee: { asset, amount: row.fee.abs() } } : {}),
      ...(note ? { note } : {}),
    });
  },
});
