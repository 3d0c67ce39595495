/**
 * Where the pipeline puts what it does not keep in memory: sorted runs of events (`sorted-runs.ts`)
 * and the rendered `turbotax-transactions.csv`. The pipeline is pure, so it never opens a file:
 * the shell gives it a store (`src/cli/spill-files.ts` writes temporary files), and without one
 * the runs stay in memory as text — the same results, only the memory differs.
 */

/** One run of text, appended to once, then read back as often as wanted, then removed. */
export interface SpillRun {
  append(text: string): void;
  /** No more appends. */
  close(): void;
  /** The text appended, in order, in pieces of any size (a piece may end inside a line). */
  read(): Iterable<string>;
  /**
   * The same content as UTF-8 bytes, when the store holds bytes (a file): what a writer copies
   * into a report file without decoding and re-encoding it. Each piece is its own buffer.
   */
  readBytes?(): Iterable<Uint8Array>;
  /** Let the run go (a file deleted); reading it afterwards is a bug. */
  remove(): void;
}

export interface SpillStore {
  create(): SpillRun;
  /** Items per sorted run (default `DEFAULT_RUN_SIZE` of sorted-runs.ts). */
  readonly runSize?: number;
}

/** The default: runs held in memory as strings (compact next to the objects they stand for). */
export const memorySpillStore: SpillStore = {
  create(): SpillRun {
    let parts: string[] | undefined = [];
    return {
      append(text) {
        if (!parts) throw new Error('spill run: append after remove');
        parts.push(text);
      },
      close() {},
      read() {
        if (!parts) throw new Error('spill run: read after remove');
        return parts;
      },
      remove() {
        parts = undefined;
      },
    };
  },
};
