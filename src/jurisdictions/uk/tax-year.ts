/**
 * The UK tax year and its annual exempt amount (pure).
 *
 * A UK tax year runs from 6 April to the next 5 April and is named, as HMRC's self-assessment
 * forms and BittyTax name it, by the calendar year it ends in: 2025 is 6 April 2024 – 5 April 2025.
 */
import { Dec } from '../../model/decimal.js';
import type { LocalDate } from '../../model/local-date.js';

/**
 * The tax year (by its end year) a calendar date falls in.
 * @example ukTaxYearOf('2025-04-05') === 2025
 * @example ukTaxYearOf('2025-04-06') === 2026
 */
export function ukTaxYearOf(date: LocalDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-06' ? year + 1 : year;
}

/** First and last day of a tax year: 2025 → 2024-04-06 … 2025-04-05. */
export function ukTaxYearRange(taxYear: number): { start: LocalDate; end: LocalDate } {
  const pad = (y: number): string => String(y).padStart(4, '0');
  return { start: `${pad(taxYear - 1)}-04-06`, end: `${pad(taxYear)}-04-05` };
}

/** `2024-25` for the year ending 5 April 2025, as HMRC writes it. */
export function ukTaxYearLabel(taxYear: number): string {
  return `${taxYear - 1}-${String(taxYear % 100).padStart(2, '0')}`;
}

/**
 * The annual exempt amount of an individual for a tax year (TCGA 1992 s.1K; gov.uk "Capital Gains
 * Tax: rates and allowances"): £3,000 from 2024-25, £6,000 in 2023-24, £12,300 from 2020-21 to
 * 2022-23, and the earlier years' amounts back to 2008-09.
 */
const EXEMPT_BY_YEAR: Readonly<Record<number, string>> = {
  2009: '9600', 2010: '10100', 2011: '10100', 2012: '10600', 2013: '10600', 2014: '10900',
  2015: '11000', 2016: '11100', 2017: '11100', 2018: '11300', 2019: '11700', 2020: '12000',
  2021: '12300', 2022: '12300', 2023: '12300', 2024: '6000',
};

export function annualExemptAmount(taxYear: number): Dec {
  if (taxYear >= 2025) return new Dec('3000');
  return new Dec(EXEMPT_BY_YEAR[taxYear] ?? '0');
}

/** Add whole days to a calendar date (UTC arithmetic on the date alone, no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
