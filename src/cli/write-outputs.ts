/**
 * Writing report files as streams: each file's chunks go straight to a temporary file beside it
 * (batched into large writes), which is renamed over the file's name once complete — the same
 * guarantee as `writeFileAtomic` (the complete content appears under its name, or nothing
 * changes), without ever holding a whole file in memory.
 */
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writevSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fixedOutput, type OutputProducer } from '../report/output-stream.js';

/** Bytes gathered before one write. */
const BATCH_BYTES = 1 << 20;
/** At most this many buffers per write (below every platform's IOV_MAX). */
const BATCH_PIECES = 256;

let tmpCounter = 0;

/**
 * A temporary name beside `path`, unique across processes, worker threads (which share a pid)
 * and calls.
 */
export function temporaryName(path: string): string {
  return `${path}.${process.pid}-${threadId}-${++tmpCounter}.tmp`;
}

/** Write a file atomically: the complete content appears under its name, or nothing changes. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeStreamAtomic(path, fixedOutput(content));
}

/** Write one file atomically from its producer's chunks. */
export function writeStreamAtomic(path: string, produce: OutputProducer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = temporaryName(path);
  const fd = openSync(tmp, 'w');
  let open = true;
  try {
    let pending: Uint8Array[] = [];
    let bytes = 0;
    const flush = (): void => {
      let left = pending;
      while (left.length > 0) {
        let written = writevSync(fd, left);
        // A short write: drop what was written and retry the rest.
        const rest: Uint8Array[] = [];
        for (const b of left) {
          if (written >= b.byteLength) written -= b.byteLength;
          else {
            rest.push(b.subarray(written));
            written = 0;
          }
        }
        left = rest;
      }
      pending = [];
      bytes = 0;
    };
    for (const chunk of produce()) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (b.byteLength === 0) continue;
      pending.push(b);
      bytes += b.byteLength;
      if (bytes >= BATCH_BYTES || pending.length >= BATCH_PIECES) flush();
    }
    flush();
    open = false;
    closeSync(fd);
  } catch (e) {
    if (open) closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  renameSync(tmp, path);
}

/** Every file of `outputs` into `dir`, one after the other, in the map's order. */
export function writeOutputs(dir: string, outputs: ReadonlyMap<string, OutputProducer>): void {
  for (const [name, produce] of outputs) writeStreamAtomic(join(dir, name), produce);
}
