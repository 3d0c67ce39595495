/**
 * Sorting more items than should be held at once: items are gathered in runs of `runSize`, each
 * run sorted and written as text to a spill store (`spill-store.ts`), and the runs merged back
 * lazily (a k-way merge on a binary heap). Without a store nothing is spilled: the items are
 * sorted in memory, the same order. The order is the comparator's, which must be total (equal
 * items would come out in run order, not input order).
 *
 * Items that arrive nearly in order — most exports are in time order, some with small local
 * swaps — need not be held at all: with a `window`, an item is written to the current run as soon
 * as it arrives (through a heap of at most `window` items that absorbs local disorder), so
 * nothing waits in memory and nothing is sorted. The first item the window cannot place (it
 * sorts before one already written: a file in reverse or scattered order) ends that run and the
 * rest is gathered and sorted in runs of `runSize` as above. Either way the runs are sorted and
 * the merge gives the same sequence. Measured on a 1M-row history: holding each run of 100,000
 * events until it was sorted kept them alive through several young-generation collections, and
 * copying and promoting them was most of the garbage collector's work while importing.
 */
import type { SpillRun, SpillStore } from './spill-store.js';

export interface LineCodec<T> {
  /** One line of text, without a line break. */
  encode(item: T): string;
  decode(line: string): T;
}

/** Items per run: ~100k events are ~70 MB as objects, sorted and written in well under a second. */
export const DEFAULT_RUN_SIZE = 100_000;

/**
 * Runs merged at once, at most: past it the runs so far are merged into one (each open run holds a
 * file open while merging), so a history of any length merges from at most this many per sort.
 */
export const MAX_RUNS = 64;

/** Text gathered before one append to a run. */
const APPEND_CHARS = 1 << 20;

/** Items held to absorb local disorder before an in-order run gives up (`SortedRuns` window). */
export const DEFAULT_WINDOW = 1024;

export class SortedRuns<T> {
  private buffer: T[] = [];
  private readonly runs: SpillRun[] = [];
  private count = 0;
  /** Writing items through as they come (a window was given, no item has fallen out of it). */
  private streaming: boolean;
  /** The run being written through, its text not yet appended, and the last item written to it. */
  private open: { run: SpillRun; text: string; last: T } | undefined;
  /** The window: a min-heap of items not yet written through. */
  private readonly heap: T[] = [];

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly codec: LineCodec<T>,
    private readonly store: SpillStore | undefined,
    runSize?: number,
    private readonly maxRuns: number = MAX_RUNS,
    /** Items held to absorb local disorder (0: none; every item gathered and sorted in runs). */
    private readonly window: number = 0,
  ) {
    this.runSize = runSize ?? DEFAULT_RUN_SIZE;
    this.streaming = store !== undefined && window > 0;
  }

  private readonly runSize: number;

  get size(): number {
    return this.count;
  }

  /** Items held in memory now (not yet spilled). */
  get buffered(): number {
    return this.buffer.length + this.heap.length;
  }

  /** Runs written so far, the one being written through included (for tests and the bench). */
  get spilled(): number {
    return this.runs.length + (this.open ? 1 : 0);
  }

  /**
   * Seal and hand over the runs (to another thread, which adopts them with `ofRuns`): this
   * instance holds nothing afterwards.
   */
  giveUpRuns(): SpillRun[] {
    if (!this.store) throw new Error('SortedRuns: runs can be handed over only from a spill store');
    this.seal();
    this.count = 0;
    return this.runs.splice(0);
  }

  /** Runs sealed elsewhere (`giveUpRuns`), holding `count` items, merged as if made here. */
  static ofRuns<T>(compare: (a: T, b: T) => number, codec: LineCodec<T>, store: SpillStore | undefined, runs: readonly SpillRun[], count: number): SortedRuns<T> {
    const sorted = new SortedRuns(compare, codec, store);
    for (const run of runs) sorted.runs.push(run);
    sorted.count = count;
    return sorted;
  }

  /** Whether items are still written through as they come (false once one fell out of the window). */
  get inOrder(): boolean {
    return this.streaming;
  }

  add(item: T): void {
    this.count++;
    if (this.streaming) {
      this.through(item);
      return;
    }
    this.buffer.push(item);
    if (this.store && this.buffer.length >= this.runSize) this.spill();
  }

  /** With a store: spill what is still in memory (no more items are coming for a while). */
  seal(): void {
    if (this.streaming) {
      this.drainWindow();
      this.closeOpen();
    }
    if (this.store && this.buffer.length > 0) this.spill();
  }

  /** Forget every item (runs removed). */
  discard(): void {
    if (this.open) this.open.run.close();
    this.open?.run.remove();
    this.open = undefined;
    this.heap.length = 0;
    for (const run of this.runs.splice(0)) run.remove();
    this.buffer = [];
    this.count = 0;
    this.streaming = this.store !== undefined && this.window > 0;
  }

  /**
   * An item into the window; once the window is full, its least item is written through (or,
   * when that one sorts before the last written, the switch to sorting). An item that sorts
   * before everything in a full window is that least item: written at once, not heaped.
   */
  private through(item: T): void {
    const heap = this.heap;
    if (heap.length < this.window) {
      heapPush(heap, item, this.compare);
      return;
    }
    const least = this.compare(item, heap[0] as T) <= 0 ? item : heapReplace(heap, item, this.compare);
    if (this.open && this.compare(least, this.open.last) < 0) this.giveUp(least);
    else this.emit(least);
  }

  /** Every item of the window written through, in order (or the switch to sorting). */
  private drainWindow(): void {
    while (this.streaming && this.heap.length > 0) {
      const least = heapPop(this.heap, this.compare);
      if (this.open && this.compare(least, this.open.last) < 0) this.giveUp(least);
      else this.emit(least);
    }
  }

  /** `item` sorts before what was written: close the run; the window and the rest are gathered and sorted. */
  private giveUp(item: T): void {
    this.streaming = false;
    this.closeOpen();
    const held = this.heap.splice(0);
    for (const h of held) this.buffer.push(h);
    this.buffer.push(item);
    if (this.buffer.length >= this.runSize) this.spill();
  }

  private emit(item: T): void {
    const open = (this.open ??= { run: (this.store as SpillStore).create(), text: '', last: item });
    open.text += `${this.codec.encode(item)}\n`;
    open.last = item;
    if (open.text.length >= APPEND_CHARS) {
      open.run.append(open.text);
      open.text = '';
    }
  }

  private closeOpen(): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    if (open.text !== '') open.run.append(open.text);
    open.run.close();
    this.runs.push(open.run);
  }

  /**
   * The items in order, once: runs are removed as soon as they are read out, and the items kept
   * in memory are let go as they are yielded.
   */
  *sorted(): Generator<T> {
    if (this.streaming) {
      this.drainWindow();
      this.closeOpen();
    }
    if (this.runs.length === 0) {
      const items: (T | undefined)[] = this.buffer.sort(this.compare);
      this.buffer = [];
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as T;
        items[i] = undefined;
        yield item;
      }
      return;
    }
    if (this.buffer.length > 0) this.spill();
    const runs = this.runs.splice(0);
    if (runs.length === 1) yield* decoded(runs[0] as SpillRun, this.codec);
    else yield* mergeSorted(runs.map((run) => decoded(run, this.codec)), this.compare);
  }

  private spill(): void {
    const items = this.buffer.sort(this.compare);
    this.buffer = [];
    this.runs.push(this.write(items));
    if (this.runs.length >= this.maxRuns) {
      const runs = this.runs.splice(0);
      this.runs.push(this.write(mergeSorted(runs.map((run) => decoded(run, this.codec)), this.compare)));
    }
  }

  private write(items: Iterable<T>): SpillRun {
    const run = (this.store as SpillStore).create();
    let text = '';
    for (const item of items) {
      text += `${this.codec.encode(item)}\n`;
      if (text.length >= APPEND_CHARS) {
        run.append(text);
        text = '';
      }
    }
    if (text !== '') run.append(text);
    run.close();
    return run;
  }
}

/** A run's items, decoded line by line; the run is removed once read to its end. */
function* decoded<T>(run: SpillRun, codec: LineCodec<T>): Generator<T> {
  let rest = '';
  for (const piece of run.read()) {
    let text = rest === '' ? piece : rest + piece;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      yield codec.decode(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
    text = '';
  }
  if (rest !== '') yield codec.decode(rest);
  run.remove();
}

/** Sorted sequences merged into one sorted sequence (ties: the earlier sequence first). */
export function* mergeSorted<T>(sources: readonly Iterable<T>[], compare: (a: T, b: T) => number): Generator<T> {
  interface Head { item: T; rank: number; rest: Iterator<T> }
  const heap: Head[] = [];
  const less = (a: Head, b: Head): boolean => {
    const c = compare(a.item, b.item);
    return c < 0 || (c === 0 && a.rank < b.rank);
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l] as Head, heap[m] as Head)) m = l;
      if (r < heap.length && less(heap[r] as Head, heap[m] as Head)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as Head, heap[i] as Head];
      i = m;
    }
  };
  sources.forEach((source, rank) => {
    const rest = source[Symbol.iterator]();
    const first = rest.next();
    if (!first.done) heap.push({ item: first.value, rank, rest });
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length > 0) {
    const top = heap[0] as Head;
    yield top.item;
    const next = top.rest.next();
    if (next.done) {
      const last = heap.pop() as Head;
      if (heap.length === 0) return;
      heap[0] = last;
    } else {
      top.item = next.value;
    }
    down(0);
  }
}

function heapPush<T>(heap: T[], item: T, compare: (a: T, b: T) => number): void {
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[parent] as T, item) <= 0) break;
    heap[i] = heap[parent] as T;
    i = parent;
  }
  heap[i] = item;
}

/** The least item out and `item` in, in one pass down (the heap's size unchanged). */
function heapReplace<T>(heap: T[], item: T, compare: (a: T, b: T) => number): T {
  const top = heap[0] as T;
  siftDown(heap, item, heap.length, compare);
  return top;
}

function siftDown<T>(heap: T[], item: T, n: number, compare: (a: T, b: T) => number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && compare(heap[r] as T, heap[l] as T) < 0 ? r : l;
    if (compare(heap[c] as T, item) >= 0) break;
    heap[i] = heap[c] as T;
    i = c;
  }
  heap[i] = item;
}

function heapPop<T>(heap: T[], compare: (a: T, b: T) => number): T {
  const top = heap[0] as T;
  const last = heap.pop() as T;
  if (heap.length > 0) siftDown(heap, last, heap.length, compare);
  return top;
}
