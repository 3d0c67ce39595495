/**
 * Keeping one year of a long history (BookingPolicy.keepDisposals, yearEndSnapshots), through the
 * engine. Every expected number is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { gain, ledger, runLedger, total } from '../../test/support/ledger.js';
import type { LotSnapshot } from '../model/lot.js';

describe('keeping only one year of disposals (long histories)', () => {
  // FIFO over two years: the 2023 sale takes lot 1 (basis 100, proceeds 150, gain 50); the 2024
  // sale then takes lot 2 (basis 200, proceeds 260, gain 60).
  const events = ledger`
    2023-01-01 a buy 1 ETH for 100 USD
    2023-02-01 a buy 1 ETH for 200 USD
    2023-06-01 a sell 1 ETH for 150 USD
    2024-03-01 a sell 1 ETH for 260 USD
  `;
  it('latest-year keeps the 2024 sale and still matched the 2023 sale first', () => {
    const r = runLedger(events, { keepDisposals: 'latest-year' });
    expect(r.disposals.map((d) => d.date)).toEqual(['2024-03-01']);
    expect(total(r, 'basis')).toBe('200');
    expect(gain(r)).toBe('60');
  });
  it('a given year keeps that year only', () => {
    const r = runLedger(events, { keepDisposals: 2023 });
    expect(r.disposals.map((d) => d.date)).toEqual(['2023-06-01']);
    expect(gain(r)).toBe('50');
  });

  describe('year-end lots go with the kept disposals', () => {
    // A 2022 buy, a 2023 sale, a 2024 buy: the lots open at the end of each year, by hand —
    // 2022: 2 BTC (basis 300); 2023: the 1 BTC left of it after FIFO took 1 (basis 150);
    // 2024: that 1 BTC and the 2024 one (basis 150 + 500).
    const years = ledger`
      2022-05-01 a buy 2 BTC for 300 USD
      2023-05-01 a sell 1 BTC for 400 USD
      2024-05-01 a buy 1 BTC for 500 USD
    `;
    const listed = (keepDisposals?: 'latest-year' | number) => {
      const r = runLedger(years, { yearEndSnapshots: true, ...(keepDisposals !== undefined ? { keepDisposals } : {}) });
      return [...(r.yearEndLots ?? new Map<number, readonly LotSnapshot[]>())].map(([year, lots]) => [year, lots.map((l) => `${l.quantity.toFixed()}@${l.basis.toFixed()}`).join(' ')]);
    };
    it('all disposals: every year from the first event to the last', () => {
      expect(listed()).toEqual([[2022, '2@300'], [2023, '1@150'], [2024, '1@150 1@500']]);
    });
    it('latest-year: from the latest disposal year on (2023), so the report year and the last year', () => {
      expect(listed('latest-year')).toEqual([[2023, '1@150'], [2024, '1@150 1@500']]);
    });
    it('a given year: that year and the later ones (the last tells that a year after it holds what was open)', () => {
      expect(listed(2024)).toEqual([[2024, '1@150 1@500']]);
      expect(listed(2023)).toEqual([[2023, '1@150'], [2024, '1@150 1@500']]);
      expect(listed(2021)).toEqual([[2022, '2@300'], [2023, '1@150'], [2024, '1@150 1@500']]);
    });
  });
});

describe('keeping a range of years (multi-year reports)', () => {
  // FIFO: 2021 buys 1 BTC @100 and 1 BTC @200; 2022 sells 1 for 150 (lot @100, gain 50);
  // 2023 sells 1 for 260 (lot @200, gain 60); 2024 buys 1 @500 and sells it for 450 (loss -50).
  const events = ledger`
    2021-01-01 a buy 1 BTC for 100 USD
    2021-02-01 a buy 1 BTC for 200 USD
    2022-06-01 a sell 1 BTC for 150 USD
    2023-03-01 a sell 1 BTC for 260 USD
    2024-04-01 a buy 1 BTC for 500 USD
    2024-05-01 a sell 1 BTC for 450 USD
  `;
  it('keeps the disposals of every year in the range and none outside it', () => {
    const r = runLedger(events, { keepDisposals: { from: 2022, to: 2023 } });
    expect(r.disposals.map((d) => d.date)).toEqual(['2022-06-01', '2023-03-01']);
    expect(gain(r)).toBe('110');
  });
  it('a range of one year is that year', () => {
    const one = runLedger(events, { keepDisposals: { from: 2024, to: 2024 } });
    expect(one.disposals.map((d) => d.date)).toEqual(['2024-05-01']);
    expect(gain(one)).toBe('-50');
  });
  it('lists year ends from the first year of the range on, as a single year would', () => {
    const r = runLedger(events, { yearEndSnapshots: true, keepDisposals: { from: 2022, to: 2023 } });
    const years = [...(r.yearEndLots ?? new Map<number, readonly LotSnapshot[]>())].map(([year, lots]) => [year, lots.map((l) => `${l.quantity.toFixed()}@${l.basis.toFixed()}`).join(' ')]);
    // end 2022: the @200 lot; end 2023: nothing open; end 2024: nothing open (the 2024 lot was sold)
    expect(years).toEqual([[2022, '1@200'], [2023, ''], [2024, '']]);
  });

  describe('income goes with the years a report can show', () => {
    // Income in 2023, 2024 (before that year's sale) and 2025 (after the last sale): a report of
    // the latest year with a disposal (2024) shows 2024's; 2025 is kept too (a later year is never
    // dropped while booking), 2023 is dropped once the 2024 sale shows it cannot be the tax year.
    const years = ledger`
      2023-01-01 a buy 2 ETH for 200 USD
      2023-02-01 a income staking 1 SOL worth 10 USD
      2023-06-01 a sell 1 ETH for 150 USD
      2024-02-01 a income staking 2 SOL worth 20 USD
      2024-03-01 a sell 1 ETH for 260 USD
      2025-02-01 a income staking 3 SOL worth 30 USD
    `;
    const incomeDates = (keepDisposals: 'all' | 'latest-year' | number | { from: number; to: number }) =>
      runLedger(years, { keepDisposals }).income.map((r) => `${r.date} ${r.quantity.toFixed()} ${r.value.toFixed()}`);
    it('latest-year: the latest disposal year and later', () => {
      expect(incomeDates('latest-year')).toEqual(['2024-02-01 2 20', '2025-02-01 3 30']);
    });
    it('a given year: that year only', () => {
      expect(incomeDates(2023)).toEqual(['2023-02-01 1 10']);
    });
    it('a range: the years of the range', () => {
      expect(incomeDates({ from: 2024, to: 2025 })).toEqual(['2024-02-01 2 20', '2025-02-01 3 30']);
    });
    it('all: every record', () => {
      expect(incomeDates('all')).toEqual(['2023-02-01 1 10', '2024-02-01 2 20', '2025-02-01 3 30']);
    });
    it('latest-year with no disposal at all: every record (the tax year is then the last event\'s)', () => {
      const r = runLedger(ledger`
        2023-02-01 a income staking 1 SOL worth 10 USD
        2024-02-01 a income staking 2 SOL worth 20 USD
      `, { keepDisposals: 'latest-year' });
      expect(r.income.map((i) => i.date)).toEqual(['2023-02-01', '2024-02-01']);
    });
  });
});
