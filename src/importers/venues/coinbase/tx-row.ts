/**
 * The row every version of Coinbase's transaction history is reduced to before it is mapped
 * (transactions-spec.ts reads each version's columns into it; transactions-map.ts and
 * convert-legs.ts map it).
 */
import type { Dec } from '../../../model/decimal.js';

/** One Coinbase transaction-history row, whatever the version. */
export interface CoinbaseTxRow {
  readonly id?: string | undefined;
  readonly instant: number;
  readonly type: string;
  readonly asset: string;
  /** As written (signed in v4). */
  readonly quantity: Dec;
  /** Price currency (fiat of the money columns). */
  readonly currency: string;
  readonly price?: Dec | undefined;
  readonly subtotal?: Dec | undefined;
  readonly total?: Dec | undefined;
  readonly fees?: Dec | undefined;
  readonly notes: string;
}
