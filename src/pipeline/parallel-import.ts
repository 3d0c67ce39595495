/**
 * What the pipeline asks of the shell to import a file in another thread (`import-elsewhere.ts`
 * says when and why; `src/cli/import-thread.ts` is the shell's side).
 */
import type { FileImport } from '../importers/import-file.js';
import type { DateOrder } from '../importers/parse-instant.js';
import type { FileEventsText } from './file-events.js';

/** The shell's side: which file goes to another thread, and that thread's answer. */
export interface ParallelImport {
  /** Of the files that may be imported elsewhere (their indexes in the run), the one to send, if any. */
  choose(candidates: readonly number[]): number | undefined;
  /** Start importing file `index` elsewhere; `wait()` blocks until it is done (undefined: it failed, import it here). */
  start(request: ElsewhereRequest): { wait(): ImportedElsewhere | undefined };
}

/** What the other thread needs besides the file itself (which the shell reads again there). */
export interface ElsewhereRequest {
  readonly index: number;
  readonly forcedFormat?: string;
  readonly inputZone?: string;
  readonly dateOrder?: DateOrder;
}

export interface ImportedElsewhere {
  /** Without the input's read diagnostics (this thread adds its own, the same). */
  readonly file: FileImport;
  readonly events: FileEventsText;
}

