#!/usr/bin/env node
/**
 * Where the time and memory of one report go, stage by stage, in process (after `npm run build`):
 *   node --expose-gc bench/stages.js <history folder from generate-history.js>
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { collectInputs, readInputs } from '../dist/cli/io.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS, toReportOptions } from '../dist/cli/options.js';
import { computeReport } from '../dist/pipeline/compute-report.js';

const dir = process.argv[2];
const defaults = {};
for (const [name, spec] of Object.entries({ ...INPUT_OPTIONS, ...COMPUTE_OPTIONS })) if ('default' in spec) defaults[name] = spec.default;
const { options } = toReportOptions({ ...defaults, prices: join(dir, 'prices.csv') });
const mb = () => (process.memoryUsage().heapUsed / 1048576).toFixed(0);
let t = performance.now();
const lap = (label) => {
  const now = performance.now();
  globalThis.gc?.();
  console.log(`${label.padEnd(12)} ${((now - t) / 1000).toFixed(2)} s  heap ${mb()} MiB`);
  t = performance.now();
};
const inputs = readInputs(collectInputs([join(dir, 'exports')]));
lap('read');
const data = computeReport(inputs, options);
lap('compute');
console.log(`events ${data.priced.length}, disposals in ${data.taxYear}: ${data.disposals.length}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
