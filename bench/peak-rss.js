#!/usr/bin/env node
/**
 * Run a Node script in this process and report its peak resident memory when it exits:
 *   BENCH_RSS_FILE=peak-rss.txt node bench/peak-rss.js bin/taxlot.js report ...
 * (no GNU time needed on a fresh machine).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
await import(pathToFileURL(resolve(script)).href);
