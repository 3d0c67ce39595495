/**
 * LotQueue against the plainest model of it: every open lot in a list, the head the least by the
 * order. Lots arrive in order, out of order and after the queue ran empty (the run, the heap and
 * both together), and are consumed in part, whole or from the middle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../model/decimal.js';
import { LOT_ORDER } from './booking-methods.js';
import type { Lot } from './inventory.js';
import { LotQueue } from './lot-queue.js';

interface FakeLot {
  acquiredInstant: number;
  seq: number;
  split: number;
  unitCost: Dec;
  quantity: Dec;
  id: string;
}

type Op = { kind: 'insert'; at: number; cost: number; units: number } | { kind: 'consume'; whole: boolean } | { kind: 'empty'; pick: number } | { kind: 'reorder' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.integer({ min: 0, max: 30 }), cost: fc.integer({ min: 1, max: 5 }), units: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('consume' as const), whole: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reorder' as const) }) },
);

describe('LotQueue', () => {
  it('gives the head, the open lots and the total the plain model gives, for every method', () => {
    fc.assert(
      fc.property(fc.constantFrom('FIFO' as const, 'LIFO' as const, 'HIFO' as const), fc.array(op, { maxLength: 120 }), (method, ops) => {
        const order = (a: Lot, b: Lot) => LOT_ORDER[method](a, b) || a.split - b.split;
        const q = new LotQueue(order);
        const model: FakeLot[] = [];
        let seq = 0;
        const expectedHead = () => [...model].filter((l) => !l.quantity.isZero()).sort((a, b) => order(a as unknown as Lot, b as unknown as Lot))[0];
        for (const o of ops) {
          if (o.kind === 'insert') {
            // a piece of an earlier lot now and then: same seq and date, a split number of its own
            // (the engine numbers every split once, Inventory.piece: the order stays total; two
            // pieces of one lot with the same number would tie, and a heap may give either first)
            const earlier = model[seq % 4 === 3 ? seq % Math.max(model.length, 1) : -1];
            const lot: FakeLot = earlier
              ? { ...earlier, split: 1000 + seq, quantity: new Dec(o.units), id: `${earlier.id}.p${seq}` }
              : { acquiredInstant: o.at, seq, split: 0, unitCost: new Dec(o.cost), quantity: new Dec(o.units), id: `L${seq}` };
            seq++;
            model.push(lot);
            q.insert(lot as unknown as Lot);
          } else if (o.kind === 'consume') {
            const head = q.head as unknown as FakeLot | undefined;
            expect(head?.id).toBe(expectedHead()?.id);
            if (head) head.quantity = o.whole ? ZERO : head.quantity.minus(head.quantity.dividedBy(2));
          } else if (o.kind === 'empty') {
            // a lot emptied elsewhere (a move of all its units) while not at the head
            const open = model.filter((l) => !l.quantity.isZero());
            const lot = open[o.pick % Math.max(open.length, 1)];
            if (lot) lot.quantity = ZERO;
          } else q.reorder(order);
          expect((q.head as unknown as FakeLot | undefined)?.id).toBe(expectedHead()?.id);
        }
        const open = model.filter((l) => !l.quantity.isZero()).sort((a, b) => order(a as unknown as Lot, b as unknown as Lot));
        expect(q.open().map((l) => l.id)).toEqual(open.map((l) => l.id));
        expect(q.total().equals(open.reduce((s, l) => s.plus(l.quantity), ZERO))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('takes FIFO lots in acquisition order when a transfer brings an older lot back in', () => {
    const order = (a: Lot, b: Lot) => LOT_ORDER.FIFO(a, b) || a.split - b.split;
    const q = new LotQueue(order);
    const lot = (id: string, at: number, seq: number) => ({ id, acquiredInstant: at, seq, split: 0, unitCost: ZERO, quantity: new Dec(1) }) as unknown as Lot;
    q.insert(lot('jan', 1, 0));
    q.insert(lot('mar', 3, 2));
    q.insert(lot('feb', 2, 1)); // arrives after March: out of order
    const taken: string[] = [];
    for (let h = q.head; h; h = q.head) {
      taken.push(h.id);
      h.quantity = ZERO;
    }
    expect(taken).toEqual(['jan', 'feb', 'mar']);
  });
});
