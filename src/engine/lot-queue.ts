/** One (asset, wallet)'s open lots as a binary heap in method order (inventory.ts uses it). */
import { ZERO, type Dec } from '../model/decimal.js';

/**
 * One (asset, wallet)'s open lots in method order: the next lot to consume is at the head, an
 * insertion or a removal costs O(log n) whatever the method (FIFO, LIFO or HIFO), so a history of
 * a million lots never turns quadratic. A lot's ordering key is fixed when it is created
 * (booking-methods.ts), so consuming part of a lot never moves it; emptied lots are removed when
 * they reach the head.
 *
 * Lots mostly arrive in method order (FIFO: each buy is the newest lot), so those are kept in a
 * sorted run consumed from its front, in O(1); a lot that arrives out of order (a transfer's
 * piece keeps its acquisition date, HIFO's prices) goes to a binary heap beside it, and the head
 * is the first of the two. `order` is total (method, then creation, then split), so the lots come
 * out in the same sequence as from one heap. Generic over the lot (inventory.ts's `Lot`): all it
 * reads of one is the quantity left.
 */
export class LotQueue<Lot extends { readonly quantity: Dec }> {
  /** Lots inserted in order, from `start` on (those before it were consumed). */
  private run: Lot[] = [];
  private start = 0;
  /** Lots inserted out of order, as a binary heap. */
  private heap: Lot[] = [];
  constructor(private order: (a: Lot, b: Lot) => number) {}

  /** Keep the open lots in another order from now on (a method schedule's change). */
  reorder(order: (a: Lot, b: Lot) => number): void {
    this.order = order;
    this.replace(this.open());
  }

  get head(): Lot | undefined {
    for (;;) {
      const fromRun = this.start < this.run.length ? this.run[this.start] : undefined;
      const fromHeap = this.heap[0];
      const first = fromRun === undefined || (fromHeap !== undefined && this.order(fromHeap, fromRun) < 0) ? fromHeap : fromRun;
      if (first === undefined || !first.quantity.isZero()) return first;
      if (first === fromRun) this.shift();
      else this.pop();
    }
  }

  insert(lot: Lot): void {
    const run = this.run;
    if (this.start >= run.length) {
      if (run.length > 0) this.run = [];
      this.start = 0;
      this.run.push(lot);
      return;
    }
    if (this.order(run[run.length - 1] as Lot, lot) <= 0) {
      run.push(lot);
      return;
    }
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

  /** Drop the run's first lot; the consumed front is cut off once it is half the run. */
  private shift(): void {
    this.start++;
    if (this.start >= 1024 && this.start * 2 >= this.run.length) {
      this.run = this.run.slice(this.start);
      this.start = 0;
    }
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
    const lots: Lot[] = [];
    for (let i = this.start; i < this.run.length; i++) if (!(this.run[i] as Lot).quantity.isZero()) lots.push(this.run[i] as Lot);
    for (const l of this.heap) if (!l.quantity.isZero()) lots.push(l);
    return lots.sort(this.order);
  }

  /** Units held in the open lots. */
  total(): Dec {
    let total = ZERO;
    for (let i = this.start; i < this.run.length; i++) total = total.plus((this.run[i] as Lot).quantity);
    for (const lot of this.heap) total = total.plus(lot.quantity);
    return total;
  }

  replace(lots: Lot[]): void {
    this.run = [...lots].sort(this.order); // in order: the run, from its start
    this.start = 0;
    this.heap = [];
  }
}
