/**
 * The jurisdiction objects: what each says about tax years, holding periods and defaults, worked
 * from the rules themselves (IRS: the holding period starts the day after acquisition; HMRC: the
 * tax year runs from 6 April to 5 April).
 */
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../model/decimal.js';
import { JURISDICTIONS, jurisdictionFor } from './index.js';
import { US, US_BOOKING } from './us/us-jurisdiction.js';
import { UK } from './uk/uk-jurisdiction.js';

describe('jurisdictionFor', () => {
  it('gives the US by default and for an id no entry knows, the UK for uk', () => {
    expect(jurisdictionFor(undefined)).toBe(US);
    expect(jurisdictionFor('uk')).toBe(UK);
    expect(jurisdictionFor('ca' as never)).toBe(US);
    expect(jurisdictionFor('toString' as never)).toBe(US);
    expect(Object.keys(JURISDICTIONS).sort()).toEqual(['uk', 'us']);
  });
});

describe('US', () => {
  it('tax years are calendar years', () => {
    expect(US.taxYearOf('2025-01-01')).toBe(2025);
    expect(US.taxYearOf('2024-12-31')).toBe(2024);
    expect(US.taxYearRange(2025)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(US.taxYearLabel(2025)).toBe('2025');
  });

  it('long-term only when sold after the anniversary of the acquisition (IRC 1222, Pub. 550)', () => {
    // bought 2024-03-01: the holding period starts 2024-03-02, one year ends 2025-03-01
    expect(US_BOOKING.classify('2024-03-01', '2025-03-01')).toBe('short');
    expect(US_BOOKING.classify('2024-03-01', '2025-03-02')).toBe('long');
    // 29 February: its anniversary is 28 February of the next year
    expect(US_BOOKING.classify('2024-02-29', '2025-02-28')).toBe('short');
    expect(US_BOOKING.classify('2024-02-29', '2025-03-01')).toBe('long');
    expect(US_BOOKING.uncoveredTerm).toBe('short');
    expect(US.identification).toBe('specific-lots');
    expect(US.defaults).toEqual({ currency: 'USD', timezone: 'UTC' });
  });

  it('limits a net loss to 3,000 and carries the rest (IRC 1211(b), 1212(b))', () => {
    // short-term loss 5,000, long-term gain 1,000: net loss 4,000, 3,000 deducted, 1,000 short-term carried
    const r = US.limitLosses?.({ shortTermGain: new Dec('-5000'), longTermGain: new Dec('1000'), carryoverShort: ZERO, carryoverLong: ZERO, filingStatus: 'single' });
    expect(r?.deductible.toFixed()).toBe('3000');
    expect(r?.carryforwardShortTerm.toFixed()).toBe('1000');
    expect(r?.carryforwardLongTerm.toFixed()).toBe('0');
  });
});

describe('UK', () => {
  it('tax years run from 6 April to 5 April and are named by the year they end in', () => {
    expect(UK.taxYearOf('2025-04-05')).toBe(2025);
    expect(UK.taxYearOf('2025-04-06')).toBe(2026);
    expect(UK.taxYearRange(2025)).toEqual({ start: '2024-04-06', end: '2025-04-05' });
    expect(UK.taxYearLabel(2025)).toBe('2024-25');
    expect(UK.identification).toBe('share-pooling');
    expect(UK.booking).toBeUndefined();
    expect(UK.limitLosses).toBeUndefined();
    expect(UK.defaults).toEqual({ currency: 'GBP', timezone: 'Europe/London' });
  });
});
