/** What the CLI's thread and an import thread (import-thread.ts) pass each other. */
import type { MessagePort } from 'node:worker_threads';
import type { FileImport } from '../importers/import-file.js';
import type { FileEventsText } from '../pipeline/file-events.js';
import type { ElsewhereRequest } from '../pipeline/parallel-import.js';
import type { ReadOptions } from './read-input.js';

export interface ImportThreadData {
  readonly path: string;
  readonly readOptions: ReadOptions;
  readonly now: number;
  readonly request: ElsewhereRequest;
  /** The run's spill folder: the thread writes its runs there. */
  readonly folder: string;
  /** The run's events per sorted run (`SpillStore.runSize`). */
  readonly runSize?: number;
  /** Bumped after every message (the waiting thread sleeps on it). */
  readonly signal: Int32Array;
  readonly port: MessagePort;
}

export type ImportThreadMessage =
  | { readonly kind: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly kind: 'done'; readonly file: FileImport; readonly events: Omit<FileEventsText, 'runs'>; readonly runs: readonly string[] }
  | { readonly kind: 'failed'; readonly error: string };
