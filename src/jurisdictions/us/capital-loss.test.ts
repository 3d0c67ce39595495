/**
 * Capital loss limitation and carryover (IRC §1211(b), §1212(b); Schedule D lines 6/14/21 and
 * the Capital Loss Carryover Worksheet). Every expected figure is derived in the comment.
 */
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../model/decimal.js';
import { limitCapitalLoss, type FilingStatus } from './capital-loss.js';

const run = (st: string, lt: string, cs = '0', cl = '0', filingStatus: FilingStatus = 'single') => {
  const r = limitCapitalLoss({ shortTermGain: new Dec(st), longTermGain: new Dec(lt), carryoverShort: new Dec(cs), carryoverLong: new Dec(cl), filingStatus });
  return [r.deductible.toFixed(), r.carryforwardShortTerm.toFixed(), r.carryforwardLongTerm.toFixed()];
};

describe('limitCapitalLoss', () => {
  it('a net gain: nothing deducted, nothing carried', () => {
    expect(run('5000', '-2000')).toEqual(['0', '0', '0']);
  });

  it('10,000 short-term loss this year plus a 2,000 short-term carryover', () => {
    // line 7 = −10,000 − 2,000 = −12,000; line 16 = −12,000; deduct 3,000; carry 9,000 short
    expect(run('-10000', '0', '2000')).toEqual(['3000', '9000', '0']);
  });

  it('10,000 long-term loss this year plus a 2,000 short-term carryover', () => {
    // line 7 = −2,000, line 15 = −10,000; the deduction uses short-term loss first:
    // 2,000 short + 1,000 long; carry 0 short, 9,000 long
    expect(run('0', '-10000', '2000')).toEqual(['3000', '0', '9000']);
  });

  it('a short-term gain absorbs part of a long-term loss before the limit', () => {
    // 4,000 − 10,000 = −6,000 net; deduct 3,000; carry 3,000 long (character of the net loss)
    expect(run('4000', '-10000')).toEqual(['3000', '0', '3000']);
  });

  it('a loss below the limit is deducted whole', () => {
    expect(run('-1200', '-300')).toEqual(['1500', '0', '0']);
  });

  it('married filing separately: the limit is 1,500', () => {
    // −5,000 short: deduct 1,500, carry 3,500 short
    expect(run('-5000', '0', '0', '0', 'married-separate')).toEqual(['1500', '3500', '0']);
  });

  it('a prior long-term carryover reduces a long-term gain first', () => {
    // line 15 = 1,000 − 4,000 = −3,000; line 7 = 500; line 16 = −2,500 → deduct 2,500, carry 0
    expect(run('500', '1000', '0', '4000')).toEqual(['2500', '0', '0']);
  });

  it('has zero carryforwards when both sides are gains', () => {
    const r = limitCapitalLoss({ shortTermGain: ZERO, longTermGain: ZERO, carryoverShort: ZERO, carryoverLong: ZERO, filingStatus: 'single' });
    expect(r.net.toFixed()).toBe('0');
  });
});
