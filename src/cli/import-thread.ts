/**
 * The shell's side of importing a file in another thread (`pipeline/import-elsewhere.ts` says
 * which files may go and why the results are the same): the largest such file, if it is big
 * enough to pay for a thread, is read, parsed and mapped in a worker while this thread imports
 * the others; its events come back as sorted runs in this run's spill folder.
 *
 * The pipeline is synchronous, so waiting is too: the worker posts on a channel and bumps a
 * shared counter; this thread sleeps on the counter (`Atomics.wait`) and takes the messages with
 * `receiveMessageOnPort` — reading progress on the way. A worker that fails (an exception, or no
 * word for `SILENCE_MS`: out of memory) is stopped and the file imported here instead.
 *
 * Measured on the 1M-row bench history (a 64 MB Kraken ledger beside 39 MB of Koinly files):
 * see the README's performance section.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ElsewhereRequest, ImportedElsewhere, ParallelImport } from '../pipeline/parallel-import.js';
import type { ProgressSink } from '../pipeline/progress.js';
import { YOUNG_GENERATION_MB } from './cli-thread-data.js';
import type { ImportThreadData, ImportThreadMessage } from './import-thread-data.js';
import type { ReadOptions } from './read-input.js';
import type { SpillFiles } from './spill-files.js';
import { fileSize } from './tracked-inputs.js';

/** Files smaller than this are imported here: a thread costs ~50 ms to start. `TAXLOT_THREAD_MIN_BYTES` sets it (tests). */
const MIN_BYTES = 4 << 20;
/** No message from the worker for this long: it is taken to have died. */
const SILENCE_MS = 120_000;

function minBytes(): number {
  const n = Number(process.env['TAXLOT_THREAD_MIN_BYTES']);
  return process.env['TAXLOT_THREAD_MIN_BYTES'] !== undefined && Number.isInteger(n) && n >= 0 ? n : MIN_BYTES;
}

export interface ImportThreadSetup {
  /** The run's input paths, in the order of its inputs. */
  readonly paths: readonly string[];
  readonly readOptions: ReadOptions;
  /** The run's clock for "a date in the future" (the importers' row guards): the same in both threads. */
  readonly now: number;
  readonly spill: SpillFiles;
  readonly progress?: ProgressSink | undefined;
  /** The name the run shows for each input (its `InputFile.file`). */
  readonly names: readonly string[];
}

/** `TAXLOT_THREADS=1`: every file imported in the CLI's own thread. */
export function createParallelImport(setup: ImportThreadSetup): ParallelImport | undefined {
  if (process.env['TAXLOT_THREADS'] === '1') return undefined;
  return {
    choose(candidates) {
      let best: number | undefined;
      let bestSize = -1;
      for (const i of candidates) {
        const path = setup.paths[i];
        const size = path === undefined ? 0 : fileSize(path);
        if (size > bestSize) [best, bestSize] = [i, size];
      }
      return best !== undefined && bestSize >= minBytes() && setup.paths.length > 1 ? best : undefined;
    },
    start: (request) => startThread(setup, request),
  };
}

function startThread(setup: ImportThreadSetup, request: ElsewhereRequest): { wait(): ImportedElsewhere | undefined } {
  const path = setup.paths[request.index] as string;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const data: ImportThreadData = {
    path, readOptions: setup.readOptions, now: setup.now, request, folder: setup.spill.folder(), signal, port: port2,
    ...(setup.spill.runSize !== undefined ? { runSize: setup.spill.runSize } : {}),
  };
  const worker = new Worker(new URL('./import-thread-main.js', import.meta.url), {
    workerData: data,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  // its failures are read from the channel; an 'error' event unheard would end the process
  worker.on('error', () => undefined);
  const totalBytes = fileSize(path);
  return {
    wait(): ImportedElsewhere | undefined {
      let quiet = 0;
      for (;;) {
        const got = receiveMessageOnPort(port1) as { message: ImportThreadMessage } | undefined;
        if (!got) {
          Atomics.store(signal, 0, 0);
          // a message may have come between the look and the reset: the wait is short either way
          if (Atomics.wait(signal, 0, 0, 50) === 'timed-out' && (quiet += 50) >= SILENCE_MS) return failed(worker, port1);
          continue;
        }
        quiet = 0;
        const m = got.message;
        if (m.kind === 'progress') {
          setup.progress?.({ phase: 'read', file: setup.names[request.index] ?? path, index: request.index, files: setup.paths.length, bytes: Math.min(m.bytes, totalBytes || m.bytes), totalBytes, rows: m.rows });
        } else if (m.kind === 'done') {
          port1.close();
          const runs = m.runs.map((p) => setup.spill.adopt(p));
          return { file: m.file, events: { ...m.events, runs } };
        } else return failed(worker, port1);
      }
    },
  };
}

function failed(worker: Worker, port: { close(): void }): undefined {
  port.close();
  void worker.terminate();
  return undefined;
}
