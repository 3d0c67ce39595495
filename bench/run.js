#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other. Speed and memory targets live here, not
// in unit tests. Arguments after `--` go to the batch bench (e.g. `-- --clients 40 --rows 300`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
for (const [script, args] of [
  ['large-history.js', ['100000']],
  ['batch.js', process.argv.slice(2)],
]) {
  console.log(`\n== ${script}`);
  const r = spawnSync(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
