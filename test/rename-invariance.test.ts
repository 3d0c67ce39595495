/**
 * Issue #16 item 13: renaming an export must not change a gain. Same-instant events are ordered by
 * what the rows say (src/engine/content-order.ts), never by the file names the user chose.
 * The generic format names its wallet in a column, so renaming these files changes nothing but
 * the names; under the old order (file name first) each pair of runs below disagreed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectInputs, readInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { defaultArgs } from './support/run-report.js';

const HEADER = 'time,type,wallet,sent_amount,sent_asset,received_amount,received_asset,fee_amount,fee_asset';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(files: Record<string, string[]>, method = 'fifo') {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-rename-'));
  dirs.push(dir);
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, name), `${[HEADER, ...rows].join('\n')}\n`);
  const { options } = toReportOptions(defaultArgs({ method } as never));
  return computeReport(readInputs(collectInputs([dir])), options).summary as Record<string, Record<string, Record<string, unknown>>>;
}

describe('same-instant lots from two files', () => {
  // Two purchases at the same second, one per file, same wallet "w"; 1 BTC sold later for 40,000.
  const cheap = ['2024-01-01T00:00:00Z,buy,w,10000,USD,1,BTC,,'];
  const dear = ['2024-01-01T00:00:00Z,buy,w,30000,USD,1,BTC,,'];
  const sale = ['2024-06-01T00:00:00Z,sell,w,1,BTC,40000,USD,,'];
  it.each([
    // FIFO among equal acquisition times falls to content: "sent 10000 USD" sorts before
    // "sent 30000 USD", so the 10,000 lot goes first: gain 40,000 − 10,000 = 30,000.
    ['fifo', '30000.00'],
    // LIFO takes the later of equal lots in the same order, reversed: the 30,000 lot,
    // gain 40,000 − 30,000 = 10,000.
    ['lifo', '10000.00'],
  ])('%s: identical gains whichever file holds which purchase', (method, gain) => {
    const a = run({ 'a.csv': cheap, 'b.csv': dear, 'sale.csv': sale }, method);
    const b = run({ 'a.csv': dear, 'b.csv': cheap, 'sale.csv': sale }, method);
    const c = run({ 'zz-renamed.csv': cheap, '00-first.csv': dear, 'sale.csv': sale }, method);
    expect(a['capitalGains']?.['shortTerm']?.['gain']).toBe(gain);
    expect(b['capitalGains']).toEqual(a['capitalGains']);
    expect(c['capitalGains']).toEqual(a['capitalGains']);
  });

  it('a purchase and a sale in the same second: the purchase is booked first, whatever the names', () => {
    // 1 BTC bought for 20,000 and sold for 21,000 in the same second, each in its own file.
    // Purchase first: basis 20,000, gain 1,000, no missing basis — for both namings.
    const buy = ['2024-03-01T10:00:00Z,buy,w,20000,USD,1,BTC,,'];
    const sell = ['2024-03-01T10:00:00Z,sell,w,1,BTC,21000,USD,,'];
    const namings: Record<string, string[]>[] = [{ 'a-sell.csv': sell, 'b-buy.csv': buy }, { 'a-buy.csv': buy, 'b-sell.csv': sell }];
    for (const files of namings) {
      const s = run(files);
      expect(s['capitalGains']?.['shortTerm']).toMatchObject({ proceeds: '21000.00', costBasis: '20000.00', gain: '1000.00' });
      expect(s['missingBasis']).toEqual({ disposals: 0, proceeds: '0.00' });
    }
  });
});
