/**
 * The first half of the pipeline, pure: every input file imported, the user's overrides applied,
 * transfers between the user's wallets paired, every event priced, derivative positions settled.
 * Its result is what a jurisdiction's rules book (the US engine, the UK matcher).
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { matchTransfers } from '../engine/match-transfers.js';
import { walletOf } from '../importers/import-file.js';
import { findPossibleDuplicates } from '../importers/find-possible-duplicates.js';
import { toLocalDate, type LocalDate } from '../model/local-date.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { PriceBook } from '../pricing/price-book.js';
import { handOver } from '../model/hand-over.js';
import { priceEvents } from '../pricing/price-events.js';
import { computeDerivatives } from '../derivatives/compute-derivatives.js';
import { NO_OVERRIDES } from '../overrides/overrides.js';
import { hasRowOverrides } from '../overrides/overrides.js';
import { applyOverrides, type AppliedOverride } from '../overrides/apply-overrides.js';
import { listTransfers, type TransferRecord } from './list-transfers.js';
import { rowReader } from './read-row-again.js';
import { importInputs } from './import-inputs.js';
import type { ImportedFile, InputFile, ReportOptions } from './report-data.js';

/**
 * Import every file and pair the transfers. Returned: the events as matched, and what the report
 * says of the files — not the files' own event lists: with them would stay alive every withdrawal
 * and deposit that matching merged into a transfer, for the rest of the run.
 */
function importAndMatch(inputs: readonly InputFile[], options: ReportOptions): {
  files: ImportedFile[];
  overlaps: Diagnostic[];
  lastInstant: number | undefined;
  eventCount: number;
  matched: ReturnType<typeof matchTransfers>;
  applied: AppliedOverride[];
  overrideDiagnostics: Diagnostic[];
  transfers: TransferRecord[];
} {
  const read = importInputs(inputs, options);
  const overrides = options.overrides ?? NO_OVERRIDES;
  const stated = hasRowOverrides(overrides)
    ? applyOverrides(read, overrides, {
      currency: options.currency,
      timezone: options.timezone,
      walletOf: (file) => {
        const format = read.find((f) => f.file === file)?.format;
        const importer = options.importers.find((i) => i.id === format);
        return importer ? walletOf(file, importer) : undefined;
      },
      readAgain: rowReader(inputs, options),
    })
    : undefined;
  const imported = stated?.files ?? read;
  const events = imported.flatMap((f) => f.events);
  let lastInstant: number | undefined;
  for (const e of events) if (lastInstant === undefined || e.instant > lastInstant) lastInstant = e.instant;
  options.progress?.({ phase: 'match', events: events.length });
  // what the user paired, unpaired or relabelled is not paired again by the heuristic
  const pinned = stated?.pinned;
  const matched = pinned && pinned.size > 0
    ? (() => {
      const m = matchTransfers(events.filter((e) => !pinned.has(e)), options.transferMatching);
      return { events: [...m.events, ...events.filter((e) => pinned.has(e))], diagnostics: m.diagnostics };
    })()
    : matchTransfers(events, options.transferMatching);
  return {
    transfers: listTransfers(matched.events),
    files: imported.map(({ events: _events, ...file }) => file),
    overlaps: findPossibleDuplicates(events),
    lastInstant,
    eventCount: events.length,
    matched,
    applied: stated?.applied ?? [],
    overrideDiagnostics: stated?.diagnostics ?? [],
  };
}

/**
 * Import, pair, price, and settle derivatives. The priced history comes back handed over (the
 * only reference to it, and through it to every event): the caller decides who holds it.
 */
export function importAndPrice(inputs: readonly InputFile[], options: ReportOptions, book: PriceBook) {
  const { files, overlaps, lastInstant, eventCount, matched, applied, overrideDiagnostics, transfers } = importAndMatch(inputs, options);
  const cut = options.through === undefined ? undefined : bookedThrough(matched.events, options.through, options.timezone);
  const events = cut?.events ?? matched.events;
  options.progress?.({ phase: 'price', events: events.length });
  const pricing = priceEvents(events, book, options.timezone);
  const derivatives = computeDerivatives(events, {
    book,
    timezone: options.timezone,
    valuation: options.derivativeValuation ?? 'close',
    overrides: options.overrides ?? NO_OVERRIDES,
  });
  return {
    files,
    overlaps,
    lastInstant,
    eventCount,
    matchDiagnostics: [...overrideDiagnostics, ...matched.diagnostics, ...(cut?.note ? [cut.note] : [])],
    applied,
    transfers,
    pricing: { diagnostics: pricing.diagnostics, missing: pricing.missing },
    derivatives,
    history: handOver(pricing.priced),
  };
}

/** What importing, pairing and pricing found: the input of the US engine and of the UK matcher. */
export type PricedImport = ReturnType<typeof importAndPrice>;

/** The events dated up to the end of `through`, and a note counting the later ones. */
function bookedThrough(events: readonly LedgerEvent[], through: LocalDate, timezone: string): { events: LedgerEvent[]; note?: Diagnostic } {
  const kept = events.filter((e) => toLocalDate(e.instant, timezone) <= through);
  const later = events.length - kept.length;
  if (later === 0) return { events: kept };
  return { events: kept, note: fileDiagnostic('AFTER_AS_OF', '(harvest)', `${later} event${later === 1 ? '' : 's'} dated after ${through} not booked`) };
}
