#!/usr/bin/env node
/**
 * The floor: a bare papaparse parse of every CSV file in a folder, nothing else. Two ways, and the
 * faster one counts (the stricter floor): streaming from disk with a step callback, and
 * `Papa.parse` of the whole file read as one string. Then the header-mode floor (issue #25's
 * yardstick): the same two ways with `header: true`, each row an object keyed by the header, which
 * is the least a reader that knows its columns by name does.
 *   node bench/papaparse-floor.js <folder>
 *   → prints JSON {rows, streamSeconds, stringSeconds, headerStreamSeconds, headerStringSeconds}
 */
import Papa from 'papaparse';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(dir, f));

let t = performance.now();
let streamRows = 0;
for (const f of files) {
  await new Promise((resolve, reject) =>
    Papa.parse(createReadStream(f, 'utf8'), { step: () => void streamRows++, complete: resolve, error: reject }),
  );
}
const streamSeconds = (performance.now() - t) / 1000;

t = performance.now();
let stringRows = 0;
for (const f of files) stringRows += Papa.parse(readFileSync(f, 'utf8')).data.length;
const stringSeconds = (performance.now() - t) / 1000;

t = performance.now();
for (const f of files) {
  await new Promise((resolve, reject) =>
    Papa.parse(createReadStream(f, 'utf8'), { header: true, step: () => undefined, complete: resolve, error: reject }),
  );
}
const headerStreamSeconds = (performance.now() - t) / 1000;

t = performance.now();
for (const f of files) Papa.parse(readFileSync(f, 'utf8'), { header: true });
const headerStringSeconds = (performance.now() - t) / 1000;

console.log(JSON.stringify({ rows: streamRows, stringRows, streamSeconds, stringSeconds, headerStreamSeconds, headerStringSeconds }));
