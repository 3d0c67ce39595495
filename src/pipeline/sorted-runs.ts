/**
 * Sorting more items than should be held at once: items are gathered in runs of `runSize`, each
 * run sorted and written as text to a spill store (`spill-store.ts`), and the runs merged back
 * lazily (a k-way merge on a binary heap). Without a store nothing is spilled: the items are
 * sorted in memory, the same order. The order is the comparator's, which must be total (equal
 * items would come out in run order, not input order).
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

export class SortedRuns<T> {
  private buffer: T[] = [];
  private readonly runs: SpillRun[] = [];
  private count = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly codec: LineCodec<T>,
    private readonly store: SpillStore | undefined,
    runSize?: number,
    private readonly maxRuns: number = MAX_RUNS,
  ) {
    this.runSize = runSize ?? DEFAULT_RUN_SIZE;
  }

  private readonly runSize: number;

  get size(): number {
    return this.count;
  }

  /** Items held in memory now (not yet spilled). */
  get buffered(): number {
    return this.buffer.length;
  }

  /** Runs written so far (for tests and the bench). */
  get spilled(): number {
    return this.runs.length;
  }

  add(item: T): void {
    this.buffer.push(item);
    this.count++;
    if (this.store && this.buffer.length >= this.runSize) this.spill();
  }

  /** With a store: spill what is still in memory (no more items are coming for a while). */
  seal(): void {
    if (this.store && this.buffer.length > 0) this.spill();
  }

  /** Forget every item (runs removed). */
  discard(): void {
    for (const run of this.runs.splice(0)) run.remove();
    this.buffer = [];
    this.count = 0;
  }

  /**
   * The items in order, once: runs are removed as soon as they are read out, and the items kept
   * in memory are let go as they are yielded.
   */
  *sorted(): Generator<T> {
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
    yield* mergeSorted(runs.map((run) => decoded(run, this.codec)), this.compare);
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
