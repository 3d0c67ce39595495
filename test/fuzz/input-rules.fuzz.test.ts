/**
 * Properties of the input rules of issue #17 over generated files (fast-check, fixed seeds), with
 * the expected values taken from the generator, never from the code:
 *  - a Koinly file whose dates are written day-first (DD/MM/YYYY) is read with the dates generated
 *    whenever one day is above 12, wherever that row sits; with no such day it is read month-first
 *    and says so (DATE_ORDER_ASSUMED); with --date-order dmy always as generated;
 *  - a file with one month-first-only and one day-first-only date is refused whole;
 *  - however many bad rows, a file keeps at most 20 diagnostics of a shape in full plus a summary,
 *    and the error total still counts every rejected row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../src/diagnostics/diagnostic.js';
import { importFile } from '../../src/importers/import-file.js';
import { koinlyUniversal } from '../../src/importers/koinly-universal.js';

const RUNS = Math.max(20, Math.floor(Number(process.env['TAXLOT_FUZZ_RUNS'] ?? 120) / 2));
const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const day = fc.record({ y: fc.integer({ min: 2015, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
const two = (n: number): string => String(n).padStart(2, '0');
const dmy = (x: { y: number; m: number; d: number }): string => `${two(x.d)}/${two(x.m)}/${x.y} 10:00`;
const isoDay = (x: { y: number; m: number; d: number }): string => `${x.y}-${two(x.m)}-${two(x.d)}`;
const file = (dates: readonly string[]): string => [HEADER, ...dates.map((t, i) => `${t},,,${i + 1},BTC,,,,,,,`)].join('\n');
const days = (ms: readonly number[]): string[] => ms.map((t) => new Date(t).toISOString().slice(0, 10));

describe('fuzz: a file decides its day-month order', () => {
  it('reads day-first files as written, whatever row proves them so, and warns when none does', () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 60 }), (generated) => {
        const r = importFile('w.csv', file(generated.map(dmy)), { importers: [koinlyUniversal] });
        const proven = generated.some((x) => x.d > 12);
        const ambiguous = generated.some((x) => x.d !== x.m);
        const events = r.events.map((e) => e.instant);
        if (proven) {
          expect(days(events)).toEqual(generated.map(isoDay));
          expect(r.diagnostics).toEqual([]);
        } else {
          // read month-first: day and month swapped
          expect(days(events)).toEqual(generated.map((x) => isoDay({ y: x.y, m: x.d, d: x.m })));
          expect(r.diagnostics.map((d) => d.code)).toEqual(ambiguous ? ['DATE_ORDER_ASSUMED'] : []);
        }
        const stated = importFile('w.csv', file(generated.map(dmy)), { importers: [koinlyUniversal], dateOrder: 'dmy' });
        expect(days(stated.events.map((e) => e.instant))).toEqual(generated.map(isoDay));
        expect(stated.diagnostics).toEqual([]);
      }),
      { numRuns: RUNS, seed: 20_261_204 },
    );
  });

  it('refuses a file with a day-first-only and a month-first-only date, wherever they sit', () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 2, maxLength: 40 }), fc.nat(), fc.nat(), (generated, i, j) => {
        const dates = generated.map(dmy);
        const a = i % dates.length;
        const b = (a + 1 + (j % (dates.length - 1))) % dates.length;
        dates[a] = '13/06/2024 10:00'; // day-first only
        dates[b] = '06/13/2024 10:00'; // month-first only
        const r = importFile('w.csv', file(dates), { importers: [koinlyUniversal] });
        expect(r.events).toEqual([]);
        expect(r.accounting).toMatchObject({ rows: dates.length, rejected: dates.length });
        expect(r.diagnostics.map((d) => d.code)).toEqual(['DATE_ORDER_CONFLICT']);
        // the month-first-only line is named, as the contradicting line or as the proof against day-first
        expect(r.diagnostics[0]?.message).toContain(`line ${b + 2} ("06/13/2024 10:00")`);
      }),
      { numRuns: RUNS, seed: 20_261_205 },
    );
  });
});

describe('fuzz: repeated diagnostics are bounded', () => {
  it('keeps at most 20 of a shape in full and counts the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('empty', 'number', 'good'), { minLength: 1, maxLength: 400 }), (kinds) => {
        const rows = kinds.map((k, i) =>
          k === 'empty' ? ',,,,,,,,,,,' : k === 'number' ? `2024-01-01 10:00,,,${i}x,BTC,,,,,,,` : `2024-01-01 10:00,,,${i + 1},BTC,,,,,,,`,
        );
        const r = importFile('w.csv', [HEADER, ...rows].join('\n'), { importers: [koinlyUniversal] });
        const bad = { empty: kinds.filter((k) => k === 'empty').length, number: kinds.filter((k) => k === 'number').length };
        expect(r.accounting.rejected).toBe(bad.empty + bad.number);
        expect(countBySeverity(r.diagnostics).errors).toBe(bad.empty + bad.number);
        const full = r.diagnostics.filter((d) => d.count === undefined);
        expect(full.length).toBe(Math.min(20, bad.empty) + Math.min(20, bad.number));
        expect(r.diagnostics.length - full.length).toBe((bad.empty > 20 ? 1 : 0) + (bad.number > 20 ? 1 : 0));
      }),
      { numRuns: RUNS, seed: 20_261_206 },
    );
  });
});
