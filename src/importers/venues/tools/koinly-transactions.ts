/**
 * Koinly — the transaction history Koinly itself exports (not the universal import template;
 * docs/formats.md "Koinly transaction export"; BittyTax `koinly.py`): `Date, Type, Label|Tag, Sending
 * Wallet, Sent Amount, Sent Currency, Sent Cost Basis, Receiving Wallet, Received Amount,
 * Received Currency, Received Cost Basis, Fee Amount, Fee Currency, Gain (USD), Net Value (USD),
 * Fee Value (USD), TxSrc, TxDest, TxHash, Description` (the currency in the names is the
 * account's). It shares the universal template's column names, and more: detection prefers it.
 *
 * `Type` says what happened: `buy` / `sell` / `exchange` trade Sent for Received; `transfer`
 * moves between two of the user's wallets (a stated transfer, Received ≤ Sent); `crypto_deposit`
 * / `fiat_deposit` and `crypto_withdrawal` / `fiat_withdrawal` read their `Label` like the
 * universal template (empty = own funds; `staking`, `airdrop`, `gift`, `cost` …). `Net Value`
 * is the value Koinly gave the row. The wallets are the ones Koinly named.
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, labelKey, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = {
  '': 'deposit', airdrop: 'income:airdrop', fork: 'income:airdrop', mining: 'income:mining', reward: 'income:staking', staking: 'income:staking',
  income: 'income:other', 'other income': 'income:other', 'lending interest': 'income:interest', interest: 'income:interest', salary: 'income:other',
  cashback: 'income:reward', 'fee refund': 'income:reward', loan: 'acquisition:loan', 'margin loan': 'acquisition:loan', 'realized gain': 'pnl', 'realized pnl': 'pnl',
  gift: 'income:other',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  '': 'withdrawal', gift: 'removal:gift', lost: 'removal:lost', donation: 'removal:donation', cost: 'spend:cost', tax: 'spend:tax',
  'margin fee': 'spend:margin-fee', 'loan fee': 'spend:loan-fee', 'loan repayment': 'spend:loan-repayment', 'margin repayment': 'spend:loan-repayment',
  'realized gain': 'pnl', 'realized pnl': 'pnl',
};

export const koinlyTransactions = defineImporter({
  id: 'koinly-transactions',
  label: 'Koinly: transaction history export (Date, Type, Label, Sending Wallet, Sent Amount, …, Net Value, TxSrc, TxDest, TxHash)',
  howToExport: 'Koinly › Transactions › ⋯ › Export (CSV)',
  wallet: 'koinly',
  columns: {
    date: instant('Date'),
    type: text('Type'),
    label: ifPresent(text(['Label', 'Tag'])),
    sendingWallet: text('Sending Wallet'),
    sentAmount: optional(decimal('Sent Amount')),
    sentCurrency: text('Sent Currency'),
    receivingWallet: text('Receiving Wallet'),
    receivedAmount: optional(decimal('Received Amount')),
    receivedCurrency: text('Received Currency'),
    feeAmount: optional(decimal('Fee Amount')),
    feeCurrency: text('Fee Currency'),
    netValue: optional(decimal(/^Net Value \(\w+\)$/)),
    txHash: text('TxHash'),
    description: ifPresent(text('Description')),
  },
  signature: { also: ['Sent Cost Basis', 'Received Cost Basis', 'TxSrc', 'TxDest'] },
  mapRow(row): RowOutcome {
    const sent = leg(row.sentCurrency, row.sentAmount);
    const received = leg(row.receivedCurrency, row.receivedAmount);
    const fee = leg(row.feeCurrency, row.feeAmount);
    const common = { instant: row.date, ...(fee ? { fee } : {}), ...(row.txHash ? { txHash: row.txHash } : {}), ...(row.description ? { note: row.description } : {}) };
    const type = row.type.trim().toLowerCase();
    const label = labelKey(row.label ?? '');
    const w = (name: string) => name || 'koinly';
    if (type === 'buy' || type === 'sell' || type === 'exchange' || type === 'trade') {
      if (!sent || !received) return reject('ROW_MISSING_VALUE', `${row.type} needs Sent and Received amounts`);
      return events({ kind: 'trade', sent, received, wallet: w(row.sendingWallet || row.receivingWallet), ...common });
    }
    if (type === 'transfer') {
      if (!sent) return reject('ROW_MISSING_VALUE', 'transfer needs a Sent amount');
      const arrived = received ?? sent;
      if (arrived.amount.gt(sent.amount)) return reject('ROW_INCONSISTENT', 'a transfer cannot receive more than it sent');
      return events({ kind: 'transfer', sent, received: arrived, wallet: w(row.sendingWallet), toWallet: w(row.receivingWallet), ...common });
    }
    if (type === 'crypto_deposit' || type === 'fiat_deposit' || type === 'deposit') {
      const m = IN[label];
      if (!received) return reject('ROW_MISSING_VALUE', `${row.type} needs a Received amount`);
      return m ? inflow(m, row.netValue ? { ...received, value: { amount: row.netValue.abs(), currency: 'USD' } } : received, { wallet: w(row.receivingWallet), ...common }) : reject('ROW_UNKNOWN_TYPE', `unknown Koinly label "${row.label}" on a deposit`);
    }
    if (type === 'crypto_withdrawal' || type === 'fiat_withdrawal' || type === 'withdrawal') {
      const m = OUT[label];
      if (!sent) return reject('ROW_MISSING_VALUE', `${row.type} needs a Sent amount`);
      return m ? outflow(m, row.netValue ? { ...sent, value: { amount: row.netValue.abs(), currency: 'USD' } } : sent, { wallet: w(row.sendingWallet), ...common }) : reject('ROW_UNKNOWN_TYPE', `unknown Koinly label "${row.label}" on a withdrawal`);
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Koinly Type "${row.type}"`);
  },
});
