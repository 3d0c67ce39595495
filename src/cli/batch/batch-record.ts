/**
 * What a batch leaves on disk as it goes, so that an interruption (Ctrl-C, a kill, a crash)
 * loses only the clients that were running: each finished client's report is already swapped
 * in (report-folder.ts), then its stamp is written and `index.csv` is rewritten (atomically)
 * with every client finished so far. A re-run finds the stamps and computes only the others.
 */
import { existsSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isStagingName } from '../io.js';
import { MANIFEST_FILE, readManifest, removeOwnReport } from '../report-folder.js';
import { writeFileAtomic } from '../write-outputs.js';
import { readStamp, STAMP_FOLDER, writeStamp } from './client-stamp.js';
import { renderIndexCsv } from './index-csv.js';
import { indexRows, type ClientOutcome, type IndexRow } from './index-row.js';

export const INDEX_CSV = 'index.csv';

/** A client as the recorder needs it. */
export interface RecordedClient {
  readonly folder: string;
  readonly client: string;
  readonly notes: readonly string[];
  readonly hash?: string;
  /** An unchanged client's rows from its stamp (one per year for a multi-year client). */
  readonly stampRows?: readonly IndexRow[];
}

function pidOf(name: string): number {
  return Number(/-(\d+)-[0-9a-f]+$/.exec(name)?.[1] ?? Number.NaN);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * Remove what killed runs left in the batch folder `outReal` (held under the batch's lock):
 * half-written `index.csv`/stamp temporaries, and client staging folders whose process is gone
 * (a client's old report renamed aside is renamed back). A live process's staging folder (a
 * `taxlot report` into one client's folder right now) is left alone.
 */
export function removeDeadLeftovers(outReal: string): void {
  cleanLeftovers(outReal, (pid) => !isAlive(pid));
}

/**
 * After this process stopped its workers: remove the staging folders they were writing; a
 * worker stopped between the two renames of its swap gets its old folder renamed back.
 */
export function removeOwnStaging(outReal: string): void {
  cleanLeftovers(outReal, (pid) => pid === process.pid);
}

function cleanLeftovers(outReal: string, isLeftover: (pid: number) => boolean): void {
  for (const dir of [outReal, join(outReal, STAMP_FOLDER)]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter(isStagingName)) {
      if (!isLeftover(pidOf(name))) continue;
      const path = join(dir, name);
      const [, target, kind] = /^\.(.+)\.taxlot-(tmp|old)-/.exec(name)!;
      const home = join(dir, target!);
      // stopped between the two renames of the swap: the old report goes back in place
      if (kind === 'old' && lstatSync(path).isDirectory() && !existsSync(home) && existsSync(join(path, MANIFEST_FILE))) renameSync(path, home);
      else rmSync(path, { recursive: true, force: true });
    }
  }
}

/**
 * A failed client must not leave its last report looking current: remove what taxlot wrote
 * there (its manifest's files; for a folder written before manifests, the files its stamp lists).
 */
function removeStaleReport(out: string, client: string): void {
  const dir = join(out, client);
  // a client folder that is a link (that client fails for it) leads elsewhere: nothing there is ours
  try {
    if (lstatSync(dir).isSymbolicLink()) return;
  } catch {
    return; // no folder, nothing to remove
  }
  if (readManifest(dir) !== undefined) {
    removeOwnReport(dir);
    return;
  }
  const previous = readStamp(out, client);
  for (const name of previous?.written ?? []) {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) continue;
    rmSync(join(dir, name), { force: true });
  }
}

/** Records each client as it finishes; `rows()` is the index so far, in folder order. */
export class BatchRecorder {
  private readonly done = new Map<string, readonly IndexRow[]>();
  constructor(private readonly out: string, private readonly clients: readonly RecordedClient[]) {}

  /** An unchanged client: its row from the stamp. */
  reuse(c: RecordedClient, rows: readonly IndexRow[]): void {
    this.done.set(c.client, rows);
  }

  /** A client finished (or failed): stamp it and rewrite the index. */
  finish(c: RecordedClient, outcome: ClientOutcome): readonly IndexRow[] {
    const rows = indexRows(c.folder, c.client, outcome, c.notes);
    const row = rows[0]!;
    // "another run is writing it": that folder is the other run's now, not ours to clear
    if (outcome.status === 'failed' && !outcome.reason.startsWith('another taxlot run')) removeStaleReport(this.out, c.client);
    // A crash may be transient: no stamp, so the next run tries again.
    if (c.hash !== undefined && !outcome.reason.startsWith('internal error')) {
      writeStamp(this.out, c.client, { schema: 2, hash: c.hash, row, ...(outcome.years ? { rows } : {}), written: outcome.written });
    }
    this.done.set(c.client, rows);
    this.writeIndex();
    return rows;
  }

  /** Every finished client's rows, in folder order (a multi-year client's years together). */
  rows(): IndexRow[] {
    return this.clients.filter((c) => this.done.has(c.client)).flatMap((c) => this.done.get(c.client)!);
  }

  get finished(): number {
    return this.done.size;
  }

  writeIndex(): string {
    const path = join(this.out, INDEX_CSV);
    writeFileAtomic(path, renderIndexCsv(this.rows()));
    return path;
  }
}
