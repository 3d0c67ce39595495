/**
 * `report --compare-methods` and `--method` schedules end to end. The comparison must equal three
 * separate `report --method X` runs (two code paths compared), and one scenario's three methods
 * are checked by hand; a schedule states each sale's method and leaves other runs unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { FIXTURES } from './support/run-report.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'taxlot-methods-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Json = Record<string, any>;

async function report(inputs: string[], ...extra: string[]): Promise<{ out: string; summary: Json }> {
  const out = join(tmp(), 'out');
  const r = await main(['report', ...inputs, '--out', out, '--no-pdf', ...extra]);
  expect(r.exitCode, r.stderr).toBeLessThan(2);
  return { out, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Json };
}

const gainsOf = (s: Json) => ({ shortTerm: s['capitalGains']['shortTerm']['gain'], longTerm: s['capitalGains']['longTerm']['gain'], net: s['capitalGains']['net'] });

describe('report --compare-methods', () => {
  const scenarios: [string, string[], string[]][] = [
    ['methods-2024', [join(FIXTURES, 'scenarios', 'methods-2024')], []],
    ['harvest-2025 (two wallets, income, per-wallet lots)', [join(FIXTURES, 'scenarios', 'harvest-2025', 'history.csv')], ['--year', '2025']],
    ['per-wallet-2025', [join(FIXTURES, 'scenarios', 'per-wallet-2025')], []],
  ];
  it.each(scenarios)('%s: each method equals report --method X alone', async (_name, inputs, extra) => {
    const compared = (await report(inputs, '--compare-methods', ...extra)).summary['methods'] as Json;
    for (const method of ['FIFO', 'LIFO', 'HIFO']) {
      const alone = (await report(inputs, '--method', method.toLowerCase(), ...extra)).summary;
      expect(compared[method], method).toEqual(gainsOf(alone));
    }
  });

  it('methods-2024 by hand, with methods.csv', async () => {
    // Lots A 1 BTC 20,500 (with fee; 2023-01-10), B 1 BTC 20,400 (2023-06-15), C 1 BTC 30,000
    // (2023-11-01); 1.5 BTC sold 2024-06-15 for 90,000 (60,000 per BTC).
    // FIFO: A long 60,000 − 20,500 = 39,500; half B short (exactly one year: short) 30,000 − 10,200 = 19,800
    // LIFO: C short 30,000; half B short 19,800 → 49,800 short
    // HIFO: C short 30,000; half A (20,500 > 20,400) long 30,000 − 10,250 = 19,750
    const { out, summary } = await report([join(FIXTURES, 'scenarios', 'methods-2024')], '--compare-methods');
    expect(summary['methods']).toEqual({
      FIFO: { shortTerm: '19800.00', longTerm: '39500.00', net: '59300.00' },
      LIFO: { shortTerm: '49800.00', longTerm: '0.00', net: '49800.00' },
      HIFO: { shortTerm: '30000.00', longTerm: '19750.00', net: '49750.00' },
    });
    expect(readFileSync(join(out, 'methods.csv'), 'utf8')).toBe(
      'method,short_term,long_term,net,deductible,carryforward_short_term,carryforward_long_term\n' +
        'FIFO,19800.00,39500.00,59300.00,0.00,0.00,0.00\nLIFO,49800.00,0.00,49800.00,0.00,0.00,0.00\nHIFO,30000.00,19750.00,49750.00,0.00,0.00,0.00\n',
    );
  });

  it('without the flag, summary.json has no methods block and no methods.csv is written', async () => {
    const { out, summary } = await report([join(FIXTURES, 'scenarios', 'methods-2024')]);
    expect(summary['methods']).toBeUndefined();
    expect(() => readFileSync(join(out, 'methods.csv'))).toThrow();
  });
});

describe('--method schedule', () => {
  // L1 10,000 (Jan 2023), L2 20,000 (Feb), L3 30,000 (Mar); one BTC sold at 40,000 in 2024 and in 2025.
  const input = (): string => {
    const file = join(tmp(), 'wallet.csv');
    writeFileSync(file, [
      'time,type,wallet,sent_amount,sent_asset,sent_value,received_amount,received_asset,received_value,fee_amount,fee_asset,fee_value,value_currency,counterpart,tx_hash,note',
      '2023-01-01T12:00:00Z,buy,w,10000,USD,,1,BTC,,,,,,,,',
      '2023-02-01T12:00:00Z,buy,w,20000,USD,,1,BTC,,,,,,,,',
      '2023-03-01T12:00:00Z,buy,w,30000,USD,,1,BTC,,,,,,,,',
      '2024-06-01T12:00:00Z,sell,w,1,BTC,,40000,USD,,,,,,,,',
      '2025-06-01T12:00:00Z,sell,w,1,BTC,,40000,USD,,,,,,,,',
    ].join('\n'));
    return file;
  };

  it('FIFO in 2024, HIFO from 2025: each year under its method, the method named per sale', async () => {
    const file = input();
    const y2024 = await report([file], '--method', 'fifo,hifo:2025-01-01', '--year', '2024');
    // FIFO: the January lot: 40,000 − 10,000
    expect(y2024.summary['method']).toBe('FIFO');
    expect(y2024.summary['methodSchedule']).toBe('FIFO,HIFO:2025-01-01');
    expect(y2024.summary['capitalGains']['net']).toBe('30000.00');
    const y2025 = await report([file], '--method', 'fifo:2024,hifo:2025', '--year', '2025');
    // HIFO among February (20,000) and March (30,000): 40,000 − 30,000
    expect(y2025.summary['method']).toBe('HIFO');
    expect(y2025.summary['capitalGains']['net']).toBe('10000.00');
    const csv = readFileSync(join(y2025.out, 'form8949.csv'), 'utf8').trim().split('\n');
    expect(csv[0]?.endsWith(',source,form_1099da,method')).toBe(true);
    expect(csv[1]?.endsWith(',HIFO')).toBe(true);
  });

  it('a change inside the tax year is shown as that year\'s part of the schedule', async () => {
    const { summary } = await report([input()], '--method', 'fifo,lifo:2025-03-01', '--year', '2025');
    expect(summary['method']).toBe('FIFO,LIFO:2025-03-01');
    // LIFO on 2025-06-01 after FIFO took January in 2024: the March lot, 40,000 − 30,000
    expect(summary['capitalGains']['net']).toBe('10000.00');
  });

  it('one method keeps form8949.csv without the method column', async () => {
    const { out, summary } = await report([input()], '--method', 'hifo', '--year', '2025');
    expect(summary['methodSchedule']).toBeUndefined();
    expect(readFileSync(join(out, 'form8949.csv'), 'utf8').split('\n')[0]?.endsWith(',source,form_1099da')).toBe(true);
  });

  it('refuses a schedule it cannot read', async () => {
    const r = await main(['report', input(), '--method', 'fifo,hifo', '--out', join(tmp(), 'x')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('needs the date');
  });
});
