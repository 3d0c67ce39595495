/**
 * The file system around a report: collecting the input files, keeping the output folder away
 * from them, clearing a previous run's stale outputs. Reading the inputs is read-input.ts; writing
 * outputs atomically (temp file + rename) is write-outputs.ts.
 */
import { existsSync, readdirSync, statSync, unlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
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
      if (isExcluded(path)) continue;
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

/** The files every taxlot report folder holds. */
function isReportFolder(names: readonly string[]): boolean {
  return names.includes('summary.json') && names.includes('form8949.csv');
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
  const out = resolve(outDir);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${outDir} is a file; it must be a folder (created if missing)`);
  if (!placement.allowInsideInputs) {
    const outReal = realPathForWriting(out);
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

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (`p` may not exist yet). */
function realPathForWriting(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return safeRealpath(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realPathForWriting(parent), basename(abs));
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Remove files a previous run wrote into `dir` that this run did not write (a PDF after
 * `--no-pdf`, `turbotax-gains.csv` once the export is split), so a report folder never mixes two
 * runs. Only names `isOutput` recognises are touched.
 */
export function removeStaleOutputs(dir: string, written: readonly string[], isOutput: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (isOutput(name) && !written.includes(name)) unlinkSync(join(dir, name));
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
