import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted, SortedRuns } from './sorted-runs.js';
import { memorySpillStore, type SpillStore } from './spill-store.js';

interface Item { key: number; tag: string }
const byKey = (a: Item, b: Item): number => a.key - b.key || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
const codec = { encode: (i: Item) => JSON.stringify(i), decode: (line: string) => JSON.parse(line) as Item };

/** The memory store, counting the runs it holds, and cutting what it gives back in odd pieces. */
function countingStore(piece: number): SpillStore & { live: () => number; made: () => number } {
  let live = 0;
  let made = 0;
  return {
    live: () => live,
    made: () => made,
    create() {
      const run = memorySpillStore.create();
      live++;
      made++;
      return {
        append: (t) => run.append(t),
        close: () => run.close(),
        *read() {
          const text = [...run.read()].join('');
          for (let i = 0; i < text.length; i += piece) yield text.slice(i, i + piece);
        },
        remove: () => {
          live--;
          run.remove();
        },
      };
    },
  };
}

describe('SortedRuns', () => {
  it('spilled in runs and merged, gives the in-memory sort of any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: -5, max: 5 }), tag: fc.string({ maxLength: 3 }) }), { maxLength: 200, size: 'max' }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 1, max: 50 }),
        (items, runSize, piece) => {
          const store = countingStore(piece);
          const runs = new SortedRuns(byKey, codec, store, runSize);
          for (const i of items) runs.add(i);
          expect(runs.size).toBe(items.length);
          const written = Math.floor(items.length / runSize);
          // past 63 runs the 64th merges them all into one
          expect(runs.spilled).toBe(written === 0 ? 0 : ((written - 1) % 63) + 1);
          const out = [...runs.sorted()];
          expect(out).toEqual([...items].sort(byKey));
          // every run is removed once read
          expect(store.live()).toBe(0);
        },
      ),
      { seed: 25, numRuns: 150 },
    );
  });

  it('merges its runs into one past the most it merges at once, the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 120, size: 'max' }), fc.integer({ min: 2, max: 4 }), (keys, maxRuns) => {
        const store = countingStore(7);
        const runs = new SortedRuns(byKey, codec, store, 3, maxRuns);
        keys.forEach((key, k) => runs.add({ key, tag: String(k) }));
        expect(runs.spilled).toBeLessThan(maxRuns);
        expect(store.live()).toBe(runs.spilled);
        expect([...runs.sorted()]).toEqual(keys.map((key, k) => ({ key, tag: String(k) })).sort(byKey));
        expect(store.live()).toBe(0);
      }),
      { seed: 64, numRuns: 200 },
    );
  });

  it('a 10,000-item shuffle comes back sorted through 40 runs', () => {
    const items = Array.from({ length: 10_000 }, (_, k) => ({ key: (k * 7919) % 10_000, tag: `t${k % 3}` }));
    const store = countingStore(4093);
    const runs = new SortedRuns(byKey, codec, store, 250);
    for (const i of items) runs.add(i);
    expect(store.made()).toBe(40);
    const keys = [...runs.sorted()].map((i) => i.key);
    expect(keys).toEqual(Array.from({ length: 10_000 }, (_, k) => k));
  });

  it('without a store nothing is spilled, and discard forgets every item', () => {
    const runs = new SortedRuns(byKey, codec, undefined, 2);
    for (const key of [3, 1, 2]) runs.add({ key, tag: '' });
    expect(runs.spilled).toBe(0);
    const store = countingStore(10);
    const spilled = new SortedRuns(byKey, codec, store, 2);
    for (const key of [3, 1, 2, 5, 4]) spilled.add({ key, tag: '' });
    spilled.discard();
    expect(store.live()).toBe(0);
    expect([...spilled.sorted()]).toEqual([]);
    expect([...runs.sorted()].map((i) => i.key)).toEqual([1, 2, 3]);
  });
});

describe('mergeSorted', () => {
  it('keeps equal items in the order of their sources', () => {
    const a = [{ key: 1, tag: 'a' }, { key: 2, tag: 'a' }];
    const b = [{ key: 1, tag: 'b' }, { key: 3, tag: 'b' }];
    const byKeyOnly = (x: Item, y: Item) => x.key - y.key;
    expect(mergeSorted([b, [], a], byKeyOnly).next().value).toEqual({ key: 1, tag: 'b' });
    expect([...mergeSorted([a, b], byKeyOnly)].map((i) => `${i.key}${i.tag}`)).toEqual(['1a', '1b', '2a', '3b']);
  });
});

describe('SortedRuns with a window (items written through as they come)', () => {
  const item = (key: number, tag = ''): Item => ({ key, tag });

  it('items in order: one run, no more than the window held, the same sequence back', () => {
    const store = countingStore(7);
    const runs = new SortedRuns(byKey, codec, store, 3, 64, 4);
    const items = [1, 2, 2, 5, 9, 9, 10].map((k, i) => item(k, String(i)));
    items.forEach((i, n) => {
      runs.add(i);
      expect(runs.buffered).toBe(Math.min(n + 1, 4));
    });
    expect(runs.inOrder).toBe(true);
    expect(runs.spilled).toBe(1);
    expect([...runs.sorted()]).toEqual(items);
    expect(store.live()).toBe(0);
  });

  it('a swap within the window is absorbed: still one run, at most the window held', () => {
    const store = countingStore(5);
    const runs = new SortedRuns(byKey, codec, store, 3, 64, 2);
    // 4 before 3, 7 before 6: each out of place by one
    for (const k of [1, 2, 4, 3, 5, 7, 6, 8]) {
      runs.add(item(k));
      expect(runs.buffered).toBeLessThanOrEqual(2);
    }
    expect(runs.inOrder).toBe(true);
    expect([...runs.sorted()].map((i) => i.key)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.made()).toBe(1);
  });

  it('items in reverse: the window gives up, the rest is sorted in runs, the merge is the sort', () => {
    const store = countingStore(3);
    const runs = new SortedRuns(byKey, codec, store, 3, 64, 2);
    const keys = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    for (const k of keys) runs.add(item(k));
    expect(runs.inOrder).toBe(false);
    expect([...runs.sorted()].map((i) => i.key)).toEqual([...keys].sort((a, b) => a - b));
    expect(store.live()).toBe(0);
  });

  it('any input, any window and run size: the in-memory sort; seal between items changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: -5, max: 30 }), tag: fc.string({ maxLength: 3 }) }), { maxLength: 200, size: 'max' }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 250 }),
        (items, runSize, window, sealAt) => {
          const store = countingStore(11);
          const runs = new SortedRuns(byKey, codec, store, runSize, 64, window);
          items.forEach((i, n) => {
            if (n === sealAt) runs.seal();
            runs.add(i);
          });
          expect(runs.size).toBe(items.length);
          expect([...runs.sorted()]).toEqual([...items].sort(byKey));
          expect(store.live()).toBe(0);
        },
      ),
      { seed: 26, numRuns: 300 },
    );
  });

  it('nearly sorted input (each item at most `window` places from its own): never gives up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(), { minLength: 1, maxLength: 100 }), (window, noise) => {
        // a sorted sequence with disjoint blocks of `window + 1` items each reversed: every item
        // is at most `window` places from where it sorts
        const keys = noise.map((_, i) => i);
        for (let b = 0; b < keys.length; b += window + 1) keys.splice(b, window + 1, ...keys.slice(b, b + window + 1).reverse());
        const store = countingStore(4);
        const runs = new SortedRuns(byKey, codec, store, 5, 64, window);
        for (const k of keys) runs.add(item(k));
        expect(runs.inOrder).toBe(true);
        expect([...runs.sorted()].map((i) => i.key)).toEqual(noise.map((_, i) => i));
        expect(store.made()).toBe(1);
      }),
      { seed: 27, numRuns: 200 },
    );
  });
});
