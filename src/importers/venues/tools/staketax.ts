/**
 * StakeTax — staking-reward exports it writes for many chains (docs/formats.md §3.4; BittyTax
 * `staketax.py`): `timestamp, tx_type, received_amount, received_currency, sent_amount,
 * sent_currency, fee, fee_currency, comment, txid, url, exchange, wallet_address`. `STAKING` /
 * `INCOME` / `AIRDROP` / `MINING` rows are income, `TRADE` both sides, `TRANSFER` / `DEPOSIT` /
 * `WITHDRAWAL` own funds, `SPEND` a disposal, `FEE` a fee. (Its BittyTax-layout variant is read
 * by `bittytax-records`.) The wallet is `wallet_address`.
 */
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, labelKey, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = { staking: 'income:staking', income: 'income:other', airdrop: 'income:airdrop', mining: 'income:mining', deposit: 'deposit', transfer: 'deposit', 'lp deposit': 'deposit', interest: 'income:interest' };
const OUT: Readonly<Record<string, OutMeaning>> = { spend: 'spend:payment', withdrawal: 'withdrawal', transfer: 'withdrawal', fee: 'fee', lost: 'removal:lost', gift: 'removal:gift' };

export const stakeTaxTransactions = defineImporter({
  id: 'staketax-transactions',
  label: 'StakeTax: transactions (timestamp, tx_type, received_amount, received_currency, sent_amount, …, wallet_address)',
  howToExport: 'stake.tax › enter the wallet address › Download CSV (default format)',
  wallet: 'staketax',
  columns: {
    timestamp: instant('timestamp'),
    type: text('tx_type'),
    receivedAmount: optional(decimal('received_amount')),
    receivedCurrency: text('received_currency'),
    sentAmount: optional(decimal('sent_amount')),
    sentCurrency: text('sent_currency'),
    fee: optional(decimal('fee')),
    feeCurrency: text('fee_currency'),
    comment: text('comment'),
    txid: text('txid'),
    wallet: text('wallet_address'),
  },
  signature: { also: ['url', 'exchange'] },
  mapRow(row): RowOutcome {
    const received = leg(row.receivedCurrency, row.receivedAmount);
    const sent = leg(row.sentCurrency, row.sentAmount);
    const fee = leg(row.feeCurrency, row.fee);
    const base = { wallet: row.wallet || 'staketax', instant: row.timestamp, ...(fee ? { fee } : {}), ...(row.txid ? { txHash: row.txid } : {}), ...(row.comment ? { note: row.comment } : {}) };
    const key = labelKey(row.type);
    if (sent && received) return events({ kind: 'trade', sent, received, ...base });
    if (received) {
      const m = IN[key];
      return m ? inflow(m, received, base) : reject('ROW_UNKNOWN_TYPE', `unknown StakeTax tx_type "${row.type}" on an incoming row`);
    }
    if (sent) {
      const m = OUT[key];
      return m ? outflow(m, sent, base) : reject('ROW_UNKNOWN_TYPE', `unknown StakeTax tx_type "${row.type}" on an outgoing row`);
    }
    if (fee) {
      const { fee: f, ...rest } = base;
      return events({ kind: 'fee', ...rest, fee: f as NonNullable<typeof fee> });
    }
    return reject('ROW_MISSING_VALUE', 'no received, sent or fee amount');
  },
});
