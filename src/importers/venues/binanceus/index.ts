/**
 * Binance.US — transaction history (docs/formats.md "Binance.US"; BittyTax `binance_us.py`). Two
 * spellings of one header: `User ID, Time, Category, Operation, Order ID, Transaction ID,
 * Primary Asset, Realized Amount For Primary Asset, Realized Amount for Primary Asset in USD,
 * Base Asset, Realized Amount For Base Asset, … In USD, Quote Asset, Realized Amount for Quote
 * Asset, … in USD, Fee Asset, Realized Amount for Fee Asset, … in USD, Payment Method, Withdraw
 * Method, Additional Note` (2023) and the same with underscores (`User_Id`, `Primary_Asset`,
 * `Realized_Amount_For_Primary_Asset_In_USD_Value`, …).
 *
 * `Deposit` / `Withdrawal` move the primary asset (the fee in addition); `Distribution` is income
 * (`Staking Rewards` staking — a negative one is a service fee —, `Referral Commission` reward,
 * `Others` airdrop); `Spot Trading` `Buy` receives the base asset for the quote, `Sell` the
 * reverse; `Buy`, `Sell`, `Quick Buy`, `Convert` categories give the base asset for the quote
 * asset (BittyTax's reading). USD values are stated for every leg.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';

const h = (spaced: string) => [spaced, spaced.replace(/ /g, '_'), `${spaced.replace(/ /g, '_')}_Value`];

function leg(asset: string, amount: Dec | undefined, usd: Dec | undefined): Quantity | undefined {
  if (!asset || !amount || amount.isZero()) return undefined;
  const q = { asset: normalizeAsset(asset), amount: amount.abs() };
  return usd && !usd.isZero() ? { ...q, value: { amount: usd.abs(), currency: 'USD' } } : q;
}

export const binanceUsHistory = defineImporter({
  id: 'binanceus-transactions',
  label: 'Binance.US: transaction history (User ID, Time, Category, Operation, Primary Asset, Realized Amount …)',
  howToExport: 'Binance.US › Profile › Tax Information / Transaction History › Export (CSV)',
  wallet: 'binanceus',
  columns: {
    time: instant('Time'),
    category: text('Category'),
    operation: text('Operation'),
    txid: text(['Transaction ID', 'Transaction_Id']),
    primary: text(h('Primary Asset')),
    primaryAmount: optional(decimal(h('Realized Amount For Primary Asset'))),
    primaryUsd: optional(decimal(h('Realized Amount For Primary Asset In USD'))),
    base: text(h('Base Asset')),
    baseAmount: optional(decimal(h('Realized Amount For Base Asset'))),
    baseUsd: optional(decimal(h('Realized Amount For Base Asset In USD'))),
    quote: text(h('Quote Asset')),
    quoteAmount: optional(decimal(h('Realized Amount For Quote Asset'))),
    quoteUsd: optional(decimal(h('Realized Amount For Quote Asset In USD'))),
    fee: text(h('Fee Asset')),
    feeAmount: optional(decimal(h('Realized Amount For Fee Asset'))),
    feeUsd: optional(decimal(h('Realized Amount For Fee Asset In USD'))),
  },
  mapRow(row): RowOutcome {
    const primary = leg(row.primary, row.primaryAmount, row.primaryUsd);
    const base = leg(row.base, row.baseAmount, row.baseUsd);
    // a USD quote may be stated only as its USD amount
    const quote = leg(row.quote, row.quoteAmount ?? (['USD', 'USDT', 'BUSD'].includes(row.quote.toUpperCase()) ? row.quoteUsd : undefined), row.quoteUsd);
    const fee = leg(row.fee, row.feeAmount, row.feeUsd);
    const common = { instant: row.time, note: `${row.category} ${row.operation}`.trim(), ...(fee ? { fee } : {}) };
    const category = row.category.toLowerCase();
    const op = row.operation.toLowerCase();
    const withHash = row.txid && /^(0x)?[0-9a-f]{16,}$/i.test(row.txid) ? { txHash: row.txid } : {};
    if (category === 'deposit') return primary ? events({ kind: 'deposit', received: primary, ...withHash, ...common }) : reject('ROW_MISSING_VALUE', 'Deposit without a primary amount');
    if (category === 'withdrawal') return primary ? events({ kind: 'withdrawal', sent: primary, ...withHash, ...common }) : reject('ROW_MISSING_VALUE', 'Withdrawal without a primary amount');
    if (category === 'distribution') {
      if (!primary) return reject('ROW_MISSING_VALUE', 'Distribution without a primary amount');
      if (op === 'staking rewards') {
        return row.primaryAmount?.isNegative() ? events({ kind: 'spend', spendKind: 'cost', sent: primary, ...common }) : events({ kind: 'income', incomeKind: 'staking', received: primary, ...common });
      }
      if (op === 'referral commission') return events({ kind: 'income', incomeKind: 'reward', received: primary, ...common });
      if (op === 'others' || op === 'airdrop') return events({ kind: 'income', incomeKind: 'airdrop', received: primary, ...common });
      return reject('ROW_UNKNOWN_TYPE', `unknown Distribution Operation "${row.operation}"`);
    }
    const trades = ['spot trading', 'buy', 'sell', 'quick buy', 'quick sell', 'convert'];
    if (!trades.includes(category)) return reject('ROW_UNKNOWN_TYPE', `unknown Binance.US Category "${row.category}"`);
    if (!base || !quote) return reject('ROW_MISSING_VALUE', `${row.category} needs base and quote amounts`);
    if (category === 'spot trading') {
      if (op === 'buy') return events({ kind: 'trade', sent: quote, received: base, ...common });
      if (op === 'sell') return events({ kind: 'trade', sent: base, received: quote, ...common });
      return reject('ROW_UNKNOWN_TYPE', `unknown Spot Trading Operation "${row.operation}"`);
    }
    return events({ kind: 'trade', sent: base, received: quote, ...common });
  },
});

export const BINANCEUS_IMPORTERS: readonly Importer[] = [binanceUsHistory];
