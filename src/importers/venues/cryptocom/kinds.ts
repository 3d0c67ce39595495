/**
 * Crypto.com App `Transaction Kind` → meaning. The closed world of the App transaction export:
 * a kind not in this table is rejected by name (docs/formats.md §2.10 warns that real exports carry
 * kinds no public parser knows).
 *
 * Sources: BittyTax `parsers/cryptocom.py` and rotki `importers/cryptocom.py` (docs/formats.md §2.10);
 * lock/unlock mirrors (`…_unlock`, `…sell_unlock`, `fund_lock`) from the same families seen in
 * public parsers. Where the two disagree, the choice is stated next to the entry.
 */
import type { IncomeKind, SpendKind } from '../../../model/ledger-event.js';
import { lookupTable } from '../../lookup-table.js';

export type KindMeaning =
  /** One row holds both legs: `Currency`/`Amount` given, `To Currency`/`To Amount` received. */
  | { readonly kind: 'swap' }
  /** One row, counter-leg only in `Native Currency`/`Native Amount` (card purchase). */
  | { readonly kind: 'native-trade' }
  | { readonly kind: 'income'; readonly incomeKind: IncomeKind }
  | { readonly kind: 'spend'; readonly spendKind: SpendKind }
  | { readonly kind: 'deposit' }
  | { readonly kind: 'withdrawal' }
  /** The sign of `Amount` decides: + deposit, − withdrawal. */
  | { readonly kind: 'movement' }
  | { readonly kind: 'skip'; readonly reason: string };

const SWAP: KindMeaning = { kind: 'swap' };
const NATIVE: KindMeaning = { kind: 'native-trade' };
const income = (incomeKind: IncomeKind): KindMeaning => ({ kind: 'income', incomeKind });
const spend = (spendKind: SpendKind): KindMeaning => ({ kind: 'spend', spendKind });
const skip = (reason: string): KindMeaning => ({ kind: 'skip', reason });

const INTERNAL = skip('Crypto.com App: funds moved between the user\'s own App accounts (Earn, lockup, staking, Supercharger); holdings unchanged');
const ORDER_HOLD = skip('Crypto.com App: limit-order hold or release; the fill is its own row');
const SWAP_LEG = skip('Crypto.com App: swap leg already counted in the dynamic_coin_swap rows (rotki)');

export const CRYPTOCOM_KINDS: Readonly<Record<string, KindMeaning>> = lookupTable({
  // Trades in one row.
  viban_purchase: SWAP,
  van_purchase: SWAP,
  crypto_viban_exchange: SWAP,
  crypto_exchange: SWAP,
  crypto_to_van_sell_order: SWAP,
  recurring_buy_order: SWAP,
  'trading.limit_order.fiat_wallet.purchase_commit': SWAP,
  'trading.limit_order.fiat_wallet.sell_commit': SWAP,
  'trading.limit_order.cash_account.purchase_commit': SWAP,
  'trading.limit_order.cash_account.sell_commit': SWAP,
  'trading.limit_order.crypto_wallet.exchange': SWAP,
  crypto_purchase: NATIVE,
  'trading.crypto_purchase.google_pay': NATIVE,
  'trading.crypto_purchase.apple_pay': NATIVE,

  // Crypto Earn is lending: interest. CRO stake rewards, DPoS and Supercharger pay for locked
  // (staked) CRO: staking (BittyTax files them all as Interest; the brief asks to decide).
  crypto_earn_interest_paid: income('interest'),
  crypto_earn_extra_interest_paid: income('interest'),
  'finance.crypto_earn.loyalty_program_extra_interest_paid.crypto_wallet': income('interest'),
  mco_stake_reward: income('staking'),
  supercharger_reward_to_app_credited: income('staking'),
  'finance.lockup.dpos_compound_interest.crypto_wallet': income('staking'),
  'finance.dpos.compound_interest.crypto_wallet': income('staking'),
  'finance.dpos.non_compound_interest.crypto_wallet': income('staking'),

  // Non-staking rewards: referral, cashback, campaigns, missions, subscription rebates.
  referral_bonus: income('reward'),
  referral_gift: income('reward'),
  referral_card_cashback: income('reward'),
  transfer_cashback: income('reward'),
  reimbursement: income('reward'),
  gift_card_reward: income('reward'),
  campaign_reward: income('reward'),
  rewards_platform_deposit_credited: income('reward'),
  pay_checkout_reward: income('reward'),
  'reward.loyalty_program.trading_rebate.crypto_wallet': income('reward'),
  airdrop_to_exchange_transfer: income('airdrop'),
  // An unexplained credit by Crypto.com staff: income, kind unknown.
  admin_wallet_credited: income('other'),

  // Crypto paid for something. Reversed cashback/reimbursement is taken back at market value
  // (BittyTax: Spend); rotki reads card_top_up as a sale for fiat, the brief says spend.
  crypto_payment: spend('payment'),
  card_top_up: spend('payment'),
  card_cashback_reverted: spend('cost'),
  reimbursement_reverted: spend('cost'),

  // Own funds in and out. The Crypto.com Exchange is another wallet of the user.
  crypto_deposit: { kind: 'deposit' },
  exchange_to_crypto_transfer: { kind: 'deposit' },
  crypto_withdrawal: { kind: 'withdrawal' },
  crypto_to_exchange_transfer: { kind: 'withdrawal' },
  // App-to-app transfer with another person. The export does not say whether it is a gift, a
  // payment or the user's own second account, so it is an unexplained movement: the engine
  // reports it unmatched (unknown basis / moved out) for review, rather than this importer
  // guessing gift (BittyTax) or income/expense (rotki).
  crypto_transfer: { kind: 'movement' },
  // A refund of a crypto_payment returns units; not income (rotki) — an unexplained arrival.
  crypto_payment_refund: { kind: 'deposit' },
  // Fiat-wallet and Invest-account movements that also turn up in the crypto wallet file (rotki
  // books them as asset movements): own money moving in or out; the sign of Amount decides.
  viban_deposit: { kind: 'movement' },
  viban_withdrawal: { kind: 'movement' },
  viban_card_top_up: { kind: 'movement' },
  invest_deposit: { kind: 'movement' },
  invest_withdrawal: { kind: 'movement' },

  // Moves inside the App.
  crypto_earn_program_created: INTERNAL,
  crypto_earn_program_withdrawn: INTERNAL,
  lockup_lock: INTERNAL,
  lockup_unlock: INTERNAL,
  lockup_upgrade: INTERNAL,
  supercharger_deposit: INTERNAL,
  supercharger_withdrawal: INTERNAL,
  council_node_deposit_created: INTERNAL,
  'finance.lockup.dpos_lock.crypto_wallet': INTERNAL,
  'finance.lockup.dpos_unlock.crypto_wallet': INTERNAL,
  'finance.dpos.staking.crypto_wallet': INTERNAL,
  'finance.dpos.unstaking.crypto_wallet': INTERNAL,
  'trading.limit_order.fiat_wallet.purchase_lock': ORDER_HOLD,
  'trading.limit_order.fiat_wallet.purchase_unlock': ORDER_HOLD,
  'trading.limit_order.fiat_wallet.sell_lock': ORDER_HOLD,
  'trading.limit_order.fiat_wallet.sell_unlock': ORDER_HOLD,
  'trading.limit_order.cash_account.purchase_lock': ORDER_HOLD,
  'trading.limit_order.cash_account.purchase_unlock': ORDER_HOLD,
  'trading.limit_order.cash_account.sell_lock': ORDER_HOLD,
  'trading.limit_order.cash_account.sell_unlock': ORDER_HOLD,
  'trading.limit_order.crypto_wallet.fund_lock': ORDER_HOLD,
  'trading.limit_order.crypto_wallet.fund_unlock': ORDER_HOLD,
  lockup_swap_credited: SWAP_LEG,
  lockup_swap_debited: SWAP_LEG,
  lockup_swap_rebate: SWAP_LEG,
  crypto_wallet_swap_credited: SWAP_LEG,
  crypto_wallet_swap_debited: SWAP_LEG,
  dynamic_coin_swap_bonus_exchange_deposit: skip('Crypto.com App: swap bonus credited to the Crypto.com Exchange account, not to this wallet'),
  airdrop_locked: skip('Crypto.com App: airdrop announced but locked; it is credited by a later row'),
});

/**
 * Kinds whose `…_debited` rows (one or more) and one `…_credited` row at the same timestamp form
 * trades: dust conversion to CRO, the 2020 MCO→CRO swap, interest swaps (rotki groups these).
 */
export const PAIRED_KIND_PREFIXES: readonly string[] = ['dust_conversion', 'dynamic_coin_swap', 'interest_swap'];

/** `dust_conversion_debited` → `{ prefix: 'dust_conversion', side: 'debited' }`. */
export function pairedKind(kind: string): { prefix: string; side: 'debited' | 'credited' } | undefined {
  const m = /^(.*)_(debited|credited)$/.exec(kind);
  if (!m || !PAIRED_KIND_PREFIXES.includes(m[1] ?? '')) return undefined;
  return { prefix: m[1] ?? '', side: m[2] === 'debited' ? 'debited' : 'credited' };
}
