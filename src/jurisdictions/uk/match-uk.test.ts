/**
 * The matcher on HMRC's worked examples (Cryptoassets Manual CRYPTO22251–22256), in GBP, the
 * figures worked by hand from the manual's text (the arithmetic is in each comment).
 */
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../model/decimal.js';
import { formatMoney } from '../../model/rounding.js';
import { matchUk, type UkDisposalDay } from './match-uk.js';
import type { UkMovement } from './uk-movements.js';

let seq = 0;
const source = { file: 'hmrc.csv', line: 1, format: 'test' };
const buy = (date: string, asset: string, units: string, cost: string): UkMovement => ({
  type: 'acquisition', seq: ++seq, asset, units: new Dec(units), cost: new Dec(cost), basisKnown: true, origin: 'purchase',
  instant: Date.parse(`${date}T12:00:00Z`) + seq, date, wallet: 'w', source,
});
const sell = (date: string, asset: string, units: string, proceeds: string, fee = '0'): UkMovement => ({
  type: 'disposal', seq: ++seq, asset, units: new Dec(units), proceeds: new Dec(proceeds), fee: new Dec(fee), kind: 'sale', counterpart: 'GBP',
  instant: Date.parse(`${date}T12:00:00Z`) + seq, date, wallet: 'w', source,
});
const money = (d: UkDisposalDay) => ({ proceeds: formatMoney(d.proceeds), cost: formatMoney(d.allowableCost), gain: formatMoney(d.gain) });
const rules = (d: UkDisposalDay) => d.matches.map((m) => [m.rule, m.units.toFixed(), formatMoney(m.cost)]);

describe('HMRC pooling examples', () => {
  it('CRYPTO22251 example 1: basic section 104 pool disposal', () => {
    // pool: 100 for £1,000 + 50 for £125,000 = 150 tokens, £126,000.
    // sale of 50 for £300,000: cost 126,000 × 50/150 = 42,000; gain 258,000; pool 100 / £84,000
    const r = matchUk([buy('2020-01-01', 'A', '100', '1000'), buy('2020-09-18', 'A', '50', '125000'), sell('2020-12-01', 'A', '50', '300000')]);
    expect(r.disposals.map(money)).toEqual([{ proceeds: '300000.00', cost: '42000.00', gain: '258000.00' }]);
    expect(r.finalPools.map((p) => [p.asset, p.units.toFixed(), formatMoney(p.cost)])).toEqual([['A', '100', '84000.00']]);
  });

  it('CRYPTO22252 example 2: same-day rule, two disposals on one day are one', () => {
    // pool 5,000 for £500. Same day: sells 1,000 for £800 and 500 for £600 (one disposal: 1,500
    // for £1,400), buys 1,600 for £1,000. Same-day match 1,500 of 1,600: 1,000 × 1,500/1,600 =
    // 937.50; gain 1,400 − 937.50 = 462.50. The other 100 (£62.50) enter the pool: 5,100 / £562.50.
    const r = matchUk([
      buy('2020-01-01', 'B', '5000', '500'),
      sell('2020-06-23', 'B', '1000', '800'), buy('2020-06-23', 'B', '1600', '1000'), sell('2020-06-23', 'B', '500', '600'),
    ]);
    expect(r.disposals).toHaveLength(1);
    expect(money(r.disposals[0] as UkDisposalDay)).toEqual({ proceeds: '1400.00', cost: '937.50', gain: '462.50' });
    expect(rules(r.disposals[0] as UkDisposalDay)).toEqual([['same-day', '1500', '937.50']]);
    expect(r.finalPools.map((p) => [p.units.toFixed(), formatMoney(p.cost)])).toEqual([['5100', '562.50']]);
  });

  it('CRYPTO22253 example 3: 30-day rule, earlier disposal first, across a tax-year end', () => {
    // pool 2,000 for £1,000. 31 March: sells 1,000 for £400. 20 April: sells 500 for £150.
    // Buys 21 April 700 for £175, 28 April 500 for £100, 1 May 500 for £150.
    // 31 March ← 700 (21 Apr, £175) + 300 of 28 Apr (100 × 300/500 = £60): cost 235, gain 165.
    // 20 April ← 200 of 28 Apr (£40) + 300 of 1 May (150 × 300/500 = £90): cost 130, gain 20.
    // 200 of 1 May (£60) enter the pool: 2,200 / £1,060.
    const r = matchUk([
      buy('2020-01-01', 'C', '2000', '1000'),
      sell('2020-03-31', 'C', '1000', '400'), sell('2020-04-20', 'C', '500', '150'),
      buy('2020-04-21', 'C', '700', '175'), buy('2020-04-28', 'C', '500', '100'), buy('2020-05-01', 'C', '500', '150'),
    ]);
    expect(r.disposals.map(money)).toEqual([
      { proceeds: '400.00', cost: '235.00', gain: '165.00' },
      { proceeds: '150.00', cost: '130.00', gain: '20.00' },
    ]);
    expect(rules(r.disposals[0] as UkDisposalDay)).toEqual([['bed-and-breakfast', '700', '175.00'], ['bed-and-breakfast', '300', '60.00']]);
    expect(r.finalPools.map((p) => [p.units.toFixed(), formatMoney(p.cost)])).toEqual([['2200', '1060.00']]);
  });

  it('CRYPTO22254 example 4: same-day rule with the pool', () => {
    // pool 8,000 for £1,000. One day: sells 5,000 for £500 and 2,000 for £142 (7,000 for £642);
    // buys 4,000 £320, 1,000 £75, 1,000 £70, 500 £35 (6,500 for £500).
    // Same day 6,500: cost £500. Pool 500: 1,000 × 500/8,000 = £62.50. Total cost 562.50; gain 79.50.
    const r = matchUk([
      buy('2020-01-01', 'D', '8000', '1000'),
      sell('2020-01-31', 'D', '5000', '500'), buy('2020-01-31', 'D', '4000', '320'), buy('2020-01-31', 'D', '1000', '75'),
      buy('2020-01-31', 'D', '1000', '70'), sell('2020-01-31', 'D', '2000', '142'), buy('2020-01-31', 'D', '500', '35'),
    ]);
    expect(money(r.disposals[0] as UkDisposalDay)).toEqual({ proceeds: '642.00', cost: '562.50', gain: '79.50' });
    expect(rules(r.disposals[0] as UkDisposalDay)).toEqual([['same-day', '6500', '500.00'], ['pool', '500', '62.50']]);
    expect(r.finalPools.map((p) => [p.units.toFixed(), formatMoney(p.cost)])).toEqual([['7500', '937.50']]);
  });

  it('CRYPTO22255 example 5: 30-day rule with the pool', () => {
    // pool 14,000 for £200,000. 30 Aug sells 4,000 for £160,000; 11 Sep buys 500 for £17,500.
    // 500 ← 11 Sep (£17,500); 3,500 ← pool 200,000 × 3,500/14,000 = £50,000. Cost 67,500; gain 92,500.
    const r = matchUk([buy('2020-01-01', 'E', '14000', '200000'), sell('2020-08-30', 'E', '4000', '160000'), buy('2020-09-11', 'E', '500', '17500')]);
    expect(money(r.disposals[0] as UkDisposalDay)).toEqual({ proceeds: '160000.00', cost: '67500.00', gain: '92500.00' });
    expect(rules(r.disposals[0] as UkDisposalDay)).toEqual([['bed-and-breakfast', '500', '17500.00'], ['pool', '3500', '50000.00']]);
    expect(r.finalPools.map((p) => [p.units.toFixed(), formatMoney(p.cost)])).toEqual([['10500', '150000.00']]);
  });

  it('CRYPTO22256 example 6: same day, 30 days and the pool together', () => {
    // pool 100,000 for £300,000. 31 Jul buys 10,000 £45,000 and sells 30,000 £150,000; 5 Aug
    // sells 20,000 £100,000; 6 Aug buys 50,000 £225,000; 7 Aug sells 100,000 £150,000.
    // 31 Jul: same day 10,000 (£45,000) + 30 days 20,000 of 6 Aug (225,000 × 20/50 = £90,000):
    //   cost 135,000, gain 15,000.
    // 5 Aug: 20,000 of 6 Aug (£90,000): gain 10,000.
    // 6 Aug: the other 10,000 (£45,000) enter the pool: 110,000 / £345,000.
    // 7 Aug: pool 100,000: 345,000 × 100/110 = 313,636.3636…; loss 163,636.36. Pool 10,000 / £31,363.64.
    const r = matchUk([
      buy('2020-01-01', 'F', '100000', '300000'),
      buy('2020-07-31', 'F', '10000', '45000'), sell('2020-07-31', 'F', '30000', '150000'),
      sell('2020-08-05', 'F', '20000', '100000'), buy('2020-08-06', 'F', '50000', '225000'), sell('2020-08-07', 'F', '100000', '150000'),
    ]);
    expect(r.disposals.map(money)).toEqual([
      { proceeds: '150000.00', cost: '135000.00', gain: '15000.00' },
      { proceeds: '100000.00', cost: '90000.00', gain: '10000.00' },
      { proceeds: '150000.00', cost: '313636.36', gain: '-163636.36' },
    ]);
    expect(r.finalPools.map((p) => [p.units.toFixed(), formatMoney(p.cost)])).toEqual([['10000', '31363.64']]);
  });
});

describe('matcher edges', () => {
  it('the 30 days are the 30 days after the disposal day: day 30 matches, day 31 does not', () => {
    // sold 2024-05-01; bought 2024-05-31 (day 30) 1 for £10 and 2024-06-01 (day 31) 1 for £20
    const r = matchUk([sell('2024-05-01', 'X', '2', '100'), buy('2024-05-31', 'X', '1', '10'), buy('2024-06-01', 'X', '1', '20')]);
    const d = r.disposals[0] as UkDisposalDay;
    // 1 from 31 May (£10); the other is not in the pool on 1 May: uncovered, zero cost
    expect(rules(d)).toEqual([['bed-and-breakfast', '1', '10.00'], ['pool', '1', '0.00']]);
    expect(d.missingUnits.toFixed()).toBe('1');
    expect(r.finalPools.map((p) => [p.units.toFixed(), formatMoney(p.cost)])).toEqual([['1', '20.00']]);
  });

  it('an acquisition before the disposal is not a 30-day match', () => {
    const r = matchUk([buy('2024-05-01', 'X', '1', '10'), sell('2024-05-02', 'X', '1', '15')]);
    expect(rules(r.disposals[0] as UkDisposalDay)).toEqual([['pool', '1', '10.00']]);
    expect((r.disposals[0] as UkDisposalDay).missingUnits).toEqual(ZERO);
  });
});
