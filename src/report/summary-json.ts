/**
 * `summary.json`: the one place the typed summary (src/model/summary.ts) becomes JSON, for
 * the US and the UK folder alike. Keys in the order the summary was built, which is the order
 * docs/contract.md "summary.json (schema 1)" documents; two-space indentation and a final newline.
 */
import type { Summary } from '../model/summary.js';

export function renderSummaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
