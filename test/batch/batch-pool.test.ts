/**
 * `taxlot batch` with a worker pool. Workers load the compiled JS in `dist/`, so this file builds
 * it first (`tsc -p tsconfig.build.json`, as `npm run build` does), then checks that the pool
 * writes exactly what the in-process run writes, that the built CLI behaves the same, and that a
 * crashing worker fails only its own job.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_OPTION_TABLE } from '../../src/cli/commands/batch.js';
import { DEFAULT_WORKER_URL, runBatch, type BatchRequest } from '../../src/cli/batch/run-batch.js';
import { runWorkerPool } from '../../src/cli/batch/worker-pool.js';
import { makeClients, type ClientsFixture } from './make-clients.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let fx: ClientsFixture;

beforeAll(() => {
  // tsc emits even when some other file has a type error; what matters here is the worker.
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  expect(existsSync(fileURLToPath(DEFAULT_WORKER_URL))).toBe(true);
  fx = makeClients();
}, 240_000);
afterAll(() => rmSync(fx.base, { recursive: true, force: true }));

const request = (out: string, jobs: number): BatchRequest => ({
  clientsDir: fx.clients, out, jobs, force: false, flags: {}, table: BATCH_OPTION_TABLE, version: VERSION,
});

function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else files.set(`${rel}${e.name}`, readFileSync(join(d, e.name)));
    }
  };
  walk(dir, '');
  return files;
}

describe('taxlot batch --jobs 2 (worker pool)', () => {
  it('writes exactly what the in-process run writes: every report file, stamp and the index', async () => {
    const inProcess = await runBatch(request(join(fx.base, 'out-1'), 1));
    const pooled = await runBatch(request(join(fx.base, 'out-2'), 2));
    expect(pooled.computed).toBe(8);
    expect(pooled.rows).toEqual(inProcess.rows);
    const a = readTree(join(fx.base, 'out-1'));
    const b = readTree(join(fx.base, 'out-2'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('the built CLI: exit 1, a summary on stdout, plain progress lines on stderr (not a TTY)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'taxlot.js'), 'batch', fx.clients, '--out', join(fx.base, 'out-cli'), '--jobs', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `taxlot batch: 10 clients (4 ok, 2 warnings, 1 errors, 3 failed); 8 computed, 0 unchanged; wrote ${join(fx.base, 'out-cli', 'index.csv')}, ${join(fx.base, 'out-cli', 'index.pdf')}\n`,
    );
    expect(r.stderr).toContain('taxlot batch: 10 clients, 8 to compute\n');
    expect(r.stderr).toContain('taxlot batch: [10/10] ');
    expect(r.stderr).toContain('taxlot batch: carol: failed (nothing could be read');
    expect(readFileSync(join(fx.base, 'out-cli', 'index.csv'))).toEqual(readFileSync(join(fx.base, 'out-1', 'index.csv')));
  });
});

describe('runWorkerPool', () => {
  it('a worker that dies fails only the job it was running; a replacement runs the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-pool-'));
    const worker = join(dir, 'worker.mjs');
    writeFileSync(
      worker,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ index, job }) => {
  if (job === 3) throw new Error('boom');
  if (job === 5) process.exit(7);
  parentPort.postMessage({ index, result: job * 10 });
});
`,
    );
    const done: number[] = [];
    const results = await runWorkerPool<number, number | string>({
      workerUrl: pathToFileURL(worker),
      size: 2,
      jobs: [1, 2, 3, 4, 5, 6],
      onCrash: (job, reason) => `job ${job}: ${reason}`,
      onResult: (i) => done.push(i),
    });
    expect(results).toEqual([10, 20, 'job 3: the worker crashed: boom', 40, 'job 5: the worker stopped (exit code 7)', 60]);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    rmSync(dir, { recursive: true, force: true });
  });
});
