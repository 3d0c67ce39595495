import { describe, expect, it } from 'vitest';
import { renderIndexCsv } from './index-csv.js';
import { indexRow, type ClientOutcome } from './index-row.js';
import { indexTotals, needsAttentionFirst } from './index-order.js';
import { topProblem } from './top-problem.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { Summary } from '../../model/summary.js';

// only the fields the index reads
const summary = (net: string, atRisk: string, currency = 'USD') => ({
  taxYear: 2024, jurisdiction: 'US', currency,
  capitalGains: { shortTerm: { gain: net }, longTerm: { gain: '0.00' }, net },
  income: { total: '1.10' }, missingBasis: { proceeds: atRisk }, capitalLoss: { deductible: '0.00' },
}) as unknown as Summary;
const outcome = (status: ClientOutcome['status'], net: string, atRisk: string, warnings = 0, errors = 0): ClientOutcome =>
  status === 'failed'
    ? { status, reason: 'no CSV files', errors: 0, warnings: 0, written: [] }
    : { status, reason: '', errors, warnings, summary: summary(net, atRisk), written: ['summary.json'] };
const row = (name: string, o: ClientOutcome) => indexRow(name, name, o, []);

describe('needsAttentionFirst', () => {
  const rows = [
    row('a-ok', outcome('ok', '10.00', '0.00')),
    row('b-warn', outcome('warnings', '10.00', '0.00', 3)),
    row('c-risk-small', outcome('warnings', '10.00', '5.00', 1)),
    row('d-failed', outcome('failed', '', '')),
    row('e-errors', outcome('errors', '10.00', '0.00', 0, 2)),
    row('f-risk-big', outcome('ok', '10.00', '900.00')),
    row('g-errors-risk', outcome('errors', '10.00', '50.00', 0, 1)),
  ];

  it('puts failed, then errors (larger risk first), then amount at risk (largest first), then warnings, then ok', () => {
    expect(needsAttentionFirst(rows).map((r) => r.client)).toEqual(['d-failed', 'g-errors-risk', 'e-errors', 'f-risk-big', 'c-risk-small', 'b-warn', 'a-ok']);
  });

  it('does not depend on the order given, and renderIndexCsv writes that order', () => {
    expect(needsAttentionFirst([...rows].reverse()).map((r) => r.client)).toEqual(needsAttentionFirst(rows).map((r) => r.client));
    const clients = renderIndexCsv(rows).trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(clients).toEqual(['d-failed', 'g-errors-risk', 'e-errors', 'f-risk-big', 'c-risk-small', 'b-warn', 'a-ok']);
  });
});

describe('indexTotals', () => {
  it('sums exactly per currency and leaves out clients without a report', () => {
    const rows = [
      row('a', outcome('ok', '0.10', '0.00')),
      row('b', outcome('ok', '0.20', '1.05')),
      row('c', outcome('failed', '', '')),
      indexRow('d', 'd', { status: 'warnings', reason: '', errors: 0, warnings: 2, summary: summary('-7.00', '0.00', 'EUR'), written: ['summary.json'] }, []),
    ];
    // 0.10 + 0.20 is 0.30 exactly (not 0.30000000000000004); income 1.10 twice = 2.20
    expect(indexTotals(rows)).toEqual([
      { currency: 'EUR', clients: 1, net: '-7.00', shortTerm: '-7.00', longTerm: '0.00', income: '1.10', missingBasisAtRisk: '0.00', deductibleLoss: '0.00', errors: 0, warnings: 2 },
      { currency: 'USD', clients: 2, net: '0.30', shortTerm: '0.30', longTerm: '0.00', income: '2.20', missingBasisAtRisk: '1.05', deductibleLoss: '0.00', errors: 0, warnings: 0 },
    ]);
  });
});

describe('topProblem', () => {
  const ref = (line: number) => ({ file: 'alice/x.csv', line, format: 'koinly-universal' });
  it('tells the most frequent error in words, with where, how many more, and the hint', () => {
    const list = [
      diagnostic('MISSING_BASIS', 'no basis for 1 BTC', ref(9)),
      diagnostic('ROW_BAD_DATE', 'cannot read "31/31/2024" as a date', ref(3)),
      diagnostic('ROW_BAD_DATE', 'cannot read "x" as a date', ref(4)),
      diagnostic('ROW_BAD_NUMBER', 'cannot read "1,2.3" as a number', ref(5)),
    ];
    expect(topProblem(list)).toBe('ROW_BAD_DATE: cannot read "31/31/2024" as a date (alice/x.csv:3) and 1 more like it — the cell must be a date such as 2024-03-01 12:00:00 (UTC)');
  });

  it('falls back to warnings, and is empty without either', () => {
    expect(topProblem([diagnostic('MISSING_BASIS', 'no basis', ref(9), 'find the purchase')])).toBe('MISSING_BASIS: no basis (alice/x.csv:9) — find the purchase');
    expect(topProblem([])).toBe('');
  });
});
