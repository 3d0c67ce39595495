/**
 * Bisq — trade history (docs/formats.md "Bisq"; rotki `bisq_trades.py` and its test file): `Trade ID,
 * Date/Time, Market, Price, Deviation, Amount in BTC, Amount, Currency, Transaction Fee, Trade
 * Fee BTC, Trade Fee BSQ, Buyer Deposit, Seller Deposit, Offer type, Status`. `Offer type`
 * (`Sell BTC`, `Buy BSQ`) names the side and the asset traded; the other asset of `Market` is
 * the counter-currency, amount × `Price` (rotki's reading). The trade fee is in BSQ when stated,
 * else BTC; the security deposits come back and are not events. `Canceled` trades are skipped.
 * Dates are `10 Mar 2021 10:40:20`, local time (read as UTC unless `--input-timezone`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, optional, text, type Column } from '../../columns.js';
import { parseInstant } from '../../parse-instant.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Bisq's `10 Mar 2021 10:40:20` (day, English month abbreviation, year, time). */
function bisqDate(header: string): Column<number> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      const m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}),?\s+(\d{1,2}:\d{2}(?::\d{2})?)$/.exec(t);
      const month = m?.[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
      const value = m && month > 0 ? parseInstant(`${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')} ${m[4]}`, { zone: ctx.zone }) : parseInstant(t, { zone: ctx.zone });
      if (value === undefined) return { ok: false, problem: { code: t === '' ? 'ROW_MISSING_VALUE' : 'ROW_BAD_DATE', message: `cannot read "${t}" as a date/time in column "${ctx.header}"` } };
      return { ok: true, value };
    },
  };
}

export const bisqTrades = defineImporter({
  id: 'bisq-trades',
  label: 'Bisq: trade history (Trade ID, Date/Time, Market, Price, …, Offer type, Status)',
  howToExport: 'Bisq › Portfolio › History › Export to CSV',
  wallet: 'bisq',
  columns: {
    id: text('Trade ID'),
    date: bisqDate('Date/Time'),
    market: text('Market'),
    price: decimal('Price'),
    amountBtc: optional(decimal('Amount in BTC')),
    amount: optional(decimal('Amount')),
    feeBtc: optional(decimal('Trade Fee BTC')),
    feeBsq: optional(decimal('Trade Fee BSQ')),
    offer: text('Offer type'),
    status: text('Status'),
  },
  signature: { also: ['Buyer Deposit', 'Seller Deposit'] },
  mapRow(row): RowOutcome {
    if (row.status.toLowerCase().startsWith('cancel')) return skip('canceled trade');
    const [side, asset] = row.offer.split(/\s+/);
    const [a1, a2] = row.market.split('/');
    if (!side || !asset || !a1 || !a2) return reject('ROW_MISSING_VALUE', `cannot read Offer type "${row.offer}" / Market "${row.market}"`);
    const base = normalizeAsset(asset);
    const quote = normalizeAsset(base === normalizeAsset(a1) ? a2 : a1);
    const amount = base === 'BTC' ? row.amountBtc : row.amount;
    if (!amount || amount.isZero()) return reject('ROW_MISSING_VALUE', 'the traded amount is empty');
    const b = { asset: base, amount: amount.abs() };
    const q = { asset: quote, amount: amount.abs().mul(row.price) };
    const fee = row.feeBsq && !row.feeBsq.isZero() ? { fee: { asset: 'BSQ', amount: row.feeBsq } } : row.feeBtc && !row.feeBtc.isZero() ? { fee: { asset: 'BTC', amount: row.feeBtc } } : {};
    const common = { instant: row.date, note: `trade ${row.id} ${row.status}`, ...fee };
    const s = side.toLowerCase();
    if (s === 'buy') return events({ kind: 'trade', sent: q, received: b, ...common });
    if (s === 'sell') return events({ kind: 'trade', sent: b, received: q, ...common });
    return reject('ROW_UNKNOWN_TYPE', `unknown Offer type "${row.offer}"`);
  },
});

export const BISQ_IMPORTERS: readonly Importer[] = [bisqTrades];
