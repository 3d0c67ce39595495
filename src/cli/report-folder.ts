/**
 * A report folder is replaced as a whole, or left as it was.
 *
 * The new report is written into a hidden staging folder beside `--out` (same parent, so the
 * same file system: `.<name>.taxlot-tmp-<pid>-<random>`), its manifest last; then the old
 * folder is renamed aside (`.<name>.taxlot-old-…`), the staging folder renamed in, and the old
 * one removed. A fault at any step (a full disk, a permission, a signal) removes the staging
 * folder and leaves `--out` untouched; a run killed outright (SIGKILL, a power cut) may leave a
 * staging or aside folder, which the next run into the same `--out` removes — or, if the kill
 * fell between the two renames, renames back in place. The caller holds the output lock
 * (output-lock.ts), so every such leftover is known to be dead.
 *
 * Ownership: `.taxlot-manifest.json` lists every file the run wrote (name, bytes, SHA-256).
 * Files it lists, unchanged since, are taxlot's, and a new run replaces all of them (a PDF left
 * out by `--no-pdf` goes, so one folder never mixes two runs). Anything else in the folder —
 * including a listed file someone has edited or replaced since — is the user's and is
 * carried into the new folder unchanged (hard links: the same files, not copies); a user's file
 * whose name the new report needs is never overwritten — the run is refused instead (exit 2).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, Interrupted, isFsError, OutputError } from './errors.js';
import { interruptible } from './interrupt.js';
import { isStagingName } from './io.js';
import { outputFs, streamToFile, temporaryName, type WrittenFile } from './write-outputs.js';
import { byFolder, isInsideName, listedFolders, manifestsOf, userPaths } from './report-subfolders.js';
import type { OutputProducer } from '../report/output-stream.js';

export const MANIFEST_FILE = '.taxlot-manifest.json';

interface Manifest {
  readonly schema: 1;
  readonly generator: 'taxlot';
  readonly files: readonly WrittenFile[];
}

/** The files a folder's manifest says taxlot wrote, or undefined when it has no valid manifest. */
export function readManifest(dir: string): Map<string, WrittenFile> | undefined {
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
  } catch {
    return undefined;
  }
  if (parsed.schema !== 1 || parsed.generator !== 'taxlot' || !Array.isArray(parsed.files)) return undefined;
  const files = new Map<string, WrittenFile>();
  for (const f of parsed.files as Partial<WrittenFile>[]) {
    const { name, bytes, sha256 } = f ?? {};
    // only plain names inside the folder (a multi-year report's `2024/summary.json`: plain names
    // joined by `/`): a forged manifest must not make taxlot delete elsewhere
    if (typeof name !== 'string' || !isInsideName(name)) return undefined;
    if (typeof bytes !== 'number' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    files.set(name, { name, bytes, sha256 });
  }
  return files;
}

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The files of `dir` that are taxlot's: listed in its manifest and unchanged since (same size
 * and SHA-256) — a listed file someone edited or replaced is theirs now. Undefined without a
 * valid manifest.
 */
export function ownFiles(dir: string): Set<string> | undefined {
  const listed = readManifest(dir);
  if (listed === undefined) return undefined;
  const own = new Set<string>();
  for (const [name, f] of listed) {
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (st.isFile() && st.size === f.bytes && sha256File(path) === f.sha256) own.add(name);
    } catch {
      // gone, or unreadable: not provably taxlot's
    }
  }
  return own;
}

/** Entries of `dir` (empty when it does not exist). */
function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Leftovers of killed runs into `realOut`: restore an old report renamed aside, remove the rest. */
export function recoverLeftovers(realOut: string): void {
  const parent = dirname(realOut);
  const prefix = `.${basename(realOut)}.taxlot-`;
  const leftovers = entries(parent).filter((n) => n.startsWith(prefix) && isStagingName(n) && lstatSync(join(parent, n)).isDirectory());
  const aside = leftovers.find((n) => n.startsWith(`${prefix}old-`) && existsSync(join(parent, n, MANIFEST_FILE)));
  if (aside !== undefined && !existsSync(realOut)) outputFs().renameSync(join(parent, aside), realOut);
  for (const n of leftovers) outputFs().rmSync(join(parent, n), { recursive: true, force: true });
}

/**
 * What of the existing folder is the user's, to carry into the new one: paths relative to it. A
 * sub-folder that holds files taxlot wrote (a multi-year report's `2024/`) is taxlot's, and only
 * the user's entries inside it are carried; any other entry is the user's as a whole.
 * @throws {OutputError} when one of the user's files has a name the new report needs
 */
function userEntries(realOut: string, shown: string, names: readonly string[]): string[] {
  if (!existsSync(realOut)) return [];
  const listed = readManifest(realOut);
  const ours = ownFiles(realOut);
  const user = userPaths(realOut, ours, listed === undefined ? new Set() : listedFolders(listed.keys()));
  const needed = new Set([...names, ...manifestsOf(names), MANIFEST_FILE]);
  const neededFolders = listedFolders(names);
  const clash = user.filter((n) => needed.has(n) || neededFolders.has(n));
  if (clash.length === 0) return user;
  const changed = clash.filter((n) => listed?.has(n) ?? false);
  const foreign = clash.filter((n) => !changed.includes(n));
  const them = (list: readonly string[]): string => (list.length === 1 ? 'it' : 'them');
  const parts: string[] = [];
  if (foreign.length > 0) {
    const why = listed === undefined ? `it has no ${MANIFEST_FILE} (written by an older taxlot, or not by taxlot)` : `its ${MANIFEST_FILE} does not list ${them(foreign)}`;
    parts.push(`${shown} holds ${foreign.join(', ')}, which taxlot did not write (${why})`);
  }
  if (changed.length > 0) {
    parts.push(`${shown} holds ${changed.join(', ')}, changed since taxlot wrote ${them(changed)} (not the size or SHA-256 its ${MANIFEST_FILE} records)`);
  }
  throw new OutputError(`${parts.join('; ')}; taxlot never replaces a file it did not write — move ${them(clash)} away, or choose another --out`);
}

/** Put `src` (the user's file, folder or link) into the new folder as it is: hard links, not copies. */
function carry(src: string, dst: string, shown: string): void {
  const fsx = outputFs();
  const st = lstatSync(src);
  fsx.mkdirSync(dirname(dst), { recursive: true });
  if (st.isSymbolicLink()) fsx.symlinkSync(readlinkSync(src), dst);
  else if (st.isDirectory()) {
    fsx.mkdirSync(dst);
    for (const n of entries(src)) carry(join(src, n), join(dst, n), shown);
    fsx.chmodSync(dst, st.mode & 0o7777);
  } else if (st.isFile()) {
    try {
      fsx.linkSync(src, dst);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'EXDEV') throw e;
      fsx.copyFileSync(src, dst); // a file system without hard links
    }
  } else {
    throw new OutputError(`${join(shown, basename(src))} is a pipe, socket or device, which taxlot cannot keep in a new report folder; move it out of ${shown}`);
  }
}

function swapIn(realOut: string, staging: string): void {
  const fsx = outputFs();
  if (!existsSync(realOut)) {
    fsx.renameSync(staging, realOut);
    return;
  }
  const aside = temporaryName(realOut, 'old');
  fsx.renameSync(realOut, aside);
  try {
    fsx.renameSync(staging, realOut);
  } catch (e) {
    fsx.renameSync(aside, realOut);
    throw e;
  }
  try {
    fsx.rmSync(aside, { recursive: true, force: true });
  } catch {
    // the new report is in place; the next run removes what is left of the old one
  }
}

/**
 * Each producer run up to its first chunk, which is where a renderer does its long up-front work
 * (the PDF lays out every page before its first byte; the CSVs build their Form 8949 lines): done
 * before anything is on disk and before signals are caught, a Ctrl-C then ends the process at
 * once, and once writing starts every step is short enough for a signal to be honoured quickly.
 * The producer returned can be called once; `ms` is how long the start took.
 */
function primed(produce: OutputProducer): { produce: OutputProducer; ms: number } {
  const start = performance.now();
  const chunks = produce()[Symbol.iterator]();
  const first = chunks.next();
  const ms = performance.now() - start;
  return {
    ms,
    produce: function* () {
      if (first.done) return;
      yield first.value;
      for (let next = chunks.next(); !next.done; next = chunks.next()) yield next.value;
    },
  };
}

/**
 * Write `outputs` as the folder `realOut` (a real path; `shown` is how the user wrote it),
 * replacing what taxlot wrote there before and keeping everything else.
 * @returns the files written, in order, as the manifest lists them, and the user's entries kept
 * @throws {OutputError} when the system refuses a write (the folder is then as it was)
 * @throws {Interrupted} on SIGINT/SIGTERM (the folder is then as it was)
 */
export function writeFolderAtomically(
  realOut: string,
  shown: string,
  outputs: ReadonlyMap<string, OutputProducer>,
  { prime = true }: { prime?: boolean } = {},
): Promise<{ files: WrittenFile[]; kept: string[] }> {
  // a multi-year report does not prime: every year's laid-out PDF would be held at once
  const ready = [...outputs].map(([name, produce], order) => ({ name, order, ...(prime ? primed(produce) : { produce, ms: 0 }) }));
  // The slowest to start holds the most ready state (the laid-out PDF): written first, it is let
  // go first. The order of writing changes no byte; the manifest keeps the outputs' order.
  const writeOrder = [...ready].sort((a, b) => b.ms - a.ms || a.order - b.order);
  return interruptible(async (abort) => {
    const fsx = outputFs();
    const staging = temporaryName(realOut, 'tmp');
    let made = false;
    try {
      fsx.mkdirSync(dirname(realOut), { recursive: true });
      recoverLeftovers(realOut);
      const kept = userEntries(realOut, shown, [...outputs.keys()]);
      fsx.mkdirSync(staging);
      made = true;
      const files: WrittenFile[] = [];
      const written: WrittenFile[] = [];
      for (const r of writeOrder) {
        if (r.name.includes('/')) fsx.mkdirSync(dirname(join(staging, r.name)), { recursive: true });
        written[r.order] = { ...(await streamToFile(join(staging, r.name), r.produce, abort)), name: r.name };
      }
      files.push(...written);
      // each sub-folder gets its own manifest, as the folder of a single report would
      for (const [folder, inside] of byFolder(written)) {
        const sub: Manifest = { schema: 1, generator: 'taxlot', files: inside };
        const made = await streamToFile(join(staging, folder, MANIFEST_FILE), () => [`${JSON.stringify(sub, null, 2)}\n`], abort);
        files.push({ ...made, name: `${folder}/${MANIFEST_FILE}` });
      }
      for (const name of kept) carry(join(realOut, name), join(staging, name), shown);
      const manifest: Manifest = { schema: 1, generator: 'taxlot', files };
      await streamToFile(join(staging, MANIFEST_FILE), () => [`${JSON.stringify(manifest, null, 2)}\n`], abort);
      if (existsSync(realOut)) fsx.chmodSync(staging, statSync(realOut).mode & 0o7777);
      abort.throwIfAborted();
      swapIn(realOut, staging);
      made = false;
      return { files, kept };
    } catch (e) {
      if (made) removeStaging(staging);
      if (e instanceof Interrupted) throw new Interrupted(e.signal, `${shown} was left as it was, and nothing of this run remains on disk`);
      if (isFsError(e)) {
        const where = typeof e.path === 'string' ? e.path.replace(staging, shown).replace(realOut, shown) : shown;
        throw new OutputError(`cannot write ${where}: ${describeFsError(e)}; ${shown} was left as it was${hintFor(e, realOut, staging)}`);
      }
      throw e;
    }
  });
}

/** What to do about the two faults the swap itself adds. */
function hintFor(e: NodeJS.ErrnoException, realOut: string, staging: string): string {
  if ((e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') && e.syscall === 'mkdir' && e.path === staging) {
    return ` (taxlot writes the new report beside the folder and swaps it in, so it needs to create folders in ${dirname(realOut)})`;
  }
  if (e.code === 'EBUSY' && e.syscall === 'rename') return ' (the folder is probably a mount point, such as a container volume, which cannot be renamed: give a folder inside it as --out)';
  return '';
}

/**
 * Refuse early (before the computation) an `--out` that can never be swapped: a mount point.
 * @throws {OutputError}
 */
export function assertReplaceable(realOut: string, shown: string): void {
  let here: number;
  let parent: number;
  try {
    here = statSync(realOut).dev;
    parent = statSync(dirname(realOut)).dev;
  } catch {
    return; // does not exist yet: created by the swap
  }
  if (here !== parent) {
    throw new OutputError(`${shown} is a mount point (another file system than its parent), which taxlot cannot replace as a whole; give a folder inside it as --out, such as ${join(shown, 'taxlot-report')}`);
  }
}

function removeStaging(staging: string): void {
  try {
    outputFs().rmSync(staging, { recursive: true, force: true });
  } catch {
    // the next run into this folder removes it (recoverLeftovers)
  }
}

/**
 * Remove what taxlot wrote into `realOut` (the files its manifest lists and nobody changed since,
 * then the manifest); the folder and anything else in it stay. Without a manifest nothing is
 * touched.
 */
export function removeOwnReport(realOut: string): void {
  const ours = ownFiles(realOut);
  if (ours === undefined) return;
  const fsx = outputFs();
  for (const name of ours) fsx.rmSync(join(realOut, name), { force: true });
  fsx.rmSync(join(realOut, MANIFEST_FILE), { force: true });
  // sub-folders left empty (a multi-year report's years), deepest first
  for (const folder of [...listedFolders(ours)].sort((a, b) => b.length - a.length)) {
    try {
      if (readdirSync(join(realOut, folder)).length === 0) rmdirSync(join(realOut, folder));
    } catch {
      // gone already, or not a folder: nothing to tidy
    }
  }
}
