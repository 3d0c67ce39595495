/**
 * The shell's spill store (`pipeline/spill-store.ts`): each run a temporary file in a folder of
 * its own under the system's temporary directory (`TMPDIR`), written in large appends and read
 * back in 1 MiB blocks (UTF-8, decoded across block boundaries). The folder is removed by
 * `dispose()`, and at the latest when the process exits.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { SpillRun, SpillStore } from '../pipeline/spill-store.js';

const READ_BYTES = 1 << 20;

export interface SpillFiles extends SpillStore {
  /** Remove the folder and every run in it. */
  dispose(): void;
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
      const path = join(folder(), `run-${next++}`);
      let fd: number | undefined = fs.openSync(path, 'w', 0o600);
      let removed = false;
      return {
        append(text) {
          if (fd === undefined) throw new Error('spill file: append after close');
          fs.writeSync(fd, text, null, 'utf8');
        },
        close() {
          if (fd !== undefined) fs.closeSync(fd);
          fd = undefined;
        },
        *read() {
          if (removed) throw new Error('spill file: read after remove');
          const input = fs.openSync(path, 'r');
          try {
            const buffer = Buffer.allocUnsafe(READ_BYTES);
            const decoder = new StringDecoder('utf8');
            for (;;) {
              const n = fs.readSync(input, buffer, 0, READ_BYTES, null);
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
        remove() {
          if (fd !== undefined) fs.closeSync(fd);
          fd = undefined;
          removed = true;
          fs.rmSync(path, { force: true });
        },
      };
    },
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
