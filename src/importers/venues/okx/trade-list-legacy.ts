/**
 * OKEx's old spot trade list (2020): one row per fill, every header cell (and the first cell of
 * each row) prefixed with a byte-order mark (everytrade's parser-files/okex_v001_M.csv and its
 * OkxBeanV1):
 *
 *     Order ID,Trade ID,Trade Time,Pairs,Amount,Price,Total,taker/maker,Fee,unit
 *     0,2517870569,2020-09-25 17:27:02,ltc_usdt,2.273693,46.17,-104.976405810000002816 USDT,taker,-0.0034105395 LTC,LTC
 *
 * `Pairs` is `base_quote`; `Amount` the base quantity, signed (positive = bought, negative =
 * sold), in `unit`; `Total` the quote amount with its asset, signed the other way; `Fee` negative
 * with its asset (the base on buys, the quote on sells in the samples). Mapping: a buy sends
 * |Total| of the quote and receives |Amount| of the base; a sell the reverse; the fee leaves in
 * addition. A row whose signs, `unit` or `Total` asset contradict the pair is rejected. Times are
 * read as UTC, as everytrade reads this file (no zone is stated).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, decimalWithUnit, instant, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';

export const okxTradeListLegacy = defineImporter({
  id: 'okx-trade-list-legacy',
  label: 'OKEx spot trade list, old layout (Trade ID, Pairs like ltc_usdt, Total and Fee with units)',
  howToExport: 'OKEx (2020 site) › Orders › Spot › Trade history › Export',
  wallet: 'okx',
  columns: {
    tradeId: text('Trade ID'),
    time: instant('Trade Time'),
    pairs: text('Pairs'),
    amount: decimal('Amount'),
    total: decimalWithUnit('Total'),
    fee: decimalWithUnit('Fee'),
    unit: text('unit'),
  },
  signature: { also: ['taker/maker'] },
  mapRow(row): RowOutcome {
    const [b, q, ...rest] = row.pairs.trim().split('_');
    if (!b || !q || rest.length > 0) return reject('ROW_UNKNOWN_TYPE', `market "${row.pairs}" is not base_quote`);
    const [base, quote] = [normalizeAsset(b), normalizeAsset(q)];
    if (normalizeAsset(row.unit) !== base) return reject('ROW_INCONSISTENT', `unit "${row.unit}" is not the base of ${row.pairs}`);
    if (!row.total.unit || normalizeAsset(row.total.unit) !== quote) return reject('ROW_INCONSISTENT', `Total "${row.total.value.toFixed()} ${row.total.unit ?? ''}" is not in the quote of ${row.pairs}`);
    if (row.amount.isZero()) return reject('ROW_MISSING_VALUE', 'Amount is 0');
    const buy = row.amount.isPositive();
    if (!row.total.value.isZero() && row.total.value.isPositive() === buy) return reject('ROW_INCONSISTENT', 'Amount and Total have the same sign; one side must leave');
    const feeAsset = row.fee.unit ? normalizeAsset(row.fee.unit) : undefined;
    if (!row.fee.value.isZero() && (!feeAsset || (feeAsset !== base && feeAsset !== quote))) return reject('ROW_INCONSISTENT', `Fee "${row.fee.value.toFixed()} ${row.fee.unit ?? ''}" is not in an asset of ${row.pairs}`);
    const baseQ = { asset: base, amount: row.amount.abs() };
    const quoteQ = { asset: quote, amount: row.total.value.abs() };
    const [sent, received] = buy ? [quoteQ, baseQ] : [baseQ, quoteQ];
    const fee = feeAsset && !row.fee.value.isZero() ? { fee: { asset: feeAsset, amount: row.fee.value.abs() } } : {};
    return events({ kind: 'trade', instant: row.time, sent, received, ...fee, note: `OKEx trade ${row.tradeId.replace(/\ufeff/g, '').trim()}` });
  },
});
