/**
 * ShapeShift — trade history (docs/formats.md "ShapeShift"; rotki `shapeshift_trades.py` and its test
 * file): `id, status, timestamp, rate, minerFee, inputAmount, inputCurrency, inputAddress,
 * inputTxid, outputAmount, outputCurrency, outputAddress, outputTxid, refundAddress,
 * refundCurrency, refundTxid`. A `complete` swap gave `inputAmount` for `outputAmount`, the miner
 * fee (in the output currency) already taken out of `outputAmount` (input × rate − fee = output), so the
 * trade receives output + fee and pays the fee apart; other statuses (`returned`,
 * `failed`) gave the input back: skipped. The wallet is `shapeshift`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

export const shapeshiftTrades = defineImporter({
  id: 'shapeshift-trades',
  label: 'ShapeShift: trade history (id, status, timestamp, rate, minerFee, inputAmount, inputCurrency, …)',
  howToExport: 'ShapeShift › Account › Trade history › Export CSV',
  wallet: 'shapeshift',
  columns: {
    id: text('id'),
    status: text('status'),
    timestamp: instant('timestamp'),
    minerFee: optional(decimal('minerFee')),
    inputAmount: decimal('inputAmount'),
    inputCurrency: text('inputCurrency'),
    outputAmount: decimal('outputAmount'),
    outputCurrency: text('outputCurrency'),
    outputTxid: text('outputTxid'),
  },
  signature: { also: ['rate', 'inputTxid', 'refundAddress'] },
  mapRow(row): RowOutcome {
    if (row.status.toLowerCase() !== 'complete') return skip(`swap ${row.status}: the input was returned`);
    if (row.inputAmount.isZero() || row.outputAmount.isZero()) return reject('ROW_MISSING_VALUE', 'inputAmount or outputAmount is 0');
    const out = normalizeAsset(row.outputCurrency);
    const fee = row.minerFee && !row.minerFee.isZero() ? { fee: { asset: out, amount: row.minerFee.abs() } } : {};
    return events({
      kind: 'trade',
      sent: { asset: normalizeAsset(row.inputCurrency), amount: row.inputAmount.abs() },
      // outputAmount is what arrived, the miner fee already taken: received gross, the fee apart
      received: { asset: out, amount: row.outputAmount.abs().plus(row.minerFee?.abs() ?? 0) },
      instant: row.timestamp,
      note: `ShapeShift ${row.id}`,
      ...fee,
    });
  },
});

export const SHAPESHIFT_IMPORTERS: readonly Importer[] = [shapeshiftTrades];
