/**
 * The command line run in a worker thread of its own, for one reason: the size of V8's young
 * generation. A report allocates many short-lived objects (cells, exact decimals, event records)
 * beside a large long-lived heap; with Node's default young generation (16 MiB semi-spaces) most
 * of them survive one scavenge too many and are promoted, and marking the old generation took
 * about 40 % of a 1M-row report. A young generation of `YOUNG_GENERATION_MB` (64 MiB
 * semi-spaces) cut that run from 36.1 s to 28.2 s on the bench machine. The size can only be set
 * when a heap is created — `v8.setFlagsFromString` is too late for the main thread's heap — so
 * the launcher (`bin/taxlot.js`) creates a worker with that limit instead of re-executing Node:
 * one process, so a signal, `kill -9`, an exit code and a peak-memory reading all mean what they
 * meant before.
 *
 * What the main thread keeps doing for the worker:
 * - the terminal: whether stdout/stderr are terminals, their width and colours are read here and
 *   handed over (a worker's own streams are pipes to this thread);
 * - signals: only the main thread receives SIGINT/SIGTERM. While the CLI is inside an
 *   interruptible section (interrupt.ts) it says so through a shared counter, and the signal is
 *   passed on to it as a message; outside one the default action applies, as before — the
 *   handler steps aside and raises the signal again;
 * - the output: a worker's own stdout and stderr are streams that hand their text to this thread
 *   only when the worker's event loop turns, and a report computes for minutes without turning
 *   it — progress would freeze. The worker's `write`s are posted on a channel instead (posting is
 *   immediate) and written here, in order;
 * - the exit code: the worker's becomes the process's. A worker that dies (out of memory, a bug)
 *   is reported as an internal error, exit 2, instead of a V8 abort.
 *
 * `TAXLOT_IN_PROCESS=1` runs the CLI in the main thread (profiling, debugging).
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { YOUNG_GENERATION_MB, type CliThreadData, type OutputMessage, type TerminalFacts } from './cli-thread-data.js';
import type { Terminal } from './main.js';




const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function factsOf(stream: NodeJS.WriteStream): TerminalFacts {
  return { isTTY: stream.isTTY === true, columns: stream.isTTY ? stream.columns : undefined, colors: stream.isTTY === true && stream.hasColors() };
}

/** Main thread: run the CLI in a worker and wait for it; the process's exit code is the worker's. */
export function runCliThread(argv: readonly string[]): Promise<void> {
  const sections = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const data: CliThreadData = { argv, sections, stdout: factsOf(process.stdout), stderr: factsOf(process.stderr), output: port2 };
  const worker = new Worker(new URL('./cli-thread-main.js', import.meta.url), {
    workerData: data,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let ended = false;
  const show = (m: OutputMessage): void => {
    if ('end' in m) ended = true;
    else (m.fd === 1 ? process.stdout : process.stderr).write(m.text);
  };
  port1.on('message', show);
  const onSignal = (signal: NodeJS.Signals): void => {
    if (Atomics.load(sections, 0) > 0) {
      worker.postMessage({ signal });
      return;
    }
    // not in a section: the default action, as when the CLI ran in this thread
    for (const s of SIGNALS) process.off(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return new Promise((resolve) => {
    let failed = false;
    worker.on('error', (e) => {
      failed = true;
      const what = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'taxlot: out of memory — the history is too large for this machine\'s memory'
        : `taxlot: internal error — this is a bug, please report it with the command and versions.\n${e.stack ?? String(e)}`;
      process.stderr.write(`${what}\n`);
    });
    worker.on('exit', (code) => {
      for (const s of SIGNALS) process.off(s, onSignal);
      // what the worker wrote and this thread has not shown yet
      for (let m = receiveMessageOnPort(port1); m && !ended; m = receiveMessageOnPort(port1)) show(m.message as OutputMessage);
      port1.close();
      process.exitCode = failed ? 2 : code;
      resolve();
    });
  });
}

/**
 * In the worker: its stdout and stderr `write`s posted to the main thread (see above), and the
 * terminal as the main thread sees it.
 */
export function workerTerminal(): { argv: readonly string[]; term: Terminal; end(): void } {
  const data = workerData as CliThreadData;
  const port: MessagePort = data.output;
  for (const [stream, fd] of [[process.stdout, 1], [process.stderr, 2]] as const) {
    stream.write = ((chunk: string | Uint8Array, encoding?: unknown, done?: unknown): boolean => {
      // bytes are UTF-8 text here (an encoding argument only applies to string chunks, as in Node)
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      port.postMessage({ fd, text } satisfies OutputMessage);
      const callback = typeof encoding === 'function' ? encoding : done;
      if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
      return true;
    }) as typeof stream.write;
  }
  const stream = (facts: TerminalFacts, out: NodeJS.WritableStream) => ({
    isTTY: facts.isTTY,
    columns: facts.columns,
    hasColors: () => facts.colors,
    write: (text: string) => out.write(text),
  });
  return {
    argv: data.argv,
    term: { stdout: stream(data.stdout, process.stdout), stderr: stream(data.stderr, process.stderr), env: process.env },
    end: () => {
      port.postMessage({ end: true } satisfies OutputMessage);
      port.close();
    },
  };
}
