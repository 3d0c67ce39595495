/**
 * CoinLedger — transaction export (docs/formats.md "CoinLedger"; rotki `coinledger.py`, test file
 * `coinledger_export.csv`): `Timestamp (UTC), Type, Internal Id, Platform, Account Name,
 * Platform Id, Blockchain Id, Record Type, Asset, Amount, Description`. One row per leg: `Record
 * Type` is `Credit` (arrived), `Debit` (left), `Platform Fee` / `Network Fee` (a fee), `Margin
 * Gain` (a netted derivative result, signed); amounts are signed.
 *
 * The legs of a `Buy`, `Sell`, `Trade`, `Swap` or `Convert` share an `Internal Id` and make one
 * trade (one Debit, one Credit, fees apart). Legs that do not pair (a partner missing, or under another id) are each
 * what they state: a Credit a deposit, a Debit a disposal (`spend`). Other types map by name
 * (`Staking`, `Interest`, `Mining`, `Airdrop`, `Gift Received` / `Gift Sent`, `Hard Fork`,
 * `Investment Loss`, `Theft Loss`, `Merchant Payment`, `Network Fee`, `Deposit`, `Withdrawal`,
 * `Transfer`, `Manual Position`). The wallet is the `Account Name` (else `Platform`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, text } from '../../columns.js';
import { defineImporter, events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { inflow, labelKey, outflow, type Base, type InMeaning, type OutMeaning } from './meaning.js';

const TRADES = new Set(['buy', 'sell', 'trade', 'swap', 'convert']);
const IN: Readonly<Record<string, InMeaning>> = {
  deposit: 'deposit', transfer: 'deposit', 'manual position': 'deposit', staking: 'income:staking', interest: 'income:interest',
  'interest payment': 'income:interest', mining: 'income:mining', airdrop: 'income:airdrop', 'gift received': 'income:other',
  income: 'income:other', 'hard fork': 'income:airdrop', 'margin gain': 'pnl', buy: 'deposit', sell: 'deposit', trade: 'deposit', swap: 'deposit', convert: 'deposit',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  withdrawal: 'withdrawal', transfer: 'withdrawal', 'gift sent': 'removal:gift', 'investment loss': 'removal:lost', 'theft loss': 'removal:lost',
  'merchant payment': 'spend:payment', 'network fee': 'fee', 'platform fee': 'fee', 'margin gain': 'pnl', interest: 'spend:loan-fee',
  'interest payment': 'spend:loan-fee', 'manual position': 'withdrawal', buy: 'spend:payment', sell: 'spend:payment', trade: 'spend:payment', swap: 'spend:payment', convert: 'spend:payment',
};

interface Leg {
  readonly type: string;
  readonly record: string;
  readonly amount: import('../../../model/decimal.js').Dec;
}

function mapLeg(row: Leg, q: Quantity, record: string, base: Base): RowOutcome {
  const key = labelKey(row.type);
  if (record === 'margin gain') return row.amount.isNegative() ? outflow('pnl', q, base) : inflow('pnl', q, base);
  if (record === 'credit' || (record === '' && row.amount.gt(0))) {
    const m = IN[key];
    return m ? inflow(m, q, base) : reject('ROW_UNKNOWN_TYPE', `unknown CoinLedger Type "${row.type}" on a Credit`);
  }
  if (record === 'debit' || record.endsWith('fee')) {
    const m = record.endsWith('fee') ? 'fee' : OUT[key];
    return m ? outflow(m, q, base) : reject('ROW_UNKNOWN_TYPE', `unknown CoinLedger Type "${row.type}" on a Debit`);
  }
  return reject('ROW_UNKNOWN_TYPE', `unknown CoinLedger Record Type "${row.record}"`);
}

export const coinLedgerExport = defineImporter({
  id: 'coinledger-transactions',
  label: 'CoinLedger: transaction export (Timestamp (UTC), Type, Internal Id, Platform, …, Record Type, Asset, Amount)',
  howToExport: 'CoinLedger › Transactions › Export (CSV)',
  wallet: 'coinledger',
  columns: {
    time: instant('Timestamp (UTC)'),
    type: text('Type'),
    internalId: text('Internal Id'),
    platform: text('Platform'),
    account: text('Account Name'),
    platformId: text('Platform Id'),
    chainId: text('Blockchain Id'),
    record: text('Record Type'),
    asset: text('Asset'),
    amount: decimal('Amount'),
    description: text('Description'),
  },
  groupKey: (row) => (TRADES.has(labelKey(row.type)) && row.internalId ? `${row.internalId}\u0000${row.time}` : undefined),
  mapGroup(rows): RowOutcome {
    const [first] = rows;
    if (!first) return reject('ROW_MISSING_VALUE', 'empty group');
    const wallet = first.account || first.platform || 'coinledger';
    const hash = first.chainId || first.platformId;
    const base = { wallet, instant: first.time, ...(hash ? { txHash: hash } : {}), note: [first.type, first.description].filter((x) => x).join(': ') };
    const q = (i: number): Quantity => ({ asset: normalizeAsset(rows[i]?.asset ?? ''), amount: (rows[i]?.amount ?? first.amount).abs() });
    const kinds = rows.map((r) => labelKey(r.record));
    const debit = kinds.indexOf('debit');
    const credit = kinds.indexOf('credit');
    const fees = kinds.flatMap((k, i) => (k.endsWith('fee') ? [i] : []));
    if (rows.some((r) => r.asset === '')) return reject('ROW_MISSING_VALUE', 'Asset is empty');
    if (debit >= 0 && credit >= 0 && rows.length === 2 + fees.length) {
      const fee = fees.length === 1 ? { fee: q(fees[0] as number) } : {};
      const trade: EventDraft = { kind: 'trade', sent: q(debit), received: q(credit), ...fee, ...base };
      const more: EventDraft[] = fees.length > 1 ? fees.map((i) => ({ kind: 'fee', fee: q(i), ...base, groupRows: [i] })) : [];
      return events(trade, ...more);
    }
    if (rows.length === 1) return mapLeg(first, q(0), kinds[0] ?? '', base);
    // legs that do not pair into one trade: each is what it states
    const drafts: EventDraft[] = [];
    for (const [i, r] of rows.entries()) {
      const outcome = mapLeg(r, q(i), kinds[i] ?? '', { ...base, instant: r.time });
      if (outcome.kind !== 'events') return outcome;
      drafts.push(...outcome.events.map((e) => ({ ...e, groupRows: [i] }) as EventDraft));
    }
    return events(...drafts);
  },
});
