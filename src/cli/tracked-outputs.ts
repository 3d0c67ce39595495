/**
 * Writing progress without touching the renderers: each output's chunks are counted as the
 * folder writer pulls them (`write` progress; the PDF is rendered as it streams). Used by
 * `report` (and each batch client) and `harvest`.
 */
import type { ProgressSink } from '../pipeline/progress.js';
import type { OutputProducer } from '../report/output-stream.js';

/**
 * The outputs, each reporting `write` progress to `progress` as its chunks are written.
 * @example writeFolderAtomically(realOut, out, trackOutputs(outputs, sink))
 */
export function trackOutputs(outputs: ReadonlyMap<string, OutputProducer>, progress: ProgressSink): Map<string, OutputProducer> {
  const files = outputs.size;
  return new Map(
    [...outputs].map(([file, produce], index) => [
      file,
      function* () {
        let bytes = 0;
        progress({ phase: 'write', file, index, files, bytes });
        for (const chunk of produce()) {
          bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength;
          progress({ phase: 'write', file, index, files, bytes });
          yield chunk;
        }
      },
    ]),
  );
}
