/**
 * The engine against a deliberately naive reference: one wallet, buys and sells only, lots kept
 * in a plain array and re-sorted for every sale (FIFO by date, LIFO newest first, HIFO by unit
 * cost). Written independently of inventory.ts / compute-gains.ts; both must give the same basis
 * and proceeds for every sale, to the last decimal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../model/decimal.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import { runLedger } from '../../test/support/ledger.js';

type Op = { buy: boolean; qty: number; usd: number };

interface RefLot {
  day: number;
  seq: number;
  qty: Dec;
  basis: Dec;
  unit: Dec;
}

/** Naive lot matching: returns the total basis consumed by each sale. */
function reference(ops: Op[], method: 'FIFO' | 'LIFO' | 'HIFO'): string[] {
  const lots: RefLot[] = [];
  const out: string[] = [];
  ops.forEach((o, i) => {
    const qty = new Dec(o.qty).dividedBy(100);
    const usd = new Dec(o.usd);
    if (o.buy) {
      lots.push({ day: i, seq: i, qty, basis: usd, unit: usd.dividedBy(qty) });
      return;
    }
    const order = [...lots].sort((a, b) =>
      method === 'FIFO' ? a.day - b.day : method === 'LIFO' ? b.day - a.day : b.unit.comparedTo(a.unit) || a.day - b.day,
    );
    let left = qty;
    let basis = new Dec(0);
    for (const lot of order) {
      if (left.isZero()) break;
      if (lot.qty.isZero()) continue;
      const take = Dec.min(left, lot.qty);
      // same quantisation rule as the engine: a partial share to 30 places, the last piece exact
      const part = take.equals(lot.qty) ? lot.basis : lot.basis.times(take).dividedBy(lot.qty).toDecimalPlaces(30, Dec.ROUND_HALF_EVEN);
      basis = basis.plus(part);
      lot.basis = lot.basis.minus(part);
      lot.qty = lot.qty.minus(take);
      left = left.minus(take);
    }
    out.push(basis.toFixed());
  });
  return out;
}

function events(ops: Op[]): LedgerEvent[] {
  return ops.map((o, i): LedgerEvent => {
    const base = { id: `r:${i}`, wallet: 'w', instant: Date.UTC(2024, 0, 1) + i * 86_400_000, source: { file: 'ref', line: i + 2, format: 'test' } };
    const q = { asset: 'BTC', amount: new Dec(o.qty).dividedBy(100) };
    const usd = { asset: 'USD', amount: new Dec(o.usd) };
    return o.buy ? { ...base, kind: 'trade', sent: usd, received: q } : { ...base, kind: 'trade', sent: q, received: usd };
  });
}

const op = fc.record({ buy: fc.boolean(), qty: fc.integer({ min: 1, max: 500 }), usd: fc.integer({ min: 1, max: 100_000 }) });

describe('engine = naive reference (one wallet, buys and sells)', () => {
  it.each(['FIFO', 'LIFO', 'HIFO'] as const)('%s', (method) => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const r = runLedger(events(ops), { method });
        const engine = r.disposals.map((d) => d.slices.filter((s) => s.basisStatus === 'known').reduce((t, s) => t.plus(s.basis), new Dec(0)).toFixed());
        expect(engine).toEqual(reference(ops, method));
      }),
      { numRuns: 300 },
    );
  });
});
