#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { setFlagsFromString } from 'node:v8';

// A long history is a large heap of long-lived objects (events, lots, exact decimals). V8's
// default lets the heap double between full collections, so a 1M-row report peaked at 3.3 GB for
// ~1.1 GB of live data; growing by 20% at a time holds it to ~1.9 GB at the same wall time (the
// extra marking runs on the second core). Measured with `npm run bench` (README "Performance").
setFlagsFromString('--heap-growing-percent=20');

const { runCli } = await import('../dist/cli/main.js');
await runCli(process.argv.slice(2));
