/**
 * Issue #16 item 12: a transfer larger than the source wallet's holdings. The units beyond what
 * the source held arrive in the destination as a lot of unknown basis, and stay of unknown basis
 * through every later move — under universal lots (before 2025) and per-wallet lots (from 2025).
 * Every number below is worked by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { gain, ledger, runLedger, total } from '../../test/support/ledger.js';

const unknownUnits = (lots: readonly { basisKnown: boolean; quantity: { toFixed(): string } }[]): string[] =>
  lots.filter((l) => !l.basisKnown).map((l) => l.quantity.toFixed());

describe('universal lots (2024): the overdraft does not take another wallet\'s lots', () => {
  // a holds 1 BTC (basis 10,000), b holds 1 BTC (basis 20,000). a sends 1.5 BTC to c: a held 1,
  // so 0.5 BTC is the overdraft — units the inputs never show a acquiring.
  const events = ledger`
    2024-01-01 a buy 1 BTC for 10000 USD
    2024-01-02 b buy 1 BTC for 20000 USD
    2024-02-01 a transfer 1.5 BTC to c
    2024-03-01 b gift 1 BTC
  `;

  it('reports the overdraft: 0.5 BTC from a to c, with a warning', () => {
    const r = runLedger(events);
    expect(r.overdrafts.map((o) => [o.asset, o.from, o.to, o.quantity.toFixed(), o.held.toFixed(), o.date])).toEqual([
      ['BTC', 'a', 'c', '0.5', '1', '2024-02-01'],
    ]);
    expect(r.diagnostics.filter((d) => d.code === 'TRANSFER_OVERDRAFT')).toHaveLength(1);
  });

  it("b's gift takes the oldest pooled lot of known basis, never c's unknown units", () => {
    // Pooled FIFO: the oldest lot is the one a bought on 2024-01-01 (now in c): basis 10,000.
    // (Before the fix, c had received half of b's lot instead of a lot of unknown basis.)
    const r = runLedger(events);
    expect(r.removals.map((x) => [x.kind, x.wallet, x.basis.toFixed(), x.uncovered.toFixed(), x.unknownBasis.toFixed()])).toEqual([
      ['gift', 'b', '10000', '0', '0'],
    ]);
  });

  it('after the gift: b 1 BTC known (20,000), c 0.5 BTC of unknown basis', () => {
    // inputs' net flows: +1 +1 −1 (gift) = 1 BTC; lots hold 1.5: the extra 0.5 exists only
    // through the overdraft, so it must stay of unknown basis (before the fix c received half
    // of b's lot instead, and every unit left counted as known).
    const r = runLedger(events);
    expect(r.openLots.map((l) => [l.wallet, l.quantity.toFixed(), l.basis.toFixed(), l.basisKnown])).toEqual([
      ['b', '1', '20000', true],
      ['c', '0.5', '0', false],
    ]);
  });

  it('the unknown units stay unknown when c gives them away, and when c sells', () => {
    // c gives 1.5 BTC away: pooled FIFO takes b's lot (2024-01-02, 20,000), then c's own 0.5 of
    // unknown basis (2024-02-01): basis 20,000, 0.5 unknown.
    const gift = runLedger([...events, ...ledger`
      2024-04-01 c gift 1.5 BTC
    `.map((e) => ({ ...e, id: `${e.id}#g`, source: { ...e.source, line: 100 } }))]);
    const cGift = gift.removals.find((x) => x.wallet === 'c');
    expect([cGift?.basis.toFixed(), cGift?.unknownBasis.toFixed(), cGift?.uncovered.toFixed()]).toEqual(['20000', '0.5', '0']);
    // c sells 1.5 BTC for 45,000 instead: basis 20,000 + 0 (unknown), gain 25,000; the 0.5 BTC
    // slice is missing basis: its proceeds 45,000 × 0.5 / 1.5 = 15,000.
    const sale = runLedger([...events, ...ledger`
      2024-04-01 c sell 1.5 BTC for 45000 USD
    `.map((e) => ({ ...e, id: `${e.id}#s`, source: { ...e.source, line: 100 } }))]);
    expect(total(sale, 'basis')).toBe('20000');
    expect(gain(sale)).toBe('25000');
    const unknown = sale.disposals.flatMap((d) => d.slices).filter((s) => s.basisStatus !== 'known');
    expect(unknown.map((s) => [s.quantity.toFixed(), s.proceeds.toFixed()])).toEqual([['0.5', '15000']]);
  });

  it('a transfer within the source\'s balance still borrows pooled lots (universal)', () => {
    // a buys 1 (10,000); b buys 1 (20,000); a sells 1 for 15,000 — FIFO pooled takes a's lot.
    // Then b sends its 1 BTC to c: b's own lot covers it; no overdraft. (Control case.)
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 10000 USD
      2024-01-02 b buy 1 BTC for 20000 USD
      2024-02-01 a sell 1 BTC for 15000 USD
      2024-03-01 b transfer 1 BTC to c
    `);
    expect(r.overdrafts).toEqual([]);
    expect(r.openLots.map((l) => [l.wallet, l.quantity.toFixed(), l.basis.toFixed(), l.basisKnown])).toEqual([['c', '1', '20000', true]]);
  });
});

describe('per-wallet lots (2025) and the 2025-01-01 allocation', () => {
  it('an overdraft in 2024 stays unknown through the allocation and a 2025 sale', () => {
    // a buys 1 BTC (10,000), sends 1.5 to c: 0.5 overdraft. At 2025-01-01 c holds 1.5 by its
    // balance and 1.5 in lots (1 known, 0.5 unknown): the allocation keeps both in c.
    // c sells 1.5 for 45,000 in 2025: basis 10,000, gain 35,000, 0.5 BTC of missing basis.
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 10000 USD
      2024-02-01 a transfer 1.5 BTC to c
      2025-03-01 c sell 1.5 BTC for 45000 USD
    `);
    expect(r.overdrafts.map((o) => [o.from, o.to, o.quantity.toFixed()])).toEqual([['a', 'c', '0.5']]);
    expect(total(r, 'basis')).toBe('10000');
    expect(gain(r)).toBe('35000');
    expect(r.disposals[0]?.slices.map((s) => [s.quantity.toFixed(), s.basisStatus])).toEqual([['1', 'known'], ['0.5', 'unknown']]);
  });

  it('an overdraft in 2025, moved on: unknown in every wallet it reaches', () => {
    // 2025: a buys 1 BTC (10,000) and sends 1.2 to b (0.2 overdraft, unknown); b sends all 1.2
    // to c (b held 1.2: no second overdraft). c holds 1 known (10,000) + 0.2 unknown.
    const r = runLedger(ledger`
      2025-01-10 a buy 1 BTC for 10000 USD
      2025-02-01 a transfer 1.2 BTC to b
      2025-03-01 b transfer 1.2 BTC to c
    `);
    expect(r.overdrafts.map((o) => [o.from, o.to, o.quantity.toFixed()])).toEqual([['a', 'b', '0.2']]);
    expect(r.openLots.map((l) => [l.wallet, l.quantity.toFixed(), l.basisKnown])).toEqual([['c', '1', true], ['c', '0.2', false]]);
    expect(unknownUnits(r.openLots)).toEqual(['0.2']);
  });
});

