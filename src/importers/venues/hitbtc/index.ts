/**
 * HitBTC — trades report (docs/formats.md "HitBTC"; everytrade `hitbtc_v001`, `hitbtc_v002`
 * fixtures): `[Email,] Date (UTC)|Date (+01:00), Instrument, Trade ID, Order ID, Side, Quantity,
 * Price, Volume, Fee, Rebate, Total[, Taker]`. `Instrument` is `BASE/QUOTE`; a `buy` gets
 * `Quantity` for `Volume` plus `Fee` (Total = −(Volume + Fee)), a `sell` gives `Quantity` for
 * `Volume` less `Fee` (in the quote); a maker rebate (a negative `Fee`, repeated in `Rebate`)
 * comes back once, as a reward. The date header names its
 * zone.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type EventDraft, type Importer, type RowOutcome } from '../../importer-spec.js';

export const hitbtcTrades = defineImporter({
  id: 'hitbtc-trades',
  label: 'HitBTC: trades (Date (UTC), Instrument, Trade ID, Order ID, Side, Quantity, Price, Volume, Fee, Rebate, Total)',
  howToExport: 'HitBTC › Reports › Trades › Export (CSV)',
  wallet: 'hitbtc',
  columns: {
    date: instant(/^Date \((UTC|[+-]\d{2}:\d{2})\)$/),
    instrument: text('Instrument'),
    tradeId: text('Trade ID'),
    side: text('Side'),
    quantity: decimal('Quantity'),
    volume: decimal('Volume'),
    fee: optional(decimal('Fee')),
    rebate: optional(decimal('Rebate')),
  },
  signature: { also: ['Order ID', 'Total'] },
  mapRow(row): RowOutcome {
    const [b, q] = row.instrument.split('/');
    if (!b || !q) return reject('ROW_MISSING_VALUE', `cannot read Instrument "${row.instrument}"`);
    const base = { asset: normalizeAsset(b), amount: row.quantity.abs() };
    const quote = { asset: normalizeAsset(q), amount: row.volume.abs() };
    // a maker rebate shows as a negative Fee and again in Rebate: count it once
    const fee = row.fee && row.fee.gt(0) ? { fee: { asset: quote.asset, amount: row.fee } } : {};
    const rebateAmount = row.rebate && row.rebate.gt(0) ? row.rebate : row.fee && row.fee.isNegative() ? row.fee.abs() : undefined;
    const common = { instant: row.date, note: `trade ${row.tradeId}` };
    const side = row.side.toLowerCase();
    if (side !== 'buy' && side !== 'sell') return reject('ROW_UNKNOWN_TYPE', `unknown HitBTC Side "${row.side}"`);
    const trade: EventDraft = side === 'buy' ? { kind: 'trade', sent: quote, received: base, ...fee, ...common } : { kind: 'trade', sent: base, received: quote, ...fee, ...common };
    const rebate: EventDraft[] = rebateAmount ? [{ kind: 'income', incomeKind: 'reward', received: { asset: quote.asset, amount: rebateAmount }, ...common }] : [];
    return events(trade, ...rebate);
  },
});

export const HITBTC_IMPORTERS: readonly Importer[] = [hitbtcTrades];
