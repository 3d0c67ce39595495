/**
 * OKEx legacy trade statement (docs/formats.md §2.9; BittyTax `parse_okx_trades_v1`).
 *
 * Menu: OKEx › Assets › Bills › Spot › Export (2018–2020 site).
 * Header: `time,type,size,balance,fee,currency`. Each fill is two rows: a `buy` row (the coin
 * received, `size` positive, `fee` negative in that coin) and a `sell` row (the coin given,
 * `size` negative); `balance` is the balance of `currency` after the row.
 *
 * Mapping (as BittyTax): the pair → one trade: sent |sell size| of its currency, received the buy
 * size, fee |buy fee| in the buy currency, leaving in addition. BittyTax pairs adjacent rows; the
 * driver groups rows by their `time` cell instead (both legs of a fill carry the same time) and
 * pairs the n-th `buy` with the n-th `sell` of that time; a time whose buy and sell rows do not
 * pair up is rejected. Any other `type` is rejected by name.
 * Times: `2019-01-01 10:00:00 CST` — OKEx's `CST` is China Standard Time (UTC+8, BittyTax reads it
 * as Asia/Shanghai); cells without a zone are read as UTC+8 too.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instantText, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOf } from '../../importer-spec.js';
import { OKX_ZONE } from './common.js';

const columns = {
  time: instantText('time', { zone: OKX_ZONE, rewrite: withoutCst }),
  type: text('type'),
  size: decimal('size'),
  balance: optional(decimal('balance')),
  fee: optional(decimal('fee')),
  currency: text('currency'),
};
type Row = RowOf<typeof columns>;

/** `2019-01-01 10:00:00 CST` → `2019-01-01 10:00:00`, read in OKX's zone (CST = China Standard Time, UTC+8). */
export function withoutCst(cell: string): string {
  const m = /^(.*?)\s*\bCST$/i.exec(cell.trim());
  return m ? (m[1] as string) : cell;
}

export const okxLegacyTrades = defineImporter({
  id: 'okx-legacy-trades',
  label: 'OKEx legacy spot statement (`time,type,size,balance,fee,currency`, buy/sell row pairs)',
  howToExport: 'OKEx › Assets › Bills › Spot › Export (2018–2020 site)',
  wallet: 'okx',
  columns,
  groupKey: (row) => `t|${row.time.text}`,
  mapGroup(rows) {
    const first = rows[0];
    if (!first) return skip('empty group');
    const instant = first.time.at;
    const unknown = rows.find((r) => !['buy', 'sell'].includes(r.type.toLowerCase()));
    if (unknown) return reject('ROW_UNKNOWN_TYPE', `unknown OKEx statement type "${unknown.type}"`);
    const buys = rows.filter((r) => r.type.toLowerCase() === 'buy');
    const sells = rows.filter((r) => r.type.toLowerCase() === 'sell');
    if (buys.length !== sells.length) {
      return reject('ROW_INCONSISTENT', `OKEx fill at ${first.time.text}: ${buys.length} buy and ${sells.length} sell rows do not pair up`);
    }
    const drafts: EventDraft[] = [];
    for (let i = 0; i < buys.length; i++) {
      const [b, s] = [buys[i] as Row, sells[i] as Row];
      if (b.currency === '' || s.currency === '') return reject('ROW_MISSING_VALUE', 'column "currency" is empty');
      const fee = b.fee && !b.fee.isZero() ? { fee: { asset: normalizeAsset(b.currency), amount: b.fee.abs() } } : {};
      drafts.push({
        kind: 'trade',
        instant,
        sent: { asset: normalizeAsset(s.currency), amount: s.size.abs() },
        received: { asset: normalizeAsset(b.currency), amount: b.size.abs() },
        ...fee,
      });
    }
    return events(...drafts);
  },
});
