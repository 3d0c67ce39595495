/**
 * report.html: one self-contained page for the person fixing their data (README "report.html").
 * No network, no server: the styles, the script (client-script.ts) and the data (inline JSON)
 * are all in the file, and its Content-Security-Policy forbids loading anything. The figures at
 * the top are summary.json's own strings. Pure: data in, the page's text out.
 */
import type { ReportData } from '../../pipeline/compute-report.js';
import type { Summary } from '../../model/summary.js';
import type { Form8949Line } from '../form8949-lines.js';
import { chartsSvg } from './html-charts.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml, jsonForScript } from './escape-html.js';
import { groupDiagnostics, MAX_TABLE_ROWS, tables, type HtmlTable } from './html-data.js';
import { PAGE_STYLE } from './page-style.js';

export const HTML_FILE = 'report.html';

type Json = Record<string, unknown>;

/** The run's status as batch's index.csv says it: ok, warnings, errors. */
export function runStatus(summary: Summary): 'ok' | 'warnings' | 'errors' {
  const d = summary.diagnostics;
  return d.errors > 0 ? 'errors' : d.warnings > 0 ? 'warnings' : 'ok';
}

/** The page as chunks: the data of a long table is written a thousand rows at a time. */
export function* reportHtmlChunks(data: ReportData, lines: readonly Form8949Line[]): Generator<string> {
  const list = tables(data, lines);
  const [head, tail] = pageAround(data, lines, list);
  yield head;
  yield `{"currency":${jsonForScript(data.options.currency)},"groups":${jsonForScript(groupDiagnostics(data))},"tables":[`;
  for (const [ti, t] of list.entries()) {
    yield `${ti > 0 ? ',' : ''}{"id":${jsonForScript(t.id)},"title":${jsonForScript(t.title)},"columns":${jsonForScript(t.columns)},"count":${t.count},"rows":[`;
    let batch: string[] = [];
    let first = true;
    for (const row of t.rows()) {
      batch.push(jsonForScript(row));
      if (batch.length === 1000) {
        yield `${first ? '' : ','}${batch.join(',')}`;
        first = false;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${first ? '' : ','}${batch.join(',')}`;
    yield ']}';
  }
  yield ']}';
  yield tail;
}

/** Everything before and after the inline data. */
function pageAround(data: ReportData, lines: readonly Form8949Line[], list: readonly HtmlTable[]): [string, string] {
  const s = data.summary;
  const status = runStatus(s);
  const get = (path: string): string => {
    // a figure is named by its path in summary.json (`capitalGains.net`), as the page's script reads it
    let v: unknown = s;
    for (const k of path.split('.')) v = (v as Json | undefined)?.[k];
    return v === undefined ? '' : String(v);
  };
  const figure = (label: string, path: string): string =>
    `<div class="fig"><span>${escapeHtml(label)}</span><b data-figure="${escapeHtml(path)}">${escapeHtml(get(path))}</b></div>`;
  const errors = s.diagnostics.errors;
  const sections = list
    .map((t) => `<section><h2>${escapeHtml(t.title)} <small>(${t.count}${t.count > MAX_TABLE_ROWS ? `, the first ${MAX_TABLE_ROWS} shown: all are in the CSV files` : ''})</small></h2><div id="${escapeHtml(t.id)}" class="table"></div></section>`)
    .join('\n');
  return [`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>taxlot report ${escapeHtml(get('taxYear'))}</title>
<style>${PAGE_STYLE}</style>
</head>
<body data-status="${status}">
<header>
<h1>taxlot report — tax year <span data-figure="taxYear">${escapeHtml(get('taxYear'))}</span></h1>
<p class="status status-${status}">Status: <b data-status>${status}</b> · <span data-figure="diagnostics.errors">${escapeHtml(get('diagnostics.errors'))}</span> errors, <span data-figure="diagnostics.warnings">${escapeHtml(get('diagnostics.warnings'))}</span> warnings · method <span data-figure="method">${escapeHtml(get('method'))}</span> · ${escapeHtml(get('currency'))}${errors > 0 ? ' · the report is written, but rows need attention before filing' : ''}</p>
</header>
<section class="figures">
${figure('Net capital gain', 'capitalGains.net')}
${figure('Short-term proceeds', 'capitalGains.shortTerm.proceeds')}
${figure('Short-term basis', 'capitalGains.shortTerm.costBasis')}
${figure('Short-term gain', 'capitalGains.shortTerm.gain')}
${figure('Long-term proceeds', 'capitalGains.longTerm.proceeds')}
${figure('Long-term basis', 'capitalGains.longTerm.costBasis')}
${figure('Long-term gain', 'capitalGains.longTerm.gain')}
${figure('Income', 'income.total')}
${figure('Missing-basis proceeds', 'missingBasis.proceeds')}
${figure('Deductible loss', 'capitalLoss.deductible')}
${figure('Rows read', 'inputs.rows')}
${figure('Imported', 'inputs.imported')}
${figure('Skipped', 'inputs.skipped')}
${figure('Rejected', 'inputs.rejected')}
</section>
<section class="charts">${chartsSvg(data, lines)}</section>
<section><h2>Problems to fix <small>(${data.diagnostics.length})</small></h2>
<p class="hint">Grouped by kind, the costliest first. Each override below goes in the overrides file (<code>--overrides overrides.json</code>); replace the <code>…</code> with what you know.</p>
<div id="problems"></div></section>
${sections}
<noscript><p>Turn on JavaScript to see the problem list and the tables; every file of the folder holds the same data (diagnostics.txt, form8949.csv, …).</p></noscript>
<script type="application/json" id="taxlot-data">`, `</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`];
}
