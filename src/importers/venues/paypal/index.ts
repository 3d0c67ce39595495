/**
 * PayPal (and Venmo, which shares PayPal's crypto service) — crypto transactions statement
 * (docs/formats.md "PayPal"; BittyTax `paypal.py`): `DateTime, Transaction Type, Asset In (Quantity),
 * Asset In (Currency), Asset Out (Quantity), Asset Out (Currency), Transaction Fee (Quantity),
 * Transaction Fee (Currency), Market Value (USD)` (the market value column names its currency).
 * `BUY` / `SELL` give Asset Out for Asset In with the fee in addition; `SEND` / `RECEIVE` move
 * crypto out / in (PayPal added external transfers in 2022). The wallet is `paypal`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';

export const paypalCrypto = defineImporter({
  id: 'paypal-crypto',
  label: 'PayPal / Venmo: crypto transactions (DateTime, Transaction Type, Asset In (Quantity), …, Market Value)',
  howToExport: 'PayPal › Crypto › Statements › Download crypto statements (CSV)',
  wallet: 'paypal',
  columns: {
    date: instant('DateTime'),
    type: text('Transaction Type'),
    inQty: optional(decimal('Asset In (Quantity)')),
    inCur: text('Asset In (Currency)'),
    outQty: optional(decimal('Asset Out (Quantity)')),
    outCur: text('Asset Out (Currency)'),
    feeQty: optional(decimal('Transaction Fee (Quantity)')),
    feeCur: text('Transaction Fee (Currency)'),
  },
  mapRow(row): RowOutcome {
    const received = row.inQty && row.inCur ? { asset: normalizeAsset(row.inCur), amount: row.inQty.abs() } : undefined;
    const sent = row.outQty && row.outCur ? { asset: normalizeAsset(row.outCur), amount: row.outQty.abs() } : undefined;
    const fee = row.feeQty && !row.feeQty.isZero() && row.feeCur ? { fee: { asset: normalizeAsset(row.feeCur), amount: row.feeQty.abs() } } : {};
    const base = { instant: row.date, note: row.type, ...fee };
    const type = row.type.trim().toUpperCase();
    if (type === 'BUY' || type === 'SELL' || type === 'CONVERT') {
      return sent && received ? events({ kind: 'trade', sent, received, ...base }) : reject('ROW_MISSING_VALUE', `${row.type} needs Asset In and Asset Out`);
    }
    if (type === 'SEND' || type === 'WITHDRAWAL' || type === 'TRANSFER OUT') return sent ? events({ kind: 'withdrawal', sent, ...base }) : reject('ROW_MISSING_VALUE', `${row.type} needs Asset Out`);
    if (type === 'RECEIVE' || type === 'DEPOSIT' || type === 'TRANSFER IN') return received ? events({ kind: 'deposit', received, ...base }) : reject('ROW_MISSING_VALUE', `${row.type} needs Asset In`);
    return reject('ROW_UNKNOWN_TYPE', `unknown PayPal crypto Transaction Type "${row.type}"`);
  },
});

export const PAYPAL_IMPORTERS: readonly Importer[] = [paypalCrypto];
