/** One (asset, wallet)'s open lots as a binary heap in method order (inventory.ts uses it). */
import { ZERO, type Dec } from '../model/decimal.js';
import type { Lot } from './lot-pool.js';

/**
 * One (asset, wallet)'s open lots as a binary heap in method order: the next lot to consume is
 * at the root, an insertion or a removal costs O(log n) whatever the method (FIFO, LIFO or HIFO),
 * so a history of a million lots never turns quadratic. A lot's ordering key is fixed when it is
 * created (booking-methods.ts), so consuming part of a lot never moves it; emptied lots are
 * removed when they reach the root.
 */
export class LotQueue {
  private heap: Lot[] = [];
  constructor(private order: (a: Lot, b: Lot) => number) {}

  /** Keep the open lots in another order from now on (a method schedule's change). */
  reorder(order: (a: Lot, b: Lot) => number): void {
    this.order = order;
    this.replace(this.open());
  }

  get head(): Lot | undefined {
    while (this.heap.length > 0 && (this.heap[0] as Lot).quantity.isZero()) this.pop();
    return this.heap[0];
  }

  insert(lot: Lot): void {
    const h = this.heap;
    let i = h.length;
    h.push(lot);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.order(h[parent] as Lot, lot) <= 0) break;
      h[i] = h[parent] as Lot;
      i = parent;
    }
    h[i] = lot;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Lot;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const child = r < h.length && this.order(h[r] as Lot, h[l] as Lot) < 0 ? r : l;
      if (this.order(last, h[child] as Lot) <= 0) break;
      h[i] = h[child] as Lot;
      i = child;
    }
    h[i] = last;
  }

  /** Open lots in method order. */
  open(): Lot[] {
    return this.heap.filter((l) => !l.quantity.isZero()).sort(this.order);
  }

  /** Units held in the open lots. */
  total(): Dec {
    let total = ZERO;
    for (const lot of this.heap) total = total.plus(lot.quantity);
    return total;
  }

  replace(lots: Lot[]): void {
    this.heap = [...lots].sort(this.order); // a sorted array is a heap
  }
}

