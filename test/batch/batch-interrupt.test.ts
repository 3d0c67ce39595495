/**
 * A batch records each client as it finishes (issue 21 item 3): `index.csv` lists the clients
 * finished so far at every moment, so Ctrl-C leaves the finished clients and a valid index, and a
 * re-run computes only the unfinished clients. In-process for the index as it grows; the built
 * CLI, interrupted for real, for the rest (`npm test` builds `dist/` first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_OPTION_TABLE } from '../../src/cli/commands/batch.js';
import { needsAttentionFirst } from '../../src/cli/batch/index-order.js';
import { runBatch } from '../../src/cli/batch/run-batch.js';
import { leftovers, snapshot } from '../support/folder-snapshot.js';
import { KOINLY_HEADER, makeClients, type ClientsFixture } from './make-clients.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'taxlot.js');
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The client names of an index.csv (first column; the test names need no quoting). */
const indexClients = (out: string): string[] => readFileSync(join(out, 'index.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]!);

let fx: ClientsFixture;
beforeAll(() => {
  fx = makeClients();
});
afterAll(() => rmSync(fx.base, { recursive: true, force: true }));

describe('index.csv as the batch goes', () => {
  it('lists each client the moment it is finished, and at the end every client', async () => {
    const out = join(fx.base, 'out-growing');
    const seen: { client: string; listed: string[] }[] = [];
    const r = await runBatch({
      clientsDir: fx.clients, out, jobs: 1, force: false, flags: {}, table: BATCH_OPTION_TABLE, version: VERSION,
      onProgress: (e) => {
        if (e.kind === 'client' && !e.skipped) seen.push({ client: e.client, listed: indexClients(out) });
      },
    });
    expect(seen.length).toBe(10);
    for (const [i, s] of seen.entries()) {
      expect(s.listed, s.client).toContain(s.client);
      if (i > 0) expect(s.listed.length).toBeGreaterThanOrEqual(seen[i - 1]!.listed.length);
    }
    // the clients that ran were listed one more at a time (those failed at the scan came first)
    const computed = seen.slice(-r.computed).map((s) => s.listed.length);
    expect(computed).toEqual(computed.map((_, i) => computed[0]! + i));
    // index.csv lists the clients that need attention first
    expect(indexClients(out)).toEqual(needsAttentionFirst(r.rows).map((row) => row.client));
  });
});

/** Four clients of 16,000 rows each (8,000 ETH round trips a minute apart in 2024). */
function bigClients(): string {
  const clients = mkdtempSync(join(tmpdir(), 'taxlot-batch-int-'));
  for (const name of ['c1', 'c2', 'c3', 'c4']) {
    const lines = [KOINLY_HEADER];
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 16_000; i++) {
      const d = new Date(t0 + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(i % 2 === 0 ? `${d},${1000 + (i % 97)},USD,1,ETH,,,,,,buy,` : `${d},1,ETH,${1010 + (i % 89)},USD,,,,,,sell,`);
    }
    mkdirSync(join(clients, name));
    writeFileSync(join(clients, name, 'history.csv'), `${lines.join('\n')}\n`);
  }
  return clients;
}

describe('Ctrl-C during a batch, then a re-run', () => {
  for (const jobs of [1, 2]) {
    it(`--jobs ${jobs}: finished clients stay, the index lists them, the re-run computes only the others`, async () => {
      const clients = bigClients();
      const out = join(clients, '..', `${clients.split('/').pop()}-out-${jobs}`);
      const child = spawn(process.execPath, [BIN, 'batch', clients, '--out', out, '--jobs', String(jobs), '--no-pdf'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        if (!sent && /\[1\/4\] c\d: ok/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
      // with workers the batch catches the signal (130, and says what is done); in one thread a
      // client still computing ends with the signal's default action
      if (jobs > 1) {
        expect(ended.code, stderr).toBe(130);
        expect(stderr).toMatch(/taxlot: interrupted \(SIGINT\); [123] of 4 clients finished and are listed in \S+index\.csv/);
      } else {
        expect(ended.signal === 'SIGINT' || ended.code === 130, stderr).toBe(true);
      }
      const finished = indexClients(out);
      expect(finished.length).toBeGreaterThanOrEqual(1);
      expect(finished.length).toBeLessThan(4);
      expect(leftovers(out)).toEqual([]);
      const kept = new Map(finished.map((c) => [c, snapshot(join(out, c))]));

      const again = spawnSync(process.execPath, [BIN, 'batch', clients, '--out', out, '--jobs', String(jobs), '--no-pdf'], { encoding: 'utf8' });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain(`4 clients (4 ok, 0 warnings, 0 errors, 0 failed); ${4 - finished.length} computed, ${finished.length} unchanged`);
      expect(indexClients(out)).toEqual(['c1', 'c2', 'c3', 'c4']);
      for (const [c, files] of kept) expect(snapshot(join(out, c)), c).toEqual(files);
      expect(readdirSync(out).filter((n) => n.startsWith('.') && n !== '.taxlot-batch')).toEqual([]);
    }, 120_000);
  }
});

describe('a fault writing the batch\'s own files', () => {
  it('a full disk while writing index.csv: exit 2 naming index.csv, no stack, no temporary file', async () => {
    const { useOutputFs } = await import('../../src/cli/write-outputs.js');
    const { main } = await import('../../src/cli/main.js');
    const { renameSync } = await import('node:fs');
    const out = join(fx.base, 'out-full');
    const restore = useOutputFs({
      renameSync: (from, to) => {
        if (String(to).endsWith('index.csv')) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC', syscall: 'rename', path: String(from) });
        renameSync(from, to);
      },
    });
    let r;
    try {
      r = await main(['batch', fx.clients, '--out', out, '--jobs', '1']);
    } finally {
      restore();
    }
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`taxlot: cannot write ${join(out, 'index.csv')}: no space left on the disk (ENOSPC)`);
    expect(r.stderr).not.toContain('internal error');
    expect(leftovers(out)).toEqual([]);
  });
});

describe('a client output folder that is a symbolic link', () => {
  it('fails that client and leaves what the link leads to alone, even a taxlot report folder', async () => {
    const { symlinkSync, cpSync } = await import('node:fs');
    const out = join(fx.base, 'out-link');
    await runBatch({ clientsDir: fx.clients, out, jobs: 1, force: false, flags: {}, table: BATCH_OPTION_TABLE, version: VERSION });
    // alice's output folder replaced by a link to a copy of a report elsewhere
    const elsewhere = join(fx.base, 'elsewhere-report');
    cpSync(join(out, 'alice'), elsewhere, { recursive: true });
    rmSync(join(out, 'alice'), { recursive: true });
    symlinkSync(elsewhere, join(out, 'alice'));
    const before = snapshot(elsewhere);
    const r = await runBatch({ clientsDir: fx.clients, out, jobs: 1, force: true, flags: {}, table: BATCH_OPTION_TABLE, version: VERSION });
    const alice = r.rows.find((row) => row.client === 'alice')!;
    expect([alice.status, alice.reason]).toEqual(['failed', 'the output folder alice/ is a symbolic link; remove it']);
    expect(snapshot(elsewhere)).toEqual(before);
  });
});
