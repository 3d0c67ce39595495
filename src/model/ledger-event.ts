/**
 * The normalised event model: what every input row becomes, whatever its format.
 *
 * An importer turns one row (or a group of rows) into zero or more `LedgerEvent`s, stating only
 * what the export says: quantities as exact decimals, and a market value where the export gives
 * one. Values the export does not state are resolved later by `pricing/`; lots and gains are the
 * engine's business. Every event knows its wallet, its instant and the row it came from.
 *
 * Derivatives and margin (realized PnL, commissions, funding, liquidations, insurance-fund and ADL
 * adjustments, margin loans, repayments and interest) are further kinds of this union, each with
 * a signed amount in its settlement asset (`DerivativeEvent`); `src/derivatives/` turns them into
 * positions and Form 8949 lines. `switch (event.kind)` sites are exhaustive, so a new kind cannot
 * be ignored.
 */
import type { AssetCode } from './asset.js';
import type { Dec } from './decimal.js';
import type { LocalDate } from './local-date.js';
import type { SourceRef } from './source-ref.js';

/** A market value stated by the export, in some currency (not necessarily the report currency). */
export interface StatedValue {
  readonly amount: Dec;
  readonly currency: AssetCode;
  /** Stated by the user's overrides file, not by the export. */
  readonly byOverride?: true;
}

/** A positive quantity of one asset, optionally with the market value the export states for it. */
export interface Quantity {
  readonly asset: AssetCode;
  readonly amount: Dec;
  readonly value?: StatedValue;
}

export type IncomeKind = 'staking' | 'airdrop' | 'mining' | 'interest' | 'reward' | 'other';
export const INCOME_KINDS: readonly IncomeKind[] = ['staking', 'airdrop', 'mining', 'interest', 'reward', 'other'];

/** Ways units leave the user's holdings without a taxable sale (US): gifts, donations, losses. */
export type RemovalKind = 'gift' | 'donation' | 'lost' | 'not-taxable';

/** Ways crypto is spent: a disposal at market value (payment for goods, services, fees, loans). */
export type SpendKind = 'payment' | 'cost' | 'tax' | 'margin-fee' | 'loan-fee' | 'loan-repayment';

/** Acquisitions that are neither purchases nor income. */
export type AcquisitionKind = 'loan';

interface EventBase {
  /** Stable id derived from the source: `file:line` plus a suffix when a row yields several events. */
  readonly id: string;
  readonly wallet: string;
  /** Epoch milliseconds, UTC. */
  readonly instant: number;
  readonly source: SourceRef;
  /** Further rows merged into this event (grouped exports), for the audit trail. */
  readonly extraSources?: readonly SourceRef[];
  readonly txHash?: string;
  readonly note?: string;
  /** A fee that leaves the wallet in addition to the amounts above. */
  readonly fee?: Quantity;
}

/** One asset given for another: a buy (fiat given), a sale (fiat received) or a crypto swap. */
export interface TradeEvent extends EventBase {
  readonly kind: 'trade';
  readonly sent: Quantity;
  readonly received: Quantity;
}

/**
 * A lot's basis and acquisition date stated by the user (overrides file): a gift received (the
 * donor's basis and date; Treas. Reg. 1.1015-1), a deposit whose history is known, or units that
 * arrived with no tax effect (`not-taxable`: zero basis, acquired on arrival).
 */
export interface StatedBasis {
  readonly basis: Dec;
  readonly acquiredDate: LocalDate;
  readonly acquiredInstant: number;
  readonly origin: 'gift' | 'deposit' | 'not-taxable';
}

/** Own funds arriving with no stated origin: a transfer if a counterpart is found, else unknown basis. */
export interface DepositEvent extends EventBase {
  readonly kind: 'deposit';
  readonly received: Quantity;
  /** The user's statement of the lot's basis (overrides file): not an unmatched deposit. */
  readonly stated?: StatedBasis;
}

/** Own funds leaving with no stated destination: a transfer if a counterpart is found. */
export interface WithdrawalEvent extends EventBase {
  readonly kind: 'withdrawal';
  readonly sent: Quantity;
}

/**
 * A move between two of the user's own wallets, stated by the input or found by the transfer
 * matcher. `received.amount <= sent.amount`; any difference is an implicit network fee.
 */
export interface TransferEvent extends EventBase {
  readonly kind: 'transfer';
  readonly toWallet: string;
  readonly sent: Quantity;
  readonly received: Quantity;
  /** The deposit row of the counterpart, when the matcher paired two rows. */
  readonly counterpart?: SourceRef;
  readonly matchedBy?: 'stated' | 'tx-hash' | 'heuristic';
}

/** Ordinary income at market value on receipt (Schedule 1); the value is the new lot's basis. */
export interface IncomeEvent extends EventBase {
  readonly kind: 'income';
  readonly incomeKind: IncomeKind;
  readonly received: Quantity;
}

/**
 * An acquisition that is neither a purchase nor income (a loan: basis at market value). Hard-fork
 * coins are income (`airdrop`, Rev. Rul. 2019-24), not an acquisition of this kind.
 */
export interface AcquisitionEvent extends EventBase {
  readonly kind: 'acquisition';
  readonly acquisitionKind: AcquisitionKind;
  readonly received: Quantity;
}

/** Units leaving without a taxable event (gift, donation, loss). */
export interface RemovalEvent extends EventBase {
  readonly kind: 'removal';
  readonly removalKind: RemovalKind;
  readonly sent: Quantity;
}

/** Crypto spent on something: a disposal at market value. */
export interface SpendEvent extends EventBase {
  readonly kind: 'spend';
  readonly spendKind: SpendKind;
  readonly sent: Quantity;
}

/** A fee on its own (network fee, account fee): a disposal of the fee units at market value. */
export interface FeeEvent extends EventBase {
  readonly kind: 'fee';
  readonly fee: Quantity;
}

/**
 * The same holding re-denominated — a token migration (MATIC → POL), a rebrand, a 1:1 redemption
 * of a wrapper: not a sale. The lots of `sent` become lots of `received`, keeping their basis and
 * acquisition dates (units scaled by received/sent).
 */
export interface ConversionEvent extends EventBase {
  readonly kind: 'conversion';
  readonly sent: Quantity;
  readonly received: Quantity;
}

/**
 * One fill of a position log (Bybit transaction log, Binance futures trades, OKX perpetuals): what
 * rebuilding positions needs. `src/derivatives/build-positions.ts` accumulates opens per contract
 * and realises a close pro rata.
 */
export interface PositionFill {
  /** `open` adds to the position, `close` reduces it (a liquidation is a close). */
  readonly action: 'open' | 'close';
  /** Contracts or units traded by this row (positive). */
  readonly quantity: Dec;
  /** Size of the position after the row (positive magnitude), where the export states it. */
  readonly positionAfter?: Dec;
  readonly side?: 'long' | 'short';
}

/**
 * What every derivative or margin row states: where (venue sub-account, contract), how much
 * (a signed amount in the settlement asset: positive = credited to the user, negative = debited),
 * and, where the export has them, the position it belongs to, the fill it records and the venue's
 * balance after it (evidence of a deficit when below zero). `fee` (EventBase) is a commission or
 * liquidation/clearance fee charged in addition to `amount`.
 */
interface DerivativeBase extends EventBase {
  /** Venue sub-account as the export names it (`USD-M Futures`, `margin`, `derivatives`). */
  readonly account: string;
  /** Contract or symbol (`BTCUSDT`, `XBTUSD`, `ETH-USDT-SWAP`); `''` when the row names none. */
  readonly contract: string;
  /** Settlement asset of `amount`. */
  readonly asset: AssetCode;
  /** Signed: positive = credited, negative = debited. */
  readonly amount: Dec;
  /** Position id, where the export has one. */
  readonly position?: string;
  /** When the position this row closes was opened, where the export states it (epoch ms). */
  readonly openedAt?: number;
  readonly fill?: PositionFill;
  /** The venue's balance of `asset` after this row, where the export states it. */
  readonly balanceAfter?: Dec;
}

/** Trading result of a (partial) close, before commissions and funding. */
export interface RealizedPnlEvent extends DerivativeBase {
  readonly kind: 'realized-pnl';
}

/** Trading commission: negative = paid, positive = rebate. */
export interface CommissionEvent extends DerivativeBase {
  readonly kind: 'commission';
}

/** Funding payment on a perpetual: positive = received, negative = paid. */
export interface FundingEvent extends DerivativeBase {
  readonly kind: 'funding';
}

/**
 * A forced close: `amount` is the result the liquidation realised (may be 0 when the export books
 * it on a separate PnL row), `fee` the liquidation / insurance-clearance fee.
 */
export interface LiquidationEvent extends DerivativeBase {
  readonly kind: 'liquidation';
}

/** Insurance-fund compensation credited to the user (covers a deficit): positive. */
export interface InsuranceFundEvent extends DerivativeBase {
  readonly kind: 'insurance-fund';
}

/** Auto-deleveraging close or clawback / socialised-loss adjustment, signed. */
export interface AdlEvent extends DerivativeBase {
  readonly kind: 'adl';
}

/** Units borrowed on margin: positive. */
export interface MarginLoanEvent extends DerivativeBase {
  readonly kind: 'margin-loan';
}

/** Units repaid on a margin loan: negative. */
export interface MarginRepaymentEvent extends DerivativeBase {
  readonly kind: 'margin-repayment';
}

/** Margin / borrowing interest (Kraken rollover): negative = paid. Form 4952, not Form 8949. */
export interface MarginInterestEvent extends DerivativeBase {
  readonly kind: 'margin-interest';
}

export type DerivativeEvent =
  | RealizedPnlEvent
  | CommissionEvent
  | FundingEvent
  | LiquidationEvent
  | InsuranceFundEvent
  | AdlEvent
  | MarginLoanEvent
  | MarginRepaymentEvent
  | MarginInterestEvent;

export type DerivativeKind = DerivativeEvent['kind'];

export const DERIVATIVE_KINDS: readonly DerivativeKind[] = [
  'realized-pnl', 'commission', 'funding', 'liquidation', 'insurance-fund', 'adl', 'margin-loan', 'margin-repayment', 'margin-interest',
];

export function isDerivativeEvent(e: LedgerEvent): e is DerivativeEvent {
  return (DERIVATIVE_KINDS as readonly string[]).includes(e.kind);
}

export type LedgerEvent =
  | TradeEvent
  | DepositEvent
  | WithdrawalEvent
  | TransferEvent
  | IncomeEvent
  | AcquisitionEvent
  | RemovalEvent
  | SpendEvent
  | FeeEvent
  | ConversionEvent
  | DerivativeEvent;

export type EventKind = LedgerEvent['kind'];
