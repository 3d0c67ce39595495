/**
 * The one date a report states about itself: January 1 of the year after the tax year, 00:00 UTC.
 *
 * Pinned rather than read from the clock so that the same input gives the same bytes (house
 * style §A.4): it is the PDF's CreationDate/ModDate and the TXF header's export date.
 */

/**
 * @example reportDate(2025).toISOString() === '2026-01-01T00:00:00.000Z'
 */
export function reportDate(taxYear: number): Date {
  return new Date(Date.UTC(taxYear + 1, 0, 1));
}

/**
 * The same date as `YYYY-MM-DD`.
 * @example reportDay(2025) === '2026-01-01'
 */
export function reportDay(taxYear: number): string {
  return reportDate(taxYear).toISOString().slice(0, 10);
}
