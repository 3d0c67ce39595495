/**
 * `taxlot batch --shard K/N` and `taxlot merge-shards`: three shard processes run at once (as
 * three machines would), then the merge, give byte for byte the folder one unsharded batch
 * writes; shards that are not one complete batch are refused. The assignment is checked against
 * SHA-256 digests worked out with `sha256sum` (see shard.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/cli/batch/shard.js';
import { makeClients, type ClientsFixture } from './make-clients.js';
import { fileDigests } from '../support/folder-snapshot.js';

const BIN = fileURLToPath(new URL('../../bin/taxlot.js', import.meta.url));
let fx: ClientsFixture;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

function runAsync(...args: string[]): Promise<number | null> {
  return new Promise((done) => spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' }).on('close', done));
}


const at = (name: string) => join(fx.base, name);

beforeAll(async () => {
  fx = makeClients();
  expect(run('batch', fx.clients, '--out', at('whole'), '--jobs', '1').status).toBe(1); // bob has errors, carol fails
  const codes = await Promise.all([1, 2, 3].map((k) => runAsync('batch', fx.clients, '--out', at(`s${k}`), '--shard', `${k}/3`, '--jobs', '1')));
  expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
}, 120_000);
afterAll(() => rmSync(fx.base, { recursive: true, force: true }));

describe('the shard of a client', () => {
  it('is SHA-256 of its folder name, first 4 bytes big-endian, modulo N, plus 1', () => {
    // printf %s alice | sha256sum → 2bd806c9…: 735577801 = 3 × 245192600 + 1 → shard 2 of 3
    expect(shardOf('alice', 3)).toBe(2);
    // printf %s bob | sha256sum → 81b637d8…: 2176202712 = 3 × 725400904 + 0 → shard 1 of 3
    expect(shardOf('bob', 3)).toBe(1);
    expect(shardOf('alice', 1)).toBe(1);
  });
  it('--shard is K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard must be K\/N/);
    const r = run('batch', fx.clients, '--out', at('bad'), '--shard', '4/3');
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('--shard must be K/N')]);
  });
  it('each shard computed exactly its own clients', () => {
    const rowsOf = (k: number) => (JSON.parse(readFileSync(at(`s${k}/.taxlot-shard.json`), 'utf8')) as { rows: { client: string }[] }).rows.map((r) => r.client);
    expect(rowsOf(1)).toContain('bob');
    expect(rowsOf(2)).toContain('alice');
    const all = [1, 2, 3].flatMap(rowsOf).sort();
    // every client of the fixture once (escape fails at the scan, it is a row too)
    expect(all).toEqual(['__evil', 'alice', 'bob', 'carol', 'dave', 'erin', 'escape', 'frank', 'gina', 'hank']);
    expect(existsSync(at('s1/alice'))).toBe(false);
    expect(existsSync(at('s2/alice/summary.json'))).toBe(true);
  });
});

describe('taxlot merge-shards', () => {
  it('gives the folder one unsharded batch writes, byte for byte', () => {
    const r = run('merge-shards', at('s1'), at('s2'), at('s3'), '--out', at('merged'));
    expect(r.status).toBe(1); // as the batch: bob has errors
    expect(r.stdout).toContain('3 shards, 10 clients (');
    const whole = fileDigests(at('whole'));
    expect(whole.has('index.csv') && whole.has('index.pdf') && whole.has('alice/summary.json') && whole.has('.taxlot-batch/alice.json')).toBe(true);
    expect(fileDigests(at('merged'))).toEqual(whole);
  });
  it('merging again into the same folder gives the same bytes', () => {
    expect(run('merge-shards', at('s3'), at('s1'), at('s2'), '--out', at('merged')).status).toBe(1);
    expect(fileDigests(at('merged'))).toEqual(fileDigests(at('whole')));
  });
  it('refuses a missing shard', () => {
    const r = run('merge-shards', at('s1'), at('s3'), '--out', at('m-missing'));
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('missing shard 2/3')]);
    expect(existsSync(at('m-missing'))).toBe(false);
  });
  it('refuses overlapping shards', () => {
    cpSync(at('s1'), at('s1-copy'), { recursive: true });
    const r = run('merge-shards', at('s1'), at('s1-copy'), at('s2'), at('s3'), '--out', at('m-twice'));
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('shard 1/3 is given twice')]);
  });
  it('refuses shards of different N', () => {
    expect([0, 1]).toContain(run('batch', fx.clients, '--out', at('n2'), '--shard', '1/2', '--jobs', '1').status);
    const r = run('merge-shards', at('n2'), at('s2'), at('s3'), '--out', at('m-n'));
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('splits the batch into 3 shards')]);
  });
  it('refuses shards run with other options', () => {
    expect([0, 1]).toContain(run('batch', fx.clients, '--out', at('s1-fifo'), '--shard', '1/3', '--method', 'fifo', '--jobs', '1').status);
    const r = run('merge-shards', at('s1-fifo'), at('s2'), at('s3'), '--out', at('m-opt'));
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('was run with other options')]);
  });
  it('refuses shards of another taxlot version, and a shard that did not finish', () => {
    cpSync(at('s2'), at('s2-old'), { recursive: true });
    const record = JSON.parse(readFileSync(at('s2-old/.taxlot-shard.json'), 'utf8')) as { version: string };
    writeFileSync(at('s2-old/.taxlot-shard.json'), JSON.stringify({ ...record, version: '0.0.1-old' }));
    const old = run('merge-shards', at('s1'), at('s2-old'), at('s3'), '--out', at('m-version'));
    expect([old.status, old.stderr]).toEqual([2, expect.stringContaining('was written by taxlot 0.0.1-old')]);
    rmSync(at('s2-old/.taxlot-shard.json'));
    const unfinished = run('merge-shards', at('s1'), at('s2-old'), at('s3'), '--out', at('m-version'));
    expect([unfinished.status, unfinished.stderr]).toEqual([2, expect.stringContaining('holds no finished shard')]);
  });
  it('refuses a client report changed since its shard wrote it', () => {
    cpSync(at('s2'), at('s2-edited'), { recursive: true });
    writeFileSync(at('s2-edited/alice/summary.json'), '{}');
    const r = run('merge-shards', at('s1'), at('s2-edited'), at('s3'), '--out', at('m-edited'));
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('summary.json is missing or changed')]);
  });
  it('is listed in --help, and a typo gets a suggestion', () => {
    expect(run('--help').stdout).toContain('merge-shards');
    expect(run('merge-shard', at('s1'), '--out', at('x')).stderr).toMatch(/Did you mean merge-shards\?/);
  });
});
