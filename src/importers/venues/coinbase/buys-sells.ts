/**
 * Coinbase legacy "Buys, sells, and merchant payouts" report (the BittyTax "Coinbase Transfers"
 * layout): `Timestamp,Type,<CRYPTO>,Subtotal,Fees,Total,Currency,Price Per Coin,Payment Method,ID,Share`.
 * The third header *is* the crypto ticker of the wallet the report was made for (`BTC`), and its
 * cells are that crypto's quantity (docs/formats.md §2.1).
 *
 * Mapping (as BittyTax): Buy → sent Subtotal in `Currency`, received the crypto, fee `Fees`;
 * Sell mirrored (received Subtotal, i.e. before the fee); fiat Deposit/Withdrawal → `Total` with
 * fee `Fees`. Anything else is rejected by name. Wallet `coinbase`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import { instant, optional, text, type Column } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { coinbaseAsset, money } from './cells.js';

/** A ticker header (`BTC`, not `ID`): the cell's quantity together with the ticker. */
const TICKER = /^(?!ID$)[A-Z][A-Z0-9]{1,9}$/;
function cryptoAmount(): Column<{ amount: Dec | undefined; asset: string }> {
  const inner = optional(money(TICKER));
  return {
    headers: [TICKER],
    presence: 'required',
    parse(cell, ctx) {
      const r = inner.parse(cell, ctx);
      return r.ok ? { ok: true, value: { amount: r.value, asset: coinbaseAsset(ctx.header) } } : r;
    },
  };
}

export const coinbaseBuysSells = defineImporter({
  id: 'coinbase-buys-sells',
  label: 'Coinbase legacy "Buys, sells, and merchant payouts" report (one crypto wallet)',
  howToExport: 'coinbase.com › Reports (legacy, until ≈2017) › New report › "Buys, sells, and merchant payouts" › CSV',
  wallet: 'coinbase',
  zone: 'UTC',
  columns: {
    timestamp: instant('Timestamp'),
    type: text('Type'),
    crypto: cryptoAmount(),
    subtotal: optional(money('Subtotal')),
    fees: optional(money('Fees')),
    total: optional(money('Total')),
    currency: text('Currency'),
    pricePerCoin: optional(money('Price Per Coin')),
    paymentMethod: text('Payment Method'),
    id: text('ID'),
    share: text('Share'),
  },
  mapRow(r): RowOutcome {
    const type = r.type.trim().toLowerCase();
    const currency = normalizeAsset(r.currency);
    const fee = r.fees?.abs();
    const feePart = fee && !fee.isZero() && currency ? { fee: { asset: currency, amount: fee } } : {};
    const base = { instant: r.timestamp, ...(r.paymentMethod ? { note: r.paymentMethod } : {}) };
    if (type === 'buy' || type === 'sell') {
      const crypto = r.crypto.amount?.abs();
      const fiat = r.subtotal?.abs();
      if (!crypto || crypto.isZero() || !fiat || !currency) return reject('ROW_MISSING_VALUE', `${r.type} row needs the ${r.crypto.asset} quantity, Subtotal and Currency`);
      const own = { asset: r.crypto.asset, amount: crypto };
      const counter = { asset: currency, amount: fiat };
      return type === 'buy'
        ? events({ kind: 'trade', ...base, sent: counter, received: own, ...feePart })
        : events({ kind: 'trade', ...base, sent: own, received: counter, ...feePart });
    }
    if (type === 'deposit' || type === 'withdrawal') {
      const total = r.total?.abs();
      if (!total || !currency) return reject('ROW_MISSING_VALUE', `${r.type} row needs Total and Currency`);
      if (total.isZero()) return skip('zero amount: no balance change');
      const q = { asset: currency, amount: total };
      return type === 'deposit'
        ? events({ kind: 'deposit', ...base, received: q, ...feePart })
        : events({ kind: 'withdrawal', ...base, sent: q, ...feePart });
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Coinbase buys/sells report type "${r.type}"`);
  },
});
