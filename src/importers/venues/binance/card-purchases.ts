/**
 * Binance "Buy Crypto" card purchase history (rotki's former binance-purchases.csv test input):
 * `Date(UTC),Method,Amount,Price,Fees,Final Amount,Status,Transaction ID`, e.g.
 * `2021-01-30 23:59:59,Debit Card,500.00 CAD,1.30771315 USDT/CAD,10.00 CAD,374.69991101 USDT,
 * Completed,…`. `Amount` is what the card was charged, fees included; `Final Amount` what was
 * credited: (500 − 10) / 1.30771315 = 374.69991… USDT. Mapping: one trade — sent `Amount − Fees`
 * of the fiat, the fee `Fees` in addition, received `Final Amount`. Only `Completed` rows moved
 * anything; other statuses are skipped. Times are UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimalWithUnit, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

export const binanceCardPurchases = defineImporter({
  id: 'binance-card-purchases',
  label: 'Binance Buy Crypto history (card purchases: Method, Amount, Price, Fees, Final Amount)',
  howToExport: 'Binance › Orders › Buy Crypto History › Export',
  wallet: 'binance',
  columns: {
    time: instant('Date(UTC)'),
    method: text('Method'),
    amount: decimalWithUnit('Amount'),
    price: text('Price'),
    fees: decimalWithUnit('Fees'),
    final: decimalWithUnit('Final Amount'),
    status: text('Status'),
    txId: text('Transaction ID'),
  },
  mapRow(row): RowOutcome {
    if (row.status.trim().toLowerCase() !== 'completed') return skip(`card purchase not completed (status ${row.status})`);
    const [paid, fee, got] = [row.amount, row.fees, row.final];
    if (!paid.unit || !got.unit) return reject('ROW_MISSING_VALUE', 'Amount and Final Amount must name their currencies');
    if (fee.unit && normalizeAsset(fee.unit) !== normalizeAsset(paid.unit) && !fee.value.isZero()) return reject('ROW_INCONSISTENT', `Fees in ${fee.unit}, not in the ${paid.unit} paid`);
    const net = paid.value.minus(fee.value);
    if (!net.isPositive() || !got.value.isPositive()) return reject('ROW_INCONSISTENT', `Amount ${paid.value.toFixed()} less Fees ${fee.value.toFixed()} leaves nothing to buy with`);
    return events({
      kind: 'trade',
      instant: row.time,
      sent: { asset: normalizeAsset(paid.unit), amount: net },
      received: { asset: normalizeAsset(got.unit), amount: got.value },
      ...(fee.value.isZero() ? {} : { fee: { asset: normalizeAsset(paid.unit), amount: fee.value } }),
      note: `${row.method} purchase at ${row.price}`,
    });
  },
});
