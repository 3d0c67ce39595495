/**
 * A lot: units of one asset acquired together, held in one wallet, at a cost basis.
 *
 * `unitCost` is fixed when the lot is created (basis per unit including acquisition fees) and is
 * what HIFO ranks by; `quantity`/`basis` are what remains. A lot of unknown basis (a deposit
 * nobody can trace) carries `basisKnown: false` and zero basis; disposing of it counts as
 * missing basis.
 */
import type { AssetCode } from './asset.js';
import type { Dec } from './decimal.js';
import type { LocalDate } from './local-date.js';
import type { SourceRef } from './source-ref.js';

/** `derivative`: units credited by a derivative position (PnL, funding), at market value. */
/** `stablecoin-par`: a USD stablecoin of unknown origin given par basis (`--stablecoin-basis par`, engine README). */
export type LotOrigin = 'purchase' | 'trade' | 'income' | 'deposit' | 'loan' | 'derivative' | 'gift' | 'not-taxable' | 'allocation' | 'stablecoin-par';

/**
 * A gift whose market value when received was below the donor's basis (Treas. Reg. 1.1015-1(a)):
 * for a loss, the basis is that value (per unit here) and the holding period starts at the gift;
 * a sale between the two bases gives neither gain nor loss.
 */
export interface LossBasis {
  readonly unitCost: Dec;
  readonly giftDate: LocalDate;
}

export interface LotSnapshot {
  readonly id: string;
  /** The method orderings' tie-breaks (engine/booking-methods.ts `LotKey`): creation order, split number. */
  readonly seq: number;
  readonly split: number;
  readonly asset: AssetCode;
  readonly wallet: string;
  readonly quantity: Dec;
  readonly basis: Dec;
  readonly unitCost: Dec;
  readonly acquiredInstant: number;
  readonly acquiredDate: LocalDate;
  readonly basisKnown: boolean;
  readonly origin: LotOrigin;
  readonly source: SourceRef;
  readonly lossBasis?: LossBasis;
}
