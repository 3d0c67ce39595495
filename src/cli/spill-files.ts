/**
 * The shell's spill store (`pipeline/spill-store.ts`): each run a temporary file in a folder of
 * its own under the system's temporary directory (`TMPDIR`), written in large appends and read
 * back in 1 MiB blocks (UTF-8, decoded across block boundaries; or as the bytes themselves,
 * `readBytes`, for the turbotax-transactions.csv copied into the report folder). The folder is
 * removed by `dispose()`, and at the latest when the process exits.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { memorySpillStore, type SpillRun, type SpillStore } from '../pipeline/spill-store.js';
import { describeFsError, isFsError, OutputError } from './errors.js';

/** A file-system failure on a spill file, as the CLI reports output problems (no stack trace). */
function spillFailure(path: string, e: unknown): unknown {
  return isFsError(e) ? new OutputError(`cannot use the temporary file ${path} (set TMPDIR to another folder): ${describeFsError(e)}`) : e;
}

function guarded<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw spillFailure(path, e);
  }
}

const READ_BYTES = 1 << 20;

export interface SpillFiles extends SpillStore {
  /** Remove the folder and every run in it. */
  dispose(): void;
  /** The folder the runs are in (made on first use): another thread writes its runs there too. */
  folder(): string;
  /** A closed run another thread wrote into `folder()`, to be read and removed here. */
  adopt(path: string): SpillRun;
}

/** The path of a run made by `fileRun` (to hand it to another thread). */
export function pathOfRun(run: SpillRun): string | undefined {
  return (run as { path?: string }).path;
}

/**
 * A run in the file at `path`: created empty for appends (`create`), or an existing closed one
 * (`create` false: another thread wrote it).
 */
export function fileRun(path: string, create = true): SpillRun & { readonly path: string } {
  let fd: number | undefined = create ? guarded(path, () => fs.openSync(path, 'w', 0o600)) : undefined;
  let removed = false;
  return {
    path,
    append(text) {
      if (fd === undefined) throw new Error('spill file: append after close');
      const out = fd;
      const bytes = Buffer.from(text, 'utf8');
      guarded(path, () => {
        for (let at = 0; at < bytes.length;) at += fs.writeSync(out, bytes, at, bytes.length - at);
      });
    },
    close() {
      const out = fd;
      fd = undefined;
      if (out !== undefined) guarded(path, () => fs.closeSync(out));
    },
    *read() {
      if (removed) throw new Error('spill file: read after remove');
      const input = guarded(path, () => fs.openSync(path, 'r'));
      try {
        const buffer = Buffer.allocUnsafe(READ_BYTES);
        const decoder = new StringDecoder('utf8');
        for (;;) {
          const n = guarded(path, () => fs.readSync(input, buffer, 0, READ_BYTES, null));
          if (n === 0) break;
          const text = decoder.write(buffer.subarray(0, n));
          if (text !== '') yield text;
        }
        const rest = decoder.end();
        if (rest !== '') yield rest;
      } finally {
        fs.closeSync(input);
      }
    },
    *readBytes() {
      if (removed) throw new Error('spill file: read after remove');
      const input = guarded(path, () => fs.openSync(path, 'r'));
      try {
        for (;;) {
          // a new buffer per block: the reader may keep the pieces until its next write
          const buffer = Buffer.allocUnsafe(READ_BYTES);
          const n = guarded(path, () => fs.readSync(input, buffer, 0, READ_BYTES, null));
          if (n === 0) break;
          yield buffer.subarray(0, n);
        }
      } finally {
        fs.closeSync(input);
      }
    },
    remove() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
      removed = true;
      fs.rmSync(path, { force: true });
    },
  };
}

/**
 * `runSize`: events per sorted run; `TAXLOT_SPILL_RUN_EVENTS` sets it to check on any input that
 * the result does not depend on it (as `TAXLOT_CHUNK_BYTES` does for reads).
 */
export function createSpillFiles(parent: string = tmpdir(), runSize: number | undefined = runSizeFromEnv()): SpillFiles {
  let dir: string | undefined;
  let next = 0;
  const cleanup = (): void => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };
  const folder = (): string => {
    if (!dir) {
      dir = fs.mkdtempSync(join(parent, 'taxlot-spill-'));
      process.once('exit', cleanup);
    }
    return dir;
  };
  return {
    ...(runSize !== undefined ? { runSize } : {}),
    create(): SpillRun {
      let where: string;
      try {
        where = folder();
      } catch (e) {
        // no temporary folder can be made: the runs stay in memory (same results, more memory)
        if (isFsError(e)) return memorySpillStore.create();
        throw e;
      }
      return fileRun(join(where, `run-${next++}`));
    },
    folder,
    adopt: (path) => fileRun(path, false),
    dispose() {
      process.removeListener('exit', cleanup);
      cleanup();
    },
  };
}

function runSizeFromEnv(): number | undefined {
  const text = process.env.TAXLOT_SPILL_RUN_EVENTS;
  const n = text === undefined ? NaN : Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
