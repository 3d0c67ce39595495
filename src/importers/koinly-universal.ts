/**
 * Koinly universal template — the generic CSV most users already have (docs/contract.md, "Reading the
 * Koinly universal template"; docs/formats.md §2.14).
 *
 * A row with only a sent side is a withdrawal, only a received side a deposit, both a trade.
 * Amounts exclude the fee, which leaves the wallet in addition. `Net Worth` is the market value
 * of what was received (trade) or moved (deposit/withdrawal). The label decides the meaning of
 * deposits and withdrawals; an unlabelled one is the user's own funds moving (transfer candidate).
 * The wallet is the file name stem (`ledger-nano.csv` → `ledger-nano`).
 */
import { normalizeAsset } from '../model/asset.js';
import { ownText } from '../model/own-text.js';
import type { Dec } from '../model/decimal.js';
import type { AcquisitionKind, IncomeKind, Quantity, RemovalKind, SpendKind, StatedValue } from '../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from './columns.js';
import { defineImporter, events, reject, type EventDraft, type RowOutcome } from './importer-spec.js';
import { derivativeDraft } from './derivative-draft.js';
import { lookupTable } from './lookup-table.js';

export type DepositMeaning =
  | { kind: 'deposit' }
  | { kind: 'income'; incomeKind: IncomeKind }
  | { kind: 'acquisition'; acquisitionKind: AcquisitionKind }
  | { kind: 'derivative' };
export type WithdrawalMeaning =
  | { kind: 'withdrawal' }
  | { kind: 'removal'; removalKind: RemovalKind }
  | { kind: 'spend'; spendKind: SpendKind }
  | { kind: 'derivative' };

/** Deposit labels. Koinly's `reward` is staking, as its users use it (docs/contract.md). */
export const KOINLY_DEPOSIT_LABELS: Readonly<Record<string, DepositMeaning>> = lookupTable({
  '': { kind: 'deposit' },
  airdrop: { kind: 'income', incomeKind: 'airdrop' },
  // Rev. Rul. 2019-24: units received after a hard fork are ordinary income at market value (docs/contract.md)
  fork: { kind: 'income', incomeKind: 'airdrop' },
  mining: { kind: 'income', incomeKind: 'mining' },
  reward: { kind: 'income', incomeKind: 'staking' },
  staking: { kind: 'income', incomeKind: 'staking' },
  income: { kind: 'income', incomeKind: 'other' },
  'other income': { kind: 'income', incomeKind: 'other' },
  'lending interest': { kind: 'income', incomeKind: 'interest' },
  interest: { kind: 'income', incomeKind: 'interest' },
  salary: { kind: 'income', incomeKind: 'other' },
  cashback: { kind: 'income', incomeKind: 'reward' },
  'fee refund': { kind: 'income', incomeKind: 'reward' },
  loan: { kind: 'acquisition', acquisitionKind: 'loan' },
  'margin loan': { kind: 'acquisition', acquisitionKind: 'loan' },
  'realized gain': { kind: 'derivative' },
  'realized pnl': { kind: 'derivative' },
});

export const KOINLY_WITHDRAWAL_LABELS: Readonly<Record<string, WithdrawalMeaning>> = lookupTable({
  '': { kind: 'withdrawal' },
  gift: { kind: 'removal', removalKind: 'gift' },
  lost: { kind: 'removal', removalKind: 'lost' },
  donation: { kind: 'removal', removalKind: 'donation' },
  cost: { kind: 'spend', spendKind: 'cost' },
  tax: { kind: 'spend', spendKind: 'tax' },
  'margin fee': { kind: 'spend', spendKind: 'margin-fee' },
  'loan fee': { kind: 'spend', spendKind: 'loan-fee' },
  'loan repayment': { kind: 'spend', spendKind: 'loan-repayment' },
  'margin repayment': { kind: 'spend', spendKind: 'loan-repayment' },
  'realized gain': { kind: 'derivative' },
  'realized pnl': { kind: 'derivative' },
});

export const KOINLY_TRADE_LABELS: ReadonlySet<string> = new Set(['', 'swap', 'liquidity in', 'liquidity out']);

const labels = new Map<string, string>();

/** A label as the tables above spell it (lower case, `_` and runs of spaces as one space). */
export function normalizeLabel(label: string | undefined): string {
  const text = label ?? '';
  let normal = labels.get(text);
  if (normal === undefined) {
    normal = text.trim().toLowerCase().replace(/[_\s]+/g, ' ');
    // a memo of the few labels a file uses; bounded whatever the file holds
    if (labels.size < 1000 && text.length <= 64) labels.set(ownText(text), ownText(normal));
  }
  return normal;
}

/**
 * `realized gain` / `realized pnl`: a derivative result the user (or another tool) already netted
 * — a deposit is a realised profit, a withdrawal a realised loss, in the row's currency; each row
 * is its own PnL group (one Form 8949 line), contract and account unknown (src/derivatives).
 */
function realizedGain(q: Quantity, sign: 1 | -1, base: Base): RowOutcome {
  return events(
    derivativeDraft('realized-pnl', {
      instant: base.instant,
      account: '',
      contract: '',
      asset: q.asset,
      amount: sign === 1 ? q.amount : q.amount.negated(),
      fee: base.fee,
      note: base.note ?? 'Koinly realized gain',
    }),
  );
}

export const koinlyUniversal = defineImporter({
  id: 'koinly-universal',
  label: 'Koinly universal template (generic; wallet = file name)',
  howToExport: 'Koinly › Wallets › Import › "Custom file" universal template; any tool that writes that layout',
  wallet: 'file-stem',
  columns: {
    date: instant('Date'),
    sentAmount: optional(decimal('Sent Amount')),
    sentCurrency: text('Sent Currency'),
    receivedAmount: optional(decimal('Received Amount')),
    receivedCurrency: text('Received Currency'),
    feeAmount: optional(decimal('Fee Amount')),
    feeCurrency: text('Fee Currency'),
    netWorthAmount: ifPresent(decimal('Net Worth Amount')),
    netWorthCurrency: ifPresent(text('Net Worth Currency')),
    label: ifPresent(text(['Label', 'Tag'])),
    description: ifPresent(text('Description')),
    txHash: ifPresent(text('TxHash')),
  },
  mapRow(row): RowOutcome {
    // once per row of the history: no closures, no arrays, no spread of conditional objects
    const sent = side(row.sentAmount, row.sentCurrency, 'Sent Amount');
    const received = side(row.receivedAmount, row.receivedCurrency, 'Received Amount');
    const fee = side(row.feeAmount, row.feeCurrency, 'Fee Amount');
    if (typeof sent === 'string') return reject('ROW_INCONSISTENT', sent);
    if (typeof received === 'string') return reject('ROW_INCONSISTENT', received);
    if (typeof fee === 'string') return reject('ROW_INCONSISTENT', fee);
    const value: StatedValue | undefined =
      row.netWorthAmount !== undefined && !row.netWorthAmount.isNegative() && row.netWorthCurrency
        ? { amount: row.netWorthAmount, currency: normalizeAsset(row.netWorthCurrency) }
        : undefined;
    const label = normalizeLabel(row.label);
    // the fields in this order: instant, fee, txHash, note
    const base: { -readonly [K in keyof Base]: Base[K] } = { instant: row.date };
    if (fee) base.fee = fee;
    if (row.txHash) base.txHash = row.txHash;
    if (row.description) base.note = row.description;
    const s = sent;
    const r = received;

    if (s && r) {
      if (!KOINLY_TRADE_LABELS.has(label)) return reject('ROW_UNKNOWN_TYPE', `label "${row.label}" is not valid on a trade row`);
      return events({ kind: 'trade', sent: s, received: withValue(r, value), ...base });
    }
    if (r) {
      const meaning = KOINLY_DEPOSIT_LABELS[label];
      if (!meaning) return reject('ROW_UNKNOWN_TYPE', `unknown label "${row.label}" on a deposit row`);
      return mapDeposit(meaning, withValue(r, value), base);
    }
    if (s) {
      const meaning = KOINLY_WITHDRAWAL_LABELS[label];
      if (!meaning) return reject('ROW_UNKNOWN_TYPE', `unknown label "${row.label}" on a withdrawal row`);
      return mapWithdrawal(meaning, withValue(s, value), base);
    }
    if (fee) return events({ kind: 'fee', ...base, fee: withValue(fee, value) });
    return reject('ROW_MISSING_VALUE', 'the row has no sent, received or fee amount');
  },
});

/** One side of a row: its quantity, none (no amount, or zero), or what is wrong with it. */
function side(amount: Dec | undefined, currency: string, column: string): Quantity | undefined | string {
  if (amount === undefined || amount.isZero()) return undefined;
  if (amount.isNegative()) return `${column} is negative (${amount.toFixed()}); amounts in this template are positive`;
  if (currency === '') return `${column} has an amount but no currency`;
  return { asset: normalizeAsset(currency), amount };
}

/** `withFields(q, { value })` for a quantity made by `side` (asset and amount): the same fields in the same order. */
function withValue(q: Quantity, value: StatedValue | undefined): Quantity {
  return value ? { asset: q.asset, amount: q.amount, value } : q;
}

export type Base = Omit<EventDraft, 'kind'> & { instant: number };

export function mapDeposit(meaning: DepositMeaning, received: Quantity, base: Base): RowOutcome {
  switch (meaning.kind) {
    case 'deposit':
      return events({ kind: 'deposit', received, ...base } as EventDraft);
    case 'income':
      return events({ kind: 'income', incomeKind: meaning.incomeKind, received, ...base } as EventDraft);
    case 'acquisition':
      return events({ kind: 'acquisition', acquisitionKind: meaning.acquisitionKind, received, ...base } as EventDraft);
    case 'derivative':
      return realizedGain(received, 1, base);
  }
}

export function mapWithdrawal(meaning: WithdrawalMeaning, sent: Quantity, base: Base): RowOutcome {
  switch (meaning.kind) {
    case 'withdrawal':
      return events({ kind: 'withdrawal', sent, ...base } as EventDraft);
    case 'removal':
      return events({ kind: 'removal', removalKind: meaning.removalKind, sent, ...base } as EventDraft);
    case 'spend':
      return events({ kind: 'spend', spendKind: meaning.spendKind, sent, ...base } as EventDraft);
    case 'derivative':
      return realizedGain(sent, -1, base);
  }
}
