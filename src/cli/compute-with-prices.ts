/**
 * The report computation with an optional online price provider, kept outside the pure pipeline:
 * compute → collect what has no price (required values, then year-end holdings) → ask the
 * provider (network, disk cache) → merge its daily prices into the table → compute again.
 * One round is enough: prices only fill gaps, they never create new needs.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { computeReport, type HistoryUse, type InputFile, type ReportData, type ReportOptions } from '../pipeline/compute-report.js';
import type { DailyPriceProvider } from '../pricing/provider/coingecko-provider.js';
import { fetchMissingPrices } from '../pricing/provider/fetch-missing-prices.js';

export interface ComputedWithPrices {
  readonly data: ReportData;
  /** The provider's own diagnostics (unknown coins, failures); empty without a provider. */
  readonly providerDiagnostics: readonly Diagnostic[];
}

export async function computeReportWithPrices(
  inputs: readonly InputFile[],
  options: ReportOptions,
  provider: DailyPriceProvider | undefined,
  /** What each computation does with its history (called once per computation). */
  history?: () => HistoryUse,
): Promise<ComputedWithPrices> {
  const first = computeReport(inputs, options, history?.());
  if (!provider || first.nothingRead) return { data: first, providerDiagnostics: [] };
  const wanted = [...first.missingPrices, ...first.yearEnd.missing];
  if (wanted.length === 0) return { data: first, providerDiagnostics: [] };
  const fetched = await fetchMissingPrices(wanted, provider, options.timezone);
  const data = fetched.points.length === 0 ? first : computeReport(inputs, { ...options, prices: [...options.prices, ...fetched.points] }, history?.());
  return { data, providerDiagnostics: fetched.diagnostics };
}
