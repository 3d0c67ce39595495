/**
 * Showing `ProgressEvent`s on stderr. On a terminal: one line, redrawn in place at most every
 * 100 ms and erased before anything else is printed. Not on a terminal (a log, CI): a plain line
 * at most every `plainEveryMs` (10 s), so a short run prints nothing and a long one shows it is
 * alive. With `--quiet` or `--json`: nothing (the caller passes no sink).
 *
 * Hand-written rather than a progress-bar package: taxlot's computation is synchronous, so a
 * library that redraws on a timer would never get to draw; here each event decides, by the
 * clock, whether to draw.
 */
import type { ProgressEvent, ProgressSink } from '../pipeline/progress.js';
import { escapeInvisible } from '../model/visible-text.js';

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressDisplay {
  readonly sink: ProgressSink;
  /** Erase the live line (before the diagnostics and the answer are printed). */
  clear(): void;
}

export interface DisplayOptions {
  readonly now?: () => number;
  readonly ttyEveryMs?: number;
  readonly plainEveryMs?: number;
}

const MiB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function percent(done: number, total: number): string {
  return total > 0 ? `${Math.floor((done / total) * 100)}%` : '';
}

/** One line saying what is happening, e.g. "reading 3/66 kraken.csv 12.0 MB/40.2 MB 30% 120,000 rows". */
export function describeProgress(e: ProgressEvent): string {
  switch (e.phase) {
    case 'read':
      return `reading ${e.index + 1}/${e.files} ${escapeInvisible(e.file)} ${size(e.bytes)}/${size(e.totalBytes)} ${percent(e.bytes, e.totalBytes)} ${grouped(e.rows)} rows`;
    case 'match':
      return `pairing transfers among ${grouped(e.events)} events`;
    case 'price':
      return `valuing ${grouped(e.events)} events`;
    case 'book':
      return `booking lots ${grouped(e.done)}/${grouped(e.total)} events ${percent(e.done, e.total)}`;
    case 'prepare':
      return `preparing ${e.what}`;
    case 'write':
      return `writing ${e.index + 1}/${e.files} ${escapeInvisible(e.file)} ${size(e.bytes)}`;
  }
}

/**
 * A display writing to `stream` (stderr).
 * @example const p = createProgressDisplay(process.stderr); computeReport(inputs, { ...options, progress: p.sink }); p.clear();
 */
export function createProgressDisplay(stream: ProgressStream, opts: DisplayOptions = {}): ProgressDisplay {
  const now = opts.now ?? Date.now;
  const tty = stream.isTTY === true;
  const every = tty ? (opts.ttyEveryMs ?? 100) : (opts.plainEveryMs ?? 10_000);
  const started = now();
  let last = tty ? -Infinity : started;
  let lastPhase = '';
  let shown = false;
  const sink: ProgressSink = (e) => {
    const t = now();
    // on a terminal a new phase is shown at once; elsewhere only the clock decides
    if (t - last < every && !(tty && e.phase !== lastPhase)) return;
    last = t;
    lastPhase = e.phase;
    const elapsed = `[${Math.floor((t - started) / 1000)}s]`;
    const line = `taxlot: ${describeProgress(e)} ${elapsed}`.replace(/ +/g, ' ');
    if (tty) {
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      shown = true;
    } else {
      stream.write(`${line}\n`);
    }
  };
  return {
    sink,
    clear: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
