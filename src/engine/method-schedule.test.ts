/**
 * A lot method that changes from a date forward: the text form, and the engine taking lots in
 * the order in force on each sale's date. Expected gains worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { gain, ledger, runLedger } from '../../test/support/ledger.js';
import { formatMethodSchedule, methodOn, methodsInYear, parseMethodSchedule, type MethodChange } from './method-schedule.js';

const parsed = (text: string): MethodChange[] => {
  const r = parseMethodSchedule(text);
  if ('error' in r) throw new Error(r.error);
  return r.schedule;
};

describe('parseMethodSchedule', () => {
  it('reads one method, a year, or a date', () => {
    expect(parsed('hifo')).toEqual([{ method: 'HIFO' }]);
    expect(parsed('fifo,hifo:2025')).toEqual([{ method: 'FIFO' }, { from: '2025-01-01', method: 'HIFO' }]);
    expect(parsed('fifo:2024, hifo:2025-01-01')).toEqual([{ from: '2024-01-01', method: 'FIFO' }, { from: '2025-01-01', method: 'HIFO' }]);
  });
  it.each([
    ['average', 'is not METHOD'],
    ['fifo,hifo', 'needs the date'],
    ['fifo,hifo:2025-02-30', 'not a calendar date'],
    ['fifo,hifo:2025,lifo:2024-06-01', 'must increase'],
    ['fifo,hifo:25', 'is not METHOD'],
  ])('refuses %s', (text, message) => {
    const r = parseMethodSchedule(text);
    expect('error' in r && r.error).toContain(message);
  });
  it('formats with full dates; the first entry covers every earlier date', () => {
    const s = parsed('fifo:2024,hifo:2025,lifo:2025-07-01');
    expect(formatMethodSchedule(s)).toBe('FIFO,HIFO:2025-01-01,LIFO:2025-07-01');
    expect(methodOn(s, '2019-05-05')).toBe('FIFO');
    expect(methodOn(s, '2024-12-31')).toBe('FIFO');
    expect(methodOn(s, '2025-01-01')).toBe('HIFO');
    expect(methodOn(s, '2025-06-30')).toBe('HIFO');
    expect(methodOn(s, '2025-07-01')).toBe('LIFO');
    expect(methodsInYear(s, 2024)).toEqual(['FIFO']);
    expect(methodsInYear(s, 2025)).toEqual(['HIFO', 'LIFO']);
    expect(methodsInYear(s, 2026)).toEqual(['LIFO']);
  });
});

describe('the engine under a schedule', () => {
  // L1 10,000 (Jan), L3 20,000 (Feb), L2 30,000 (Mar); one BTC sold at 40,000 in 2024, one in 2025.
  const events = ledger`
    2023-01-01 a buy 1 BTC for 10000 USD
    2023-02-01 a buy 1 BTC for 20000 USD
    2023-03-01 a buy 1 BTC for 30000 USD
    2024-06-01 a sell 1 BTC for 40000 USD
    2025-06-01 a sell 1 BTC for 40000 USD
  `;
  const gains = (policy: Parameters<typeof runLedger>[1]): [string, string] => {
    const r = runLedger(events, policy);
    const of = (year: string) => gain({ ...r, disposals: r.disposals.filter((d) => d.date.startsWith(year)) });
    return [of('2024'), of('2025')];
  };
  it('FIFO until 2024-12-31, HIFO from 2025-01-01', () => {
    // 2024 FIFO: the January lot, 40,000 − 10,000 = 30,000.
    // 2025 HIFO: of the February (20,000) and March (30,000) lots, March: 40,000 − 30,000 = 10,000.
    expect(gains({ method: 'FIFO', methodSchedule: parsed('fifo,hifo:2025') })).toEqual(['30000', '10000']);
  });
  it('differs from either method throughout', () => {
    // FIFO: January then February lots: 30,000 and 20,000
    expect(gains({ method: 'FIFO' })).toEqual(['30000', '20000']);
    // HIFO: March then February lots: 10,000 and 20,000
    expect(gains({ method: 'HIFO' })).toEqual(['10000', '20000']);
  });
  it('HIFO until 2024-12-31, FIFO from 2025: the remaining lots are re-sorted at the change', () => {
    // 2024 HIFO takes March (10,000); 2025 FIFO takes January: 40,000 − 10,000 = 30,000
    expect(gains({ method: 'HIFO', methodSchedule: parsed('hifo,fifo:2025') })).toEqual(['10000', '30000']);
  });
});
