/**
 * What each `Account` and `Operation` of a Binance transaction-history ("statement") row means.
 *
 * Sources: BittyTax `_parse_binance_statements_row` and rotki (formats.md §2.3), third-party
 * samples of the newer export for `Transaction Buy/Spend/Fee/Sold/Revenue`. Decisions where they
 * disagree or are silent are marked "Decision". Operations not listed are rejected by name.
 */
import type { IncomeKind, SpendKind } from '../../../model/ledger-event.js';

/** Rows that together make one event, grouped by second and account (see `statements.ts`). */
export type Family = 'trade' | 'convert' | 'otc' | 'dust' | 'eth2' | 'fiat-buy';

export type OperationMeaning =
  | { readonly kind: 'income'; readonly incomeKind: IncomeKind }
  | { readonly kind: 'deposit' }
  | { readonly kind: 'withdrawal' }
  | { readonly kind: 'spend'; readonly spendKind: SpendKind }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'leg'; readonly family: Family; readonly isFee: boolean }
  | { readonly kind: 'derivative' };

const income = (incomeKind: IncomeKind): OperationMeaning => ({ kind: 'income', incomeKind });
const leg = (family: Family, isFee = false): OperationMeaning => ({ kind: 'leg', family, isFee });
const EARN_MOVE: OperationMeaning = { kind: 'skip', reason: 'funds moved into or out of Binance Earn/Savings/Staking (same owner, no disposal)' };
const INTERNAL: OperationMeaning = { kind: 'skip', reason: 'internal move between Binance accounts' };

/** Keys are lower case: Binance changed the capitalisation of several names over the years. */
export const OPERATIONS: Readonly<Record<string, OperationMeaning>> = {
  // Spot trades: the sign of Change says which leg is which; old files write `Buy`/`Sell` on both legs.
  buy: leg('trade'), sell: leg('trade'), 'transaction related': leg('trade'),
  'transaction buy': leg('trade'), 'transaction spend': leg('trade'),
  'transaction sold': leg('trade'), 'transaction revenue': leg('trade'),
  fee: leg('trade', true), 'transaction fee': leg('trade', true),
  'binance convert': leg('convert'),
  // Conversions inside a futures wallet (statement-derivatives.ts).
  'asset conversion transfer': leg('convert'), 'futures convert': leg('convert'),
  'large otc trading': leg('otc'),
  'small assets exchange bnb': leg('dust'),
  'eth 2.0 staking': leg('eth2'), // ETH in, BETH out: BittyTax books it as a trade
  // Decision: card/fiat purchases are trades only when the fiat leg is in the same second;
  // alone, the price paid is unknown and the row is rejected (statements.ts).
  'buy crypto with card': leg('fiat-buy'), 'buy crypto with fiat': leg('fiat-buy'),

  deposit: { kind: 'deposit' }, 'fiat deposit': { kind: 'deposit' },
  withdraw: { kind: 'withdrawal' }, 'fiat withdraw': { kind: 'withdrawal' }, 'fiat withdrawal': { kind: 'withdrawal' },
  send: { kind: 'withdrawal' },

  // Referral and promotions → reward (non-staking rewards).
  'commission history': income('reward'), 'referrer rebates': income('reward'), 'commission rebate': income('reward'),
  'commission fee shared with you': income('reward'), 'referral kickback': income('reward'),
  'referral commission': income('reward'), 'cash voucher distribution': income('reward'),
  'cashback voucher': income('reward'), 'binance card cashback': income('reward'), 'card cashback': income('reward'),
  'campaign related reward': income('reward'),
  // Airdrops.
  'airdrop assets': income('airdrop'), 'simple earn flexible airdrop': income('airdrop'),
  'launchpool airdrop': income('airdrop'), 'hodler airdrops distribution': income('airdrop'),
  'megadrop rewards': income('airdrop'), 'launchpool airdrop - user claim distribution': income('airdrop'),
  'launchpool airdrop - system distribution': income('airdrop'), distribution: income('airdrop'),
  // Interest on savings / flexible earn.
  'savings interest': income('interest'), 'simple earn flexible interest': income('interest'),
  'savings distribution': income('interest'), 'launchpool interest': income('interest'),
  // Decision: `Pool Distribution` is Binance Pool (mining pool) payout → mining (BittyTax: interest).
  'pool distribution': income('mining'), 'super bnb mining': income('mining'),
  // Staking.
  'pos savings interest': income('staking'), 'staking rewards': income('staking'),
  'eth 2.0 staking rewards': income('staking'), 'simple earn locked rewards': income('staking'),
  'bnb vault rewards': income('staking'), 'dot slot auction rewards': income('staking'),
  'launchpool earnings withdrawal': income('staking'), 'liquid swap rewards': income('staking'),
  'swap farming rewards': income('staking'),

  'binance card spending': { kind: 'spend', spendKind: 'payment' },

  'transfer between main and funding wallet': INTERNAL, transfer_in: INTERNAL, transfer_out: INTERNAL,
  'savings purchase': EARN_MOVE, 'savings principal redemption': EARN_MOVE,
  'pos savings purchase': EARN_MOVE, 'pos savings redemption': EARN_MOVE,
  'staking purchase': EARN_MOVE, 'staking redemption': EARN_MOVE,
  'simple earn flexible subscription': EARN_MOVE, 'simple earn flexible redemption': EARN_MOVE,
  'simple earn locked subscription': EARN_MOVE, 'simple earn locked redemption': EARN_MOVE,
  'launchpool subscription': EARN_MOVE, 'launchpool redemption': EARN_MOVE, 'launchpad subscribe': EARN_MOVE,

  // Derivatives and margin: read by statement-derivatives.ts in futures and margin accounts.
  'realized profit and loss': { kind: 'derivative' }, 'realize profit and loss': { kind: 'derivative' },
  'funding fee': { kind: 'derivative' }, 'insurance fund compensation': { kind: 'derivative' },
  'insurance fund refund': { kind: 'derivative' }, 'margin loan': { kind: 'derivative' },
  'isolated margin loan': { kind: 'derivative' }, 'margin repayment': { kind: 'derivative' },
  'isolated margin repayment': { kind: 'derivative' }, 'cross margin liquidation - repayment': { kind: 'derivative' },
  'isolated margin liquidation - repayment': { kind: 'derivative' },
  'margin interest': { kind: 'derivative' }, 'cross margin interest': { kind: 'derivative' },
  'isolated margin interest': { kind: 'derivative' },
  'referee rebates': income('reward'),
};

/** `Transfer Between Spot Account and UM Futures Account` and its many siblings. */
const TRANSFER_BETWEEN = /^transfer between .+ (account|wallet)$/;

export function operationMeaning(operation: string): OperationMeaning | undefined {
  const key = operation.trim().toLowerCase().replace(/\s+/g, ' ');
  return OPERATIONS[key] ?? (TRANSFER_BETWEEN.test(key) ? INTERNAL : undefined);
}

export type AccountClass = 'spot' | 'margin' | 'futures' | 'options' | 'unknown';

/** Accounts whose rows are ordinary holdings (BittyTax's list) vs margin, futures and options accounts. */
export function accountClass(account: string): AccountClass {
  const a = account.trim().toLowerCase();
  if (['spot', 'funding', 'earn', 'pool', 'savings'].includes(a)) return 'spot';
  if (/option/.test(a)) return 'options';
  if (/futures/.test(a)) return 'futures';
  if (/margin/.test(a)) return 'margin';
  return 'unknown';
}
