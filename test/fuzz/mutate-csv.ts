/**
 * Mutations of a real export (fast-check arbitraries): what truncated downloads, spreadsheet
 * re-saves, hand edits and crafted files do to a CSV — cells dropped, duplicated, swapped or
 * replaced by hostile values, lines cut, blank lines and repeated (or reordered) headers
 * inserted, line ends changed. Used by the importer fuzz tests; pure, deterministic for a given seed.
 */
import fc from 'fast-check';

/** Values a cell may be replaced with: broken numbers and dates, quotes, delimiters, unicode. */
export const hostileCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '-0', '-1', '-12.50', '1E+999999999', '1e-999999999', '9'.repeat(120), 'NaN', 'Infinity', '1,2.3', '1.234,56', '(5)',
    '1,55444E+13', '"', '""', '","', ',', ';', '\t', '\n', '\r\n', '"a\nb"', '=HYPERLINK("x")', '@SUM(1)', '+1', '../../x', '\u0000',
    '\u202e', '\ufeff', 'null', 'undefined', '__proto__', 'constructor', 'toString', '1970-01-01', '2008-12-31 23:59:59', '9999-12-31',
    '2024-02-30', '31/12/2024', '2024-13-01T25:61:61Z', '0000-00-00', 'BTC', 'USD', 'buy', 'sell', 'deposit', 'withdrawal', 'trade',
    // day-month order evidence, leap seconds, invisible characters (issue #17)
    '13/06/2024 10:00', '06/13/2024 10:00', '05/06/2024', '24-06-13 10:00:00', '13.06.2024', '2016-12-31 23:59:60', '2016-12-31T23:59:60Z',
    'B\u200bTC', 'E\u202eTH', 'SO\u00adL', 'US\ufeffDC', '\u2066x\u2069', '\u{e0041}',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 99999999 })).map(([a, b]) => `${a}.${b}`),
);

export type Mutation =
  | { op: 'replace'; line: number; cell: number; value: string }
  | { op: 'drop-cell'; line: number; cell: number }
  | { op: 'dup-cell'; line: number; cell: number }
  | { op: 'swap-cells'; line: number; cell: number; other: number }
  | { op: 'truncate'; line: number; at: number }
  | { op: 'blank'; line: number }
  | { op: 'repeat-header'; line: number }
  | { op: 'reorder-header'; line: number; cell: number; other: number }
  | { op: 'dup-line'; line: number }
  | { op: 'drop-line'; line: number }
  | { op: 'swap-lines'; line: number; other: number };

const index = fc.nat({ max: 1000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), line: index, cell: index, value: hostileCell }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('drop-cell' as const), line: index, cell: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dup-cell' as const), line: index, cell: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-cells' as const), line: index, cell: index, other: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), line: index, at: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('blank' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat-header' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reorder-header' as const), line: index, cell: index, other: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dup-line' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('drop-line' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), line: index, other: index }) },
);

/** The delimiter a line most likely uses. */
function delimiterOf(line: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/**
 * Apply mutations to the lines of a file. Line 0 is never mutated in place (its header keeps the
 * file recognisable most of the time; `forcedFormat` runs cover the rest).
 */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const header = lines.find((l) => l.trim() !== '') ?? '';
  for (const m of mutations) {
    if (lines.length < 2) break;
    const at = 1 + (m.line % (lines.length - 1));
    const line = lines[at] ?? '';
    const d = delimiterOf(line);
    const cells = line.split(d);
    const c = m.op === 'replace' || m.op === 'drop-cell' || m.op === 'dup-cell' || m.op === 'swap-cells' ? m.cell % cells.length : 0;
    switch (m.op) {
      case 'replace':
        cells[c] = m.value;
        lines[at] = cells.join(d);
        break;
      case 'drop-cell':
        cells.splice(c, 1);
        lines[at] = cells.join(d);
        break;
      case 'dup-cell':
        cells.splice(c, 0, cells[c] ?? '');
        lines[at] = cells.join(d);
        break;
      case 'swap-cells': {
        const o = m.other % cells.length;
        [cells[c], cells[o]] = [cells[o] ?? '', cells[c] ?? ''];
        lines[at] = cells.join(d);
        break;
      }
      case 'truncate':
        lines[at] = line.slice(0, m.at % (line.length + 1));
        break;
      case 'blank':
        lines.splice(at, 0, '');
        break;
      case 'repeat-header':
        lines.splice(at, 0, header);
        break;
      case 'reorder-header': {
        // the header again with two columns swapped, and the rows after it swapped the same way
        const hd = delimiterOf(header);
        const names = header.split(hd);
        const [x, y] = [m.cell % names.length, m.other % names.length];
        const swap = (l: string): string => {
          const cs = l.split(hd);
          [cs[x], cs[y]] = [cs[y] ?? '', cs[x] ?? ''];
          return cs.join(hd);
        };
        for (let i = at; i < lines.length; i++) lines[i] = swap(lines[i] ?? '');
        lines.splice(at, 0, swap(header));
        break;
      }
      case 'dup-line':
        lines.splice(at, 0, line);
        break;
      case 'drop-line':
        lines.splice(at, 1);
        break;
      case 'swap-lines': {
        const o = 1 + (m.other % (lines.length - 1));
        [lines[at], lines[o]] = [lines[o] ?? '', line];
        break;
      }
    }
  }
  return lines.join('\n');
}

/** Line ends a file may come with. */
export const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

/** Cut a text into chunks at the given offsets (what a streaming reader sees). */
export function chunk(text: string, cuts: readonly number[]): string[] {
  const offsets = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const o of offsets) {
    out.push(text.slice(from, o));
    from = o;
  }
  out.push(text.slice(from));
  return out;
}
