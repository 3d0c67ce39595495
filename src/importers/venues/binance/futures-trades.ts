/**
 * Binance USDⓈ-M / COIN-M futures trade history (docs/formats.md §2.3; not in BittyTax or rotki).
 *
 * Headers: `Uid,Time(UTC),Symbol,Side,Position Side,Price,Quantity,Amount,Fee,Realized Profit,
 * Buyer,Maker,Trade Id,Order Id` and the newer `Uid,Time,Symbol,Side,Price,Quantity,Amount,Fee,
 * Realized Profit,Buyer,Maker,Trade ID,Order ID`. `Fee` carries its asset (`0.00053 BNB`).
 *
 * One row per fill; positions are rebuilt from the fills (src/derivatives, pattern 1) — the file
 * states no position size, so sizes are accumulated from the fills.
 * - Open or close: in hedge mode `Position Side` says it (LONG+BUY / SHORT+SELL open, LONG+SELL /
 *   SHORT+BUY close) and the long and short sides are separate positions. In one-way mode
 *   (`BOTH`, or no column) Decision: a fill with a non-zero `Realized Profit` closes, one without
 *   opens — Binance books realised profit only on reducing fills; a close exactly at the entry
 *   price is then read as an open and realised at the next close.
 * - Events: a close → realized PnL (`Realized Profit`) with the fill, plus the commission; an open
 *   → the commission with the fill. The commission is in the `Fee` cell's asset (a BNB fee is a
 *   disposal of BNB: src/engine).
 * - Settlement asset of the realised profit: the symbol's quote (`…USDT`, `…USDC`, `…BUSD`,
 *   `…FDUSD`), or the base coin of a COIN-M contract (`BTCUSD_PERP`, `ETHUSD_240628`).
 * Zone: `Time(UTC)` is UTC; the newer `Time` is in the zone named in the file name, as the other
 * newer Binance exports.
 */
import { normalizeAsset } from '../../../model/asset.js';

import { decimal, decimalWithUnit, ifPresent, instant, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { zoneInText } from '../../parse-instant.js';

/** Settlement asset of a Binance futures symbol, or undefined. */
export function binanceFuturesSettlement(symbol: string): string | undefined {
  const s = symbol.trim().toUpperCase();
  const coinM = /^([A-Z0-9]+?)USD_(PERP|\d{6})$/.exec(s);
  if (coinM) return normalizeAsset(coinM[1] as string);
  const usdM = /(USDT|USDC|BUSD|FDUSD)(_\d{6})?$/.exec(s);
  return usdM ? (usdM[1] as string) : undefined;
}

export const binanceFuturesTrades = defineImporter({
  id: 'binance-futures-trades',
  label: 'Binance futures trade history (Symbol, Side, Quantity, Fee, Realized Profit)',
  howToExport: 'Binance › Orders › Futures Order History › Trade History › Export (CSV)',
  wallet: 'binance',
  zoneFrom: (file) => zoneInText(file.name),
  columns: {
    time: instant(['Time(UTC)', 'Time']),
    symbol: text('Symbol'),
    side: text('Side'),
    positionSide: ifPresent(text('Position Side')),
    quantity: decimal('Quantity'),
    fee: decimalWithUnit('Fee'),
    realizedProfit: decimal('Realized Profit'),
  },
  signature: { also: ['Uid', 'Price', 'Amount', 'Buyer', 'Maker'] },
  mapRow(row): RowOutcome {
    const asset = binanceFuturesSettlement(row.symbol);
    if (!asset) return reject('ROW_UNKNOWN_TYPE', `Binance futures symbol "${row.symbol}": settlement asset unknown`);
    const side = row.side.trim().toUpperCase();
    if (side !== 'BUY' && side !== 'SELL') return reject('ROW_UNKNOWN_TYPE', `unknown Binance futures side "${row.side}"`);
    if (!row.quantity.greaterThan(0)) return reject('ROW_INCONSISTENT', `Binance futures fill with quantity ${row.quantity.toFixed()}`);
    const hedge = (row.positionSide ?? '').trim().toUpperCase();
    let action: 'open' | 'close';
    let position: string | undefined;
    if (hedge === 'LONG' || hedge === 'SHORT') {
      action = (hedge === 'LONG') === (side === 'BUY') ? 'open' : 'close';
      position = `${row.symbol} ${hedge}`;
    } else if (hedge === '' || hedge === 'BOTH') {
      action = row.realizedProfit.isZero() ? 'open' : 'close';
    } else return reject('ROW_UNKNOWN_TYPE', `unknown Binance futures position side "${row.positionSide}"`);
    const fill = { action, quantity: row.quantity, ...(position ? { side: hedge === 'LONG' ? ('long' as const) : ('short' as const) } : {}) };
    const base = { instant: row.time, account: 'futures', contract: row.symbol, asset, position };
    const feeAsset = row.fee.unit ? normalizeAsset(row.fee.unit) : asset;
    const commission = derivativeDraft('commission', { ...base, asset: feeAsset, amount: row.fee.value.negated(), fill: action === 'open' ? fill : undefined });
    if (action === 'open') {
      if (!row.realizedProfit.isZero()) return reject('ROW_INCONSISTENT', `an opening fill with Realized Profit ${row.realizedProfit.toFixed()}`);
      return events(commission);
    }
    const drafts: EventDraft[] = [derivativeDraft('realized-pnl', { ...base, amount: row.realizedProfit, fill })];
    if (!row.fee.value.isZero()) drafts.push(commission);
    return events(...drafts);
  },
});

