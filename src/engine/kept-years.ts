/**
 * What a run keeps of the years it books (`BookingPolicy.keepDisposals`, `yearEndSnapshots`): the
 * disposals and income of the kept years and the open lots at the end of each year a report can
 * ask for, the disposals and income in their stored form (`stored-records.ts`: amounts as text).
 * Every disposal is still matched against lots; a long history just holds the asked years' results
 * (one year for a single-year report; every year of the range for `--year 2019-2025`).
 * Events are booked in time order, so years never go back.
 */
import type { Disposal } from '../model/disposal.js';
import type { LotSnapshot } from '../model/lot.js';
import { yearOf } from '../model/local-date.js';
import { storeDisposal, storeIncome } from './stored-records.js';
import type { BookingPolicy, IncomeRecord } from './gains-result.js';

export class KeptYears {
  /** The kept disposals, in booking order. */
  readonly disposals: Disposal[] = [];
  /** The kept income records, in booking order (`storeIncome`). */
  income: IncomeRecord[] = [];
  /** Year → open lots at its end (one listing serves a run of years without events). */
  readonly yearEnds = new Map<number, LotSnapshot[]>();
  private readonly keep: NonNullable<BookingPolicy['keepDisposals']>;
  private latestDisposalYear = -Infinity;
  /** The year being booked. */
  private year: number | undefined;

  /** `listOpenLots`: the open lots now, when year-end listings are wanted. */
  constructor(policy: BookingPolicy, private readonly listOpenLots?: () => LotSnapshot[]) {
    this.keep = policy.keepDisposals ?? 'all';
  }

  /**
   * Before an event of `year` is booked: list the open lots at the end of every earlier year not
   * listed yet — of the years a report can use (`listsYear`): a listing of every open lot is some
   * 400 MB of garbage per year end on a million-row history.
   */
  enter(year: number): void {
    if (this.year === undefined) this.year = year;
    if (year <= this.year) return;
    let listing: LotSnapshot[] | undefined;
    if (this.listOpenLots) for (let y = this.year; y < year; y++) if (this.listsYear(y)) this.yearEnds.set(y, (listing ??= this.listOpenLots()));
    this.year = year;
  }

  /**
   * Keep a disposal (one `keepsDisposalOf` said yes to) in its stored form: its amounts as text
   * (`stored-records.ts`), a third of its size as decimals, the same values.
   */
  store(d: Disposal): void {
    this.disposals.push(storeDisposal(d));
  }

  /**
   * Keep an income record if a report can show its year: every year, the year or range asked
   * for, or with `latest-year` the latest year with a disposal so far and any later year (the tax
   * year is the latest year with a disposal, spot or derivative, so never an earlier one; with no
   * disposal at all it is the year of the last event, and every record is kept until then).
   */
  storeIncome(r: IncomeRecord): void {
    const year = yearOf(r.date);
    const keep = this.keep;
    const kept = keep === 'all' || keep === 'latest-year' ? year >= this.latestDisposalYear
      : typeof keep === 'number' ? year === keep
      : year >= keep.from && year <= keep.to;
    if (kept) this.income.push(storeIncome(r));
  }

  /** After the last event: list the end of its year. */
  finish(): void {
    if (this.year !== undefined) this.enter(this.year + 1);
  }

  /**
   * Whether a disposal dated in `year` is kept. With `latest-year`, a disposal of a later year
   * drops the disposals and listings of the years before it.
   */
  keepsDisposalOf(year: number): boolean {
    if (this.keep === 'all') return true;
    if (typeof this.keep === 'number') return year === this.keep;
    if (typeof this.keep === 'object') return year >= this.keep.from && year <= this.keep.to;
    if (year > this.latestDisposalYear) {
      this.latestDisposalYear = year;
      this.disposals.length = 0;
      for (const y of this.yearEnds.keys()) if (y < year) this.yearEnds.delete(y);
      if (this.income.length > 0 && yearOf((this.income[0] as IncomeRecord).date) < year) this.income = this.income.filter((r) => yearOf(r.date) >= year);
    }
    return year === this.latestDisposalYear;
  }

  /**
   * Whether a year's end is listed: a year whose disposals may yet be kept, or a later one (the
   * last year listed is the last year of events, which tells a reader that a year after it holds
   * what was open at the end).
   */
  private listsYear(year: number): boolean {
    if (this.keep === 'all') return true;
    if (typeof this.keep === 'object') return year >= this.keep.from;
    return year >= (this.keep === 'latest-year' ? this.latestDisposalYear : this.keep);
  }
}
