/**
 * `taxlot batch --shard K/N`: which clients a shard runs, and what it records for the merge.
 *
 * Assignment, by content only: a client folder's name (its path relative to the clients folder)
 * in UTF-8 → SHA-256 → the first 4 bytes as an unsigned big-endian integer → modulo N, plus 1.
 * So `alice` is in the same shard on every machine, in every run and whatever the order or
 * timing of the workers; a shell reproduces it with
 * `printf %s alice | sha256sum | cut -c1-8` (hex) modulo N, plus 1.
 *
 * Each shard's `--out` gets the normal client folders, stamps and `index.csv`/`index.pdf` of its
 * own clients, and `.taxlot-shard.json` (below), written last: a shard that did not finish has
 * none, and `taxlot merge-shards` refuses it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { CONTENT_OPTIONS, FINGERPRINT_EXCLUDED, type OptionValues } from './batch-config.js';
import type { IndexRow } from './index-row.js';

export const SHARD_FILE = '.taxlot-shard.json';

export interface Shard {
  /** 1 … count. */
  readonly index: number;
  readonly count: number;
}

/** What a finished shard leaves in its `--out` for the merge. */
export interface ShardRecord {
  readonly schema: 1;
  readonly generator: 'taxlot';
  readonly version: string;
  readonly shard: Shard;
  /** SHA-256 of the options every client shares (flags, the shared taxlot.json): `optionsFingerprint`. */
  readonly options: string;
  /** Every client of the clients folder (output names), in folder order: the whole batch, not only this shard's. */
  readonly clients: readonly string[];
  /** This shard's index rows, in folder order. */
  readonly rows: readonly IndexRow[];
}

/**
 * `--shard K/N`.
 * @throws {UsageError} unless 1 ≤ K ≤ N, whole numbers
 * @example parseShard('2/3') // { index: 2, count: 3 }
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count || count > 10_000) {
    throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (such as 1/3, 2/3, 3/3), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/**
 * The shard (1 … count) of the client folder `name`.
 * @example shardOf('alice', 3) // 2: SHA-256("alice") starts 2bd806c9 = 735577801, which is 1 modulo 3, plus 1
 */
export function shardOf(name: string, count: number): number {
  const digest = createHash('sha256').update(name, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/**
 * What the shards of one batch must share: the options given on the command line and in the
 * shared `taxlot.json` (a file option — price table, overrides, coin map — by its content, so
 * the same table at another path on another machine is the same option; the price cache folder
 * not at all: it changes no byte of a report).
 */
export function optionsFingerprint(flags: OptionValues, sharedConfig: string | undefined): string {
  const hash = createHash('sha256');
  for (const [flag, value] of Object.entries(flags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (FINGERPRINT_EXCLUDED.includes(flag)) continue;
    const shown = CONTENT_OPTIONS.includes(flag) && typeof value === 'string' ? `file:${fileHash(value)}` : JSON.stringify(value);
    hash.update(`${flag}=${shown}\n`);
  }
  hash.update(`taxlot.json=${sharedConfig === undefined ? '-' : fileHash(sharedConfig)}\n`);
  return hash.digest('hex');
}

function fileHash(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'unreadable';
  }
}
