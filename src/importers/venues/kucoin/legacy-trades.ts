/**
 * KuCoin trade exports of the 2018–2021 site, before the `UID,Account Type,…` bundle files
 * (docs/formats.md §2.7; BittyTax `parse_kucoin_trades_v1`, `_v2`, `_v4`; rotki `importers/kucoin.py`).
 *
 * Menu: KuCoin › Orders › Trade History › Export (old site).
 * Headers (one spec each, told apart by their distinct columns):
 * - v1 `uid,symbol,direction,deal_price,amount,deal_value,created_at` — no fee column;
 * - v2 `uid,symbol,order_type,price,amount_coin,direction,funds,fee,created_at`;
 * - v4 `oid,symbol,dealPrice,dealValue,amount,fee,direction,createdDate[,]` (trailing empty header);
 * - rotki's older form `Time,Pair,Side,FilledPrice,FilledPriceCoin,Amount,AmountCoin,Volume,
 *   VolumeCoin,Fee,FeeCoin`.
 *
 * Mapping (as BittyTax): `buy` receives the base amount (`amount`, `amount_coin`, `Amount`) and
 * sends the quote value (`deal_value`, `funds`, `dealValue`, `Volume`); `sell` the reverse; the
 * fee leaves in addition. v2 and v4 have no fee-currency column: BittyTax books the fee in the
 * quote currency (symbol `BASE-QUOTE`), and so do we. The rotki form names every unit
 * (`AmountCoin`, `VolumeCoin`, `FeeCoin`). Times are wall-clock Singapore time (UTC+8), as
 * BittyTax reads all of them (`tz="Asia/Singapore"`); `--input-timezone` overrides.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject } from '../../importer-spec.js';
import { KUCOIN_DEFAULT_ZONE, splitSymbol, spotTrade } from './common.js';

const quoteOf = (symbol: string): string => splitSymbol(symbol)?.quote ?? '';

export const kucoinTradesV1 = defineImporter({
  id: 'kucoin-trades-v1',
  label: 'KuCoin trade history v1 (`uid,symbol,direction,deal_price,…`, no fee; times UTC+8)',
  howToExport: 'KuCoin › Orders › Trade History › Export (2018 site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    uid: text('uid'),
    symbol: text('symbol'),
    direction: text('direction'),
    amount: decimal('amount'),
    dealValue: decimal('deal_value'),
    time: instant('created_at'),
  },
  signature: { also: ['deal_price'] },
  mapRow: (row) => spotTrade({ instant: row.time, symbol: row.symbol, side: row.direction, amount: row.amount, volume: row.dealValue, feeCurrency: '' }),
});

export const kucoinTradesV2 = defineImporter({
  id: 'kucoin-trades-v2',
  label: 'KuCoin trade history v2 (`uid,symbol,order_type,price,amount_coin,…`; fee in the quote coin; times UTC+8)',
  howToExport: 'KuCoin › Orders › Trade History › Export (2019 site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    uid: text('uid'),
    symbol: text('symbol'),
    direction: text('direction'),
    amount: decimal('amount_coin'),
    funds: decimal('funds'),
    fee: optional(decimal('fee')),
    time: instant('created_at'),
  },
  signature: { also: ['order_type', 'price'] },
  mapRow: (row) =>
    spotTrade({ instant: row.time, symbol: row.symbol, side: row.direction, amount: row.amount, volume: row.funds, fee: row.fee, feeCurrency: quoteOf(row.symbol) }),
});

export const kucoinTradesV4 = defineImporter({
  id: 'kucoin-trades-v4',
  label: 'KuCoin trade history v4 (`oid,symbol,dealPrice,dealValue,…`; fee in the quote coin; times UTC+8)',
  howToExport: 'KuCoin › Orders › Trade History › Export (2020 site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    oid: text('oid'),
    symbol: text('symbol'),
    dealValue: decimal('dealValue'),
    amount: decimal('amount'),
    fee: optional(decimal('fee')),
    direction: text('direction'),
    time: instant('createdDate'),
  },
  signature: { also: ['dealPrice'] },
  mapRow: (row) =>
    spotTrade({ instant: row.time, symbol: row.symbol, side: row.direction, amount: row.amount, volume: row.dealValue, fee: row.fee, feeCurrency: quoteOf(row.symbol) }),
});

export const kucoinTradesRotkiLegacy = defineImporter({
  id: 'kucoin-trades-legacy',
  label: 'KuCoin trade history, older form with units (`Time,Pair,Side,FilledPrice,…,FeeCoin`; times UTC+8)',
  howToExport: 'KuCoin › Orders › Trade History › Export (older site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    time: instant('Time'),
    pair: text('Pair'),
    side: text('Side'),
    amount: decimal('Amount'),
    amountCoin: text('AmountCoin'),
    volume: decimal('Volume'),
    volumeCoin: text('VolumeCoin'),
    fee: optional(decimal('Fee')),
    feeCoin: ifPresent(text('FeeCoin')),
  },
  signature: { also: ['FilledPrice'] },
  mapRow(row) {
    const side = row.side.toLowerCase();
    if (side !== 'buy' && side !== 'sell') return reject('ROW_UNKNOWN_TYPE', `unknown side "${row.side}"`);
    if (row.amountCoin === '' || row.volumeCoin === '') return reject('ROW_MISSING_VALUE', 'AmountCoin or VolumeCoin is empty');
    if (row.amount.isNegative() || row.volume.isNegative()) return reject('ROW_INCONSISTENT', 'negative Amount or Volume');
    const base: Quantity = { asset: normalizeAsset(row.amountCoin), amount: row.amount };
    const quote: Quantity = { asset: normalizeAsset(row.volumeCoin), amount: row.volume };
    const feeAsset = row.feeCoin || row.volumeCoin;
    const fee = row.fee && !row.fee.isZero() ? { fee: { asset: normalizeAsset(feeAsset), amount: row.fee.abs() } } : {};
    return events({
      kind: 'trade',
      instant: row.time,
      sent: side === 'buy' ? quote : base,
      received: side === 'buy' ? base : quote,
      ...fee,
      ...(row.pair ? { note: row.pair } : {}),
    });
  },
});
