/**
 * A batch client whose taxlot.json asks for several years (`"year": "2023-2024"`): its folder is
 * what `taxlot report --year 2023-2024` writes, the index has a row per (client, year), a re-run
 * skips it, and a sharded batch merges it like any client. Figures by hand in make-clients.ts
 * (ALICE: long-term gain 480.00 in 2024; nothing is sold in 2023).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB_GOOD } from './make-clients.js';
import { fileDigests } from '../support/folder-snapshot.js';

const BIN = fileURLToPath(new URL('../../bin/taxlot.js', import.meta.url));
let base: string;
const at = (p: string) => join(base, p);
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...(cwd ? { cwd } : {}) });


beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'taxlot-batch-years-'));
  for (const [client, text] of [['alice', ALICE], ['bob', BOB_GOOD]] as const) {
    mkdirSync(at(`clients/${client}`), { recursive: true });
    writeFileSync(at(`clients/${client}/x.csv`), text);
  }
  writeFileSync(at('clients/alice/taxlot.json'), '{"year": "2023-2024"}\n');
  writeFileSync(at('clients/taxlot.json'), '{"year": 2024}\n');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a multi-year client in a batch', () => {
  let stdout: string;
  beforeAll(() => {
    const r = run(['batch', at('clients'), '--out', at('out'), '--jobs', '1', '--no-pdf']);
    stdout = r.stdout;
  }, 60_000);

  it('gets a row per year, pointing at the year folder', () => {
    const lines = readFileSync(at('out/index.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const col = (name: string) => lines[0]!.indexOf(name);
    const pick = (l: string[]) => [l[col('client')], l[col('status')], l[col('tax_year')], l[col('net')], l[col('report')]];
    // warnings first (alice's 2023 has no disposal: YEAR_WITHOUT_ACTIVITY), then ok by name, alice's years oldest first
    expect(lines.slice(1).map(pick)).toEqual([
      ['alice', 'warnings', '2023', '0.00', 'alice/2023/'],
      ['alice', 'ok', '2024', '480.00', 'alice/2024/'],
      // BOB_GOOD: bought 2,000, sold 1,500: short-term -500.00
      ['bob', 'ok', '2024', '-500.00', 'bob/'],
    ]);
    expect(stdout).toContain('2 clients, 3 index rows (2 ok, 1 warnings, 0 errors, 0 failed)');
  });

  it('its folder is what `taxlot report --year 2023-2024` writes, byte for byte', () => {
    const r = run(['report', 'alice', '--year', '2023-2024', '--label', 'alice', '--no-pdf', '--out', at('alone')], at('clients'));
    expect(r.status).toBe(0);
    expect(fileDigests(at('out/alice'))).toEqual(fileDigests(at('alone')));
  });

  it('a re-run skips it and reproduces its rows', () => {
    const before = readFileSync(at('out/index.csv'), 'utf8');
    const r = run(['batch', at('clients'), '--out', at('out'), '--jobs', '1', '--no-pdf']);
    expect(r.stdout).toContain('0 computed, 2 unchanged');
    expect(readFileSync(at('out/index.csv'), 'utf8')).toBe(before);
  });

  it('sharded and merged, it is the same folder as unsharded', () => {
    for (const k of [1, 2]) expect(run(['batch', at('clients'), '--out', at(`s${k}`), '--shard', `${k}/2`, '--jobs', '1', '--no-pdf']).status).toBe(0);
    expect(run(['merge-shards', at('s1'), at('s2'), '--out', at('merged')]).status).toBe(0);
    expect(fileDigests(at('merged'))).toEqual(fileDigests(at('out')));
  }, 60_000);
});
