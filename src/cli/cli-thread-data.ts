/**
 * What the main thread hands the CLI's worker thread (cli-thread.ts), and the one piece of it
 * interrupt.ts reads: the count of interruptible sections open in the worker.
 */
import { isMainThread, workerData } from 'node:worker_threads';

/**
 * The young generation of the CLI's thread and of a batch's workers (both semi-spaces and the
 * large-object part), MiB: 64 MiB semi-spaces (cli-thread.ts says why).
 */
export const YOUNG_GENERATION_MB = 192;

/** What the worker is told about a terminal stream it writes to. */
export interface TerminalFacts {
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  readonly colors: boolean;
}

export interface CliThreadData {
  readonly argv: readonly string[];
  /** Interruptible sections open in the worker, element 0 (Atomics: the main thread reads it in its signal handler). */
  readonly sections: Int32Array;
  readonly stdout: TerminalFacts;
  readonly stderr: TerminalFacts;
  /** Where the worker's stdout and stderr text goes, in order (cli-thread.ts says why not its own streams). */
  readonly output: import('node:worker_threads').MessagePort;
}

/** A piece of the worker's output, or the end of it. */
export type OutputMessage = { readonly fd: 1 | 2; readonly text: string } | { readonly end: true };

/** In the CLI's worker thread: its section counter; elsewhere (the main thread, a batch worker) undefined. */
export function cliThreadSections(): Int32Array | undefined {
  if (isMainThread) return undefined;
  const sections = (workerData as Partial<CliThreadData> | null | undefined)?.sections;
  return sections instanceof Int32Array ? sections : undefined;
}
