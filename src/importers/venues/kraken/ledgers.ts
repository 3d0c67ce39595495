/**
 * Kraken ledgers export — every balance change of the account, one row per asset.
 *
 * Export: kraken.com › Documents › Export › "Ledgers" (all fields, CSV). Covers every layout in
 * docs/formats.md §2.4: classic, with `wallet`, with `amountusd`, newest (`subclass`), and the 2026
 * one (`feeusd`, `balanceusd`, `feecurrency`); the optional columns are read when present.
 * Times are UTC. Use the ledgers export *or* the trades export for one account, not both.
 *
 * Mapping (closed world; decisions where docs/formats.md is silent are marked "decision"):
 * - empty `txid` → skipped: pending/failed row; Kraken books the settled row separately under the
 *   same refid (docs/formats.md §2.4), so it is kept out of the refid group.
 * - `trade`, `spend`, `receive` → rows grouped by `refid` → one trade (`ledger-trade.ts`).
 * - `deposit` / `withdrawal` → deposit / withdrawal by the sign of `amount`, `fee` attached
 *   (decision: a negative deposit is a reversal, so a withdrawal, and vice versa, with a note).
 * - `staking` (+) and `earn`/`reward` → income staking (decision: Kraken Earn rewards are
 *   staking rewards); `earn`/`airdrop`, `transfer`/`airdrop` → income airdrop; `earn` with an
 *   empty subtype (2024 layout, refid `Unknown`): moves and rewards told apart by pairing and
 *   the `wallet` column (`ledger-earn.ts`);
 *   `invite bonus` → income reward.
 * - `transfer` between spot and staking/earn sub-balances, `earn` allocation/deallocation/
 *   migration → skipped: the same coins inside the same Kraken account (`.S` etc. map to the
 *   base asset, `assets.ts`).
 * - `transfer` spot ↔ futures wallet → withdrawal / deposit (decision: coins leave the spot
 *   account for a wallet taxlot does not read; not a disposal).
 * - `transfer` with empty subtype, positive → income airdrop (BittyTax; Kraken credits airdrops
 *   and hard-fork coins this way; both are airdrop income, Rev. Rul. 2019-24, said in the note).
 * - `transfer` with empty subtype, negative → spend (BittyTax); `staking` negative → spend.
 * - `dividend` → income `other` (BittyTax: Dividend; taxlot has no dividend kind); `adjustment` →
 *   airdrop income (+) / spend (−) (BittyTax); subtype `delistingconversion` (earn, transfer or
 *   adjustment) → airdrop income (+) / spend valued 0 USD (−), as BittyTax (Spend, value 0).
 * - `margin` → realized PnL / commission / liquidation, `rollover` → margin interest
 *   (`ledger-margin.ts`); `settled` (settling a margin position with own funds) → trade legs,
 *   like `trade` rows (BittyTax). A refid mixing margin rows with trade rows: each part mapped.
 * - anything else → rejected ROW_UNKNOWN_TYPE naming it.
 */
import { withFields } from '../../../model/copy-fields.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOf, type RowOutcome } from '../../importer-spec.js';
import { krakenAsset } from './assets.js';
import { mapTradeLegs, type TradeLeg } from './ledger-trade.js';
import { mapMarginRows, type MarginRow } from './ledger-margin.js';
import { mapUntypedEarn, type EarnRow } from './ledger-earn.js';

const columns = {
  txid: text('txid'),
  refid: text('refid'),
  time: instant('time'),
  type: text('type'),
  subtype: text('subtype'),
  aclass: text('aclass'),
  asset: text('asset'),
  wallet: ifPresent(text('wallet')),
  amount: decimal('amount'),
  fee: optional(decimal('fee')),
  // Text, not decimal: pending rows leave it empty and it is never needed.
  balance: text('balance'),
  amountUsd: ifPresent(decimal('amountusd')),
  feeUsd: ifPresent(decimal('feeusd')),
  feeCurrency: ifPresent(text('feecurrency')),
};
type LedgerRow = RowOf<typeof columns>;

const MARGIN_TYPES = new Set(['margin', 'rollover']);
const TRADE_TYPES = new Set(['trade', 'spend', 'receive', 'settled']);
const INTERNAL_SUBTYPES = new Set(['spottostaking', 'stakingfromspot', 'stakingtospot', 'spotfromstaking']);
const EARN_MOVES = new Set(['allocation', 'deallocation', 'migration', 'autoallocate', 'autoallocation']);

export const krakenLedgers = defineImporter({
  id: 'kraken-ledgers',
  label: 'Kraken ledgers (all layouts)',
  howToExport: 'kraken.com › Documents › Export › Ledgers, all fields, CSV',
  wallet: 'kraken',
  zone: 'UTC',
  columns,
  groupKey(row) {
    if (row.txid === '' || row.refid === '') return undefined;
    // 2024+ Earn rows carry the refid `Unknown`: the two sides of a move share only the second.
    if (row.refid.toLowerCase() === 'unknown') return isUntypedEarn(row) ? `unknown-earn|${row.time}|${krakenAsset(row.asset)}` : undefined;
    return row.refid;
  },
  mapGroup(rows): RowOutcome {
    const [first] = rows;
    if (!first) return skip('empty group');
    if (first.txid === '') return skip('Kraken pending/failed ledger row (empty txid); the booked row is counted on its own');
    if (rows.every(isUntypedEarn)) return mapUntypedEarn(rows.map(toEarnRow));
    const margin = rows.filter((r) => MARGIN_TYPES.has(r.type));
    if (margin.length > 0) {
      const marginOutcome = mapMarginRows(margin.map(toMarginRow));
      const rest = rows.filter((r) => !MARGIN_TYPES.has(r.type));
      if (rest.length === 0) return marginOutcome;
      const restOutcome = rest.every((r) => TRADE_TYPES.has(r.type)) ? mapTradeLegs(first.refid, rest.map(toLeg)) : combine(rest.map(mapSingle));
      return combine([marginOutcome, restOutcome]);
    }
    if (rows.every((r) => TRADE_TYPES.has(r.type))) return mapTradeLegs(first.refid, rows.map(toLeg));
    if (rows.some((r) => TRADE_TYPES.has(r.type))) {
      return reject('ROW_INCONSISTENT', `refid ${first.refid} mixes trade rows with ${[...new Set(rows.map((r) => r.type))].join(', ')}`);
    }
    return combine(rows.map(mapSingle));
  },
});

const isUntypedEarn = (row: LedgerRow): boolean => row.type.toLowerCase() === 'earn' && row.subtype.trim() === '';

function toEarnRow(row: LedgerRow): EarnRow {
  const hasFee = row.fee !== undefined && !row.fee.isZero();
  return {
    time: row.time,
    asset: row.asset,
    wallet: row.wallet,
    amount: row.amount,
    fee: row.fee,
    feeQuantity: hasFee && row.fee ? quantity(row.feeCurrency || row.asset, row.fee, row.feeUsd) : undefined,
    received: quantity(row.asset, row.amount, row.amountUsd),
  };
}

function toMarginRow(row: LedgerRow): MarginRow {
  return {
    refid: row.refid,
    time: row.time,
    type: row.type,
    asset: krakenAsset(row.asset),
    amount: row.amount,
    fee: row.fee ?? ZERO,
    feeAsset: krakenAsset(row.feeCurrency || row.asset),
    balance: row.balance,
  };
}

function toLeg(row: LedgerRow): TradeLeg {
  // one shape for every leg (the USD values undefined when not stated), no spread objects
  return {
    instant: row.time,
    asset: krakenAsset(row.asset),
    amount: row.amount,
    amountUsd: row.amountUsd,
    feeAsset: krakenAsset(row.feeCurrency || row.asset),
    fee: row.fee ?? ZERO,
    feeUsd: row.feeUsd,
  };
}

/** Several non-trade rows under one refid (e.g. both sides of an earn allocation): one outcome. */
function combine(outcomes: readonly RowOutcome[]): RowOutcome {
  const [first] = outcomes;
  if (!first || outcomes.length === 1) return first ?? skip('empty group');
  const failed = outcomes.find((o) => o.kind === 'reject');
  if (failed) return failed;
  if (outcomes.every((o) => o.kind === 'skip')) return first;
  if (outcomes.every((o) => o.kind === 'events')) return events(...outcomes.flatMap((o) => (o.kind === 'events' ? o.events : [])));
  return reject('ROW_INCONSISTENT', 'rows of one refid are partly internal moves and partly balance changes');
}

function quantity(asset: string, amount: Dec, usd: Dec | undefined): Quantity {
  const code = krakenAsset(asset);
  const abs = amount.abs();
  return usd && code !== 'USD' ? { asset: code, amount: abs, value: { amount: usd.abs(), currency: 'USD' } } : { asset: code, amount: abs };
}

function mapSingle(row: LedgerRow): RowOutcome {
  const base = {
    instant: row.time,
    ...(row.fee && !row.fee.isZero() ? { fee: quantity(row.feeCurrency || row.asset, row.fee, row.feeUsd) } : {}),
  };
  const q = quantity(row.asset, row.amount, row.amountUsd);
  const incoming = row.amount.greaterThan(0);
  const income = (incomeKind: 'staking' | 'airdrop' | 'reward' | 'other', note?: string): RowOutcome =>
    incoming
      ? events({ kind: 'income', incomeKind, received: q, ...base, ...(note ? { note } : {}) })
      : reject('ROW_INCONSISTENT', `Kraken "${row.type}" row with non-positive amount ${row.amount.toFixed()} ${row.asset}`);
  const move = (note?: string): RowOutcome => {
    if (row.amount.isZero()) return base.fee ? events({ kind: 'fee', instant: row.time, fee: base.fee }) : skip('Kraken row with zero amount and fee');
    const draft: EventDraft = incoming ? { kind: 'deposit', received: q, ...base } : { kind: 'withdrawal', sent: q, ...base };
    return events(note ? { ...draft, note } : draft);
  };
  const sub = row.subtype.toLowerCase();
  const type = row.type.toLowerCase();
  // Credited = airdrop income; debited = a spend (BittyTax Airdrop / Spend, docs/formats.md §2.4);
  // `zeroValue`: the debited coins are gone for nothing (delisting conversions: Spend, value 0).
  const airdropOrSpend = (note: string, zeroValue = false): RowOutcome => {
    if (incoming) return events({ kind: 'income', incomeKind: 'airdrop', received: q, ...base, note });
    if (row.amount.isZero()) return move();
    const sent = zeroValue ? withFields(q, { value: { amount: ZERO, currency: 'USD' } }) : q;
    return events({ kind: 'spend', spendKind: 'cost', sent, ...base, note });
  };
  if (sub === 'delistingconversion' && (type === 'earn' || type === 'transfer' || type === 'adjustment')) {
    return airdropOrSpend('Kraken delisting conversion', true);
  }
  switch (type) {
    case 'deposit':
      return move(incoming || row.amount.isZero() ? undefined : 'reversed deposit');
    case 'withdrawal':
      return move(incoming ? 'returned withdrawal' : undefined);
    case 'staking':
      return incoming || row.amount.isZero() ? income('staking') : airdropOrSpend('Kraken staking debit');
    case 'invite bonus':
      return income('reward', 'Kraken invite bonus');
    case 'dividend':
      return income('other', 'Kraken dividend');
    case 'adjustment':
      return airdropOrSpend('Kraken balance adjustment');
    case 'earn':
      if (sub === 'reward') return income('staking');
      if (sub === 'airdrop') return income('airdrop');
      if (EARN_MOVES.has(sub)) return skip(`Kraken earn ${sub}: coins moved inside the account`);
      if (sub === '') return mapUntypedEarn([toEarnRow(row)]);
      return reject('ROW_UNKNOWN_TYPE', `unknown Kraken earn subtype "${row.subtype}"`);
    case 'transfer':
      if (INTERNAL_SUBTYPES.has(sub)) return skip('Kraken transfer between spot and staking balances (internal move)');
      if (sub === 'spottofutures' || sub === 'spotfromfutures') return move('Kraken futures wallet transfer');
      if (sub === 'airdrop') return income('airdrop');
      if (sub === '' && incoming) return income('airdrop', 'Kraken transfer credit (airdrop or hard-fork coins: both airdrop income, Rev. Rul. 2019-24)');
      if (sub === '') return airdropOrSpend('Kraken transfer debit');
      return reject('ROW_UNKNOWN_TYPE', `Kraken transfer "${row.subtype}" of ${row.amount.toFixed()} ${row.asset}: its meaning is unknown`);
    default:
      return reject('ROW_UNKNOWN_TYPE', `unknown Kraken ledger type "${row.type}"${row.subtype ? ` (subtype "${row.subtype}")` : ''}`);
  }
}
