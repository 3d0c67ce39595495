import { describe, expect, it } from 'vitest';
import { renderIndexCsv } from './index-csv.js';
import { CLIENTS_PER_PAGE, renderIndexPdf } from './index-pdf.js';
import { indexRow, type ClientOutcome } from './index-row.js';
import type { Summary } from '../../model/summary.js';

// A summary as the report writes it (values are strings, exact totals rounded once): the fields the index reads.
const SUMMARY = {
  taxYear: 2024,
  jurisdiction: 'US',
  currency: 'USD',
  capitalGains: { shortTerm: { gain: '-500.00' }, longTerm: { gain: '480.00' }, net: '-20.00' },
  income: { total: '50.25' },
  missingBasis: { disposals: 1, proceeds: '1200.00' },
  capitalLoss: { deductible: '20.00' },
} as unknown as Summary;
const ok: ClientOutcome = { status: 'ok', reason: '', errors: 0, warnings: 0, summary: SUMMARY, written: ['summary.json', 'diagnostics.txt'] };

describe('indexRow', () => {
  it('copies the summary amounts verbatim and points at the report', () => {
    expect(indexRow('Alice', 'Alice', ok, [])).toEqual({
      client: 'Alice', status: 'ok', taxYear: '2024', jurisdiction: 'US', currency: 'USD', net: '-20.00', shortTerm: '-500.00', longTerm: '480.00', income: '50.25',
      derivativesNet: '', missingBasisAtRisk: '1200.00', deductibleLoss: '20.00', errors: 0, warnings: 0,
      diagnostics: 0, diagnosticsFile: 'Alice/diagnostics.txt', report: 'Alice/', reason: '', topProblem: '', folder: 'Alice',
    });
  });

  it('turns an ok client with batch notes into warnings, and shows the derivatives net when the summary has it', () => {
    const withDerivatives = { ...ok, summary: { ...SUMMARY, derivatives: { net: '-75.10' } } as unknown as Summary };
    const row = indexRow('a', 'a', withDerivatives, ['not followed: a/x.csv']);
    expect([row.status, row.reason, row.derivativesNet]).toEqual(['warnings', 'not followed: a/x.csv', '-75.10']);
  });

  it('leaves amounts, counts and links empty for a failed client and shows odd folder names printably', () => {
    const row = indexRow('bad\u0007\u202Ename', 'bad__name', { status: 'failed', reason: 'no CSV files', errors: 0, warnings: 0, written: [] }, []);
    expect(row).toMatchObject({ status: 'failed', topProblem: 'no CSV files', taxYear: '', net: '', errors: undefined, report: '', diagnostics: undefined, diagnosticsFile: '', folder: 'bad\\u0007\\u202ename' });
  });
});

describe('renderIndexCsv', () => {
  it('writes amounts as numbers and defuses text that a spreadsheet would execute', () => {
    const rows = [indexRow('=cmd', '_cmd', { ...ok, reason: '=1+1, "quoted"' }, [])];
    expect(renderIndexCsv(rows)).toBe(
      'client,status,tax_year,jurisdiction,currency,net,short_term,long_term,income,derivatives_net,missing_basis_at_risk,deductible_loss,errors,warnings,diagnostics,diagnostics_file,report,top_problem,reason,folder\n' +
        `_cmd,ok,2024,US,USD,-20.00,-500.00,480.00,50.25,,1200.00,20.00,0,0,0,_cmd/diagnostics.txt,_cmd/,,"'=1+1, ""quoted""",'=cmd\n`,
    );
  });
});

describe('renderIndexPdf', () => {
  const rows = Array.from({ length: 2 * CLIENTS_PER_PAGE + 1 }, (_, i) => indexRow(`client-${i}`, `client-${i}`, ok, []));

  it('is deterministic: the same rows give the same bytes', async () => {
    const a = await renderIndexPdf(rows);
    const b = await renderIndexPdf(rows);
    expect(Buffer.from(a).subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('puts 40 clients on a page: 81 clients → 3 pages, no clients → 1 page', async () => {
    const pages = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\n/g)?.length;
    expect(pages(await renderIndexPdf(rows))).toBe(3);
    expect(pages(await renderIndexPdf([]))).toBe(1);
  });
});
