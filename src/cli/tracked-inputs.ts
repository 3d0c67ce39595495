/**
 * Reading progress without touching the importers: each input's text source is wrapped so that
 * every chunk the pipeline pulls reports the bytes decoded so far and the lines seen in this
 * pass (a row count that is exact for CSV without quoted line breaks, and close otherwise).
 */
import { statSync } from 'node:fs';
import type { InputFile } from '../pipeline/compute-report.js';
import type { ProgressSink } from '../pipeline/progress.js';
import { countNewlines } from '../importers/text-source.js';

/** A file's size in bytes, 0 when it cannot be read (progress only). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A chunked source that tells `report` the bytes decoded and the lines seen so far, chunk by
 * chunk, as it is read (here, and in an import thread: import-thread-main.ts).
 */
export function withReadProgress(source: () => Iterable<string>, report: (bytes: number, rows: number) => void): () => Generator<string> {
  return function* (): Generator<string> {
    let bytes = 0;
    let rows = 0;
    for (const chunk of source()) {
      bytes += Buffer.byteLength(chunk, 'utf8');
      rows += countNewlines(chunk);
      report(bytes, rows);
      yield chunk;
    }
  };
}

/**
 * The inputs with their streamed text reporting `read` progress to `sink`.
 * @param paths the files as read (for their sizes), in the order of `inputs`
 * @example trackInputs(readInputs(paths), paths, (e) => console.error(e))
 */
export function trackInputs(inputs: readonly InputFile[], paths: readonly string[], sink: ProgressSink | undefined): InputFile[] {
  if (!sink) return [...inputs];
  return inputs.map((input, index) => {
    const source = input.text;
    if (typeof source === 'string') return input;
    const totalBytes = fileSize(paths[index] ?? input.file);
    const text = withReadProgress(source, (bytes, rows) =>
      sink({ phase: 'read', file: input.file, index, files: inputs.length, bytes: Math.min(bytes, totalBytes || bytes), totalBytes, rows }),
    );
    return { ...input, text };
  });
}
