/**
 * The engine's diagnostics about valid rows are bounded per file as the importers' are
 * (diagnostics/bounded-diagnostics.ts): 20 of one code and message shape listed, the rest one
 * summary that counts them, and every total (warnings, the answer's counts by code, the lots
 * given par basis) still counts each one.
 */
import { describe, expect, it } from 'vitest';
import { countBySeverity, countOfCode } from '../src/diagnostics/diagnostic.js';
import { countByCode } from '../src/cli/answer.js';
import { runKoinly } from './support/report-scenario.js';

/** `n` deposits of 0.01 `asset` with no source, one a day from 2024-01-01, then one sale so the year has a disposal. */
function deposits(n: number, asset: string): string {
  const rows = Array.from({ length: n }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')} 10:00,,,1,${asset},,,,,,,`);
  return rows.join('\n');
}

describe('engine diagnostics, bounded per file', () => {
  it('25 unmatched deposits in one file: 20 listed, one summary for 5 more; 3 in another file: all 3 listed', () => {
    const data = runKoinly({ 'a.csv': deposits(25, 'BTC'), 'b.csv': deposits(3, 'BTC') }, { year: 2024 });
    const unmatched = data.gains.diagnostics.filter((d) => d.code === 'DEPOSIT_UNMATCHED');
    const inA = unmatched.filter((d) => d.file === 'a.csv');
    expect(inA).toHaveLength(21);
    const summary = inA.find((d) => d.count !== undefined);
    expect(summary?.count).toBe(5);
    expect(summary?.message).toMatch(/^and 5 more like the 20 above \(lines 22 to 26\)/);
    expect(unmatched.filter((d) => d.file === 'b.csv')).toHaveLength(3);
    // the totals count every deposit: 25 + 3
    expect(countOfCode(data.gains.diagnostics, 'DEPOSIT_UNMATCHED')).toBe(28);
    expect(countByCode(data.diagnostics, 'warning')).toContainEqual(['DEPOSIT_UNMATCHED', 28]);
    expect((data.summary['diagnostics'] as { warnings: number }).warnings).toBe(countBySeverity(data.diagnostics).warnings);
    expect(countBySeverity(data.diagnostics).warnings).toBeGreaterThanOrEqual(28);
  });

  it('--stablecoin-basis par: 25 lots at par in one file are 20 notes and a summary, counted as 25', () => {
    const data = runKoinly({ 'a.csv': deposits(25, 'USDC') }, { year: 2024, 'stablecoin-basis': 'par' });
    const notes = data.gains.diagnostics.filter((d) => d.code === 'STABLECOIN_PAR_BASIS');
    expect(notes).toHaveLength(21);
    expect(countOfCode(data.gains.diagnostics, 'STABLECOIN_PAR_BASIS')).toBe(25);
    expect(data.yearEndLots.filter((l) => l.origin === 'stablecoin-par')).toHaveLength(25);
  });
});
