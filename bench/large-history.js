#!/usr/bin/env node
/**
 * Benchmark: one taxpayer with a long history. Generates N Koinly-template rows over three
 * wallets (buys, sells, swaps, transfers, staking income), runs the full report pipeline
 * in process (import → transfers → prices → engine → summary and CSVs, no PDF) and prints the
 * time of each stage and the peak memory. Run after `npm run build`:
 *   node bench/large-history.js [rows=100000] [--pdf]
 * Deterministic input: a fixed linear congruential generator, no Math.random.
 */
import { performance } from 'node:perf_hooks';
import { computeReport } from '../dist/pipeline/compute-report.js';
import { toReportOptions } from '../dist/cli/options.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS } from '../dist/cli/options.js';
import { renderOutputs } from '../dist/report/render-outputs.js';

const rows = Number(process.argv[2] ?? 100_000);
const withPdf = process.argv.includes('--pdf');
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const wallets = { exchange: [HEADER], hot: [HEADER], cold: [HEADER] };
const start = Date.UTC(2020, 0, 1);
const pad = (n) => String(n).padStart(2, '0');
const stamp = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const fixed = (x, dp) => x.toFixed(dp); // generator only: formats synthetic inputs, never reads money
for (let i = 0; i < rows; i++) {
  const t = start + i * 1_500_000; // ~ every 25 minutes, 100k rows ≈ 4.8 years
  const price = 20000 + 30000 * next();
  const qty = 0.001 + next() * 0.05;
  const r = next();
  if (r < 0.4) wallets.exchange.push(`${stamp(t)},${fixed(qty * price, 2)},USD,${fixed(qty, 8)},BTC,${fixed(qty * price * 0.001, 2)},USD,,,,,`);
  else if (r < 0.7) wallets.exchange.push(`${stamp(t)},${fixed(qty * 0.5, 8)},BTC,${fixed(qty * 0.5 * price, 2)},USD,1.00,USD,,,,,`);
  else if (r < 0.8) wallets.exchange.push(`${stamp(t)},${fixed(qty * 0.3, 8)},BTC,${fixed(qty * 4, 8)},ETH,,,${fixed(qty * 0.3 * price, 2)},USD,,,`);
  else if (r < 0.9) {
    wallets.exchange.push(`${stamp(t)},${fixed(qty * 0.2, 8)},BTC,,,,,${fixed(qty * 0.2 * price, 2)},USD,,,tx${i}`);
    wallets.cold.push(`${stamp(t + 600_000)},,,${fixed(qty * 0.2, 8)},BTC,,,,,,,tx${i}`);
  } else wallets.hot.push(`${stamp(t)},,,${fixed(qty, 8)},ETH,,,${fixed(qty * 2000, 2)},USD,staking,,`);
}
const inputs = Object.entries(wallets).map(([name, lines]) => ({ file: `${name}.csv`, text: lines.join('\n') }));

const defaults = {};
for (const [name, spec] of Object.entries({ ...INPUT_OPTIONS, ...COMPUTE_OPTIONS })) if ('default' in spec) defaults[name] = spec.default;
const { options } = toReportOptions(defaults);
const t0 = performance.now();
const data = computeReport(inputs, options);
const t1 = performance.now();
const files = renderOutputs(data, { pdf: withPdf });
const t2 = performance.now();
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
console.log(
  `large history: ${rows} rows, ${data.disposals.length} disposals in ${data.taxYear}; ` +
    `compute ${((t1 - t0) / 1000).toFixed(2)} s, render ${((t2 - t1) / 1000).toFixed(2)} s (${files.size} files); ` +
    `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MiB`,
);
