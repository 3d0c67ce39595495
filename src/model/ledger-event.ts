/**
 * The normalised event model: what every input row becomes, whatever its format.
 *
 * An importer turns one row (or a group of rows) into zero or more `LedgerEvent`s, stating only
 * what the export says: quantities as exact decimals, and a market value where the export gives
 * one. Values the export does not state are resolved later by `pricing/`; lots and gains are the
 * engine's business. Every event knows its wallet, its instant and the row it came from.
 *
 * Derivatives (realized PnL, funding, liquidations, margin loans) will be added as further kinds
 * of this union; `switch (event.kind)` sites are exhaustive, so a new kind cannot be ignored.
 */
import type { AssetCode } from './asset.js';
import type { Dec } from './decimal.js';
import type { SourceRef } from './source-ref.js';

/** A market value stated by the export, in some currency (not necessarily the report currency). */
export interface StatedValue {
  readonly amount: Dec;
  readonly currency: AssetCode;
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
export type RemovalKind = 'gift' | 'donation' | 'lost';

/** Ways crypto is spent: a disposal at market value (payment for goods, services, fees, loans). */
export type SpendKind = 'payment' | 'cost' | 'tax' | 'margin-fee' | 'loan-fee' | 'loan-repayment';

/** Acquisitions that are neither purchases nor income. */
export type AcquisitionKind = 'fork' | 'loan';

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

/** Own funds arriving with no stated origin: a transfer if a counterpart is found, else unknown basis. */
export interface DepositEvent extends EventBase {
  readonly kind: 'deposit';
  readonly received: Quantity;
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

/** An acquisition that is neither a purchase nor income (hard fork: zero basis; loan: market value). */
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

export type LedgerEvent =
  | TradeEvent
  | DepositEvent
  | WithdrawalEvent
  | TransferEvent
  | IncomeEvent
  | AcquisitionEvent
  | RemovalEvent
  | SpendEvent
  | FeeEvent;

export type EventKind = LedgerEvent['kind'];

/** Exhaustiveness guard for `switch (event.kind)`. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
