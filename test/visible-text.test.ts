/**
 * Text that cannot lie (issue #17): an asset code with an invisible character is a row error, not
 * a second "BTC"; an option value with control characters reaches stderr escaped.
 */
import { describe, expect, it } from 'vitest';
import { main, visibleLines } from '../src/cli/main.js';
import { ALL_IMPORTERS } from '../src/importers/index.js';
import { importFile } from '../src/importers/import-file.js';
import { withRowGuards } from '../src/importers/row-guards.js';
import { hasInvisible } from '../src/model/visible-text.js';

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const importers = withRowGuards(ALL_IMPORTERS, { now: Date.UTC(2025, 0, 1) });

describe('asset codes with invisible characters', () => {
  it.each([
    ['zero-width space', 'B\u200bTC'],
    ['right-to-left override', 'E\u202eTH'],
    ['soft hyphen', 'SO\u00adL'],
    ['BOM inside the code', 'US\ufeffDC'],
  ])('rejects a row whose asset holds a %s (ROW_NAME_INVISIBLE), and keeps the others', (_what, asset) => {
    const text = [HEADER, '2024-01-05 10:00,3000,USD,0.1,BTC,,,,,,,', `2024-01-06 10:00,3000,USD,0.1,${asset},,,,,,,`].join('\n');
    const r = importFile('w.csv', text, { importers });
    expect(r.accounting).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['ROW_NAME_INVISIBLE', 3]]);
    expect(hasInvisible(r.diagnostics[0]?.message ?? '')).toBe(false);
    expect(r.events.map((e) => (e.kind === 'trade' ? e.received.asset : ''))).toEqual(['BTC']);
  });
});

describe('stderr', () => {
  it('escapes control characters in an option value, so it can neither drive the terminal nor forge a line', async () => {
    const r = await main(['report', 'x.csv', '--timezone', '\u001b[31mRED\nx.csv:1: error FAKE: y']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(/\u001b/);
    expect(r.stderr).toContain('\\x1b[31mRED\\x0ax.csv:1: error FAKE: y');
    expect(r.stderr.split('\n').some((l) => l.startsWith('x.csv:1'))).toBe(false);
  });

  it('escapes a path with invisible characters in the "not found" message', async () => {
    const r = await main(['report', '/nonexistent/\u200b\u001b]0;t\u0007.csv']);
    expect(r.stderr).toContain('\\u{200b}\\x1b]0;t\\x07.csv');
  });

  it('keeps line breaks but escapes what is inside each printed line', () => {
    expect(visibleLines('a\u200b\nb\u0007')).toBe('a\\u{200b}\nb\\x07');
  });
});
