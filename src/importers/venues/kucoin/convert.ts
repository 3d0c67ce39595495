/**
 * KuCoin "Convert" order history (docs/formats.md §2.7).
 *
 * Menu: KuCoin › Orders › Convert Orders › Export (or Account › Export Data › Convert Orders).
 * Header: `UID,Account Type,Payment Account,Sell,Buy,Price,Tax,Time of Update(UTC±hh:mm),Status`;
 * `Sell` and `Buy` carry their unit (`10 USDT`, `0.00025 BTC`).
 *
 * Mapping: `Status` SUCCESS → one trade, `Sell` sent, `Buy` received, at `Time of Update` (the
 * header's offset; a bare header is Singapore time, common.ts). Failed / cancelled / pending
 * orders moved nothing and are skipped naming the status; any other status is rejected.
 * Decision (docs silent): a non-zero `Tax` is a levy charged with the conversion — it becomes the
 * trade's fee, in its own unit when the cell has one (`0.01 USDT`), else in the `Sell` coin; the
 * note says so. `Payment Account` (Funding / Trading) is the user's own sub-account: kept in the note.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimalWithUnit, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip } from '../../importer-spec.js';
import { EMPTY_REPORT, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing } from './common.js';

const DONE = new Set(['SUCCESS', 'SUCCEEDED', 'DONE', 'FILLED', 'COMPLETED']);
const NOT_DONE = new Set(['FAIL', 'FAILED', 'FAILURE', 'CANCEL', 'CANCELED', 'CANCELLED', 'PROCESSING', 'PENDING', 'EXPIRED']);

export const kucoinConvert = defineImporter({
  id: 'kucoin-convert',
  label: 'KuCoin Convert orders (`Sell`, `Buy` with units)',
  howToExport: 'KuCoin › Orders › Convert Orders › Export',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    uid: text('UID'),
    accountType: text('Account Type'),
    paymentAccount: text('Payment Account'),
    sell: optional(decimalWithUnit('Sell')),
    buy: optional(decimalWithUnit('Buy')),
    tax: ifPresent(decimalWithUnit('Tax')),
    time: optional(instant(/^Time of Update(\s*\((UTC|GMT)[^)]*\))?$/i)),
    status: text('Status'),
  },
  signature: { also: ['Price'] },
  mapRow(row) {
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    const status = row.status.toUpperCase();
    if (NOT_DONE.has(status)) return skip(`KuCoin convert order not completed (status ${row.status})`);
    if (!DONE.has(status)) return reject('ROW_UNKNOWN_TYPE', `unknown KuCoin convert status "${row.status}"`);
    if (row.time === undefined) return missing('Time of Update');
    if (!row.sell) return missing('Sell');
    if (!row.buy) return missing('Buy');
    if (!row.sell.unit || !row.buy.unit) return reject('ROW_MISSING_VALUE', '"Sell" and "Buy" must name their coin (e.g. "10 USDT")');
    const sent = { asset: normalizeAsset(row.sell.unit), amount: row.sell.value.abs() };
    const received = { asset: normalizeAsset(row.buy.unit), amount: row.buy.value.abs() };
    const tax = row.tax && !row.tax.value.isZero() ? { asset: normalizeAsset(row.tax.unit ?? sent.asset), amount: row.tax.value.abs() } : undefined;
    const notes = [row.paymentAccount ? `Convert (${row.paymentAccount})` : 'Convert', tax ? `fee is Tax ${tax.amount.toFixed()} ${tax.asset}` : ''];
    return events({ kind: 'trade', instant: row.time, sent, received, ...(tax ? { fee: tax } : {}), note: notes.filter((n) => n).join('; ') });
  },
});
