/**
 * The file system around a report: collecting the input files, keeping the output folder away
 * from them (on real paths, links followed as the system follows them). Reading the inputs is
 * read-input.ts; writing the report folder as a whole is report-folder.ts, single files
 * write-outputs.ts.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, statSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

/**
 * Expand the inputs given on the command line: files as given, folders recursively (every
 * `*.csv`, sorted, so the order never depends on the file system). `exclude` folders (the output
 * folder) are never read, so a report's own CSVs are not re-imported on the next run. Inside
 * folders only regular files are read (not links, pipes or devices); a path given that is not a
 * regular file or a folder is a usage error.
 */
export function collectInputs(paths: readonly string[], exclude: readonly string[] = []): string[] {
  const excluded = exclude.map((p) => resolve(p));
  const isExcluded = (p: string): boolean => excluded.some((x) => resolve(p) === x || resolve(p).startsWith(x + sep));
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A report folder of an earlier run (its summary.json and form8949.csv side by side) is output,
    // not input: reading it back would only produce unknown-format errors.
    if (dir !== rootOf(dir) && isReportFolder(entries.map((e) => e.name))) return;
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // a report being written, or left half-written by a killed run, is not input either
      if (isExcluded(path) || isStagingName(entry.name)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.csv')) out.push(path);
    }
  };
  const roots = new Set(paths.map((p) => resolve(p)));
  const rootOf = (dir: string): string => (roots.has(resolve(dir)) ? dir : '');
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`input not found: ${p}`);
    }
    if (stat.isDirectory()) walk(p);
    else if (stat.isFile()) out.push(p);
    // a pipe would block the read forever, a device such as /dev/zero never ends
    else throw new UsageError(`${p} is not a regular file (a device, pipe or socket); give CSV files or folders`);
  }
  return [...new Set(out)];
}

export { readInputs, decodeText } from './read-input.js';

/** The hidden names taxlot writes beside an output while it works (see report-folder.ts). */
export function isStagingName(name: string): boolean {
  return /^\..+\.taxlot-(tmp|old)-\d+-[0-9a-f]+$/.test(name);
}

/** The files every taxlot report folder holds. */
function isReportFolder(names: readonly string[]): boolean {
  return (names.includes('summary.json') && names.includes('form8949.csv')) || names.includes('.taxlot-manifest.json');
}

/** Where the output folder may go relative to the folders given as inputs. */
export interface OutputPlacement {
  /** The inputs as given on the command line; those that are folders must not contain `--out`. */
  readonly inputFolders?: readonly string[];
  /** `--allow-out-inside-inputs`: the user asked for the report inside an input folder. */
  readonly allowInsideInputs?: boolean;
}

/**
 * Refuse an output folder that is, or would overwrite, one of the inputs — and, unless the user
 * asked for it, one that is (or is inside) a folder given as input: the report would then sit
 * among the exports it was computed from.
 */
export function assertSafeOutput(outDir: string, inputs: readonly string[], outputNames: readonly string[], placement: OutputPlacement = {}): void {
  const out = physicalPath(outDir);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${outDir} is a file; it must be a folder (created if missing)`);
  if (!placement.allowInsideInputs) {
    const outReal = out;
    for (const folder of placement.inputFolders ?? []) {
      if (!isFolder(folder)) continue;
      const root = safeRealpath(folder);
      if (outReal === root || outReal.startsWith(root.endsWith(sep) ? root : root + sep)) {
        throw new UsageError(
          `the output folder ${outDir} is inside the input folder ${folder}; choose an --out outside ${folder}, or pass --allow-out-inside-inputs to write it there`,
        );
      }
    }
  }
  for (const input of inputs) {
    const real = safeRealpath(input);
    if (outputNames.some((name) => join(out, name) === real)) {
      throw new UsageError(`the output folder ${outDir} would overwrite the input ${input}; choose another --out`);
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Where `p` really is, as the operating system would resolve it when writing there: symbolic
 * links followed component by component — including a link whose target does not exist yet and
 * a `..` after a link (`link/../x` is beside the link's target, not beside the link) — down to
 * the nearest existing folder, with the rest of the path appended.
 * @throws {UsageError} on a loop of links
 */
export function physicalPath(p: string, hops = 0): string {
  if (hops > 40) throw new UsageError(`too many symbolic links on the path ${p}`);
  let abs = isAbsolute(p) ? p : `${process.cwd()}${sep}${p}`;
  while (abs.length > 1 && abs.endsWith(sep)) abs = abs.slice(0, -1);
  try {
    // the native call resolves `..` after a link as the system does; the JS one would not
    return realpathSync.native(abs);
  } catch {
    // does not exist (yet), or a link whose target does not
  }
  const parent = dirname(abs);
  if (parent === abs) return abs;
  const name = basename(abs);
  const realParent = physicalPath(parent, hops);
  if (name === '..') return dirname(realParent);
  if (name === '.') return realParent;
  const here = join(realParent, name);
  let target: string | undefined;
  try {
    if (lstatSync(here).isSymbolicLink()) target = readlinkSync(here);
  } catch {
    target = undefined;
  }
  if (target === undefined) return here;
  return physicalPath(isAbsolute(target) ? target : `${realParent}${sep}${target}`, hops + 1);
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Refuse to write a single output file (`prices missing --out`) over an input, the price table
 * it was computed with, or a folder.
 */
export function assertSafeOutputFile(out: string, protectedFiles: readonly string[]): void {
  const target = resolve(out);
  if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`--out ${out} is a folder; give a file name such as prices-needed.csv`);
  const real = safeRealpath(target);
  for (const f of protectedFiles) {
    if (safeRealpath(f) === real) throw new UsageError(`--out ${out} would overwrite ${f}, which this run reads; choose another file`);
  }
}
