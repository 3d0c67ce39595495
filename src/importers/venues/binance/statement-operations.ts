/**
 * What each `Account` and `Operation` of a Binance transaction-history ("statement") row means.
 *
 * Sources: BittyTax `_parse_binance_statements_row` and rotki (docs/formats.md §2.3), third-party
 * samples of the newer export for `Transaction Buy/Spend/Fee/Sold/Revenue`. Decisions where they
 * disagree or are silent are marked "Decision". Operations not listed are rejected by name.
 */
import type { IncomeKind, SpendKind } from '../../../model/ledger-event.js';
import { lookupTable } from '../../lookup-table.js';

/** Rows that together make one event, grouped by second and account (see `statements.ts`). */
export type Family = 'trade' | 'convert' | 'otc' | 'dust' | 'eth2' | 'fiat-buy' | 'conversion' | 'swap' | 'auto-invest' | 'move';

/** A one-row meaning; `spend` with `zeroValue` is a disposal for nothing (BittyTax "Spend, value 0"). */
export type SingleMeaning =
  | { readonly kind: 'income'; readonly incomeKind: IncomeKind }
  | { readonly kind: 'deposit' }
  | { readonly kind: 'withdrawal' }
  | { readonly kind: 'spend'; readonly spendKind: SpendKind; readonly zeroValue?: boolean }
  | { readonly kind: 'gift-sent' };

export type OperationMeaning =
  | SingleMeaning
  /** The sign of `Change` decides; a sign with no meaning is rejected. */
  | { readonly kind: 'signed'; readonly positive?: SingleMeaning; readonly negative?: SingleMeaning }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'leg'; readonly family: Family; readonly isFee: boolean }
  | { readonly kind: 'derivative' };

const income = (incomeKind: IncomeKind): SingleMeaning => ({ kind: 'income', incomeKind });
const leg = (family: Family, isFee = false): OperationMeaning => ({ kind: 'leg', family, isFee });
const EARN_MOVE: OperationMeaning = { kind: 'skip', reason: 'funds moved into or out of Binance Earn/Savings/Staking (same owner, no disposal)' };
const INTERNAL: OperationMeaning = { kind: 'skip', reason: 'internal move between Binance accounts' };
const LIQUIDITY_MOVE: OperationMeaning = {
  kind: 'skip',
  reason: 'coins moved into or out of a Binance Liquid Swap pool (same owner; BittyTax leaves these to its merger, taxlot keeps the coins as held)',
};
/** Credited = airdrop income; debited = the coins are gone for nothing (BittyTax: Spend, value 0). */
const AIRDROP_OR_WRITE_OFF: OperationMeaning = {
  kind: 'signed',
  positive: { kind: 'income', incomeKind: 'airdrop' },
  negative: { kind: 'spend', spendKind: 'cost', zeroValue: true },
};
const WRITE_OFF: OperationMeaning = { kind: 'signed', negative: { kind: 'spend', spendKind: 'cost', zeroValue: true } };

/** Keys are lower case: Binance changed the capitalisation of several names over the years. */
export const OPERATIONS: Readonly<Record<string, OperationMeaning>> = lookupTable({
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
  'bnb fee deduction': leg('dust'),
  // Conversions Binance makes for the user, booked as a trade like BittyTax's `_make_trade`.
  'leverage token redemption': leg('conversion'), 'stablecoins auto-conversion': leg('conversion'),
  'swap farming transaction': leg('swap'), 'liquid swap sell': leg('swap'),
  // Decision (not in BittyTax; third-party exports): an Auto-Invest purchase books the coin
  // bought and the stablecoin spent in the same second, like a Convert.
  'auto-invest transaction': leg('auto-invest'),
  // Decision: card/fiat purchases are trades only when the fiat leg is in the same second;
  // alone, the price paid is unknown and the row is rejected (statements.ts).
  'buy crypto with card': leg('fiat-buy'), 'buy crypto with fiat': leg('fiat-buy'),
  // `Buy Crypto` (rotki: a deposit of the coin bought with a card; everytrade: the fiat credited
  // one second, then fiat out and coin in) and `Sell Crypto To Fiat` (coin out, fiat in).
  'buy crypto': leg('fiat-buy'), 'sell crypto to fiat': leg('fiat-buy'),
  // everytrade's testDepositConvertFiatOCBS: `Deposit Fiat OCBS` CZK +490.5 and `Convert Fiat to
  // Crypto OCBS` CZK −490.5 / BTC +0.00089454 in one second: a deposit, then a purchase.
  'convert fiat to crypto ocbs': leg('fiat-buy'), 'convert crypto to fiat ocbs': leg('fiat-buy'),
  'deposit fiat ocbs': { kind: 'deposit' }, 'withdraw fiat ocbs': { kind: 'withdrawal' },
  // Coins moved between the user's own balances through Binance P2P (C2C) or sub-accounts: the
  // rows of one second that cancel out are an internal move; what is left moved in or out.
  // everytrade's BinanceBeanV4Test: `SPOT,C2C Transfer,USDT,-1500` and `+1500` in one second.
  'c2c transfer': leg('move'), 'p2p transfer': leg('move'),
  'sub-account transfer': leg('move'), 'sub account transfer': leg('move'), 'main and sub-account transfer': leg('move'),
  // everytrade: `Transfer Between Main Account and Sub-Account` +6000 USDT is a deposit, −6000 a
  // withdrawal (the other account's statement is another file)
  'transfer between main account and sub-account': leg('move'),

  deposit: { kind: 'deposit' }, 'fiat deposit': { kind: 'deposit' },
  'fiat ocbs - add fiat and fees': { kind: 'deposit' },
  // Decision: BittyTax's code books `Asset - Transfer` as a deposit (docs/formats.md lists it with the
  // airdrops); it is coins moved to the user's Binance account, so + deposit, − withdrawal.
  'asset - transfer': { kind: 'signed', positive: { kind: 'deposit' }, negative: { kind: 'withdrawal' } },
  withdraw: { kind: 'withdrawal' }, 'fiat withdraw': { kind: 'withdrawal' }, 'fiat withdrawal': { kind: 'withdrawal' },
  send: { kind: 'withdrawal' },

  // Referral and promotions → reward (non-staking rewards).
  'commission history': income('reward'), 'referrer rebates': income('reward'), 'commission rebate': income('reward'),
  'commission fee shared with you': income('reward'), 'referral kickback': income('reward'),
  'referral commission': income('reward'), 'cash voucher distribution': income('reward'),
  'cashback voucher': income('reward'), 'binance card cashback': income('reward'), 'card cashback': income('reward'),
  'campaign related reward': income('reward'), 'mission reward distribution': income('reward'),
  // Airdrops.
  'airdrop assets': income('airdrop'), 'simple earn flexible airdrop': income('airdrop'),
  'launchpool airdrop': income('airdrop'), 'hodler airdrops distribution': income('airdrop'),
  'megadrop rewards': income('airdrop'), 'launchpool airdrop - user claim distribution': income('airdrop'),
  'launchpool airdrop - system distribution': income('airdrop'),
  distribution: AIRDROP_OR_WRITE_OFF, 'token swap - distribution': AIRDROP_OR_WRITE_OFF,
  'token swap - redenomination/rebranding': AIRDROP_OR_WRITE_OFF,
  'asset recovery': WRITE_OFF, 'leveraged coin consolidation': WRITE_OFF,
  // Decision: a Crypto Box (red packet) received is a promotional reward; one sent is a gift.
  'crypto box': { kind: 'signed', positive: income('reward'), negative: { kind: 'gift-sent' } },
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

  // A positive card-spending row is the refund/cashback of a payment (BittyTax: Cashback).
  'binance card spending': { kind: 'signed', negative: { kind: 'spend', spendKind: 'payment' }, positive: income('reward') },

  'transfer between main and funding wallet': INTERNAL, transfer_in: INTERNAL, transfer_out: INTERNAL,
  'savings purchase': EARN_MOVE, 'savings principal redemption': EARN_MOVE,
  'pos savings purchase': EARN_MOVE, 'pos savings redemption': EARN_MOVE,
  'staking purchase': EARN_MOVE, 'staking redemption': EARN_MOVE,
  'simple earn flexible subscription': EARN_MOVE, 'simple earn flexible redemption': EARN_MOVE,
  'simple earn locked subscription': EARN_MOVE, 'simple earn locked redemption': EARN_MOVE,
  'launchpool subscription': EARN_MOVE, 'launchpool redemption': EARN_MOVE, 'launchpad subscribe': EARN_MOVE,
  'launchpool subscription/redemption': EARN_MOVE,
  'liquid swap add': LIQUIDITY_MOVE, 'liquid swap add/sell': LIQUIDITY_MOVE, 'liquidity farming remove': LIQUIDITY_MOVE,

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
});

/** `Transfer Between Spot Account and UM Futures Account` and its many siblings. */
const TRANSFER_BETWEEN = /^transfer between .+ (account|wallet)$/;
/**
 * Fiat moved by Binance's card/bank on-ramp (`Fiat OCBS - Add Fiat and Fees`, BittyTax: a
 * deposit): credited = deposit, debited = withdrawal, whatever follows the dash.
 */
const FIAT_OCBS = /^fiat ocbs\b/;
const SIGNED_MOVE: OperationMeaning = { kind: 'signed', positive: { kind: 'deposit' }, negative: { kind: 'withdrawal' } };

export function operationMeaning(operation: string): OperationMeaning | undefined {
  const key = operation.trim().toLowerCase().replace(/\s+/g, ' ');
  return OPERATIONS[key] ?? (TRANSFER_BETWEEN.test(key) ? INTERNAL : FIAT_OCBS.test(key) ? SIGNED_MOVE : undefined);
}

export type AccountClass = 'spot' | 'margin' | 'futures' | 'options' | 'unknown';

/** Accounts whose rows are ordinary holdings (BittyTax's list) vs margin, futures and options accounts. */
export function accountClass(account: string): AccountClass {
  const a = account.trim().toLowerCase();
  // `Card` (Binance Card spending and cashback; everytrade's BinanceBeanV4Test) holds spot coins too.
  if (['spot', 'funding', 'earn', 'pool', 'savings', 'card'].includes(a)) return 'spot';
  if (/option/.test(a)) return 'options';
  if (/futures/.test(a)) return 'futures';
  if (/margin/.test(a)) return 'margin';
  return 'unknown';
}
