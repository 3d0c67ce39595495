/**
 * `taxlot merge-shards <shard-out...> --out DIR`: the shards of one batch (`batch --shard K/N`,
 * each in its own `--out`) made into the folder one unsharded batch writes: every client's report
 * folder and stamp gathered into `DIR`, and `index.csv` / `index.pdf` over all clients — the same
 * bytes (the tests compare them with an unsharded batch).
 *
 * Refused (usage error, nothing written) unless the shards are one complete batch: each shard
 * finished (its `.taxlot-shard.json`), from this taxlot version, with the same N, the same
 * options and the same client folders; every shard 1…N given once; every client in exactly one
 * shard; each client's report files as its manifest lists
 * them (unchanged since written).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { physicalPath } from '../io.js';
import { acquireOutputLock } from '../output-lock.js';
import { MANIFEST_FILE, ownFiles, readManifest, removeOwnReport, writeFolderAtomically } from '../report-folder.js';
import { writeFileAtomic } from '../write-outputs.js';
import { renderIndexPdf } from './index-pdf.js';
import { INDEX_CSV } from './batch-record.js';
import { stampPath } from './client-stamp.js';
import { isInside } from './find-clients.js';
import { renderIndexCsv } from './index-csv.js';
import type { IndexRow } from './index-row.js';
import { SHARD_FILE, type ShardRecord } from './shard.js';

export interface MergeRequest {
  readonly shards: readonly string[];
  readonly out: string;
  /** This taxlot's version: the shards must have been written by it. */
  readonly version: string;
}

export interface MergeResult {
  readonly rows: readonly IndexRow[];
  readonly shards: number;
  readonly written: readonly string[];
  readonly exitCode: 0 | 1;
}

/** A shard's record, checked field by field. @throws {UsageError} */
function readShard(dir: string): ShardRecord {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder; give the --out folder of each shard`);
  let parsed: Partial<ShardRecord>;
  try {
    parsed = JSON.parse(readFileSync(join(dir, SHARD_FILE), 'utf8')) as Partial<ShardRecord>;
  } catch {
    throw new UsageError(`${dir} holds no finished shard (no readable ${SHARD_FILE}): run \`taxlot batch <clients> --shard K/N --out ${dir}\` to the end first`);
  }
  const s = parsed.shard;
  if (
    parsed.schema !== 1 || parsed.generator !== 'taxlot' || typeof parsed.version !== 'string' || typeof parsed.options !== 'string' ||
    !s || !Number.isInteger(s.index) || !Number.isInteger(s.count) || s.index < 1 || s.index > s.count ||
    !Array.isArray(parsed.clients) || !parsed.clients.every((c) => typeof c === 'string') || !Array.isArray(parsed.rows) ||
    !parsed.rows.every((r) => r !== null && typeof r === 'object' && typeof r.client === 'string' && typeof r.status === 'string')
  ) {
    throw new UsageError(`${join(dir, SHARD_FILE)} is not a shard record taxlot can read (damaged, or written by another program)`);
  }
  return parsed as ShardRecord;
}

/** The shards as one batch, or why not. @throws {UsageError} */
function checkShards(dirs: readonly string[], records: readonly ShardRecord[], version: string): void {
  const first = records[0]!;
  const name = (i: number) => `${dirs[i]} (shard ${records[i]!.shard.index}/${records[i]!.shard.count})`;
  records.forEach((r, i) => {
    if (r.version !== version) throw new UsageError(`${name(i)} was written by taxlot ${r.version}, this is taxlot ${version}: run every shard and the merge with one version`);
  });
  records.forEach((r, i) => {
    if (r.shard.count !== first.shard.count) throw new UsageError(`${name(i)} splits the batch into ${r.shard.count} shards, ${name(0)} into ${first.shard.count}: run every shard with the same N`);
    if (r.options !== first.options) throw new UsageError(`${name(i)} was run with other options than ${name(0)} (flags or the shared taxlot.json differ): run every shard with the same options`);
    if (r.clients.length !== first.clients.length || r.clients.some((c, k) => c !== first.clients[k])) {
      throw new UsageError(`${name(i)} saw other client folders than ${name(0)}: every shard must read the same clients folder`);
    }
  });
  const seen = new Map<number, number>();
  records.forEach((r, i) => {
    const other = seen.get(r.shard.index);
    if (other !== undefined) throw new UsageError(`shard ${r.shard.index}/${r.shard.count} is given twice (${dirs[other]} and ${dirs[i]}): the shards overlap`);
    seen.set(r.shard.index, i);
  });
  const missing = Array.from({ length: first.shard.count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new UsageError(`missing shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${first.shard.count}`).join(', ')}: give the --out folder of every shard`);
  const owner = new Map<string, number>();
  records.forEach((r, i) => {
    // a multi-year client has a row per year, all in its one shard
    for (const row of r.rows) {
      const before = owner.get(row.client);
      if (before !== undefined && before !== i) throw new UsageError(`client ${row.client} is in ${name(before)} and in ${name(i)}: the shards overlap`);
      if (!first.clients.includes(row.client)) throw new UsageError(`${name(i)} lists client ${row.client}, which is not in the batch`);
      owner.set(row.client, i);
    }
  });
  const absent = first.clients.filter((c) => !owner.has(c));
  if (absent.length > 0) throw new UsageError(`no shard has a row for ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ` and ${absent.length - 5} more` : ''}: re-run its shard to the end`);
}

/**
 * Merge the shards into `req.out`.
 * @throws {UsageError} for shards that are not one complete batch, or an `--out` that is one of them
 */
export async function mergeShards(req: MergeRequest): Promise<MergeResult> {
  if (req.shards.length === 0) throw new UsageError('give the --out folder of every shard');
  const records = req.shards.map(readShard);
  checkShards(req.shards, records, req.version);
  const outReal = physicalPath(req.out);
  if (existsSync(req.out) && !statSync(req.out).isDirectory()) throw new UsageError(`--out ${req.out} is a file; give a folder`);
  for (const dir of req.shards) {
    const real = physicalPath(dir);
    if (isInside(outReal, real) || isInside(real, outReal)) throw new UsageError(`--out ${req.out} and the shard folder ${dir} must not contain each other; merge into a folder of its own`);
  }
  const byClient = new Map<string, { rows: IndexRow[]; dir: string }>();
  records.forEach((r, i) =>
    r.rows.forEach((row) => {
      const entry = byClient.get(row.client) ?? { rows: [], dir: req.shards[i]! };
      entry.rows.push(row);
      byClient.set(row.client, entry);
    }),
  );
  const rows = records[0]!.clients.flatMap((c) => byClient.get(c)!.rows);
  const hasReport = (c: { rows: IndexRow[] }) => c.rows.some((r) => r.report !== '');
  for (const [client, entry] of byClient) if (hasReport(entry)) assertIntact(join(entry.dir, client), client);

  const lock = await acquireOutputLock(outReal, req.out, 'batch');
  try {
    for (const client of records[0]!.clients) {
      const entry = byClient.get(client)!;
      const { dir } = entry;
      if (hasReport(entry)) await gatherClient(join(dir, client), join(outReal, client), join(req.out, client));
      else if (existsSync(join(outReal, client))) removeOwnReport(join(outReal, client));
      const stamp = stampPath(dir, client);
      if (existsSync(stamp)) writeFileAtomic(stampPath(outReal, client), readFileSync(stamp));
    }
    const indexCsv = join(req.out, INDEX_CSV);
    writeFileAtomic(indexCsv, renderIndexCsv(rows));
    const indexPdf = join(req.out, 'index.pdf');
    writeFileAtomic(indexPdf, await renderIndexPdf(rows));
    return { rows, shards: records.length, written: [indexCsv, indexPdf], exitCode: rows.some((r) => r.status === 'errors' || r.status === 'failed') ? 1 : 0 };
  } finally {
    lock.release();
  }
}

/** A client's report in a shard: every file its manifest lists, unchanged. @throws {UsageError} */
function assertIntact(dir: string, client: string): void {
  const listed = readManifest(dir);
  const own = ownFiles(dir);
  const changed = listed === undefined ? [MANIFEST_FILE] : [...listed.keys()].filter((n) => !own?.has(n));
  if (changed.length > 0) throw new UsageError(`${dir}: ${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} missing or changed since the shard wrote ${client}'s report; re-run that shard`);
}

/** Copy a client's report folder (the files its manifest lists, in its order) into `--out`, as one folder swapped in. */
async function gatherClient(from: string, realTo: string, shownTo: string): Promise<void> {
  const listed = readManifest(from)!;
  // a multi-year client's year folders get their manifests again from the writer, the same bytes
  const names = [...listed.keys()].filter((name) => !name.endsWith(`/${MANIFEST_FILE}`));
  const outputs = new Map(names.map((name) => [name, () => [readFileSync(join(from, name))]] as const));
  await writeFolderAtomically(realTo, shownTo, outputs, { prime: false });
}
