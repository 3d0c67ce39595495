/**
 * Kraken trades export (deprecated by Kraken in favour of ledgers, still needed for old years).
 *
 * Export: kraken.com › Documents › Export › "Trades" (CSV). Header
 * `txid,ordertxid,pair,time,type,ordertype,price,cost,fee,vol,margin,misc,ledgers`, the
 * margin-position variant adding `postxid,posstatus,cprice,…`, and an older one without
 * `margin`/`misc` (docs/formats.md §2.4). Times are UTC. It lacks deposits, withdrawals and Buy-Crypto
 * trades: prefer the ledgers export, and never import both for one account (double counting).
 *
 * Mapping: `vol` is the base quantity, `cost` the quote amount (price × vol, fee excluded),
 * `fee` is in the quote currency (decision: Kraken charges fees in quote by default and the export
 * has no fee-currency column; Kraken calls it an estimate, docs/formats.md §2.4). `buy` sends `cost`
 * quote for `vol` base; `sell` the reverse. Pairs are split by `splitKrakenPair`.
 * A margin trade — non-zero `margin`, `misc` containing `closing`, or a position id in `postxid`
 * — is rejected ROW_UNSUPPORTED; so is an unknown `type` (ROW_UNKNOWN_TYPE).
 */
import { decimal, ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { splitKrakenPair } from './assets.js';

export const krakenTrades = defineImporter({
  id: 'kraken-trades',
  label: 'Kraken trades (deprecated export; prefer ledgers)',
  howToExport: 'kraken.com › Documents › Export › Trades, all fields, CSV',
  wallet: 'kraken',
  zone: 'UTC',
  columns: {
    txid: text('txid'),
    ordertxid: text('ordertxid'),
    pair: text('pair'),
    time: instant('time'),
    type: text('type'),
    ordertype: text('ordertype'),
    cost: decimal('cost'),
    fee: decimal('fee'),
    vol: decimal('vol'),
    margin: ifPresent(decimal('margin')),
    misc: ifPresent(text('misc')),
    postxid: ifPresent(text('postxid')),
  },
  mapRow(row): RowOutcome {
    if ((row.margin && !row.margin.isZero()) || /closing/i.test(row.misc ?? '') || row.postxid) {
      return reject('ROW_UNSUPPORTED', `Kraken margin trade ${row.txid} (${row.pair}): margin/futures support is not yet available`);
    }
    const pair = splitKrakenPair(row.pair);
    if (!pair) return reject('ROW_UNKNOWN_TYPE', `cannot split Kraken pair "${row.pair}" into base and quote`);
    for (const [name, v] of [['cost', row.cost], ['vol', row.vol], ['fee', row.fee]] as const) {
      if (v.isNegative()) return reject('ROW_INCONSISTENT', `negative ${name} ${v.toFixed()} in Kraken trade ${row.txid}`);
    }
    const base = { asset: pair.base, amount: row.vol };
    const quote = { asset: pair.quote, amount: row.cost };
    const fee = row.fee.isZero() ? {} : { fee: { asset: pair.quote, amount: row.fee } };
    switch (row.type.toLowerCase()) {
      case 'buy':
        return events({ kind: 'trade', instant: row.time, sent: quote, received: base, ...fee });
      case 'sell':
        return events({ kind: 'trade', instant: row.time, sent: base, received: quote, ...fee });
      default:
        return reject('ROW_UNKNOWN_TYPE', `unknown Kraken trade type "${row.type}"`);
    }
  },
});
