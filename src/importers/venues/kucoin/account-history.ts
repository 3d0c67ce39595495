/**
 * KuCoin "Account History" (the ledger of one account: Funding/Main or Trading)
 * (docs/formats.md §2.7; BittyTax `parse_kucoin_account_history`).
 *
 * Menu: KuCoin › Account › Export Data › Account History (bundle "Account History_Funding Account").
 * Header: `UID,Account Type,Currency,Side,Amount,Fee,Time(UTC+hh:mm),Remark[,Type]`.
 * `Side` is the direction (`Deposit` = in, `Withdrawal` = out); `Type` (or, in the older layout,
 * `Remark`) the business type. `Amount` includes the fee (KuCoin ledger API), so an outgoing row
 * sends `Amount − Fee` plus `Fee`: `Withdrawal 0.030015, Fee 0.000015` → sent 0.03, fee 0.000015.
 *
 * Decision (as BittyTax): this ledger repeats every trade, deposit and withdrawal of the other
 * exports, so those rows are skipped with a reason naming the export to import instead; only what
 * no other export carries is mapped — `Distribution` → income:airdrop, `Convert Dust to KCS` →
 * one trade (legs grouped by time). Margin/futures types are rejected as unsupported; any other
 * type is rejected by name.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOf, type RowOutcome } from '../../importer-spec.js';
import { EMPTY_REPORT, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing } from './common.js';
import { lookupTable } from '../../lookup-table.js';

const DUST = 'convert dust to kcs';

/** Business types that other KuCoin exports already carry, with the export to use instead. */
const DUPLICATES: Readonly<Record<string, string>> = lookupTable({
  deposit: 'deposit: import the Deposit History export',
  withdraw: 'withdrawal: import the Withdrawal Record export',
  withdrawal: 'withdrawal: import the Withdrawal Record export',
  transfer: 'internal transfer between KuCoin accounts',
  'sub-account transfer': 'internal transfer between KuCoin sub-accounts',
  'internal transfer': 'internal transfer between KuCoin accounts',
  exchange: 'spot trade: import the Spot Orders – Filled Orders export',
  trade: 'spot trade: import the Spot Orders – Filled Orders export',
  'spot trade': 'spot trade: import the Spot Orders – Filled Orders export',
  // 2024+ layout: `Type` `Spot` is one leg of a spot trade (a `Withdrawal` of the coin paid and a
  // `Deposit` of the coin bought at the same second, e.g. BNB out / BTC in).
  spot: 'spot trade leg: import the Spot Orders – Filled Orders export',
});
const DERIVATIVE = /margin|futures|liquidation|leverage/;

const columns = {
  uid: text('UID'),
  accountType: text('Account Type'),
  currency: text('Currency'),
  side: text('Side'),
  amount: optional(decimal('Amount')),
  fee: optional(decimal('Fee')),
  time: optional(instant(/^Time\s*\((UTC|GMT)[^)]*\)$/i)),
  remark: text('Remark'),
  type: ifPresent(text('Type')),
};
type Row = RowOf<typeof columns>;

const businessType = (row: Row): string => (row.type || row.remark || row.side).trim();

/** One ledger row → its quantity and fee: `Amount` includes the fee (see header). */
function legOf(row: Row): { dir: 'in' | 'out'; q: Quantity; fee?: Quantity } | string {
  if (row.amount === undefined) return 'column "Amount" is empty';
  const dir = row.side.toLowerCase() === 'deposit' ? 'in' : row.side.toLowerCase() === 'withdrawal' ? 'out' : undefined;
  if (!dir) return `unknown side "${row.side}"`;
  const asset = normalizeAsset(row.currency);
  const fee = row.fee && !row.fee.isZero() ? { asset, amount: row.fee.abs() } : undefined;
  // Outgoing: Amount = sent + fee. Incoming: Amount is credited gross and the fee leaves after.
  const amount = dir === 'out' && fee ? row.amount.abs().minus(fee.amount) : row.amount.abs();
  return { dir, q: { asset, amount }, ...(fee ? { fee } : {}) };
}

function mapDust(rows: readonly Row[], instant: number): RowOutcome {
  const legs = rows.map(legOf);
  const bad = legs.find((l): l is string => typeof l === 'string');
  if (bad) return reject('ROW_INCONSISTENT', bad);
  const ok = legs.filter((l): l is Exclude<typeof l, string> => typeof l !== 'string');
  const outs = ok.filter((l) => l.dir === 'out');
  const ins = ok.filter((l) => l.dir === 'in');
  const [out, inn] = [outs[0], ins[0]];
  if (outs.length !== 1 || ins.length !== 1 || !out || !inn || ok.some((l) => l.fee)) {
    return reject(
      'ROW_UNSUPPORTED',
      `dust conversion with ${outs.length} coin(s) out and ${ins.length} in at one time: the KCS received cannot be split per coin`,
      'enter this conversion by hand in the taxlot generic format (one trade per coin)',
    );
  }
  return events({ kind: 'trade', instant, sent: out.q, received: inn.q, note: 'Convert Dust to KCS' });
}

export const kucoinAccountHistory = defineImporter({
  id: 'kucoin-account-history',
  label: 'KuCoin Account History (ledger; only airdrops and dust conversions are read from it)',
  howToExport: 'KuCoin › Account › Export Data › Account History',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns,
  groupKey: (row) => (businessType(row).toLowerCase() === DUST && row.time !== undefined ? `dust|${row.time}` : undefined),
  mapGroup(rows) {
    const row = rows[0];
    if (!row) return skip('empty group');
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    if (row.time === undefined) return missing('Time');
    const type = businessType(row);
    const key = type.toLowerCase();
    if (key === DUST) return mapDust(rows, row.time);
    if (row.remark.toLowerCase().includes('distribution') || key === 'distribution' || key === 'airdrop') {
      const leg = legOf(row);
      if (typeof leg === 'string') return reject('ROW_INCONSISTENT', leg);
      if (leg.dir !== 'in') return reject('ROW_INCONSISTENT', `an outgoing "${type}" row`);
      return events({ kind: 'income', incomeKind: 'airdrop', instant: row.time, received: leg.q, ...(leg.fee ? { fee: leg.fee } : {}), note: type });
    }
    const duplicate = DUPLICATES[key];
    if (duplicate) return skip(`KuCoin account history ${duplicate}`);
    if (DERIVATIVE.test(key)) return reject('ROW_UNSUPPORTED', `KuCoin "${type}" row: margin/futures support is not yet available`);
    return reject('ROW_UNKNOWN_TYPE', `unknown KuCoin account history type "${type}"`);
  },
});
