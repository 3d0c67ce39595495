#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { setFlagsFromString } from 'node:v8';

// A long history is a large heap of long-lived objects (events, lots, exact decimals). V8's
// default lets the heap double between full collections, so a 1M-row report peaked at 3.3 GB for
// ~1.1 GB of live data; growing by 20% at a time holds it to ~1.9 GB at the same wall time (the
// extra marking runs on the second core). Measured with `npm run bench` (README "Performance").
// V8's flags are the process's: the CLI's worker thread below gets it too.
setFlagsFromString('--heap-growing-percent=20');

// The CLI runs in a worker thread whose young generation is larger than the main thread's can be
// made from here (dist/cli/cli-thread.js says why and what the main thread keeps doing).
// TAXLOT_IN_PROCESS=1 runs it in this thread instead.
if (process.env.TAXLOT_IN_PROCESS === '1') {
  const { runCli } = await import('../dist/cli/main.js');
  await runCli(process.argv.slice(2));
} else {
  const { runCliThread } = await import('../dist/cli/cli-thread.js');
  await runCliThread(process.argv.slice(2));
}
