/**
 * Blockchair — address / xpub history export, a block explorer for Bitcoin-like chains (docs/formats.md
 * §3.2; BittyTax `blockchair.py`). Simple: `Tx number, Affected address/xpub, Effect, Ticker,
 * Amount fiat (USD), Asset rate (USD), Date, Transaction hash`; extended: `Tx number, Effect,
 * Ticker, Amount fiat (USD), Asset rate (USD), Type, Date, Public key, Wallet address,
 * Third-party address, Transaction hash` with Type `External receiving` / `External spending` /
 * `Inner` (between the wallet's own addresses: only its negative effect, the fee, counts). `Effect` is the signed change (fees
 * included, as on any UTXO chain). The wallet is the file name stem.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

export const blockchairHistory = defineImporter({
  id: 'blockchair-history',
  label: 'Blockchair: address or xpub history (Tx number, Effect, Ticker, Amount fiat (USD), …, Transaction hash)',
  howToExport: 'blockchair.com › address or xpub page › Export (CSV)',
  wallet: 'file-stem',
  columns: {
    effect: decimal('Effect'),
    ticker: text('Ticker'),
    usd: optional(decimal('Amount fiat (USD)')),
    type: ifPresent(text('Type')),
    date: instant('Date'),
    hash: text('Transaction hash'),
  },
  signature: { also: ['Tx number', 'Asset rate (USD)'] },
  mapRow(row): RowOutcome {
    const type = row.type?.toLowerCase();
    if (type === 'inner') {
      // between the wallet's own addresses: only the network fee (the negative effect) left
      return row.effect.isNegative() ? events({ kind: 'fee', fee: { asset: normalizeAsset(row.ticker), amount: row.effect.abs() }, instant: row.date, txHash: row.hash }) : skip('between the wallet\'s own addresses');
    }
    if (type !== undefined && type !== 'external receiving' && type !== 'external spending') return reject('ROW_UNKNOWN_TYPE', `unknown Blockchair Type "${row.type}"`);
    const amount = row.effect.abs();
    if (amount.isZero()) return skip('transaction of 0');
    const value = row.usd && !row.usd.isZero() ? { value: { amount: row.usd.abs(), currency: 'USD' } } : {};
    const q = { asset: normalizeAsset(row.ticker), amount, ...value };
    const base = { instant: row.date, txHash: row.hash };
    return row.effect.gt(0) ? events({ kind: 'deposit', received: q, ...base }) : events({ kind: 'withdrawal', sent: q, ...base });
  },
});
