/**
 * One file's events on their way into the streamed history (`stream-history.ts`): each event
 * with its place in the history as read, sorted by instant in spilled runs (`sorted-runs.ts`),
 * the transfer candidates kept apart for pairing. A file imported in another thread
 * (`import-elsewhere.ts`) hands over the same thing as text — its closed runs and its candidates
 * encoded — and is adopted here as if it had been read in this one.
 */
import { isTransferCandidate } from '../engine/match-transfers.js';
import type { EventSink } from '../importers/import-file.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import { decodeEvent, encodeEvent } from './event-codec.js';
import { DEFAULT_RUN_SIZE, DEFAULT_WINDOW, MAX_RUNS, SortedRuns } from './sorted-runs.js';
import type { SpillRun, SpillStore } from './spill-store.js';

/**
 * An event with its place in the history as read: files in input order, events in the order
 * their importer made them (`FILE_SPAN` apart per file), times 4 so that what pairing makes of an
 * event (a transfer, and the units lost on the way) gets the places just after it.
 */
export interface Placed {
  readonly e: LedgerEvent;
  readonly order: number;
}

const FILE_SPAN = 2 ** 36;
export const byInstant = (a: Placed, b: Placed): number => a.e.instant - b.e.instant || a.order - b.order;
export const placedCodec = {
  encode: (p: Placed): string => `${p.order}\t${encodeEvent(p.e)}`,
  decode: (line: string): Placed => {
    const tab = line.indexOf('\t');
    return { order: Number(line.slice(0, tab)), e: decodeEvent(line.slice(tab + 1)) };
  },
};

/** What importing a file left, as text (another thread's file handed over). */
export interface FileEventsText<Run = SpillRun> {
  /** The file's sorted runs, closed. */
  readonly runs: readonly Run[];
  /** Its transfer candidates, each encoded (`placedCodec`). */
  readonly candidates: readonly string[];
  readonly count: number;
  readonly last: number | undefined;
  readonly wallets: readonly (readonly [string, readonly string[]])[];
}

/** Counts shared by a run's files: transfer candidates held, and the most events held at once. */
export interface Held {
  candidates: number;
  peak: number;
}

/** One pass over one file: its events, sorted by instant, and its transfer candidates apart. */
export class FileEvents implements EventSink {
  readonly runs: SortedRuns<Placed>;
  candidates: Placed[] = [];
  count = 0;
  last: number | undefined;
  /** Wallet → the files its events came from (look-alikes are looked for only across files). */
  readonly wallets = new Map<string, Set<string>>();

  constructor(private readonly fileIndex: number, options: { readonly spill?: SpillStore | undefined }, private readonly held: Held, runs?: SortedRuns<Placed>) {
    // the window never holds more than a run would
    const runSize = options.spill?.runSize ?? DEFAULT_RUN_SIZE;
    this.runs = runs ?? new SortedRuns(byInstant, placedCodec, options.spill, runSize, MAX_RUNS, Math.min(DEFAULT_WINDOW, runSize));
  }

  push(e: LedgerEvent): void {
    const placed = { e, order: (this.fileIndex * FILE_SPAN + this.count++) * 4 };
    if (this.last === undefined || e.instant > this.last) this.last = e.instant;
    const files = this.wallets.get(e.wallet);
    if (!files) this.wallets.set(e.wallet, new Set([e.source.file]));
    else files.add(e.source.file);
    if (isTransferCandidate(e)) {
      this.candidates.push(placed);
      this.held.candidates++;
    } else this.runs.add(placed);
    const now = this.runs.buffered + this.held.candidates;
    if (now > this.held.peak) this.held.peak = now;
  }

  drop(): void {
    this.held.candidates -= this.candidates.length;
    this.runs.discard();
    this.candidates = [];
    this.count = 0;
    this.last = undefined;
    this.wallets.clear();
  }

  /** The pass as text, to hand to another thread (its runs sealed and given up). */
  toText(): FileEventsText {
    return {
      runs: this.runs.giveUpRuns(),
      candidates: this.candidates.map(placedCodec.encode),
      count: this.count,
      last: this.last,
      wallets: [...this.wallets].map(([w, files]) => [w, [...files]] as const),
    };
  }

  /** A file another thread imported, as if read here (`toText` there). */
  static adopt(fileIndex: number, text: FileEventsText, options: { readonly spill?: SpillStore | undefined }, held: Held): FileEvents {
    const runs = SortedRuns.ofRuns(byInstant, placedCodec, options.spill, text.runs, text.count - text.candidates.length);
    const pass = new FileEvents(fileIndex, options, held, runs);
    pass.count = text.count;
    pass.last = text.last;
    for (const [w, files] of text.wallets) pass.wallets.set(w, new Set(files));
    pass.candidates = text.candidates.map(placedCodec.decode);
    held.candidates += pass.candidates.length;
    return pass;
  }
}
