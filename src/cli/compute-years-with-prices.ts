/**
 * `computeYears` with an optional online price provider: as `computeReportWithPrices`, one round
 * — what no year can value (the history's missing prices, then every asked year's year-end
 * holdings) is asked for once, merged into the table, and the years computed again.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { computeYears, type YearSpan, type YearsData } from '../pipeline/compute-years.js';
import type { InputFile, ReportOptions } from '../pipeline/compute-report.js';
import type { DailyPriceProvider } from '../pricing/provider/coingecko-provider.js';
import { fetchMissingPrices } from '../pricing/provider/fetch-missing-prices.js';
import type { PricedEvent } from '../pricing/price-events.js';

export async function computeYearsWithPrices(
  inputs: readonly InputFile[],
  options: ReportOptions,
  span: YearSpan,
  provider: DailyPriceProvider | undefined,
  onHistory?: (priced: readonly PricedEvent[]) => void,
): Promise<{ data: YearsData; providerDiagnostics: readonly Diagnostic[] }> {
  const first = computeYears(inputs, options, span, onHistory);
  if (!provider || first.years[0]!.nothingRead) return { data: first, providerDiagnostics: [] };
  const wanted = [...first.years[0]!.missingPrices, ...first.years.flatMap((y) => y.yearEnd.missing)];
  if (wanted.length === 0) return { data: first, providerDiagnostics: [] };
  const fetched = await fetchMissingPrices(wanted, provider, options.timezone);
  const data = fetched.points.length === 0 ? first : computeYears(inputs, { ...options, prices: [...options.prices, ...fetched.points] }, span, onHistory);
  return { data, providerDiagnostics: fetched.diagnostics };
}
