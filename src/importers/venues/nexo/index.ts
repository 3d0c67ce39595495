/**
 * Nexo — transaction history (docs/formats.md "Nexo"; rotki `nexo.py` and its test file, BittyTax
 * `nexo.py`). Layouts: `Transaction, Type, Input Currency, Input Amount, Output Currency, Output
 * Amount, USD Equivalent, [Fee, Fee Currency,] Details, [Outstanding Loan,] Date / Time (UTC)`
 * (2022–) and the earlier `Transaction, Type, Currency, Amount, [USD Equivalent,] Details,
 * Outstanding Loan, Date / Time`. Rows whose `Details` say `rejected` never happened (skipped).
 * Nexo's fiat tokens `GBPX`, `EURX`, `USDX` are read as the currency.
 *
 * Types (rotki's reading): `Deposit`, `Exchange Deposited On` arrive; `Withdrawal`, `Withdraw
 * Exchanged` leave; `Withdrawal Fee` is a fee; `Interest`, `Fixed Term Interest` interest,
 * `Bonus`, `Cashback`, `Exchange Cashback`, `Referral Bonus`, `Dividend` rewards (a negative one
 * is Nexo's internal counter-entry: skipped); `Exchange` gives Input for Output; `Liquidation`
 * loses the input to repay a loan; `Manual Sell Order` repays a loan. Moves between Nexo's own
 * wallets and informational loan rows (`Locking` / `Unlocking Term Deposit`, `Transfer In` /
 * `Out`, `Repayment`, `Top up Crypto`, `Exchange To Withdraw`, …) change no holding: skipped.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimalWithUnit, decimal, ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

const FIATX: Readonly<Record<string, string>> = { GBPX: 'GBP', EURX: 'EUR', USDX: 'USD' };
const asset = (c: string) => FIATX[c.toUpperCase()] ?? normalizeAsset(c);

const INTERNAL = new Set([
  'exchange to withdraw', 'credit card status', 'deposit to exchange', 'repayment', 'manual repayment', 'unlocking term deposit',
  'locking term deposit', 'transfer in', 'transfer out', 'transfer from pro wallet', 'transfer to pro wallet', 'nexo card purchase',
  'credit card fiatx exchange to withdraw', 'top up crypto', 'loan withdrawal', 'assimilation',
]);
const REWARD: Readonly<Record<string, 'interest' | 'reward'>> = {
  interest: 'interest', 'fixed term interest': 'interest', bonus: 'reward', dividend: 'reward', cashback: 'reward',
  'exchange cashback': 'reward', 'referral bonus': 'reward',
};

export const nexoTransactions = defineImporter({
  id: 'nexo-transactions',
  label: 'Nexo: transactions (Transaction, Type, Input Currency, Input Amount, Output Currency, …, Details, Date / Time)',
  howToExport: 'Nexo › Transactions › Export (CSV)',
  wallet: 'nexo',
  columns: {
    id: text('Transaction'),
    type: text('Type'),
    inCur: text(['Input Currency', 'Currency']),
    inAmount: decimal(['Input Amount', 'Amount']),
    outCur: ifPresent(text('Output Currency')),
    outAmount: ifPresent(decimal('Output Amount')),
    usd: ifPresent(decimalWithUnit('USD Equivalent')),
    fee: ifPresent(decimal('Fee')),
    feeCur: ifPresent(text('Fee Currency')),
    details: text('Details'),
    date: instant(['Date / Time (UTC)', 'Date / Time']),
  },
  mapRow(row): RowOutcome {
    if (/rejected/i.test(row.details)) return skip(`Nexo ${row.type} rejected: it never happened`);
    const type = row.type.trim().toLowerCase();
    const outAsset = asset(row.outCur || row.inCur);
    const outAmount = (row.outAmount ?? row.inAmount);
    const usd = row.usd && !row.usd.value.isZero() ? { amount: row.usd.value.abs(), currency: 'USD' } : undefined;
    const fee = row.fee && !row.fee.isZero() && row.feeCur ? { fee: { asset: asset(row.feeCur), amount: row.fee.abs() } } : {};
    const base = { instant: row.date, note: `${row.type}: ${row.details}`, ...fee };
    const q = (a: string, amount: typeof outAmount, withValue = true) => ({ asset: a, amount: amount.abs(), ...(usd && withValue ? { value: usd } : {}) });
    if (INTERNAL.has(type)) return skip(`Nexo ${row.type}: a move between Nexo's own wallets or a loan notice; no holding changes`);
    if (type === 'deposit' || type === 'exchange deposited on') return events({ kind: 'deposit', received: q(outAsset, outAmount, false), ...base });
    if (type === 'withdrawal' || type === 'withdraw exchanged') return events({ kind: 'withdrawal', sent: q(outAsset, outAmount, false), ...base });
    if (type === 'withdrawal fee') return events({ kind: 'fee', fee: q(outAsset, outAmount), instant: row.date, note: base.note });
    const reward = REWARD[type];
    if (reward) {
      if (outAmount.isNegative()) return skip(`Nexo ${row.type} with a negative amount: Nexo's internal counter-entry`);
      const amount = outAmount.isZero() ? row.inAmount : outAmount;
      if (amount.isZero()) return skip(`Nexo ${row.type} of 0`);
      return events({ kind: 'income', incomeKind: reward, received: q(outAsset, amount), ...base });
    }
    if (type === 'exchange') {
      if (row.outAmount === undefined || !row.outCur) return reject('ROW_MISSING_VALUE', 'Exchange needs Output Currency and Output Amount');
      return events({ kind: 'trade', sent: q(asset(row.inCur), row.inAmount, false), received: q(outAsset, outAmount), ...base });
    }
    if (type === 'liquidation') return events({ kind: 'spend', spendKind: 'loan-repayment', sent: q(asset(row.inCur), row.inAmount), ...base });
    if (type === 'manual sell order') return events({ kind: 'spend', spendKind: 'loan-repayment', sent: q(outAsset, outAmount), ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown Nexo Type "${row.type}"`);
  },
});

export const NEXO_IMPORTERS: readonly Importer[] = [nexoTransactions];
