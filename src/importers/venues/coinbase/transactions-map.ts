/**
 * Mapping of Coinbase retail "Transaction history" rows (all versions v1–v4) to events.
 *
 * Every version is first reduced to a `CoinbaseTxRow`; this module is the one place that knows
 * what each `Transaction Type` means (docs/formats.md §2.1, BittyTax `_do_parse_coinbase`).
 *
 * Decisions (where the docs are silent, with the reason):
 * - Signs: v4 quantities and money cells are signed, but not consistently (a `Convert` out is
 *   positive in one real file, negative in another), so every amount is read as its absolute value
 *   and the type gives the direction. Only split `Convert` pairs use the sign (see below).
 * - Buy/Sell against fiat: the fiat leg is `Subtotal` (before fee) in the price currency and the fee
 *   is `Fees`: `Total = Subtotal ± Fees`, so buy `sent + fee = Total` and sell `received − fee = Total`.
 * - Advanced Trade against a crypto quote (Notes `Bought 0.01 BTC for 300.5 USDC on BTC-USDC at
 *   30000 USDC/BTC`): the quote leg is base × rate in the quote asset and the fee is
 *   |base × rate − amount| in the quote asset (BittyTax `_get_trade_info`); the fiat Subtotal/Fees
 *   become the stated values of those quantities. An Advanced Trade row whose Notes cannot be read
 *   is rejected (we cannot tell its quote asset); a plain Buy/Sell falls back to the price currency.
 * - Convert: one row (received side read from Notes `Converted X A to Y B`) or two rows sharing an
 *   `ID` (or, without IDs, a timestamp) — the negative row is the sent side, else Notes decide. The
 *   sent quantity carries quantity × price as its value (the market value of *that* quantity;
 *   Subtotal/Total differ from it by the spread in real files). The spread in `Fees and/or Spread`
 *   is not a separate fee: it is already inside the received quantity, and a fiat fee would move a
 *   fiat balance that never moved.
 * - Rows sharing an ID with the same type, asset and quantity are one transaction valued in several
 *   currencies (docs/formats.md gotcha): the first row is read, the others are merged into its event.
 * - `Send` fees: Coinbase states them in fiat only; no crypto fee is invented (the quantity is what
 *   left the wallet). `Pro Deposit` / `Exchange Deposit` (Coinbase → Pro) are withdrawals and
 *   `Pro Withdrawal` / `Exchange Withdrawal` deposits, so the engine pairs them with the
 *   `coinbase-pro` rows as transfers between the user's own wallets.
 * - Fiat `Deposit`/`Withdrawal`: the quantity is net of the fee for deposits and gross for
 *   withdrawals (BittyTax), so received = qty + fee and sent = qty − fee.
 * - Income value: `Subtotal` when non-zero, else quantity × price (tiny staking rows show 0.00).
 * - `Credit` is a buy (BittyTax groups it with `Buy`). `Asset Migration` (a token re-denomination,
 *   e.g. MATIC → POL) is a `conversion`: lots carry over (see `mapMigration`). `Retail MGX DEX Buy` legs are paired into one trade: the
 *   negative row (paid) with a positive row of another asset at most 10 s apart (BittyTax).
 */
import { Dec } from '../../../model/decimal.js';
import type { IncomeKind, Quantity, SpendKind, StatedValue } from '../../../model/ledger-event.js';
import { parseNumber } from '../../parse-number.js';
import { events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { coinbaseAsset, DERIVATIVE_MESSAGE, DERIVATIVE_TYPE } from './cells.js';
import { lookupTable } from '../../lookup-table.js';
import { convertNotes, mapConvertRows, marketQuantity } from './convert-legs.js';
import type { CoinbaseTxRow } from './tx-row.js';

const BUY = new Set(['buy', 'advanced trade buy', 'advance trade buy', 'credit']);
const SELL = new Set(['sell', 'advanced trade sell', 'advance trade sell', 'retail simple dust']);
const SEND = new Set(['send', 'retail mgx dex send']);
const TO_PRO = new Set(['pro deposit', 'exchange deposit', 'prime deposit']);
const FROM_PRO = new Set(['pro withdrawal', 'exchange withdrawal']);
const INCOME: Readonly<Record<string, IncomeKind>> = lookupTable({
  'rewards income': 'staking',
  'reward income': 'staking',
  'staking income': 'staking',
  'inflation reward': 'staking',
  'coinbase earn': 'reward',
  'learning reward': 'reward',
  'interest payout': 'interest',
  'subscription rebate': 'reward',
  'subscription rebates (24 hours)': 'reward',
});
const SPEND: Readonly<Record<string, SpendKind>> = lookupTable({ 'card spend': 'payment', subscription: 'payment', 'admin debit': 'cost' });
const INTERNAL = new Set([
  'vault withdrawal', 'cash to savings', 'savings to cash', 'transfer', 'retail staking transfer', 'retail unstaking transfer',
]);

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?|\.\d+)`;
const TRADE_NOTES = new RegExp(
  String.raw`^(?:Bought|Sold) ${NUM} (\w+) for [£€$]?\s*${NUM} (\w+)(?: on (\w+)-(\w+))?(?: at [£€$]?${NUM})?`,
  'i',
);

const num = (text: string): Dec => parseNumber(text)?.value ?? new Dec('0');
const kind = (r: CoinbaseTxRow): string => r.type.trim().toLowerCase().replace(/\s+/g, ' ');
const positive = (d: Dec | undefined): Dec | undefined => (d === undefined || d.isZero() ? undefined : d.abs());

/**
 * Rows forming one transaction: same ID (v4), or, without IDs, the halves of a split Convert.
 * Rows of a group that are not one transaction are mapped one by one; if any of them is skipped or
 * rejected the whole group shares that outcome (the driver accounts per group).
 */
export function coinbaseGroupKey(r: CoinbaseTxRow): string | undefined {
  // All DEX legs of the file form one group, paired by time in `pairDexLegs`.
  if (kind(r) === DEX_BUY) return 'dex-buy';
  // both sides of a token migration carry the same time (ids may differ)
  if (kind(r) === MIGRATION) return `migration:${r.instant}`;
  // the two sides of a split Convert share the second, not always the ID (convert-legs.ts)
  if (kind(r) === 'convert') return `convert:${r.instant}`;
  if (r.id) return `id:${r.id}`;
  return undefined;
}

export function mapCoinbaseGroup(rows: readonly CoinbaseTxRow[]): RowOutcome {
  const unique = rows.filter(
    (r, i) => rows.findIndex((o) => kind(o) === kind(r) && coinbaseAsset(o.asset) === coinbaseAsset(r.asset) && o.quantity.eq(r.quantity)) === i,
  );
  const [first] = unique;
  if (!first) return skip('empty group');
  if (kind(first) === DEX_BUY) return pairDexLegs(rows);
  if (kind(first) === MIGRATION) return mapMigration(unique);
  if (unique.length === 1) return mapCoinbaseRow(first);
  if (unique.every((r) => kind(r) === 'convert')) return mapConvertRows(unique, mapCoinbaseRow, (i) => rows.indexOf(unique[i] as CoinbaseTxRow));
  // Distinct transactions that happen to share a key (fills of one order, same-second converts).
  return combine(unique.map(mapCoinbaseRow));
}

const DEX_BUY = 'retail mgx dex buy';
const MIGRATION = 'asset migration';
const MIGRATION_NOTES = new RegExp(String.raw`^Migrated ${NUM} (\w+) to ${NUM} (\w+)`, 'i');

/**
 * `Asset Migration` (a token re-denomination such as MATIC → POL) is the same holding renamed,
 * not a sale: one `conversion` whose lots keep their basis and dates. The two rows (debit of the
 * old token, credit of the new) are paired by time; a debit alone is read from its Notes
 * ("Migrated 120 MATIC to 120 POL"). A credit with no debit is an ordinary deposit (unknown basis,
 * warned) — never income. (BittyTax books an airdrop plus a spend, which taxes the new token as
 * income on top of a disposal of the old one; decision, docs/formats.md §2.1 noted.)
 */
function mapMigration(rows: readonly CoinbaseTxRow[]): RowOutcome {
  const debit = rows.find((r) => r.quantity.isNegative());
  const credit = rows.find((r) => r.quantity.isPositive() && !r.quantity.isZero());
  const instant = (debit ?? credit ?? rows[0])?.instant ?? 0;
  const note = (debit?.notes || credit?.notes) ? { note: debit?.notes || credit?.notes } : {};
  if (debit && credit && rows.length === 2) {
    return events({ kind: 'conversion', instant, sent: marketQuantity(debit), received: marketQuantity(credit), ...note });
  }
  if (debit && rows.length === 1) {
    const m = MIGRATION_NOTES.exec(debit.notes.trim());
    if (!m) return reject('ROW_MISSING_VALUE', 'Asset Migration without the other side or Notes naming it ("Migrated X A to Y B")');
    const received = { asset: coinbaseAsset(m[4] ?? ''), amount: num(m[3] ?? '') };
    return events({ kind: 'conversion', instant, sent: marketQuantity(debit), received, ...note });
  }
  if (credit && rows.length === 1) return events({ kind: 'deposit', instant, received: marketQuantity(credit), ...note });
  return reject('ROW_INCONSISTENT', `Asset Migration rows that do not pair: ${rows.map((r) => `${r.quantity.toFixed()} ${r.asset}`).join(', ')}`);
}
const DEX_WINDOW_MS = 10_000;

/**
 * `Retail MGX DEX Buy` (a swap through Coinbase's DEX service) books each side as its own row:
 * the asset bought with a positive quantity, the asset paid with a negative one, a few seconds
 * apart. As BittyTax does, a negative row is paired with the next positive row of another asset
 * at most 10 s later (docs/formats.md §2.1). Rows that cannot be paired reject the group.
 */
function pairDexLegs(rows: readonly CoinbaseTxRow[]): RowOutcome {
  const sorted = [...rows].sort((a, b) => a.instant - b.instant);
  const used = new Set<CoinbaseTxRow>();
  const trades: EventDraft[] = [];
  for (const out of sorted) {
    if (used.has(out) || !out.quantity.isNegative()) continue;
    const into = sorted.find(
      (r) => !used.has(r) && r.quantity.isPositive() && !r.quantity.isZero() && coinbaseAsset(r.asset) !== coinbaseAsset(out.asset) &&
        Math.abs(r.instant - out.instant) <= DEX_WINDOW_MS,
    );
    if (!into) continue;
    used.add(out).add(into);
    const note = out.notes || into.notes;
    // each trade cites its own two rows (by index in the group), not the group's first row
    const groupRows = [rows.indexOf(out), rows.indexOf(into)].sort((a, b) => a - b);
    trades.push({ kind: 'trade', instant: Math.min(out.instant, into.instant), sent: marketQuantity(out), received: marketQuantity(into), groupRows, ...(note ? { note } : {}) });
  }
  const left = sorted.filter((r) => !used.has(r) && !r.quantity.isZero());
  if (left.length > 0) {
    const list = left.map((r) => `${r.quantity.toFixed()} ${r.asset}`).join(', ');
    return reject('ROW_INCONSISTENT', `Retail MGX DEX Buy legs without their other side within ${DEX_WINDOW_MS / 1000} s: ${list}`);
  }
  return trades.length > 0 ? events(...trades) : skip('zero quantity: no balance change');
}

function combine(outcomes: readonly RowOutcome[]): RowOutcome {
  const list: EventDraft[] = [];
  for (const o of outcomes) {
    if (o.kind !== 'events') return o;
    list.push(...o.events);
  }
  return events(...list);
}

/** The value stated for the row's quantity: Subtotal, else quantity × price. */
function statedValue(r: CoinbaseTxRow): StatedValue | undefined {
  if (!r.currency) return undefined;
  const currency = coinbaseAsset(r.currency);
  const subtotal = positive(r.subtotal);
  if (subtotal) return { amount: subtotal, currency };
  const price = positive(r.price);
  return price ? { amount: r.quantity.abs().times(price), currency } : undefined;
}

export function mapCoinbaseRow(r: CoinbaseTxRow): RowOutcome {
  const type = kind(r);
  const asset = coinbaseAsset(r.asset);
  const amount = r.quantity.abs();
  const note = r.notes ? { note: r.notes } : {};
  const base = { instant: r.instant, ...note };
  const value = statedValue(r);
  const own: Quantity = value ? { asset, amount, value } : { asset, amount };

  if (DERIVATIVE_TYPE.test(type)) return reject('ROW_UNSUPPORTED', DERIVATIVE_MESSAGE(r.type));
  if (INTERNAL.has(type)) return skip('internal move between Coinbase sub-accounts (vault, savings, staking)');
  if (type === 'retail eth2 deprecation') return skip('ETH2 → ETH migration: the same holding renamed 1:1 (ETH2 is read as ETH)');
  if (amount.isZero()) return skip('zero quantity: no balance change');
  if (BUY.has(type) || SELL.has(type)) return mapTrade(r, BUY.has(type), { asset, amount }, base);
  if (type === 'convert') {
    const parsed = convertNotes(r.notes);
    if (!parsed) return reject('ROW_MISSING_VALUE', `Convert row: cannot read the received side from Notes "${r.notes}"`);
    if (parsed.to.asset === asset) {
      // ETH → ETH2 (staked ETH, read as ETH): the same holding, as for `Retail Eth2 Deprecation`.
      if (parsed.from.asset === asset && parsed.to.amount.eq(amount)) return skip(`Convert ${r.asset} → ${parsed.to.asset} of the same holding (ETH2 is read as ETH)`);
      if (parsed.from.asset !== asset) {
        return reject(
          'ROW_INCONSISTENT',
          `the ${r.asset} side of a split Convert ("${r.notes}") without its ${parsed.from.asset} side at the same second`,
          'export the full history: both rows of a Convert carry the same timestamp',
        );
      }
      return reject('ROW_INCONSISTENT', `Convert of ${r.asset} into the same asset with a different quantity (${parsed.to.amount.toFixed()})`);
    }
    return events({ kind: 'trade', ...base, sent: marketQuantity(r), received: parsed.to });
  }
  if (SEND.has(type) || TO_PRO.has(type)) return events({ kind: 'withdrawal', ...base, sent: own });
  if (type === 'receive') {
    if (/coinbase (referral|earn|rewards)/i.test(r.notes)) return events({ kind: 'income', incomeKind: 'reward', ...base, received: own });
    return events({ kind: 'deposit', ...base, received: own });
  }
  if (FROM_PRO.has(type)) return events({ kind: 'deposit', ...base, received: own });
  if (type === 'deposit' || type === 'withdrawal') {
    const fee = positive(r.fees);
    const feePart = fee ? { fee: { asset, amount: fee } } : {};
    if (type === 'deposit') return events({ kind: 'deposit', ...base, ...feePart, received: { asset, amount: fee ? amount.plus(fee) : amount } });
    return events({ kind: 'withdrawal', ...base, ...feePart, sent: { asset, amount: fee ? amount.minus(fee) : amount } });
  }
  const incomeKind = INCOME[type];
  if (incomeKind) return events({ kind: 'income', incomeKind, ...base, received: own });
  const spendKind = SPEND[type];
  if (spendKind) return events({ kind: 'spend', spendKind, ...base, sent: own });
  if (type === 'donation') return events({ kind: 'removal', removalKind: 'donation', ...base, sent: own });
  if (type === MIGRATION) return mapMigration([r]);
  if (type === DEX_BUY) return reject('ROW_INCONSISTENT', `"${r.type}" row without its other side within ${DEX_WINDOW_MS / 1000} s`);
  return reject('ROW_UNKNOWN_TYPE', `unknown Coinbase transaction type "${r.type}"`);
}

/** Buy/Sell: the counter leg and fee from the fiat columns, or from Notes for a crypto quote. */
function mapTrade(r: CoinbaseTxRow, isBuy: boolean, own: Quantity, base: { instant: number; note?: string }): RowOutcome {
  const currency = r.currency ? coinbaseAsset(r.currency) : '';
  const m = TRADE_NOTES.exec(r.notes.trim());
  const quote = m ? coinbaseAsset(m[4] ?? '') : currency;
  let counter: Quantity;
  let fee: Quantity | undefined;
  if (!m && /advance/i.test(r.type)) {
    return reject('ROW_MISSING_VALUE', `${r.type}: cannot tell the quote asset from Notes "${r.notes}"`);
  }
  if (quote === currency) {
    const price = positive(r.price);
    const leg = positive(r.subtotal) ?? (price ? r.quantity.abs().times(price) : undefined);
    if (!currency || !leg) return reject('ROW_MISSING_VALUE', `${r.type}: no Subtotal or price in a currency to value the trade`);
    counter = { asset: currency, amount: leg };
    const f = positive(r.fees);
    fee = f ? { asset: currency, amount: f } : undefined;
  } else {
    const valueOf = (d: Dec | undefined): { value?: StatedValue } => {
      const p = positive(d);
      return p && currency ? { value: { amount: p, currency } } : {};
    };
    const stated = num(m?.[3] ?? '');
    const rate = m?.[7];
    if (rate) {
      const gross = num(m?.[1] ?? '').times(num(rate));
      counter = { asset: quote, amount: gross, ...valueOf(r.subtotal) };
      const f = gross.minus(stated).abs();
      fee = f.isZero() ? undefined : { asset: quote, amount: f, ...valueOf(r.fees) };
    } else {
      // No rate: the amount in Notes is all that moved in the quote asset, fee included.
      counter = { asset: quote, amount: stated, ...valueOf(r.total) };
    }
  }
  const feePart = fee ? { fee } : {};
  return isBuy
    ? events({ kind: 'trade', ...base, sent: counter, received: own, ...feePart })
    : events({ kind: 'trade', ...base, sent: own, received: counter, ...feePart });
}
