/**
 * everytrade (WhaleBooks) — its generic import format (docs/formats.md §3.4; everytrade
 * `EveryTradeBeanV1..V3_x` tests and `etrade_v00*` samples), `;`-separated: `UID; DATE; SYMBOL;
 * ACTION; QUANTY; PRICE|VOLUME; FEE[; FEE_CURRENCY; REBATE; REBATE_CURRENCY]`. `SYMBOL` is
 * `BASE/QUOTE`; a `BUY` received QUANTY of the base for QUANTY × PRICE (or VOLUME) of the quote,
 * a `SELL` the reverse; `FEE` is in FEE_CURRENCY (default: the quote) and leaves in addition, a
 * `REBATE` comes back as a reward; `FEE` and `REBATE` rows stand alone. Dates `27.7.2021
 * 14:43:18`, day first, UTC.
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';

export const everytradeGeneric = defineImporter({
  id: 'everytrade-generic',
  label: 'everytrade / WhaleBooks generic (UID; DATE; SYMBOL; ACTION; QUANTY; PRICE or VOLUME; FEE; …)',
  howToExport: 'the CSV written for everytrade\'s (WhaleBooks) generic importer',
  wallet: 'everytrade',
  columns: {
    uid: text('UID'),
    date: instant('DATE', { order: 'dmy' }),
    symbol: text('SYMBOL'),
    action: text('ACTION'),
    quantity: optional(decimal('QUANTY')),
    price: ifPresent(decimal('PRICE')),
    volume: ifPresent(decimal('VOLUME')),
    fee: optional(decimal('FEE')),
    feeCur: ifPresent(text('FEE_CURRENCY')),
    rebate: ifPresent(decimal('REBATE')),
    rebateCur: ifPresent(text('REBATE_CURRENCY')),
  },
  mapRow(row): RowOutcome {
    const [b, q] = row.symbol.split('/');
    if (!b || !q) return reject('ROW_MISSING_VALUE', `cannot read SYMBOL "${row.symbol}" (BASE/QUOTE)`);
    const fee = leg(row.feeCur || q, row.fee);
    const rebate = leg(row.rebateCur || q, row.rebate);
    const common = { instant: row.date, note: `everytrade ${row.uid}` };
    const action = row.action.trim().toUpperCase();
    const rebateEvent: EventDraft[] = rebate ? [{ kind: 'income', incomeKind: 'reward', received: rebate, ...common }] : [];
    if (action === 'FEE') return fee ? events({ kind: 'fee', fee, ...common }) : reject('ROW_MISSING_VALUE', 'FEE row without FEE');
    if (action === 'REBATE') return rebate ? events(...rebateEvent) : reject('ROW_MISSING_VALUE', 'REBATE row without REBATE');
    if (action !== 'BUY' && action !== 'SELL') return reject('ROW_UNKNOWN_TYPE', `unknown everytrade ACTION "${row.action}"`);
    const quoteAmount = row.volume ?? (row.price && row.quantity ? row.quantity.mul(row.price) : undefined);
    const baseLeg = leg(b, row.quantity);
    const quoteLeg = leg(q, quoteAmount);
    if (!baseLeg || !quoteLeg) return reject('ROW_MISSING_VALUE', 'a trade needs QUANTY and PRICE or VOLUME');
    const withFee = fee ? { fee } : {};
    const trade: EventDraft = action === 'BUY' ? { kind: 'trade', sent: quoteLeg, received: baseLeg, ...withFee, ...common } : { kind: 'trade', sent: baseLeg, received: quoteLeg, ...withFee, ...common };
    return events(trade, ...rebateEvent);
  },
});
