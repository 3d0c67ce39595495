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
