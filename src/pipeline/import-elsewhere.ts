/**
 * Importing a file in another thread while this one imports the others (pure: the threads are
 * the shell's, `src/cli/import-thread.ts`). Parsing and mapping rows is the largest part of a
 * report's work and each file's is independent of the others' — except files that may overlap
 * (same importer and wallet: duplicate rows across them are counted once, in file order), which
 * stay here. The file imported elsewhere comes back as what this thread would have made of it:
 * its `FileImport` and its events as sorted runs and encoded transfer candidates
 * (`FileEventsText`), so the history, the diagnostics and every output are the same bytes.
 */
import { importFile, type FileDetection } from '../importers/import-file.js';
import type { Importer } from '../importers/importer-spec.js';
import { FileEvents, type FileEventsText } from './file-events.js';
import type { ElsewhereRequest, ImportedElsewhere } from './parallel-import.js';
import type { InputFile } from './report-data.js';
import type { SpillStore } from './spill-store.js';

/**
 * The other thread's work: one file imported as `importInputs` would, its events into sorted runs
 * of `store` (the last pass kept), handed back as text.
 */
export function importFileEvents(
  input: InputFile,
  request: ElsewhereRequest,
  importers: readonly Importer[],
  store: SpillStore,
  detection?: FileDetection,
): ImportedElsewhere {
  const held = { candidates: 0, peak: 0 };
  let pass: FileEvents | undefined;
  const file = importFile(input.file, input.text, {
    importers,
    ...(detection ? { detection } : {}),
    ...(request.forcedFormat ? { forcedFormat: request.forcedFormat } : {}),
    ...(request.inputZone ? { inputZone: request.inputZone } : {}),
    ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}),
    eventSink: () => (pass = new FileEvents(request.index, { spill: store }, held)),
  });
  const events: FileEventsText = pass ? pass.toText() : { runs: [], candidates: [], count: 0, last: undefined, wallets: [] };
  return { file, events };
}
