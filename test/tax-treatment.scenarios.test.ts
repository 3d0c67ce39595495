/**
 * Issue #16 items 3 and 5 through the whole pipeline (fixtures/scenarios/tax-treatment-2024, whose
 * README works every number by hand): hard-fork coins as airdrop income, and the gifts, donations
 * and lost coins schedule (CSV rows and the PDF's notes).
 */
import { describe, expect, it } from 'vitest';
import type { PdfContext } from '../src/report/pdf/pdf-context.js';
import { TAX_TREATMENT_SOURCES } from '../src/report/pdf/tax-treatment-sources.js';
import { renderOutputs } from '../src/report/render-outputs.js';
import { loadTemplates } from '../src/report/templates.js';
import { runFixture } from './support/run-report.js';

const data = runFixture('scenarios/tax-treatment-2024');
const s = data.summary as Record<string, Record<string, unknown>>;

describe('tax-treatment-2024', () => {
  it('the fork is airdrop income of 600 and the basis of the BCH sold for 800 (gain 200)', () => {
    expect(s['income']).toEqual({
      total: '600.00',
      byKind: { staking: '0.00', airdrop: '600.00', mining: '0.00', interest: '0.00', reward: '0.00', other: '0.00' },
    });
    // 0.1 BTC (7,000 − 4,000) + 2 BCH (800 − 600): proceeds 7,800, basis 4,600, gain 3,200
    expect((s['capitalGains'] as Record<string, unknown>)['shortTerm']).toEqual({ proceeds: '7800.00', costBasis: '4600.00', adjustment: '0.00', gain: '3200.00', disposals: 2 });
    expect(s['missingBasis']).toEqual({ disposals: 0, proceeds: '0.00' });
  });

  it('gifts-donations-losses.csv: one row per lot, with basis, value, acquisition date and holding period', () => {
    const csv = renderOutputs(data, { pdf: false }).get('gifts-donations-losses.csv') as string;
    const rows = csv.trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual([
      'date', 'kind', 'wallet', 'asset', 'quantity', 'date_acquired', 'holding_period', 'cost_basis', 'basis_status',
      'market_value', 'value_source', 'lot_id', 'lot_source', 'source',
    ]);
    const pick = (r: string[]) => [r[0], r[1], r[4], r[5], r[6], r[7], r[8], r[9]];
    expect(rows.slice(1).map(pick)).toEqual([
      ['2024-05-01', 'gift', '0.5', '2023-01-10', 'long', '5000.00', 'known', '30000.00'],
      ['2024-07-01', 'donation', '0.5', '2023-01-10', 'long', '5000.00', 'known', '30000.00'],
      ['2024-07-01', 'donation', '0.1', '2024-03-01', 'short', '4000.00', 'known', '6000.00'],
      ['2024-09-01', 'lost', '0.2', '2024-03-01', 'short', '8000.00', 'known', '12000.00'],
    ]);
  });

  it('the PDF schedule totals 22,000 of basis and 78,000 of value, with the Form 709 and Form 8283 flags', () => {
    const pdf = renderOutputs(data, {}).get('report.pdf') as Uint8Array;
    expect(pdf.byteLength).toBeGreaterThan(1000);
    // the notes are chosen by the source: gifts 30,000 > 18,000 (2024 exclusion); BTC donated 36,000 > 5,000
    const schedule = removalsSchedule(data);
    expect(schedule?.total).toEqual({ basis: '22,000.00', value: '78,000.00' });
    const notes = schedule?.notes ?? [];
    expect(notes.some((n) => n.includes('more than 18,000 USD'))).toBe(true);
    expect(notes.some((n) => n.startsWith('BTC: donations worth 36,000.00 USD in 2024'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Lost or stolen coins (basis 8,000.00 USD)'))).toBe(true);
  });

  it('no gifts file when the year has none', () => {
    const other = runFixture('scenarios/methods-2024');
    expect(renderOutputs(other, { pdf: false }).has('gifts-donations-losses.csv')).toBe(false);
  });
});

/** The PDF schedule's rows, totals and notes as its source gives them to the renderer. */
function removalsSchedule(d: typeof data) {
  const t = loadTemplates('us').report;
  const ctx = { data: d, t } as unknown as PdfContext;
  return TAX_TREATMENT_SOURCES['removals']?.(ctx, t.schedules['removals'] as never);
}

describe('allocation-2025 (issue #16 item 6; the fixture README works the numbers)', () => {
  const alloc = runFixture('scenarios/allocation-2025', { year: 2025 });

  it('cold storage sells lot B, which the 2025-01-01 allocation moved to it: gain 60,000 − 30,000', () => {
    const cg = (alloc.summary as Record<string, Record<string, unknown>>)['capitalGains'] as Record<string, unknown>;
    expect(cg['shortTerm']).toEqual({ proceeds: '60000.00', costBasis: '30000.00', adjustment: '0.00', gain: '30000.00', disposals: 1 });
  });

  it('lot-allocation-2025.csv lists the lot, the wallet it went to and the wallet it came from', () => {
    const csv = renderOutputs(alloc, { pdf: false }).get('lot-allocation-2025.csv') as string;
    const rows = csv.trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['allocated_on', 'asset', 'wallet', 'lot_id', 'quantity', 'cost_basis', 'date_acquired', 'basis_known', 'origin', 'moved_from', 'source']);
    expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual([['2025-01-01', 'BTC', 'cold', 'L2', '1', '30000.00', '2024-05-01', 'yes', 'purchase', 'exchange']]);
  });

  it('the PDF page states the rule, the move and the records the taxpayer must keep', () => {
    const t = loadTemplates('us').report;
    const ctx = { data: alloc, t } as unknown as PdfContext;
    const page = TAX_TREATMENT_SOURCES['lotAllocation']?.(ctx, t.schedules['lotAllocation'] as never);
    expect(page?.rows).toEqual([{ asset: 'BTC', wallet: 'cold', quantity: '1', basis: '30,000.00', acquired: '05/01/2024', basisKnown: 'yes', from: 'exchange', lotId: 'L2' }]);
    const notes = page?.notes ?? [];
    expect(notes[0]).toContain('Rev. Proc. 2024-28 §5.02(2)(b)');
    expect(notes[1]).toMatch(/^1 lot\(s\) or part-lots were moved/);
    expect(notes[2]).toContain('books and records');
  });

  it('a 2024 report has no allocation file (the switch is later)', () => {
    const y2024 = runFixture('scenarios/allocation-2025', { year: 2024 });
    expect(renderOutputs(y2024, { pdf: false }).has('lot-allocation-2025.csv')).toBe(false);
  });
});

describe('preparer-notes-2024 (issue #16 items 12 and 15; the fixture README works the numbers)', () => {
  const notesOf = (d: ReturnType<typeof runFixture>) => {
    const t = loadTemplates('us').report;
    return TAX_TREATMENT_SOURCES['preparerNotes']?.({ data: d, t } as unknown as PdfContext, t.schedules['preparerNotes'] as never);
  };

  it('FIFO: the overdraft\'s 0.5 BTC stay unknown; 0.01 of them are sold with zero basis', () => {
    const d = runFixture('scenarios/preparer-notes-2024');
    const s = d.summary as Record<string, Record<string, unknown>>;
    expect(s['capitalGains']?.['shortTerm']).toEqual({ proceeds: '60600.00', costBasis: '20000.00', adjustment: '0.00', gain: '40600.00', disposals: 2 });
    expect(s['missingBasis']).toEqual({ disposals: 1, proceeds: '600.00' });
    // 0.5 unknown − 0.01 sold = 0.49 BTC of unknown basis left, beside lot M (0.1 BTC, 5,000)
    expect(d.yearEnd.holdings.map((h) => [h.asset, h.quantity.toFixed(), h.unknownBasisQuantity.toFixed()])).toEqual([['BTC', '0.59', '0.49']]);
    const page = notesOf(d);
    expect(page?.rows).toEqual([{ date: '02/01/2024', asset: 'BTC', quantity: '0.5', from: 'hot', held: '1', to: 'cold', source: expect.stringMatching(/hot\.csv:3$/) }]);
    expect(page?.notes?.[0]).toContain('created 0.5 BTC that the inputs never show being acquired');
    // FIFO needs no standing order; the 600 margin fee paid in BTC is investment interest
    expect(page?.notes?.some((n) => n.startsWith('Lot selection'))).toBe(false);
    expect(page?.notes?.some((n) => n.includes('600.00 USD of margin fees paid in crypto') && n.includes('Form 4952'))).toBe(true);
  });

  it('LIFO and HIFO: the standing-order note; --income-as-business mining: the Schedule C note', () => {
    for (const method of ['lifo', 'hifo'] as const) {
      const d = runFixture('scenarios/preparer-notes-2024', { method, 'income-as-business': 'mining' });
      const notes = notesOf(d)?.notes ?? [];
      expect(notes.some((n) => n.startsWith(`Lot selection ${method.toUpperCase()}`) && n.includes('§1.1012-1(j)'))).toBe(true);
      // mining 5,000 for Schedule C; nothing else is income, so Schedule 1 line 8v is 0
      expect(notes.some((n) => n.includes('Mining income, 5,000.00 USD') && n.includes('line 8v is then 0.00 USD'))).toBe(true);
      // summary.json income is unchanged by the option (contract)
      expect((d.summary as Record<string, Record<string, unknown>>)['income']?.['total']).toBe('5000.00');
    }
  });

  it('a method schedule with HIFO from mid-year needs the standing-order note too', () => {
    const d = runFixture('scenarios/preparer-notes-2024', { method: 'fifo,hifo:2024-05-01' });
    expect((notesOf(d)?.notes ?? []).some((n) => n.startsWith('Lot selection HIFO'))).toBe(true);
  });

  it('--income-as-business without kinds means mining and staking; an unknown kind is a usage error', async () => {
    const { toReportOptions } = await import('../src/cli/options.js');
    const { defaultArgs } = await import('./support/run-report.js');
    expect(toReportOptions(defaultArgs({ 'income-as-business': '' })).options.incomeAsBusiness).toEqual(['staking', 'mining']);
    expect(() => toReportOptions(defaultArgs({ 'income-as-business': 'salary' }))).toThrow(/unknown income kind "salary"/);
  });
});

describe('Form 8949 column (a) carries the sale\'s transaction id (issue #16 item 15)', () => {
  it('"2 BCH (tx 0xbc01)" where the export has one, "0.1 BTC" where it has none — in every output', () => {
    const files = renderOutputs(data, { pdf: false });
    const lines = (files.get('form8949.csv') as string).trim().split('\n').slice(1).map((l) => l.split(',')[2]);
    expect(lines).toEqual(['0.1 BTC', '2 BCH (tx 0xbc01)']);
    expect((files.get('taxact-capital-gains.csv') as string).split('\n')[2]).toMatch(/^2 BCH \(tx 0xbc01\),08\/01\/2024,11\/01\/2024,800\.00,600\.00,/);
  });
});
