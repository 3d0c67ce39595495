/**
 * Coinbase Pro (GDAX) fills report — one row per fill (docs/formats.md §2.2), with or without the
 * leading `portfolio` column. Wallet `coinbase-pro`.
 *
 * `size` is the base quantity; `total` is the signed quote amount **including** the fee
 * (negative for BUY), `fee` the fee in the quote unit. So a BUY sends |total| − fee of the quote
 * (the fee leaves in addition) and a SELL receives total + fee, the gross proceeds, of which the fee
 * is paid: the wallet nets `total` either way (BittyTax does the same).
 * Do not import both this report and the account statement of the same period: both hold the trades.
 */
import { decimal, ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { coinbaseAsset, DERIVATIVE_MESSAGE, DERIVATIVE_TYPE } from './cells.js';

export const coinbaseProFills = defineImporter({
  id: 'coinbase-pro-fills',
  label: 'Coinbase Pro fills report (one trade per fill)',
  howToExport: 'pro.coinbase.com › Portfolios › Statements › Generate › Fills › CSV (Coinbase Pro was retired in 2023)',
  wallet: 'coinbase-pro',
  zone: 'UTC',
  columns: {
    portfolio: ifPresent(text('portfolio')),
    tradeId: text('trade id'),
    product: text('product'),
    side: text('side'),
    createdAt: instant('created at'),
    size: decimal('size'),
    sizeUnit: text('size unit'),
    price: decimal('price'),
    fee: decimal('fee'),
    total: decimal('total'),
    quoteUnit: text('price/fee/total unit'),
  },
  mapRow(r): RowOutcome {
    if (DERIVATIVE_TYPE.test(r.product)) return reject('ROW_UNSUPPORTED', DERIVATIVE_MESSAGE(r.product));
    const [base, quote, extra] = r.product.split('-').map(coinbaseAsset);
    if (!base || !quote || extra !== undefined) return reject('ROW_UNKNOWN_TYPE', `cannot read product "${r.product}" as BASE-QUOTE`);
    if (coinbaseAsset(r.sizeUnit) !== base || coinbaseAsset(r.quoteUnit) !== quote) {
      return reject('ROW_INCONSISTENT', `units ${r.sizeUnit}/${r.quoteUnit} do not match product ${r.product}`);
    }
    const own = { asset: base, amount: r.size.abs() };
    const fee = r.fee.abs();
    const feePart = fee.isZero() ? {} : { fee: { asset: quote, amount: fee } };
    const baseEvent = { instant: r.createdAt, note: `trade ${r.tradeId} ${r.product}` };
    const side = r.side.trim().toUpperCase();
    if (side === 'BUY') {
      return events({ kind: 'trade', ...baseEvent, sent: { asset: quote, amount: r.total.abs().minus(fee) }, received: own, ...feePart });
    }
    if (side === 'SELL') {
      return events({ kind: 'trade', ...baseEvent, sent: own, received: { asset: quote, amount: r.total.abs().plus(fee) }, ...feePart });
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown side "${r.side}" (expected BUY or SELL)`);
  },
});
