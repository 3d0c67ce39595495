#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory at scale (targets live here, not in unit tests).
 *
 * For each size (default 10k, 100k and 1M rows) it generates a reproducible history
 * (bench/generate-history.js, Koinly universal + Kraken ledger files, seed 1; cached in the temp
 * folder) and measures, each in a fresh process:
 *   floor    a bare papaparse parse of the same files (bench/papaparse-floor.js; the faster of
 *            streaming and whole-string parsing)
 *   decimal  the streaming parse plus a decimal.js value for every amount cell, kept
 *            (bench/decimal-floor.js): the least a report does while money is decimal.js
 *   no PDF   `taxlot report --no-pdf` (import → transfers → prices → lots → every CSV export)
 *   PDF      `taxlot report` with the PDF
 * and prints a table with wall times, each run's ratio to the floor and its peak memory (RSS).
 * Then the batch benchmark (bench/batch.js).
 *
 *   npm run bench                         all sizes
 *   npm run bench -- --rows 10000,100000  chosen sizes
 *   npm run bench -- --no-batch           skip the batch benchmark
 *   npm run bench -- --repeat 3           run each report 3 times: median time, highest peak
 *                                         memory (peak memory varies by ~100 MiB between runs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('rows') ?? '10000,100000,1000000,5000000').split(',').map(Number);
const seed = Number(arg('seed') ?? '1');
const repeat = Math.max(1, Number(arg('repeat') ?? '1'));

function node(args, env = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

function report(dir, out, pdf) {
  const rssFile = join(out, '..', `${pdf ? 'pdf' : 'nopdf'}.rss`);
  const args = ['bench/peak-rss.js', 'bin/taxlot.js', 'report', join(dir, 'exports'), '--prices', join(dir, 'prices.csv'), '--out', out];
  const { seconds, stdout } = node(pdf ? args : [...args, '--no-pdf'], { BENCH_RSS_FILE: rssFile });
  // the one-line summary (the answer block follows it)
  const summary = stdout.split('\n').find((l) => l.startsWith('taxlot: ')) ?? stdout.trim().split('\n').pop() ?? '';
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')), summary };
}

/**
 * `repeat` runs of one report: the median wall time and the highest peak memory (the one a target
 * must hold for), with the range of both when there is more than one run.
 */
function repeated(run) {
  const runs = Array.from({ length: repeat }, run);
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const rss = runs.map((r) => r.rss).sort((a, b) => a - b);
  return {
    seconds: seconds[Math.floor((seconds.length - 1) / 2)],
    rss: rss[rss.length - 1],
    range: { seconds: [seconds[0], seconds[seconds.length - 1]], rss: [rss[0], rss[rss.length - 1]] },
    summary: runs[0].summary,
  };
}

const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;
const rows = [];
for (const n of sizes) {
  const dir = join(tmpdir(), `taxlot-bench-${n}-seed${seed}`);
  if (!existsSync(join(dir, 'GENERATED.txt'))) node(['bench/generate-history.js', '--rows', String(n), '--seed', String(seed), '--out', dir]);
  const bytes = readdirSync(join(dir, 'exports')).reduce((s, f) => s + statSync(join(dir, 'exports', f)).size, 0);
  const floorRun = JSON.parse(node(['bench/papaparse-floor.js', join(dir, 'exports')]).stdout);
  const bareFloor = Math.min(floorRun.streamSeconds, floorRun.stringSeconds);
  // issue #25's floor: papaparse in header mode (rows as objects keyed by the header)
  const floor = Math.min(floorRun.headerStreamSeconds, floorRun.headerStringSeconds);
  const decimalFloor = JSON.parse(node(['bench/decimal-floor.js', join(dir, 'exports')]).stdout).seconds;
  const work = mkdtempSync(join(tmpdir(), 'taxlot-bench-out-'));
  const noPdf = repeated(() => report(dir, join(work, 'nopdf'), false));
  // above 1M rows only the report without the PDF is measured (the PDF's appendix is capped anyway)
  const withPdf = n > 1_000_000 ? undefined : repeated(() => report(dir, join(work, 'pdf'), true));
  rmSync(work, { recursive: true, force: true });
  rows.push({ n, bytes, bareFloor, floor, decimalFloor, noPdf, withPdf });
  console.log(`${n} rows: ${noPdf.summary.slice(0, 160)}`);
}

console.log('\n| rows | CSV size | papaparse, bare | papaparse, header mode (floor) | + decimal.js floor | report, no PDF | × floor | peak memory | report with PDF | × floor | peak memory |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${mib(r.bytes)} | ${r.bareFloor.toFixed(2)} s | ${r.floor.toFixed(2)} s | ${r.decimalFloor.toFixed(2)} s | ` +
      `${r.noPdf.seconds.toFixed(2)} s | ${(r.noPdf.seconds / r.floor).toFixed(1)} | ${mib(r.noPdf.rss)} | ` +
      (r.withPdf ? `${r.withPdf.seconds.toFixed(2)} s | ${(r.withPdf.seconds / r.floor).toFixed(1)} | ${mib(r.withPdf.rss)} |` : 'not run | | |'),
  );
}
if (repeat > 1) {
  console.log(`\n${repeat} runs each: time is the median, peak memory the highest; ranges:`);
  for (const r of rows) {
    for (const [label, m] of [['no PDF', r.noPdf], ['PDF', r.withPdf]].filter(([, m]) => m)) {
      console.log(`  ${r.n.toLocaleString('en-US')} rows, ${label}: ${m.range.seconds.map((x) => x.toFixed(2)).join('-')} s, ${m.range.rss.map((x) => (x / 1048576).toFixed(0)).join('-')} MiB`);
    }
  }
}
console.log(`\ntargets (issue #25), as measured in this run${repeat > 1 ? ` (highest peak of ${repeat})` : ''}:`);
const verdict = (ok) => (ok ? 'met' : 'NOT met');
for (const r of rows) {
  if (r.n === 1_000_000) {
    const ratio = r.noPdf.seconds / r.floor;
    console.log(`  1M rows, no PDF, within 8x the header-mode floor: ${ratio.toFixed(1)}x: ${verdict(ratio <= 8)}`);
  }
  if (r.n === 5_000_000) console.log(`  5M rows, no PDF, peak under 1.5 GB: ${(r.noPdf.rss / 1e9).toFixed(2)} GB (${mib(r.noPdf.rss)}): ${verdict(r.noPdf.rss < 1.5e9)}`);
}

if (!process.argv.includes('--no-batch')) {
  console.log('\n== batch.js');
  const r = spawnSync(process.execPath, [join(here, 'batch.js')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
