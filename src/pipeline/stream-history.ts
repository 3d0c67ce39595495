/**
 * The history as a stream (pure): every file imported, its events sorted by instant in bounded
 * runs (`sorted-runs.ts`, spilled to the store the shell gives, `ReportOptions.spill`), the runs
 * merged, transfers paired, each event priced and handed on in booking order, then let go.
 *
 * What stays resident is bounded by what the rules need, not by the history: the withdrawals and
 * deposits of crypto (transfer pairing looks across the whole history for a shared hash; each is
 * let go once booked, with its pair once both sides are), one
 * run being sorted, one instant's events (look-alike events from two files share an instant, and
 * the same-instant order by content is decided on them), the records the report lists (transfers,
 * derivative rows, missing prices). The results are those of `importAndPrice` on the whole
 * history: the same events, diagnostics and orders (`order` below keeps the order of reading
 * wherever a result depended on it). A run with row overrides, or under the UK rules, takes the
 * whole-history path instead (`compute-report.ts`).
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareBookingOrder } from '../engine/booking-order.js';
import { isTransferCandidate, pairTransfers } from '../engine/match-transfers.js';
import { lookAlikeDiagnostic, lookAlikeKey } from '../importers/find-possible-duplicates.js';
import { computeDerivatives } from '../derivatives/compute-derivatives.js';
import { NO_OVERRIDES } from '../overrides/overrides.js';
import { isDerivativeEvent, type LedgerEvent } from '../model/ledger-event.js';
import { toLocalDate } from '../model/local-date.js';
import type { PriceBook } from '../pricing/price-book.js';
import { createPricer, type PricedEvent } from '../pricing/price-events.js';
import { handOver } from '../model/hand-over.js';
import { byInstant, FileEvents, type Placed } from './file-events.js';
import { importInputs } from './import-inputs.js';
import type { PricedImport } from './import-and-price.js';
import { listTransfers, type TransferRecord } from './list-transfers.js';
import type { InputFile, ReportOptions } from './report-data.js';
import { mergeSorted } from './sorted-runs.js';

/**
 * The items of `list` in order, each let go by the list once given: the transfer candidates wait
 * for the merge in time order, and one already booked is not held to the end of the history.
 */
function* released<T>(list: (T | undefined)[]): Generator<T> {
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    list[i] = undefined;
    yield item;
  }
}

export interface StreamedHistory {
  /** The events for the engine: priced, in booking order, each made once (a single pass). */
  readonly events: Iterable<PricedEvent>;
  /** How many events `events` gives at most (fewer with `through`). */
  readonly expected: number;
  readonly lastInstant: number | undefined;
  /** Once `events` has been read to its end: what importing, pairing and pricing found. */
  finish(): PricedImport;
  /**
   * The most events the stream held itself at any moment while importing and while streaming
   * (run buffers not yet spilled, transfer candidates waiting, the instant being booked): bounded
   * by the run size and the candidates with a spill store, the whole history without one.
   */
  readonly peakResident: () => { importing: number; streaming: number };
}

export function streamHistory(inputs: readonly InputFile[], options: ReportOptions, book: PriceBook): StreamedHistory {
  const passes: FileEvents[][] = inputs.map(() => []);
  const held = { candidates: 0, peak: 0 };
  let streamingPeak = 0;
  const read = importInputs(inputs, options, (i) => () => {
    // the files before are read: what they left in memory goes to the store (one buffer at a time)
    for (const earlier of passes) for (const p of earlier) p.runs.seal();
    const pass = new FileEvents(i, options, held);
    (passes[i] as FileEvents[]).push(pass);
    return pass;
  }, options.parallelImport && options.spill ? {
    parallel: options.parallelImport,
    adopt: (i, text) => void (passes[i] as FileEvents[]).push(FileEvents.adopt(i, text, options, held)),
  } : undefined);
  // the last pass over each file is the one kept (the others were dropped)
  const kept = passes.flatMap((p) => (p.length > 0 ? [p[p.length - 1] as FileEvents] : []));
  let lastInstant: number | undefined;
  let eventCount = 0;
  const filesOf = new Map<string, Set<string>>();
  const candidates: Placed[] = [];
  for (const pass of kept) {
    eventCount += pass.count;
    if (pass.last !== undefined && (lastInstant === undefined || pass.last > lastInstant)) lastInstant = pass.last;
    for (const [wallet, files] of pass.wallets) {
      const all = filesOf.get(wallet);
      if (!all) filesOf.set(wallet, new Set(files));
      else for (const f of files) all.add(f);
    }
    for (const c of pass.candidates) candidates.push(c);
    pass.candidates = [];
  }
  options.progress?.({ phase: 'match', events: eventCount });
  const pairing = pairTransfers(candidates.map((c) => c.e), options.transferMatching);
  // what pairing makes of the candidates, so the number of events booked is known up front
  let expected = eventCount;
  for (const c of candidates) expected += pairing.outcome(c.e).length - 1;
  candidates.sort(byInstant);

  const overlaps: { order: number; d: Diagnostic }[] = [];
  const transfers: { order: number; t: TransferRecord }[] = [];
  const derivativeEvents: Placed[] = [];
  const pricer = createPricer(book, options.timezone);
  let later = 0;
  let consumed = false;

  /** One instant's events (in the order read): look-alikes, pairing, pricing, booking order. */
  const flush = (group: readonly Placed[]): PricedEvent[] => {
    let first: Map<string, Placed> | undefined;
    for (const p of group) {
      if ((filesOf.get(p.e.wallet)?.size ?? 0) < 2) continue;
      const k = lookAlikeKey(p.e);
      first ??= new Map();
      const seen = first.get(k);
      if (!seen) first.set(k, p);
      else if (seen.e.source.file !== p.e.source.file) overlaps.push({ order: p.order, d: lookAlikeDiagnostic(seen.e, p.e) });
    }
    const out: Placed[] = [];
    for (const p of group) {
      const made = pairing.outcome(p.e);
      if (isTransferCandidate(p.e)) pairing.release(p.e);
      for (let k = 0; k < made.length; k++) out.push({ e: made[k] as LedgerEvent, order: p.order + k });
    }
    for (const p of out) if (p.e.kind === 'transfer') for (const t of listTransfers([p.e])) transfers.push({ order: p.order, t });
    const instant = (group[0] as Placed).e.instant;
    if (options.through !== undefined && toLocalDate(instant, options.timezone) > options.through) {
      later += out.length;
      return [];
    }
    const priced = out.map((p) => {
      if (isDerivativeEvent(p.e)) derivativeEvents.push(p);
      return pricer.price(p.e, p.order);
    });
    return priced.length > 1 ? priced.sort(compareBookingOrder) : priced;
  };

  function* events(): Generator<PricedEvent> {
    if (consumed) throw new Error('streamHistory: the events were already read');
    consumed = true;
    options.progress?.({ phase: 'price', events: expected });
    // what was read in memory (no spill store) waits in the runs until merged
    for (const pass of kept) pass.runs.seal();
    let waiting = held.candidates + kept.reduce((n, pass) => n + pass.runs.buffered, 0);
    const sources = [...kept.map((pass) => pass.runs.sorted()), released(candidates.splice(0))];
    let group: Placed[] = [];
    for (const p of mergeSorted(sources, byInstant)) {
      if (options.spill === undefined || isTransferCandidate(p.e)) waiting--;
      if (waiting + group.length + 1 > streamingPeak) streamingPeak = waiting + group.length + 1;
      if (group.length > 0 && p.e.instant !== (group[0] as Placed).e.instant) {
        yield* flush(group);
        group = [];
      }
      group.push(p);
    }
    if (group.length > 0) yield* flush(group);
  }

  return {
    peakResident: () => ({ importing: held.peak, streaming: streamingPeak }),
    events: { [Symbol.iterator]: events },
    expected,
    lastInstant,
    finish(): PricedImport {
      if (!consumed) throw new Error('streamHistory: finish before the events were read');
      const byOrder = (a: { order: number }, b: { order: number }): number => a.order - b.order;
      const pricing = pricer.finish();
      const derivatives = computeDerivatives(derivativeEvents.sort(byOrder).map((p) => p.e), {
        book,
        timezone: options.timezone,
        valuation: options.derivativeValuation ?? 'close',
        overrides: options.overrides ?? NO_OVERRIDES,
      });
      const note = later > 0 && options.through !== undefined
        ? [fileDiagnostic('AFTER_AS_OF', '(harvest)', `${later} event${later === 1 ? '' : 's'} dated after ${options.through} not booked`)]
        : [];
      return {
        files: read.map(({ events: _events, ...file }) => file),
        overlaps: overlaps.sort(byOrder).map((o) => o.d),
        lastInstant,
        eventCount,
        matchDiagnostics: [...pairing.diagnostics, ...note],
        applied: [],
        transfers: transfers.sort(byOrder).map((t) => t.t),
        pricing: { diagnostics: pricing.diagnostics, missing: pricing.missing },
        derivatives,
        history: handOver([]),
      };
    },
  };
}
