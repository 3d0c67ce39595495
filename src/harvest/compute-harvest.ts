/**
 * `taxlot harvest`, pure: the report pipeline books the whole history up to the end of the as-of
 * date (same engine, same options as `report`: `harvestReportOptions`), then the open lots are
 * valued at that date, the year to date is read off the report's totals (January 1 through the
 * as-of date, inclusive) and the plan is made. The CLI reads files, the clock and the network.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { methodOn } from '../engine/method-schedule.js';
import type { BookingMethod } from '../engine/booking-methods.js';
import type { AssetCode } from '../model/asset.js';
import type { Dec } from '../model/decimal.js';
import { yearOf, type LocalDate } from '../model/local-date.js';
import type { ReportData, ReportOptions } from '../pipeline/compute-report.js';
import { createPriceBook, type PricePoint } from '../pricing/price-book.js';
import type { MissingPrice } from '../pricing/price-events.js';
import type { LotSnapshot } from '../model/lot.js';
import { planHarvest, type HarvestPlan } from './plan.js';
import { eachLotSoldAlone, type LotSaleUnderMethod } from './simulate-sale.js';
import { valueLotsAt, type HarvestLot } from './value-lots.js';

export interface HarvestOptions {
  readonly asOf: LocalDate;
  /** Assets flagged as possibly subject to the wash-sale rule (tokenized.ts). */
  readonly securities: ReadonlySet<AssetCode>;
  /** Prices for the as-of date found after the report was computed (an online provider). */
  readonly extraPrices?: readonly PricePoint[];
}

export interface YearToDate {
  readonly shortTerm: Dec;
  readonly longTerm: Dec;
  readonly net: Dec;
  readonly income: Dec;
}

export interface HarvestResult {
  readonly asOf: LocalDate;
  readonly currency: string;
  /** The lot method in force on the as-of date. */
  readonly method: BookingMethod;
  /** Whether a sale on the as-of date draws on every wallet's lots (before 2025 or --lot-scope universal). */
  readonly universal: boolean;
  readonly lots: readonly HarvestLot[];
  readonly yearToDate: YearToDate;
  readonly plan: HarvestPlan;
  /** Each priced lot's units sold alone on the as-of date under the method (simulate-sale.ts). */
  readonly soldAlone: ReadonlyMap<LotSnapshot, LotSaleUnderMethod>;
  /** Assets with no price at the as-of date. */
  readonly missing: readonly MissingPrice[];
  readonly diagnostics: readonly Diagnostic[];
  readonly report: ReportData;
}

/** The report options that book the history through the as-of date, its year being the tax year. */
export function harvestReportOptions(options: ReportOptions, asOf: LocalDate): ReportOptions {
  return { ...options, year: yearOf(asOf), through: asOf };
}

/** Diagnostics of the report that say nothing about a plan (a December 31 valuation, a quiet year). */
// about filing, not planning: year-end valuation, an empty tax year, a broker form to import
const NOT_FOR_HARVEST = new Set(['PRICE_MISSING_YEAR_END', 'YEAR_WITHOUT_ACTIVITY', 'DA_FORM_EXPECTED']);

/**
 * @param data the report computed with `harvestReportOptions(options, asOf)`
 */
export function harvestFromReport(data: ReportData, opts: HarvestOptions): HarvestResult {
  const o = data.options;
  const book = createPriceBook({
    reportCurrency: o.currency,
    stablecoins: o.stablecoins,
    table: [...o.prices, ...(opts.extraPrices ?? [])],
    windowMs: o.priceWindowMs,
  });
  const valued = valueLotsAt(data.gains.openLots, book, opts.asOf, o.timezone, opts.securities);
  const method = o.methodSchedule ? methodOn(o.methodSchedule, opts.asOf) : o.method;
  const universal = o.lotScope === 'universal' || (o.lotScope === 'auto' && opts.asOf < o.perWalletFrom);
  const t = data.totals;
  const plan = planHarvest({
    lots: valued.lots,
    shortTerm: t.shortTerm.gain,
    longTerm: t.longTerm.gain,
    carryoverShort: o.carryoverShort,
    carryoverLong: o.carryoverLong,
    filingStatus: o.filingStatus,
    method,
    universal,
    asOf: opts.asOf,
  });
  const priceOf = new Map(valued.lots.map((l) => [l.lot.asset, l.price]));
  const soldAlone = eachLotSoldAlone(data.gains.openLots, method, opts.asOf, universal, (asset) => priceOf.get(asset));
  return {
    asOf: opts.asOf,
    currency: o.currency,
    method,
    universal,
    lots: valued.lots,
    yearToDate: { shortTerm: t.shortTerm.gain, longTerm: t.longTerm.gain, net: t.shortTerm.gain.plus(t.longTerm.gain), income: t.incomeTotal },
    plan,
    soldAlone,
    missing: valued.missing,
    diagnostics: [...data.diagnostics.filter((d) => !NOT_FOR_HARVEST.has(d.code)), ...valued.diagnostics],
    report: data,
  };
}
