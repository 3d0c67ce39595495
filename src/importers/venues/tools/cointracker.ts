/**
 * CoinTracker — transaction history export (docs/formats.md "CoinTracker"; BittyTax `cointracker.py`):
 * `Date, Type, Transaction ID, Received Quantity, Received Currency, Received Cost Basis (USD),
 * Received Wallet, Received Address, [Received Tag,] Received Comment, Sent Quantity, Sent
 * Currency, Sent Cost Basis (USD), Sent Wallet, Sent Address, [Sent Tag,] Sent Comment, Fee
 * Amount, Fee Currency, [Fee Cost Basis (USD),] Realized Return (USD), …[, Transaction Hash]`.
 *
 * `BUY`, `SELL`, `TRADE`, `MULTI_TOKEN_TRADE` give Sent for Received; `RECEIVE` and `SEND` move
 * own funds; `TRANSFER` moves between two of the user's wallets (a stated transfer); `STAKING_REWARD`,
 * `INTEREST_PAYMENT`, `INCOME`, `AIRDROP`, `MINT`, `MINING_REWARD` are income; `GIFT` /
 * `DONATION` / `LOST` / `PAYMENT` leave. The wallet is the wallet named on the moving side
 * (`Coinbase - BTC` → `Coinbase`). Dates are month first (`01/31/2023 14:00:00`), UTC.
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, labelKey, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = {
  receive: 'deposit', 'staking reward': 'income:staking', 'interest payment': 'income:interest', income: 'income:other', airdrop: 'income:airdrop',
  mint: 'income:airdrop', 'mining reward': 'income:mining', mining: 'income:mining', fork: 'income:airdrop', 'hard fork': 'income:airdrop', 'borrow': 'acquisition:loan',
  'margin gain': 'pnl', 'futures gain': 'pnl', 'gift received': 'income:other',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  send: 'withdrawal', gift: 'removal:gift', donation: 'removal:donation', lost: 'removal:lost', payment: 'spend:payment', spend: 'spend:payment',
  fee: 'fee', 'margin loss': 'pnl', 'futures loss': 'pnl', repay: 'spend:loan-repayment', 'loan repayment': 'spend:loan-repayment',
};
const TRADES = new Set(['buy', 'sell', 'trade', 'multi token trade', 'swap', 'spam']);
const wallet = (w: string) => w.split(' - ')[0]?.trim() || 'cointracker';

export const coinTrackerTransactions = defineImporter({
  id: 'cointracker-transactions',
  label: 'CoinTracker: transactions (Date, Type, Transaction ID, Received Quantity, Received Currency, …, Fee Amount, Fee Currency, …)',
  howToExport: 'CoinTracker › Transactions › ⋯ › Export transactions (CSV)',
  wallet: 'cointracker',
  columns: {
    date: instant('Date'),
    type: text('Type'),
    id: text('Transaction ID'),
    receivedQty: optional(decimal('Received Quantity')),
    receivedCur: text('Received Currency'),
    receivedWallet: text('Received Wallet'),
    receivedComment: text('Received Comment'),
    sentQty: optional(decimal('Sent Quantity')),
    sentCur: text('Sent Currency'),
    sentWallet: text('Sent Wallet'),
    sentComment: text('Sent Comment'),
    feeQty: optional(decimal('Fee Amount')),
    feeCur: text('Fee Currency'),
    hash: ifPresent(text('Transaction Hash')),
  },
  signature: { also: ['Received Address', 'Sent Address'] },
  mapRow(row): RowOutcome {
    const key = labelKey(row.type);
    const received = leg(row.receivedCur, row.receivedQty);
    const sent = leg(row.sentCur, row.sentQty);
    const fee = leg(row.feeCur, row.feeQty);
    const note = [row.type, row.receivedComment || row.sentComment].filter((x) => x).join(': ');
    const common = { instant: row.date, ...(fee ? { fee } : {}), ...(row.hash ? { txHash: row.hash } : {}), note };
    if (key === 'spam') return skip('CoinTracker marked the transaction as spam');
    if (TRADES.has(key)) {
      if (!sent || !received) return reject('ROW_MISSING_VALUE', `${row.type} needs a Sent and a Received quantity`);
      return events({ kind: 'trade', sent, received, wallet: wallet(row.receivedWallet || row.sentWallet), ...common });
    }
    if (key === 'transfer') {
      if (!sent) return reject('ROW_MISSING_VALUE', 'TRANSFER needs a Sent quantity');
      const to = wallet(row.receivedWallet);
      return events({ kind: 'transfer', sent, received: received ?? sent, toWallet: to, wallet: wallet(row.sentWallet), ...common });
    }
    const i = IN[key];
    if (i) return received ? inflow(i, received, { wallet: wallet(row.receivedWallet), ...common }) : reject('ROW_MISSING_VALUE', `${row.type} needs a Received quantity`);
    const o = OUT[key];
    if (o) return sent ? outflow(o, sent, { wallet: wallet(row.sentWallet), ...common }) : reject('ROW_MISSING_VALUE', `${row.type} needs a Sent quantity`);
    return reject('ROW_UNKNOWN_TYPE', `unknown CoinTracker Type "${row.type}"`);
  },
});
