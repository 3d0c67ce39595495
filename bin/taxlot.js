#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { runCli } from '../dist/cli/main.js';

await runCli(process.argv.slice(2));
