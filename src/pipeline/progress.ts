/**
 * Progress of a long computation, reported through an optional callback the caller passes in
 * (`ReportOptions.progress`). The pipeline and the engine only call it; drawing it (a bar on a
 * terminal, a plain line every few seconds in a log, nothing with `--quiet`) is the shell's job
 * (src/cli/progress-display.ts), so the computation stays free of I/O and clocks.
 */

export type ProgressEvent =
  /** Reading one input file: `bytes` of `totalBytes` decoded so far, `rows` lines seen in this pass. */
  | { readonly phase: 'read'; readonly file: string; readonly index: number; readonly files: number; readonly bytes: number; readonly totalBytes: number; readonly rows: number }
  /** Pairing withdrawals with deposits over `events` events. */
  | { readonly phase: 'match'; readonly events: number }
  /** Valuing `events` events with the price table. */
  | { readonly phase: 'price'; readonly events: number }
  /** Booking events into lots: `done` of `total`. */
  | { readonly phase: 'book'; readonly done: number; readonly total: number }
  /** Work between the phases above, said in words (e.g. "the transactions file", "the report files"). */
  | { readonly phase: 'prepare'; readonly what: string }
  /** Writing one output file of the report folder: `bytes` so far (the PDF is rendered as it is written). */
  | { readonly phase: 'write'; readonly file: string; readonly index: number; readonly files: number; readonly bytes: number };

export type ProgressSink = (event: ProgressEvent) => void;
