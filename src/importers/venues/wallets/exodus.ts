/**
 * Exodus — transaction history export (docs/formats.md "Exodus"; BittyTax `exodus.py`).
 * - v2 (2022–): `TXID, TXURL, DATE, TYPE, FROMPORTFOLIO, TOPORTFOLIO, COINAMOUNT, FEE, BALANCE,
 *   EXCHANGE, PERSONALNOTE`; amounts carry their coin (`-0.5 BTC`, `0.0001 BTC`).
 * - v1: `DATE, TYPE, FROMPORTFOLIO, TOPORTFOLIO, OUTAMOUNT, OUTCURRENCY, FEEAMOUNT, FEECURRENCY,
 *   [FROMADDRESS,] TOADDRESS, OUTTXID, OUTTXURL, INAMOUNT, INCURRENCY, INTXID, INTXURL, ORDERID,
 *   PERSONALNOTE` (columns in any order); `exchange` rows are in-app swaps.
 * `deposit` arrived, `withdrawal` left with its fee in addition; `… (failed)` burnt only the fee.
 * Dates are JavaScript date strings with their offset. The wallet is `exodus`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, decimalWithUnit, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

const type = (t: string) => t.trim().toLowerCase();

export const exodusV2 = defineImporter({
  id: 'exodus-v2',
  label: 'Exodus: transaction history (TXID, DATE, TYPE, COINAMOUNT, FEE, …)',
  howToExport: 'Exodus desktop › Settings (Profile) › Export all transactions',
  wallet: 'exodus',
  columns: {
    txid: text('TXID'),
    date: instant('DATE'),
    type: text('TYPE'),
    coinAmount: decimalWithUnit('COINAMOUNT'),
    fee: optional(decimalWithUnit('FEE')),
    note: ifPresent(text('PERSONALNOTE')),
  },
  signature: { also: ['TXURL', 'FROMPORTFOLIO', 'TOPORTFOLIO', 'BALANCE'] },
  mapRow(row): RowOutcome {
    const asset = normalizeAsset(row.coinAmount.unit ?? '');
    if (asset === '') return reject('ROW_MISSING_VALUE', 'COINAMOUNT names no coin');
    const fee: Quantity | undefined = row.fee && !row.fee.value.isZero() ? { asset: normalizeAsset(row.fee.unit ?? asset), amount: row.fee.value.abs() } : undefined;
    const amount = row.coinAmount.value.abs();
    const base = { instant: row.date, ...(row.txid ? { txHash: row.txid } : {}), ...(row.note ? { note: row.note } : {}) };
    const t = type(row.type);
    if (t === 'deposit') return events({ kind: 'deposit', received: { asset, amount }, ...base });
    if (t === 'withdrawal') return events({ kind: 'withdrawal', sent: { asset, amount }, ...(fee ? { fee } : {}), ...base });
    if (t === 'deposit (failed)' || t === 'withdrawal (failed)') return fee ? events({ kind: 'fee', fee, ...base }) : skip(`${row.type}: nothing moved`);
    return reject('ROW_UNKNOWN_TYPE', `unknown Exodus TYPE "${row.type}"`);
  },
});

export const exodusV1 = defineImporter({
  id: 'exodus-v1',
  label: 'Exodus: transaction history, old layout (DATE, TYPE, OUTAMOUNT, OUTCURRENCY, INAMOUNT, …)',
  howToExport: 'Exodus desktop (before 2022) › Settings › Export all transactions',
  wallet: 'exodus',
  columns: {
    date: instant('DATE'),
    type: text('TYPE'),
    outAmount: optional(decimal('OUTAMOUNT')),
    outCurrency: text('OUTCURRENCY'),
    feeAmount: optional(decimal('FEEAMOUNT')),
    feeCurrency: text('FEECURRENCY'),
    outTxid: text('OUTTXID'),
    inAmount: optional(decimal('INAMOUNT')),
    inCurrency: text('INCURRENCY'),
    inTxid: text('INTXID'),
    orderId: text('ORDERID'),
    note: text('PERSONALNOTE'),
  },
  signature: { also: ['FROMPORTFOLIO', 'TOPORTFOLIO', 'TOADDRESS'] },
  mapRow(row): RowOutcome {
    const fee: Quantity | undefined = row.feeAmount && !row.feeAmount.isZero() && row.feeCurrency ? { asset: normalizeAsset(row.feeCurrency), amount: row.feeAmount.abs() } : undefined;
    const out = row.outAmount && row.outCurrency ? { asset: normalizeAsset(row.outCurrency), amount: row.outAmount.abs() } : undefined;
    const inn = row.inAmount && row.inCurrency ? { asset: normalizeAsset(row.inCurrency), amount: row.inAmount.abs() } : undefined;
    const base = { instant: row.date, ...(row.note ? { note: row.note } : {}) };
    const withFee = fee ? { fee } : {};
    const t = type(row.type);
    if (t === 'deposit') return inn ? events({ kind: 'deposit', received: inn, ...(row.inTxid ? { txHash: row.inTxid } : {}), ...base }) : reject('ROW_MISSING_VALUE', 'INAMOUNT / INCURRENCY is empty');
    if (t === 'withdrawal') return out ? events({ kind: 'withdrawal', sent: out, ...withFee, ...(row.outTxid ? { txHash: row.outTxid } : {}), ...base }) : reject('ROW_MISSING_VALUE', 'OUTAMOUNT / OUTCURRENCY is empty');
    if (t === 'exchange') return out && inn ? events({ kind: 'trade', sent: out, received: inn, ...withFee, ...base, note: `Exodus exchange ${row.orderId}`.trim() }) : reject('ROW_MISSING_VALUE', 'an exchange needs OUTAMOUNT and INAMOUNT');
    if (t === 'deposit (failed)' || t === 'withdrawal (failed)') return fee ? events({ kind: 'fee', fee, ...base }) : skip(`${row.type}: nothing moved`);
    return reject('ROW_UNKNOWN_TYPE', `unknown Exodus TYPE "${row.type}"`);
  },
});
