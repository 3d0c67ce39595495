/**
 * Writing files as streams, through one replaceable file-system layer (`outputFs`, so tests can
 * inject a full disk or a refused permission). A single file (`writeFileAtomic`: a price table,
 * a batch index, a stamp) goes to a hidden temporary file beside it, renamed over its name once
 * complete; a report folder is written whole in a staging folder and swapped in
 * (report-folder.ts), its files streamed by `streamToFile`. Chunks are batched into large writes
 * (text encoded straight into one reused 1 MiB buffer, bytes passed as they are) and no file is
 * ever held whole in memory.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, isFsError, OutputError } from './errors.js';
import { yieldToSignals } from './interrupt.js';
import { fixedOutput, type OutputProducer } from '../report/output-stream.js';

/** The file-system calls the writers make: Node's, or a test's with faults injected. */
export interface OutputFs {
  readonly openSync: typeof fs.openSync;
  readonly writevSync: typeof fs.writevSync;
  readonly closeSync: typeof fs.closeSync;
  readonly renameSync: typeof fs.renameSync;
  readonly mkdirSync: typeof fs.mkdirSync;
  readonly rmSync: typeof fs.rmSync;
  readonly linkSync: typeof fs.linkSync;
  readonly symlinkSync: typeof fs.symlinkSync;
  readonly copyFileSync: typeof fs.copyFileSync;
  readonly chmodSync: typeof fs.chmodSync;
}

export const nodeOutputFs: OutputFs = {
  openSync: fs.openSync, writevSync: fs.writevSync, closeSync: fs.closeSync, renameSync: fs.renameSync, mkdirSync: fs.mkdirSync,
  rmSync: fs.rmSync, linkSync: fs.linkSync, symlinkSync: fs.symlinkSync, copyFileSync: fs.copyFileSync, chmodSync: fs.chmodSync,
};

let activeFs: OutputFs = nodeOutputFs;

/** The layer every writer uses. */
export function outputFs(): OutputFs {
  return activeFs;
}

/** Tests: route every write through `layer` until the returned function is called. */
export function useOutputFs(layer: Partial<OutputFs>): () => void {
  const previous = activeFs;
  activeFs = { ...nodeOutputFs, ...layer };
  return () => {
    activeFs = previous;
  };
}

/** Bytes gathered before one write: the size of a writer's buffer. */
const BATCH_BYTES = 1 << 20;
/** At most this many buffers per write (below every platform's IOV_MAX). */
const BATCH_PIECES = 256;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * A hidden name beside `path` for work in progress, `.<name>.taxlot-<kind>-<pid>-<random>`:
 * unique across processes and worker threads, and recognisable (`isStagingName`), so a later run
 * can tell a leftover of a killed run from a user's file, and never reads it as input.
 */
export function temporaryName(path: string, kind: 'tmp' | 'old' = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.taxlot-${kind}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** Write every buffer, retrying short writes. */
function writeAll(fd: number, buffers: Uint8Array[]): void {
  let left = buffers;
  while (left.length > 0) {
    let written = activeFs.writevSync(fd, left);
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
}

/**
 * Gathers chunks into large writes, hashing and counting them. Text is encoded straight into one
 * reused buffer (no Buffer per chunk); a chunk too big for it, or bytes, are written as they are.
 */
class Batcher {
  private readonly buffer = Buffer.allocUnsafe(BATCH_BYTES);
  /** Bytes of `buffer` in use; those from `start` on are not yet a pending piece. */
  private used = 0;
  private start = 0;
  private pending: Uint8Array[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly fd: number, private readonly hash?: Hash) {}
  /** Add a chunk; true when a write was made (a moment to let signals in). */
  add(chunk: string | Uint8Array): boolean {
    if (typeof chunk === 'string') {
      if (chunk.length === 0) return false;
      const room = chunk.length * MAX_UTF8_PER_UNIT;
      if (room <= BATCH_BYTES) {
        let wrote = false;
        if (this.used + room > BATCH_BYTES) {
          this.flush();
          wrote = true;
        }
        const n = this.buffer.write(chunk, this.used, 'utf8');
        this.used += n;
        this.bytes += n;
        return wrote;
      }
      return this.addBytes(Buffer.from(chunk, 'utf8'));
    }
    return this.addBytes(chunk);
  }
  private addBytes(b: Uint8Array): boolean {
    if (b.byteLength === 0) return false;
    this.closeText();
    this.pending.push(b);
    this.hash?.update(b);
    this.size += b.byteLength;
    this.bytes += b.byteLength;
    if (this.size < BATCH_BYTES && this.pending.length < BATCH_PIECES) return false;
    this.flush();
    return true;
  }
  /** The text gathered so far becomes a pending piece: written before what comes next. */
  private closeText(): void {
    if (this.used === this.start) return;
    const text = this.buffer.subarray(this.start, this.used);
    this.hash?.update(text);
    this.pending.push(text);
    this.size += text.byteLength;
    this.start = this.used;
  }
  flush(): void {
    this.closeText();
    writeAll(this.fd, this.pending);
    this.pending = [];
    this.size = 0;
    this.used = 0;
    this.start = 0;
  }
}

/** What a file written by `streamToFile` holds, as the manifest records it. */
export interface WrittenFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Write a new file (it must not exist) from its producer's chunks, letting SIGINT/SIGTERM in
 * after every write. On any failure the partial file is removed and the error rethrown.
 */
export async function streamToFile(path: string, produce: OutputProducer, abort?: AbortSignal): Promise<WrittenFile> {
  const hash = createHash('sha256');
  const fd = activeFs.openSync(path, 'wx');
  let open = true;
  try {
    const out = new Batcher(fd, hash);
    let since = performance.now();
    for (const chunk of produce()) {
      // after every write, and at least every 50 ms of rendering
      if (out.add(chunk) || performance.now() - since > 50) {
        await yieldToSignals(abort);
        since = performance.now();
      }
    }
    out.flush();
    open = false;
    activeFs.closeSync(fd);
    await yieldToSignals(abort);
    return { name: basename(path), bytes: out.bytes, sha256: hash.digest('hex') };
  } catch (e) {
    if (open) closeQuietly(fd);
    activeFs.rmSync(path, { force: true });
    // a failed write() names no file: say which one it was
    if (isFsError(e) && e.path === undefined) e.path = path;
    throw e;
  }
}

function closeQuietly(fd: number): void {
  try {
    activeFs.closeSync(fd);
  } catch {
    // already failing: the first error is the one to report
  }
}

/**
 * Write a file atomically: the complete content appears under its name, or nothing changes and
 * no temporary file is left.
 * @throws {OutputError} naming the file and the cause when the system refuses the write
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeStreamAtomic(path, fixedOutput(content));
}

/** Write one file atomically from its producer's chunks (see `writeFileAtomic`). */
export function writeStreamAtomic(path: string, produce: OutputProducer): void {
  let tmp: string | undefined;
  try {
    activeFs.mkdirSync(dirname(path), { recursive: true });
    tmp = temporaryName(path);
    const fd = activeFs.openSync(tmp, 'wx');
    try {
      const out = new Batcher(fd);
      for (const chunk of produce()) out.add(chunk);
      out.flush();
    } catch (e) {
      closeQuietly(fd);
      throw e;
    }
    activeFs.closeSync(fd);
    activeFs.renameSync(tmp, path);
    tmp = undefined;
  } catch (e) {
    if (tmp !== undefined) removeQuietly(tmp);
    if (isFsError(e)) throw new OutputError(`cannot write ${path}: ${describeFsError(e)}; the previous ${basename(path)} was left as it was`);
    throw e;
  }
}

function removeQuietly(path: string): void {
  try {
    activeFs.rmSync(path, { force: true, recursive: true });
  } catch {
    // reported by the caller's error; a leftover is removed by the next run
  }
}

/** Every file of `outputs` into `dir`, one after the other, in the map's order, each atomically. */
export function writeOutputs(dir: string, outputs: ReadonlyMap<string, OutputProducer>): void {
  for (const [name, produce] of outputs) writeStreamAtomic(join(dir, name), produce);
}
