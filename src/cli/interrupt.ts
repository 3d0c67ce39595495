/**
 * Ctrl-C and `kill`: SIGINT and SIGTERM are caught only while taxlot has something on disk to
 * clean up (a staging folder being written, a batch's workers). Outside those sections the
 * default action applies — the process ends at once, even in the middle of a long computation,
 * and nothing of the run is on disk (the output lock is a socket the kernel releases).
 *
 * Inside a section a signal aborts the section's `AbortSignal`; the code holding it checks it at
 * its yield points (`throwIfAborted`), removes what it made, and the error (`Interrupted`) reaches
 * the top level, which exits 130 (SIGINT) or 143 (SIGTERM). Nested sections share one signal.
 *
 * In the CLI's worker thread (cli-thread.ts) signals reach the main thread only: a section is
 * announced on the shared counter, and the main thread passes the signal on as a message.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { cliThreadSections } from './cli-thread-data.js';
import { Interrupted } from './errors.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

let depth = 0;
let controller = new AbortController();

function onSignal(signal: NodeJS.Signals): void {
  if (!controller.signal.aborted) controller.abort(new Interrupted(signal));
}

const onMessage = (m: { signal?: NodeJS.Signals }): void => {
  if (m.signal === 'SIGINT' || m.signal === 'SIGTERM') onSignal(m.signal);
};

/** Start receiving signals (the main thread's own, or the CLI thread's messages). */
function listen(): void {
  const sections = cliThreadSections();
  if (sections && parentPort) {
    parentPort.on('message', onMessage);
    Atomics.add(sections, 0, 1);
  } else if (isMainThread) for (const s of SIGNALS) process.on(s, onSignal);
}

function stopListening(): void {
  const sections = cliThreadSections();
  if (sections && parentPort) {
    Atomics.sub(sections, 0, 1);
    parentPort.off('message', onMessage);
    // a port with no listener must not keep the worker alive
    parentPort.unref();
  } else if (isMainThread) for (const s of SIGNALS) process.off(s, onSignal);
}

/**
 * Run `work` with SIGINT/SIGTERM turned into an abort of the signal it is given.
 * @example await interruptible(async (abort) => { for (...) { await step(); abort.throwIfAborted(); } })
 */
export async function interruptible<T>(work: (abort: AbortSignal) => Promise<T>): Promise<T> {
  if (depth === 0) {
    controller = new AbortController();
    listen();
  }
  depth++;
  try {
    return await work(controller.signal);
  } finally {
    depth--;
    if (depth === 0) stopListening();
  }
}

/** For tests: act as if `signal` had arrived (inside a section). */
export function simulateSignal(signal: NodeJS.Signals): void {
  if (depth > 0) onSignal(signal);
}

/** Give the event loop a turn, so a pending signal handler can run, then honour it. */
export async function yieldToSignals(abort: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  abort?.throwIfAborted();
}
