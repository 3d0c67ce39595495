/**
 * An import thread's entry (import-thread.ts): read the file as the CLI's thread would, import
 * it with the same importers and clock, write its events as sorted runs into the run's spill
 * folder, and post what the pipeline adopts.
 */
import { threadId, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { withRowGuards } from '../importers/row-guards.js';
import { ALL_IMPORTERS } from '../importers/index.js';
import { importFileEvents } from '../pipeline/import-elsewhere.js';
import type { SpillStore } from '../pipeline/spill-store.js';
import type { ImportThreadData, ImportThreadMessage } from './import-thread-data.js';
import { readInputs } from './read-input.js';
import { fileRun, pathOfRun } from './spill-files.js';
import { withReadProgress } from './tracked-inputs.js';

const data = workerData as ImportThreadData;

function post(message: ImportThreadMessage): void {
  data.port.postMessage(message);
  Atomics.add(data.signal, 0, 1);
  Atomics.notify(data.signal, 0);
}

try {
  const input = readInputs([data.path], data.readOptions)[0];
  if (!input) throw new Error('import thread: no input');
  const source = input.text;
  const text = typeof source === 'string' ? source : withReadProgress(source, (bytes, rows) => post({ kind: 'progress', bytes, rows }));
  let next = 0;
  const store: SpillStore = {
    create: () => fileRun(join(data.folder, `thread-${threadId}-run-${next++}`)),
    ...(data.runSize !== undefined ? { runSize: data.runSize } : {}),
  };
  const done = importFileEvents({ ...input, text }, data.request, withRowGuards(ALL_IMPORTERS, { now: data.now }), store);
  const { runs, ...events } = done.events;
  post({ kind: 'done', file: done.file, events, runs: runs.map((r) => pathOfRun(r) as string) });
} catch (e) {
  post({ kind: 'failed', error: (e as Error).stack ?? String(e) });
}
