/**
 * Re-run avoidance. A client's stamp, stored in `<out>/.taxlot-batch/<client>.json`, records the
 * SHA-256 of everything its report depends on, the index row that run produced and the files it
 * wrote. A client whose fingerprint is unchanged (and whose files are still there) is skipped and
 * its index row is reproduced from the stamp.
 *
 * The fingerprint covers: the taxlot version, the client folder's name, the effective options
 * (after `taxlot.json` files and flags; not the price cache folder), the bytes of the files those
 * options name (the price table), each input file's path as shown in the report and its bytes (in
 * input order), and the links that were not followed. Stamps live beside, not inside, the client's report folder, so that
 * folder holds exactly what `taxlot report` writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-outputs.js';
import type { OptionValues } from './batch-config.js';
import type { IndexRow } from './index-row.js';

export const STAMP_FOLDER = '.taxlot-batch';

export interface ClientStamp {
  readonly schema: 2;
  readonly hash: string;
  /** The client's index row (its first, for a multi-year client). */
  readonly row: IndexRow;
  /** A multi-year client (`"year": "2019-2025"`): its row of each year. */
  readonly rows?: readonly IndexRow[];
  readonly written: readonly string[];
}

/** The index rows a stamp stands for: one per year for a multi-year client, else its one row. */
export function stampRows(stamp: ClientStamp): IndexRow[] {
  return Array.isArray(stamp.rows) && stamp.rows.length > 0 ? [...stamp.rows] : [stamp.row];
}

export interface FingerprintInput {
  readonly version: string;
  readonly folder: string;
  readonly options: OptionValues;
  /** Files named by options (the price table): their bytes are part of the fingerprint. */
  readonly optionFiles: readonly string[];
  readonly inputs: readonly string[];
  readonly escapingLinks: readonly string[];
}

/** Deterministic JSON: object keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The client's fingerprint: hex SHA-256. Reads the files it names.
 * @example fingerprintClient({ version: '0.1.0', folder: 'alice', options, optionFiles: [], inputs: ['c/alice/a.csv'], escapingLinks: [] }) // '3f2a…'
 */
export function fingerprintClient(input: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(canonical({ version: input.version, folder: input.folder, options: input.options, links: input.escapingLinks }));
  const addFile = (kind: string, path: string): void => {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path);
    } catch {
      bytes = undefined;
    }
    // Length-prefixed, so no two different file sets produce the same byte stream.
    hash.update(`\n${kind} ${JSON.stringify(path)} ${bytes === undefined ? 'unreadable' : bytes.length}\n`);
    if (bytes) hash.update(bytes);
  };
  for (const path of input.optionFiles) addFile('option-file', path);
  for (const path of input.inputs) addFile('input', path);
  return hash.digest('hex');
}

export function stampPath(out: string, client: string): string {
  return join(out, STAMP_FOLDER, `${client}.json`);
}

/** The stored stamp, or undefined when absent or unreadable (then the client simply runs). */
export function readStamp(out: string, client: string): ClientStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(out, client), 'utf8')) as ClientStamp;
    return stamp.schema === 2 && typeof stamp.hash === 'string' && Array.isArray(stamp.written) && stamp.row ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** A stamp still describes the output when the fingerprint matches and its files exist. */
export function isStampCurrent(stamp: ClientStamp | undefined, hash: string, out: string, client: string): stamp is ClientStamp {
  return stamp !== undefined && stamp.hash === hash && stamp.written.every((name) => existsSync(join(out, client, name)));
}

export function writeStamp(out: string, client: string, stamp: ClientStamp): void {
  writeFileAtomic(stampPath(out, client), `${JSON.stringify(stamp, null, 2)}\n`);
}
