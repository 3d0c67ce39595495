#!/usr/bin/env node
/**
 * A second floor: the papaparse stream of bench/papaparse-floor.js, plus one decimal.js value for
 * every amount cell, kept to the end as the report's events keep theirs — the least any report
 * must do while money is decimal.js (built from the cell's string, 80 significant digits, as
 * src/model/decimal.ts). Nothing else: no events, no dates, no lots, no output.
 *   node bench/decimal-floor.js <folder>   → prints JSON {rows, decimals, seconds}
 *
 * The amount cells are those the report reads as amounts in the bench's two formats: the Koinly
 * universal template's Sent/Received/Fee/Net Worth Amount and the Kraken ledger's amount and fee.
 */
import Papa from 'papaparse';
import Decimal from 'decimal.js';
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const AMOUNT_HEADERS = new Set(['Sent Amount', 'Received Amount', 'Fee Amount', 'Net Worth Amount', 'amount', 'fee']);
const Dec = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(dir, f));

const t = performance.now();
const kept = [];
let rows = 0;
for (const f of files) {
  let columns;
  await new Promise((resolve, reject) =>
    Papa.parse(createReadStream(f, 'utf8'), {
      step: ({ data }) => {
        rows++;
        if (!columns) {
          columns = data.flatMap((h, i) => (AMOUNT_HEADERS.has(h) ? [i] : []));
          return;
        }
        for (const i of columns) if (data[i]) kept.push(new Dec(data[i]));
      },
      complete: resolve,
      error: reject,
    }),
  );
}
const seconds = (performance.now() - t) / 1000;
console.log(JSON.stringify({ rows, decimals: kept.length, seconds }));
