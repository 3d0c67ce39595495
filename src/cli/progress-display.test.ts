import { describe, expect, it } from 'vitest';
import { createProgressDisplay, describeProgress } from './progress-display.js';
import { trackInputs } from './tracked-inputs.js';
import type { ProgressEvent } from '../pipeline/progress.js';

function stream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (t: string) => writes.push(t) };
}
const book = (done: number): ProgressEvent => ({ phase: 'book', done, total: 1_000_000 });

describe('createProgressDisplay', () => {
  it('on a terminal: redraws one line at most every 100 ms, a new phase at once, and erases it', () => {
    let t = 0;
    const s = stream(true);
    const p = createProgressDisplay(s, { now: () => t });
    p.sink(book(8192));
    t = 50;
    p.sink(book(16384)); // too soon: not drawn
    t = 60;
    p.sink({ phase: 'write', file: 'report.pdf', index: 11, files: 12, bytes: 3 * 1024 * 1024 }); // new phase: drawn
    t = 1500;
    p.sink({ phase: 'write', file: 'report.pdf', index: 11, files: 12, bytes: 5 * 1024 * 1024 });
    p.clear();
    expect(s.writes).toEqual([
      '\r\x1b[Ktaxlot: booking lots 8,192/1,000,000 events 0% [0s]',
      '\r\x1b[Ktaxlot: writing 12/12 report.pdf 3.0 MB [0s]',
      '\r\x1b[Ktaxlot: writing 12/12 report.pdf 5.0 MB [1s]',
      '\r\x1b[K',
    ]);
  });

  it('cuts the line to the terminal width', () => {
    const s = stream(true, 30);
    createProgressDisplay(s, { now: () => 0 }).sink(book(500_000));
    expect(s.writes[0]).toBe('\r\x1b[Ktaxlot: booking lots 500,000…'); // 29 characters: the last column stays free
  });

  it('not on a terminal: nothing for a short run, then one plain line every 10 s; clear writes nothing', () => {
    let t = 0;
    const s = stream(false);
    const p = createProgressDisplay(s, { now: () => t });
    p.sink(book(8192));
    t = 9_999;
    p.sink(book(16384));
    t = 10_000;
    p.sink(book(500_000));
    t = 15_000;
    p.sink(book(600_000));
    t = 20_000;
    p.sink(book(1_000_000));
    p.clear();
    expect(s.writes).toEqual(['taxlot: booking lots 500,000/1,000,000 events 50% [10s]\n', 'taxlot: booking lots 1,000,000/1,000,000 events 100% [20s]\n']);
  });
});

describe('describeProgress', () => {
  it('says the file, its bytes and rows when reading', () => {
    expect(describeProgress({ phase: 'read', file: 'kraken.csv', index: 2, files: 66, bytes: 12 * 1024 * 1024, totalBytes: 48 * 1024 * 1024, rows: 120000 })).toBe(
      'reading 3/66 kraken.csv 12.0 MB/48.0 MB 25% 120,000 rows',
    );
    expect(describeProgress({ phase: 'match', events: 1234 })).toBe('pairing transfers among 1,234 events');
  });
});

describe('trackInputs', () => {
  it('reports the bytes and lines of each chunk pulled, and passes the text through unchanged', () => {
    const events: ProgressEvent[] = [];
    const [input] = trackInputs([{ file: 'a.csv', text: () => ['h\nr1\n', 'r2é\n'] }], ['/nonexistent/a.csv'], (e) => events.push(e));
    expect([...(input!.text as () => Iterable<string>)()].join('')).toBe('h\nr1\nr2é\n');
    // 'é' is two bytes in UTF-8: 5 + 5 bytes; 2 + 1 lines
    expect(events.map((e) => (e.phase === 'read' ? [e.bytes, e.rows] : []))).toEqual([[5, 2], [10, 3]]);
  });

  it('without a sink returns the inputs as they are', () => {
    const inputs = [{ file: 'a.csv', text: 'x' }];
    expect(trackInputs(inputs, ['a.csv'], undefined)).toEqual(inputs);
  });
});
