/**
 * Binance Transaction History ("statements"): one row per balance change with a signed `Change`.
 * Headers (docs/formats.md §2.3): `User_ID,UTC_Time,Account,Operation,Coin,Change,Remark`,
 * the same without `User_ID`, and the newer naming `User ID,Time,Account,Operation,Coin,Change,Remark`.
 *
 * Mapping (operation table in `statement-operations.ts`):
 * - Trade legs (`Buy`/`Sell`/`Transaction …`/`Fee`, `Binance Convert`, `Small Assets Exchange BNB`, …)
 *   are grouped by second + account + operation family and reduced to trades by the sign of
 *   `Change` (`statement-groups.ts`). Decision: the grouping is by the exact second; BittyTax
 *   tolerates ±1 s, which a per-row `groupKey` cannot express — such split trades are rejected
 *   with a message pointing to the Spot Trade History.
 * - Several fills in one second are summed into one trade when they are one market with fees in
 *   at most one coin; otherwise they are split into fills (`statement-fills.ts`: fees in several
 *   coins, several markets against one coin — as BittyTax and rotki do, without prices).
 * - Dust conversion with several coins in one second is split per coin when `Remark` names the
 *   pair (`ETH to BNB`, newer files); without remarks the i-th coin debited goes with the i-th BNB
 *   credited in file order (BittyTax `_make_trade`, everytrade); other counts are rejected.
 * - `Buy Crypto` / card and fiat purchases and `Sell Crypto To Fiat`: grouped by the order id in
 *   `Remark` (else by second) and read in `statement-fiat.ts`.
 * - The same income row repeated in one second (every cell equal) is one income (rotki keys
 *   events by the row's hash); P2P (`C2C Transfer`) and sub-account moves cancelling in one second
 *   are internal, the rest a deposit/withdrawal. The `Card` account holds spot coins.
 * - Rows without the trailing empty `Remark` cell are read (`lastCellMayBeMissing`).
 * - `Deposit`/`Withdraw` → deposit/withdrawal. Decision: a `Withdraw` Change includes the
 *   withdrawal fee ("Withdraw fee is included"), which the statement does not state separately,
 *   so sent = |Change| and the fee is left to the transfer matcher as sent − received.
 * - Earn/savings/staking payouts → income; subscriptions/redemptions and moves between accounts
 *   are skipped with a reason.
 * - Rows whose sign decides (BittyTax, docs/formats.md §2.3): `Distribution`, `Token Swap - …` credited
 *   → airdrop income, debited → a disposal for nothing (spend valued 0 USD: the coins are gone,
 *   their basis becomes a loss); `Asset Recovery`, `Leveraged Coin Consolidation` debited → the
 *   same; `Binance Card Spending` debited → spend, credited (refund/cashback) → reward income;
 *   `Crypto Box` credited → reward income, debited → gift sent.
 * - Futures and margin accounts: realized PnL, fees, funding, insurance-fund rows, margin loans,
 *   repayments and interest → derivative events (`statement-derivatives.ts`); trade legs in a
 *   margin account are spot trades (a margin liquidation selling collateral is a disposal of it).
 *   Options accounts are rejected with ROW_UNSUPPORTED; so is a derivative operation in a spot
 *   account (no position to attach it to).
 *
 * Time: `UTC_Time` is UTC. The newer `Time` column (dates like `23-09-20 18:46:46`) is in the zone
 * chosen at export, stated only in the file name (`…(UTC+1).csv`), read by `zoneFrom`;
 * UTC when the name has none; `--input-timezone` overrides.
 *
 * Do not import this file together with the trade/deposit/withdrawal/convert histories for the
 * same period: the same movements appear in both.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { withFields } from '../../../model/copy-fields.js';
import { ZERO } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { collectLegs, isProblem, tradeFromLegs, type StatementRow } from './statement-groups.js';
import { accountClass, operationMeaning, type Family, type SingleMeaning } from './statement-operations.js';
import { isDerivativeOperation, mapDerivativeRow } from './statement-derivatives.js';
import { splitFills } from './statement-fills.js';
import { fiatOrderId, mapFiatPurchase } from './statement-fiat.js';

const DERIVATIVE_HINT = 'futures, margin and options rows are read only in their own accounts; options are not supported';

export const binanceStatements = defineImporter({
  id: 'binance-statements',
  label: 'Binance transaction history / statements (Account, Operation, Coin, Change)',
  howToExport: 'Binance › Wallet › Transaction History › Export › Export Transaction Records (all accounts, CSV)',
  wallet: 'binance',
  // the `Time` naming states its zone only in the file name Binance gives it: `…(UTC+1).csv`
  zoneFrom: (file) => zoneInText(file.name),
  // some exports end rows without the empty `Remark` cell (rotki's binance_history.csv)
  lastCellMayBeMissing: 'Remark',
  columns: {
    userId: ifPresent(text(['User_ID', 'User ID'])),
    time: instant(['UTC_Time', 'Time']),
    account: text('Account'),
    operation: text('Operation'),
    coin: text('Coin'),
    change: decimal('Change'),
    remark: ifPresent(text('Remark')),
  },
  groupKey(row): string | undefined {
    const meaning = operationMeaning(row.operation);
    const cls = accountClass(row.account);
    if (cls === 'unknown' || cls === 'options') return undefined;
    // the same reward row twice in one second is one reward (rotki keys events by the row's hash)
    if (meaning?.kind === 'income') return `${row.time}|repeat|${[row.account, row.operation, row.coin, row.change.toFixed()].join('|').toLowerCase()}`;
    if (meaning?.kind !== 'leg') return undefined;
    if (cls === 'futures' && meaning.family !== 'convert') return undefined;
    // both sides of a move may sit in different accounts (Spot / Funding)
    if (meaning.family === 'move') return `${row.time}|move`;
    // a card/fiat order's rows may span seconds; its Remark carries the order id (statement-fiat.ts)
    const order = meaning.family === 'fiat-buy' ? fiatOrderId(row.remark) : undefined;
    if (order) return `fiat|${row.account.toLowerCase()}|${order}`;
    return `${row.time}|${row.account.toLowerCase()}|${meaning.family}`;
  },
  mapGroup(rows): RowOutcome {
    const first = rows[0];
    if (!first) return skip('empty group');
    if (rows.length === 1) return mapSingle(first);
    if (operationMeaning(first.operation)?.kind === 'income') return mapRepeated(first, rows.length);
    // Only spot-account trade legs share a key, all of one family (see groupKey).
    const meaning = operationMeaning(first.operation);
    return meaning?.kind === 'leg' ? mapLegs(rows, meaning.family) : mapSingle(first);
  },
});

function mapSingle(row: StatementRow): RowOutcome {
  const where = `${row.account} "${row.operation}" ${row.change.toFixed()} ${row.coin}`;
  const cls = accountClass(row.account);
  if (cls === 'options') return reject('ROW_UNSUPPORTED', `options account row: ${where}`, DERIVATIVE_HINT);
  if (cls === 'unknown') return reject('ROW_UNKNOWN_TYPE', `unknown account "${row.account}"`);
  if ((cls === 'futures' || cls === 'margin') && isDerivativeOperation(row.operation, cls)) return mapDerivativeRow(row, cls);
  const meaning = operationMeaning(row.operation);
  if (!meaning) return reject('ROW_UNKNOWN_TYPE', `unknown operation "${row.operation}"`);
  if (meaning.kind === 'derivative') return reject('ROW_UNSUPPORTED', `derivative operation in a ${cls} account: ${where}`, DERIVATIVE_HINT);
  if (cls === 'futures' && meaning.kind === 'leg' && meaning.family !== 'convert') {
    return reject('ROW_UNKNOWN_TYPE', `operation "${row.operation}" in a futures account`);
  }
  if (meaning.kind === 'skip') return skip(meaning.reason);
  // `Savings distribution` also books the move into Flexible Savings: BTC out, its receipt token
  // LDBTC in (everytrade's testSimpleEarn4/5) — only a credit of the coin itself is interest
  if (/^savings distribution$/i.test(row.operation.trim()) && (row.change.isNegative() || /^LD[A-Z0-9]{2,}$/.test(row.coin.trim().toUpperCase()))) {
    return skip('coins moved into Binance Flexible Savings (the LD token is its receipt; same owner, no disposal)');
  }
  if (meaning.kind === 'leg') return mapLegs([row], meaning.family);
  if (row.change.isZero()) return skip('row changes no balance (Change 0)');
  if (row.coin === '') return reject('ROW_MISSING_VALUE', 'Coin is empty');

  const q: Quantity = { asset: normalizeAsset(row.coin), amount: row.change.abs() };
  const base = { instant: row.time, ...(row.remark ? { note: row.remark } : {}) };
  let single: SingleMeaning;
  if (meaning.kind === 'signed') {
    const bySign = row.change.isPositive() ? meaning.positive : meaning.negative;
    if (!bySign) return reject('ROW_INCONSISTENT', `${where}: Change should be ${row.change.isPositive() ? 'negative' : 'positive'} for this operation`);
    single = bySign;
  } else {
    single = meaning;
    const incoming = meaning.kind === 'income' || meaning.kind === 'deposit';
    if (incoming !== row.change.isPositive()) {
      return reject('ROW_INCONSISTENT', `${where}: Change should be ${incoming ? 'positive' : 'negative'} for this operation`);
    }
  }
  switch (single.kind) {
    case 'income':
      return events({ kind: 'income', incomeKind: single.incomeKind, received: q, ...base });
    case 'deposit':
      return events({ kind: 'deposit', received: q, ...base });
    case 'withdrawal':
      return events({ kind: 'withdrawal', sent: q, ...base });
    case 'spend':
      return events({ kind: 'spend', spendKind: single.spendKind, sent: single.zeroValue ? withFields(q, { value: { amount: ZERO, currency: 'USD' } }) : q, ...base });
    case 'gift-sent':
      return events({ kind: 'removal', removalKind: 'gift', sent: q, ...base });
  }
}

/** The same income row several times in one second: one income, the copies noted. */
function mapRepeated(row: StatementRow, count: number): RowOutcome {
  const one = mapSingle(row);
  if (one.kind !== 'events') return one;
  const note = `"${row.operation}" row repeated ${count} times in the same second: counted once`;
  return events(...one.events.map((e) => ({ ...e, note: 'note' in e && e.note ? `${e.note}; ${note}` : note })));
}

function mapLegs(rows: readonly StatementRow[], family: Family): RowOutcome {
  const instant = rows[0]?.time ?? 0;
  const isFee = (r: StatementRow): boolean => {
    const m = operationMeaning(r.operation);
    return m?.kind === 'leg' && m.isFee;
  };
  const legs = collectLegs(rows, isFee);
  if (isProblem(legs)) return reject(legs.code, legs.message, legs.hint);
  if (legs.sent.size + legs.received.size + legs.fees.size === 0) return skip('rows change no balance (Change 0)');
  if (family === 'move') return mapMoves(rows, instant);
  if (family === 'fiat-buy' && legs.fees.size === 0) return mapFiatPurchase(rows);
  if (family === 'dust' && legs.received.size === 0 && rows.every((r) => /fee deduction/i.test(r.operation))) {
    // BNB taken to pay a fee (everytrade's testBnbFeeDeducation: a fee of 0.00190587 BNB)
    return events(...[...legs.fees, ...legs.sent].map(([asset, amount]) => ({ kind: 'fee' as const, instant, fee: { asset, amount }, note: 'BNB Fee Deduction' })));
  }
  // Several dust coins converted in one second: pair each coin with its BNB by the Remark, else
  // the i-th coin debited with the i-th BNB credited, in file order (BittyTax `_make_trade`;
  // everytrade's testSmallAssetsExchangeBuy: EUR, BNB, USDT, BNB → EUR→BNB, USDT→BNB).
  if (family === 'dust' && rows.filter((r) => r.change.isNegative()).length > 1) {
    const byRemark = new Map<string, StatementRow[]>();
    for (const r of rows) byRemark.set(r.remark ?? '', [...(byRemark.get(r.remark ?? '') ?? []), r]);
    if (byRemark.has('')) return dustInFileOrder(rows, instant);
    const trades: EventDraft[] = [];
    for (const part of byRemark.values()) {
      const partLegs = collectLegs(part, isFee);
      const trade = isProblem(partLegs) ? partLegs : tradeFromLegs(partLegs, instant, family);
      if (isProblem(trade)) return reject(trade.code, trade.message, trade.hint);
      trades.push(trade);
    }
    return events(...trades);
  }
  const split = splitFills(rows, isFee, instant);
  if (Array.isArray(split)) return events(...split);
  if (split) return reject(split.code, split.message, split.hint);
  const trade = tradeFromLegs(legs, instant, family);
  return isProblem(trade) ? reject(trade.code, trade.message, trade.hint) : events(trade);
}

/** Dust rows without a Remark: i-th coin debited ↔ i-th BNB credited (see mapLegs). */
function dustInFileOrder(rows: readonly StatementRow[], instant: number): RowOutcome {
  const out = rows.map((r, i) => [r, i] as const).filter(([r]) => r.change.isNegative());
  const inn = rows.map((r, i) => [r, i] as const).filter(([r]) => r.change.isPositive());
  if (out.length !== inn.length || out.some(([r]) => normalizeAsset(r.coin) === 'BNB')) {
    return reject(
      'ROW_INCONSISTENT',
      `${out.length} coins converted to BNB in one second with ${inn.length} BNB credits and no Remark naming each pair; the BNB cannot be attributed`,
      'enter each conversion with the taxlot generic format',
    );
  }
  return events(
    ...out.map(([o, i], k) => {
      const [r, j] = inn[k] as readonly [StatementRow, number];
      return {
        kind: 'trade' as const,
        instant,
        sent: { asset: normalizeAsset(o.coin), amount: o.change.abs() },
        received: { asset: normalizeAsset(r.coin), amount: r.change },
        groupRows: [i, j].sort((a, b) => a - b),
        note: 'Small Assets Exchange BNB (paired in file order)',
      };
    }),
  );
}

/** P2P (C2C) and sub-account moves of one second: what cancels is internal, the rest moved. */
function mapMoves(rows: readonly StatementRow[], instant: number): RowOutcome {
  const net = new Map<string, typeof ZERO>();
  for (const r of rows) net.set(normalizeAsset(r.coin), (net.get(normalizeAsset(r.coin)) ?? ZERO).plus(r.change));
  const drafts: EventDraft[] = [];
  for (const [asset, amount] of net) {
    if (amount.isZero()) continue;
    const q = { asset, amount: amount.abs() };
    const note = `${rows[0]?.operation ?? 'transfer'}: coins moved to or from another account`;
    drafts.push(amount.isPositive() ? { kind: 'deposit', instant, received: q, note } : { kind: 'withdrawal', instant, sent: q, note });
  }
  return drafts.length > 0 ? events(...drafts) : skip('coins moved between the user\'s own Binance balances (P2P/sub-account transfer that cancels out in the same second)');
}
