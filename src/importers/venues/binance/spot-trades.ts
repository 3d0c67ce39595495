/**
 * Binance Spot Trade History, current layout: `Date(UTC),Pair,Side,Price,Executed,Amount,Fee`
 * (docs/formats.md §2.3) and the same file with the newer column naming `Time,Pair,…` seen in exports
 * since 2023 (third-party fixtures, e.g. `Binance-Spot-Trade-History-…(UTC--6).csv`).
 *
 * Mapping: one row is one fill. `Executed` is the base quantity, `Amount` the quote quantity, both
 * gross; `Fee` is charged on top, in its own asset (often BNB) — so BUY = sent Amount (quote),
 * received Executed (base); SELL the reverse; fee as stated. The quote is the asset written in
 * the `Amount` cell (the export states it, which beats a quote list), and the base is the rest of
 * the pair; `Executed` must then end with that base, otherwise the row contradicts itself.
 *
 * The same file exported from Binance's Czech interface has the translated header
 * `Čas,Pár,Strana,Cena,Provedeno,Částka,Poplatek` and `yy-MM-dd` dates (`24-03-08 10:15:42`), sides
 * still `BUY`/`SELL` (everytrade's BinanceBeanV3Test, `testLocalizedCzechHeaderWithTwoDigitYear`).
 *
 * Time zone: `Date(UTC)` is UTC; `Čas` is read like `Time`. The `Time` variant states its zone only in the file name
 * (`…(UTC+1).csv`), read by `zoneFrom`; UTC when the name has none; `--input-timezone` overrides.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { instant, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { amountOf, amountWithAsset, splitPair, trailingAsset } from './pair.js';

export const binanceSpotTrades = defineImporter({
  id: 'binance-spot-trades',
  label: 'Binance spot trade history (Date(UTC)/Time, Pair, Side, Executed, Amount, Fee)',
  howToExport: 'Binance › Orders › Spot Order › Trade History › Export (CSV)',
  wallet: 'binance',
  // the `Time` naming states its zone only in the file name Binance gives it: `…(UTC+1).csv`
  zoneFrom: (file) => zoneInText(file.name),
  columns: {
    // Czech UI export: `Čas,Pár,Strana,Cena,Provedeno,Částka,Poplatek` (everytrade BinanceBeanV3Test)
    time: instant(['Date(UTC)', 'Time', 'Čas']),
    pair: text(['Pair', 'Pár']),
    side: text(['Side', 'Strana']),
    price: text(['Price', 'Cena']),
    executed: text(['Executed', 'Provedeno']),
    amount: text(['Amount', 'Částka']),
    fee: text(['Fee', 'Poplatek']),
  },
  mapRow(row): RowOutcome {
    const side = row.side.toUpperCase();
    if (side !== 'BUY' && side !== 'SELL') return reject('ROW_UNKNOWN_TYPE', `unknown side "${row.side}"`);
    const quoteHint = trailingAsset(row.amount);
    const pair = splitPair(row.pair, quoteHint);
    if (!pair) return reject('ROW_INCONSISTENT', `pair "${row.pair}" does not end with the asset of Amount "${row.amount}"`);
    const baseAmount = amountOf(row.executed, pair.base);
    if (!baseAmount) return unreadable('Executed', row.executed, pair.base);
    const quoteAmount = amountOf(row.amount, pair.quote);
    if (!quoteAmount) return unreadable('Amount', row.amount, pair.quote);
    if (baseAmount.isNegative() || quoteAmount.isNegative()) return reject('ROW_INCONSISTENT', 'Executed and Amount must be positive');

    let fee: Quantity | undefined;
    if (row.fee !== '') {
      const f = amountWithAsset(row.fee, [pair.base, pair.quote]);
      if (!f) return reject('ROW_BAD_NUMBER', `cannot read Fee "${row.fee}" as an amount with its asset`);
      if (f.amount.isNegative()) return reject('ROW_INCONSISTENT', `Fee "${row.fee}" is negative`);
      if (!f.amount.isZero()) fee = { asset: normalizeAsset(f.asset), amount: f.amount };
    }
    const base: Quantity = { asset: pair.base, amount: baseAmount };
    const quote: Quantity = { asset: pair.quote, amount: quoteAmount };
    const [sent, received] = side === 'BUY' ? [quote, base] : [base, quote];
    return events({ kind: 'trade', instant: row.time, sent, received, ...(fee ? { fee } : {}) });
  },
});

/** A cell in the wrong asset contradicts the pair; one in the right asset has a bad number. */
function unreadable(column: string, cell: string, asset: string): RowOutcome {
  return cell.trim().toUpperCase().endsWith(asset)
    ? reject('ROW_BAD_NUMBER', `cannot read ${column} "${cell}" as an amount of ${asset}`)
    : reject('ROW_INCONSISTENT', `${column} "${cell}" is not an amount of ${asset}, the asset its pair implies`);
}
