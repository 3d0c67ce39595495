/**
 * `taxlot harvest` and `taxlot prices missing` show progress as `report` does (issue 21): on a
 * terminal one line per phase, erased before the answer; nothing with --quiet. Runs `main` with
 * a pretend terminal whose stderr records what is drawn.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Terminal } from '../src/cli/main.js';
import { FIXTURES } from './support/run-report.js';

function terminal(): { term: Terminal; drawn: string[] } {
  const drawn: string[] = [];
  const stderr = { isTTY: true, columns: 200, hasColors: () => false, write: (t: string) => drawn.push(t) };
  return { term: { stdout: { isTTY: false }, stderr, env: {} }, drawn };
}

/** The phase word of each progress line drawn ("reading", "booking", ...), in order, repeats merged. */
function phases(drawn: readonly string[]): string[] {
  const words = drawn.map((t) => /^\r\x1b\[Ktaxlot: (\w+)/.exec(t)?.[1]).filter((w): w is string => w !== undefined);
  return words.filter((w, i) => w !== words[i - 1]);
}

const HARVEST = join(FIXTURES, 'scenarios', 'harvest-2025');
const tmp = () => mkdtempSync(join(tmpdir(), 'taxlot-progress-'));

describe('progress of harvest and prices missing', () => {
  it('harvest: reading, pairing, valuing, booking, preparing and writing, then the line is erased', async () => {
    const { term, drawn } = terminal();
    const r = await main(['harvest', join(HARVEST, 'history.csv'), '--prices', join(HARVEST, 'prices.csv'), '--as-of', '2025-12-15', '--out', join(tmp(), 'h'), '--no-pdf'], term);
    expect(r.exitCode).toBe(0);
    // after booking, the rows the diagnostics name are read again for their text (as in `report`)
    expect(phases(drawn)).toEqual(['reading', 'pairing', 'valuing', 'booking', 'reading', 'preparing', 'writing']);
    expect(drawn.some((t) => t.includes('writing 1/') && t.includes('harvest.json'))).toBe(true);
    expect(drawn.at(-1)).toBe('\r\x1b[K'); // erased before the answer is printed
  });

  it('prices missing: reading, pairing, valuing and booking, then the line is erased', async () => {
    const { term, drawn } = terminal();
    const r = await main(['prices', 'missing', join(FIXTURES, 'sample'), '--year-end', '--out', join(tmp(), 'p.csv')], term);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('missing price');
    expect(phases(drawn)).toEqual(['reading', 'pairing', 'valuing', 'booking', 'reading']);
    expect(drawn.at(-1)).toBe('\r\x1b[K');
  });

  it('--quiet: nothing drawn', async () => {
    const { term, drawn } = terminal();
    await main(['prices', 'missing', join(FIXTURES, 'sample'), '--out', join(tmp(), 'p.csv'), '-q'], term);
    await main(['harvest', join(HARVEST, 'history.csv'), '--as-of', '2025-12-15', '--out', join(tmp(), 'h'), '--no-pdf', '-q'], term);
    expect(drawn).toEqual([]);
  });
});
