/**
 * bitcoin.tax — exported trades and income / spending lists (docs/formats.md "bitcoin.tax"; rotki
 * `bitcoin_tax.py` and its test files):
 * - trades: `Date, Action, Symbol, Account, Volume, Price, Currency, Fee, FeeCurrency, Total,
 *   Cost/Proceeds, ExchangeId, …`: `BUY` received `Volume` of `Symbol` for the quote, `SELL`
 *   the reverse. `Total` is signed and nets the fee (a buy paid |Total| with the fee, a sale got
 *   Total after it), so the quote leg is |Total| − fee (buy) or Total + fee (sale) when the fee
 *   is in the quote currency, the fee apart. `SWAP` (a rename or fork booked by bitcoin.tax) is
 *   skipped, as rotki does.
 * - income / spending: `Date, Action, Symbol, Account, Volume, Price, Currency, Fee,
 *   FeeCurrency, Total, Ref, Memo, …`: `INCOME`, `MINING`, `GIFTIN`, `BORROW` arrive; `SPEND`,
 *   `DONATION`, `GIFT`, `STOLEN`, `LOST`, `REPAY` leave; `Total` (in `Currency`) is the value.
 * Dates carry their offset (`2018-06-03 21:16:15 +0000`). The wallet is the `Account`.
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = { INCOME: 'income:other', MINING: 'income:mining', GIFTIN: 'income:other', BORROW: 'acquisition:loan', STAKING: 'income:staking', INTEREST: 'income:interest', AIRDROP: 'income:airdrop' };
const OUT: Readonly<Record<string, OutMeaning>> = { SPEND: 'spend:payment', DONATION: 'removal:donation', GIFT: 'removal:gift', STOLEN: 'removal:lost', LOST: 'removal:lost', REPAY: 'spend:loan-repayment', FEE: 'fee' };

/** The columns both lists begin with, read alike (the two differ in `Total`, `Memo` and what follows). */
const SHARED_COLUMNS = {
    date: instant('Date'),
    action: text('Action'),
    symbol: text('Symbol'),
    account: text('Account'),
    volume: decimal('Volume'),
    currency: text('Currency'),
    fee: optional(decimal('Fee')),
    feeCurrency: text('FeeCurrency'),
};

export const bitcoinTaxTrades = defineImporter({
  id: 'bitcointax-trades',
  label: 'bitcoin.tax: trades (Date, Action, Symbol, Account, Volume, Price, Currency, Fee, FeeCurrency, Total, Cost/Proceeds, …)',
  howToExport: 'bitcoin.tax › Trading › Export (CSV)',
  wallet: 'bitcointax',
  columns: {
    ...SHARED_COLUMNS,
    total: decimal('Total'),
    memo: ifPresent(text('Memo')),
  },
  signature: { also: ['Cost/Proceeds', 'Price'] },
  mapRow(row): RowOutcome {
    const action = row.action.toUpperCase();
    if (action === 'SWAP') return skip('SWAP: a rename or fork booked by bitcoin.tax, not a trade');
    if (action !== 'BUY' && action !== 'SELL') return reject('ROW_UNKNOWN_TYPE', `unknown bitcoin.tax Action "${row.action}"`);
    const fee = leg(row.feeCurrency || row.currency, row.fee);
    const sameCurrency = fee !== undefined && fee.asset === leg(row.currency, row.total)?.asset;
    const total = row.total.abs();
    const quoteAmount = sameCurrency && fee ? (action === 'BUY' ? total.minus(fee.amount) : total.plus(fee.amount)) : total;
    const base = leg(row.symbol, row.volume);
    const quote = leg(row.currency, quoteAmount);
    if (!base || !quote) return reject('ROW_MISSING_VALUE', 'Volume or Total is 0 or its currency is empty');
    const common = { wallet: row.account || 'bitcointax', instant: row.date, ...(fee ? { fee } : {}), ...(row.memo ? { note: row.memo } : {}) };
    return events(action === 'BUY' ? { kind: 'trade', sent: quote, received: base, ...common } : { kind: 'trade', sent: base, received: quote, ...common });
  },
});

export const bitcoinTaxIncomeSpending = defineImporter({
  id: 'bitcointax-income-spending',
  label: 'bitcoin.tax: income and spending (Date, Action, Symbol, Account, Volume, Price, Currency, Fee, FeeCurrency, Total, Ref, Memo, …)',
  howToExport: 'bitcoin.tax › Income / Spending › Export (CSV)',
  wallet: 'bitcointax',
  columns: {
    ...SHARED_COLUMNS,
    total: optional(decimal('Total')),
    memo: text('Memo'),
    txHash: ifPresent(text('TxHash')),
  },
  signature: { also: ['Ref', 'Price'], absent: ['Cost/Proceeds'] },
  mapRow(row): RowOutcome {
    const q = leg(row.symbol, row.volume, { amount: row.total, currency: row.currency || 'USD' });
    if (!q) return reject('ROW_MISSING_VALUE', 'Volume is 0 or Symbol is empty');
    const fee = leg(row.feeCurrency, row.fee);
    const base = { wallet: row.account || 'bitcointax', instant: row.date, ...(fee ? { fee } : {}), ...(row.memo ? { note: row.memo } : {}), ...(row.txHash ? { txHash: row.txHash } : {}) };
    const action = row.action.toUpperCase();
    const i = IN[action];
    if (i) return inflow(i, q, base);
    const o = OUT[action];
    if (o) return outflow(o, q, base);
    return reject('ROW_UNKNOWN_TYPE', `unknown bitcoin.tax Action "${row.action}"`);
  },
});
