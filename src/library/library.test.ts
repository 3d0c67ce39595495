import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeReport, renderOutputs, reportOptions, REPORT_DEFAULTS } from '../index.js';

const sample = ['coinbase.csv', 'kraken.csv', 'ledger-nano.csv'].map((name) => ({
  file: name,
  text: readFileSync(new URL(`../../fixtures/sample/${name}`, import.meta.url), 'utf8'),
}));
// a fixed clock: the sample's rows are all before it
const now = Date.parse('2026-12-01T00:00:00Z');

describe('library entry point', () => {
  it('computes the sample with no options at all, as `taxlot report` does', () => {
    const data = computeReport(sample, { now });
    const summary = JSON.parse(String(renderOutputs(data).get('summary.json')));
    // fixtures/sample/README.md works these out by hand: short 6,170 − 4,824 = 1,346;
    // long 25,827.19 − 10,556.33 = 15,270.86; net 16,616.86
    expect(summary.taxYear).toBe(2025);
    expect(summary.method).toBe('FIFO');
    expect(summary.capitalGains.shortTerm.gain).toBe('1346.00');
    expect(summary.capitalGains.longTerm.gain).toBe('15270.86');
    expect(summary.capitalGains.net).toBe('16616.86');
  });

  it('accepts the method in any case and carryovers as strings', () => {
    const opts = reportOptions({ method: 'hifo', carryoverShort: '2000', now });
    expect(opts.method).toBe('HIFO');
    expect(opts.carryoverShort.toString()).toBe('2000');
    expect(opts.timezone).toBe(REPORT_DEFAULTS.timezone);
    expect(reportOptions({ method: 'Lifo' }).method).toBe('LIFO');
  });

  it('names a wrong option instead of failing deep inside', () => {
    expect(() => reportOptions({ method: 'average' })).toThrow(/method must be one of FIFO, LIFO, HIFO/);
    expect(() => reportOptions({ carryoverLong: '-5' })).toThrow(/carryoverLong must be a positive amount/);
    expect(() => reportOptions({ carryoverLong: 'abc' })).toThrow(/carryoverLong must be a decimal string/);
    expect(() => reportOptions({ timezone: 'Mars/Olympus' })).toThrow(/timezone must be an IANA zone/);
    expect(() => reportOptions({ currency: 'BTC' })).toThrow(/currency must be a fiat code/);
  });
});
