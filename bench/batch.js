#!/usr/bin/env node
// Benchmark: `taxlot batch --jobs 2` on 40 generated clients versus 40 separate
// `node bin/taxlot.js report` runs (one process per client, as a shell loop would do).
// Usage: npm run bench [-- --clients 40 --rows 300]. Needs dist/ (built by `npm install`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'taxlot.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 40);
const ROWS = arg('rows', 300);

if (!existsSync(join(root, 'dist', 'batch', 'client-worker.js'))) {
  console.log('building dist/ …');
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

/** Deterministic pseudo-random numbers (LCG), so every run measures the same data. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** One exchange file: buys, then sells of at most what is held (amounts in thousandths). */
function exchangeFile(seed, rows) {
  const rand = lcg(seed);
  const held = { BTC: 0, ETH: 0 };
  const base = { BTC: 30000, ETH: 2000 };
  const lines = [HEADER];
  const start = Date.UTC(2023, 0, 2);
  for (let i = 0; i < rows; i++) {
    const when = new Date(start + Math.floor((i / rows) * 700 * 86_400_000)).toISOString().slice(0, 16).replace('T', ' ');
    const asset = rand() < 0.5 ? 'BTC' : 'ETH';
    const price = Math.round(base[asset] * (0.6 + rand()));
    const sell = held[asset] > 0 && rand() < 0.4;
    const units = sell ? Math.max(1, Math.floor(held[asset] * rand())) : 1 + Math.floor(rand() * 500);
    const qty = (units / 1000).toFixed(3);
    const usd = ((units * price) / 1000).toFixed(2);
    if (sell) {
      held[asset] -= units;
      lines.push(`${when},${qty},${asset},${usd},USD,1.50,USD,,,,sell,`);
    } else {
      held[asset] += units;
      lines.push(`${when},${usd},USD,${qty},${asset},1.50,USD,,,,buy,`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const base = mkdtempSync(join(tmpdir(), 'taxlot-bench-'));
const clients = join(base, 'clients');
const names = Array.from({ length: CLIENTS }, (_, i) => `client-${String(i + 1).padStart(2, '0')}`);
for (const [i, name] of names.entries()) {
  mkdirSync(join(clients, name), { recursive: true });
  writeFileSync(join(clients, name, 'exchange.csv'), exchangeFile(1000 + i, ROWS));
  writeFileSync(join(clients, name, 'wallet.csv'), exchangeFile(5000 + i, Math.floor(ROWS / 3)));
}
writeFileSync(join(clients, 'taxlot.json'), '{"year": 2024}\n');

function timed(label, run) {
  const t0 = process.hrtime.bigint();
  run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label.padEnd(48)} ${(ms / 1000).toFixed(2)} s`);
  return ms;
}
function node(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`taxlot ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
}

console.log(`${CLIENTS} clients, ${ROWS + Math.floor(ROWS / 3)} rows each; node ${process.version}`);
const batchMs = timed('taxlot batch --jobs 2', () => node(['batch', clients, '--out', join(base, 'batch'), '--jobs', '2', '--force']));
const rerunMs = timed('taxlot batch --jobs 2 (re-run, nothing changed)', () => node(['batch', clients, '--out', join(base, 'batch'), '--jobs', '2']));
const loopMs = timed(`${CLIENTS} x taxlot report (one process each)`, () => {
  for (const name of names) node(['report', join(clients, name), '--out', join(base, 'report', name), '--year', '2024']);
});
let same = 0;
for (const name of names) {
  if (readFileSync(join(base, 'batch', name, 'summary.json'), 'utf8') === readFileSync(join(base, 'report', name, 'summary.json'), 'utf8')) same++;
}
console.log(`batch is ${(loopMs / batchMs).toFixed(1)}x faster than the loop (re-run: ${(loopMs / rerunMs).toFixed(1)}x); identical summary.json: ${same}/${CLIENTS}`);
rmSync(base, { recursive: true, force: true });
