/**
 * US capital loss limitation and carryover (IRC §1211(b), §1212(b); Schedule D lines 6, 14, 21
 * and the Capital Loss Carryover Worksheet).
 *
 * Prior-year carryovers enter as losses of their own character (line 6 short-term, line 14
 * long-term). If the combined net (line 16) is a loss, up to 3,000 (1,500 married filing
 * separately) is deductible this year (line 21); the deduction uses short-term loss first, and
 * the rest carries forward keeping its character. A net gain of one term absorbs the loss of the
 * other before anything carries over. Assumption (stated in the README): taxable income is large
 * enough for the full deduction to be used (worksheet lines 1–4 need the whole return).
 */
import { ZERO, type Dec } from '../../model/decimal.js';

export type FilingStatus = 'single' | 'married-joint' | 'married-separate' | 'head-of-household';
export const FILING_STATUSES: readonly FilingStatus[] = ['single', 'married-joint', 'married-separate', 'head-of-household'];

export interface CapitalLossInput {
  readonly shortTermGain: Dec;
  readonly longTermGain: Dec;
  /** Prior-year carryovers as positive amounts. */
  readonly carryoverShort: Dec;
  readonly carryoverLong: Dec;
  readonly filingStatus: FilingStatus;
}

export interface CapitalLoss {
  /** Schedule D line 7: net short-term gain or loss including the carryover. */
  readonly netShortTerm: Dec;
  /** Schedule D line 15. */
  readonly netLongTerm: Dec;
  /** Line 16. */
  readonly net: Dec;
  /** Line 21 as a positive amount: the loss deducted against ordinary income this year. */
  readonly deductible: Dec;
  readonly carryforwardShortTerm: Dec;
  readonly carryforwardLongTerm: Dec;
  readonly limit: Dec;
}

/**
 * @example
 * // 10,000 short-term loss this year, 2,000 short-term carried in:
 * limitCapitalLoss({ shortTermGain: dec('-10000'), longTermGain: ZERO, carryoverShort: dec('2000'), carryoverLong: ZERO, filingStatus: 'single' })
 * // → deductible 3000, carryforwardShortTerm 9000, carryforwardLongTerm 0
 */
export function limitCapitalLoss(input: CapitalLossInput): CapitalLoss {
  const limit = input.filingStatus === 'married-separate' ? ZERO.plus(1500) : ZERO.plus(3000);
  const st = input.shortTermGain.minus(input.carryoverShort);
  const lt = input.longTermGain.minus(input.carryoverLong);
  const net = st.plus(lt);
  if (!net.isNegative()) {
    return { netShortTerm: st, netLongTerm: lt, net, deductible: ZERO, carryforwardShortTerm: ZERO, carryforwardLongTerm: ZERO, limit };
  }
  const loss = net.negated();
  const deductible = loss.lessThan(limit) ? loss : limit;
  let cfShort = ZERO;
  let cfLong = ZERO;
  if (st.isNegative() && lt.isNegative()) {
    const shortUsed = st.negated().lessThan(deductible) ? st.negated() : deductible;
    cfShort = st.negated().minus(shortUsed);
    cfLong = lt.negated().minus(deductible.minus(shortUsed));
  } else if (st.isNegative()) {
    cfShort = loss.minus(deductible);
  } else {
    cfLong = loss.minus(deductible);
  }
  return { netShortTerm: st, netLongTerm: lt, net, deductible, carryforwardShortTerm: cfShort, carryforwardLongTerm: cfLong, limit };
}
