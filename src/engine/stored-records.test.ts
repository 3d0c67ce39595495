/**
 * The stored form of kept disposals and income (stored-records.ts) against decimal.js: every
 * amount read back is the decimal.js value stored — same sign (negative zero included), digits
 * and exponent — and every other field is the one given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../model/decimal.js';
import type { Disposal, DisposalSlice } from '../model/disposal.js';
import type { IncomeRecord } from './gains-result.js';
import { amountOf, amountText, storeDisposal, storeIncome } from './stored-records.js';

const fieldsOf = (x: Dec) => {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] | null };
  return { s, e, d: d ? [...d] : d };
};

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom('0', '0', '0', '1', '5', '9', '9', '3', '7'), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Any decimal.js value: plain or with an exponent (beyond toExpNeg/toExpPos too), ±0, ±Infinity, NaN. */
const anyDecimal = fc.oneof(
  fc
    .tuple(fc.constantFrom('', '-'), digits(1, 40), fc.option(digits(1, 40), { nil: undefined }), fc.option(fc.integer({ min: -90, max: 90 }), { nil: undefined }))
    .map(([sign, int, frac, exp]) => new Dec(`${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : `e${exp}`}`)),
  fc.constantFrom(new Dec('0'), new Dec('-0'), new Dec('Infinity'), new Dec('-Infinity'), new Dec('NaN')),
);

const same = (a: Dec, b: Dec): void => {
  expect(fieldsOf(a)).toEqual(fieldsOf(b));
  expect(a.toString()).toBe(b.toString());
  expect(a instanceof Dec).toBe(true);
};

describe('amountText / amountOf', () => {
  it('gives back the decimal.js value written, for any value', () => {
    fc.assert(fc.property(anyDecimal, (x) => same(amountOf(amountText(x)), x)), { numRuns: 2000 });
  });
  it('keeps the sign of zero: -0 is written "-0" (decimal.js writes "0" for both)', () => {
    expect(amountText(new Dec('-0'))).toBe('-0');
    expect(amountText(new Dec('0'))).toBe('0');
    expect(amountOf('-0').isNegative()).toBe(true);
  });
  it('holds no space, so amounts can be joined by one', () => {
    fc.assert(fc.property(anyDecimal, (x) => {
      expect(amountText(x)).not.toContain(' ');
    }));
  });
});

const source = { file: 'a.csv', line: 7, format: 'koinly' };

describe('storeDisposal', () => {
  it('reads back every field and amount of the disposal and of each slice', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyDecimal, anyDecimal, anyDecimal, fc.boolean()), { minLength: 1, maxLength: 4 }), anyDecimal, anyDecimal, fc.option(anyDecimal, { nil: undefined }), (parts, quantity, proceeds, costs) => {
        const slices: DisposalSlice[] = parts.map(([q, p, b, covered]) =>
          covered
            ? { quantity: q, proceeds: p, basis: b, term: 'long', basisStatus: 'known', acquiredDate: '2023-01-02', lotId: 'L1', lotWallet: 'w', lotSource: source }
            : { quantity: q, proceeds: p, basis: b, term: 'short', basisStatus: 'uncovered' },
        );
        const d: Disposal = {
          id: 'e1/BTC', kind: 'sale', wallet: 'w', asset: 'BTC', quantity, instant: 1_700_000_000_000, date: '2023-11-14',
          proceeds, proceedsSource: 'fiat-leg', slices, source, counterpart: 'USD', ...(costs ? { costs } : {}), transactionId: '0xab',
        };
        const s = storeDisposal(d);
        same(s.quantity, quantity);
        same(s.proceeds, proceeds);
        if (costs) same(s.costs as Dec, costs);
        else expect(s.costs).toBeUndefined();
        expect([s.id, s.kind, s.wallet, s.asset, s.instant, s.date, s.proceedsSource, s.source, s.counterpart, s.transactionId, s.description])
          .toEqual(['e1/BTC', 'sale', 'w', 'BTC', 1_700_000_000_000, '2023-11-14', 'fiat-leg', source, 'USD', '0xab', undefined]);
        expect(s.slices.length).toBe(slices.length);
        s.slices.forEach((got, i) => {
          const want = slices[i] as DisposalSlice;
          same(got.quantity, want.quantity);
          same(got.proceeds, want.proceeds);
          same(got.basis, want.basis);
          expect([got.term, got.basisStatus, got.acquiredDate, got.lotId, got.lotWallet, got.lotSource])
            .toEqual([want.term, want.basisStatus, want.acquiredDate, want.lotId, want.lotWallet, want.lotSource]);
          // an absent field stays absent
          expect('lotId' in got).toBe(want.lotId !== undefined);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('storeIncome', () => {
  it('reads back every field and amount', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (quantity, value) => {
        const r: IncomeRecord = { id: 'e2', kind: 'staking', wallet: 'w', asset: 'SOL', quantity, value, valueSource: 'fiat-leg', instant: 5, date: '1970-01-01', source };
        const s = storeIncome(r);
        same(s.quantity, quantity);
        same(s.value, value);
        expect([s.id, s.kind, s.wallet, s.asset, s.valueSource, s.instant, s.date, s.source]).toEqual(['e2', 'staking', 'w', 'SOL', 'fiat-leg', 5, '1970-01-01', source]);
      }),
    );
  });
});
