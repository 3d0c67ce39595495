/**
 * The last thing a `report` run prints (stdout, after the diagnostics on stderr): the main
 * figures from summary.json, the problems counted by code, and where the report is. Long runs of
 * numbered files (turbotax-gains-1.csv … -66.csv) are collapsed to one entry.
 */
import { countOfCode, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Style } from './color.js';
import { INVISIBLE } from '../model/visible-text.js';
import type { Summary } from '../model/summary.js';

/**
 * JSON for a terminal or a pipe: every invisible or control character as a JSON `\uXXXX` escape
 * (surrogate pairs for the supplementary planes), so the line stays valid JSON and the last net
 * of `runCli` (visibleLines) finds nothing to escape in it.
 */
export function visibleJson(value: unknown): string {
  return JSON.stringify(value).replace(INVISIBLE, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}

type Paint = (style: Style, text: string) => string;

/** `a-1.csv, a-2.csv, …, a-66.csv` → `a-1…66.csv (66 files)`; other names unchanged, order kept. */
export function collapseFileList(names: readonly string[]): string[] {
  const numbered = /^(.*-)(\d+)(\.[A-Za-z0-9]+)$/;
  const groups = new Map<string, number[]>();
  for (const n of names) {
    const m = numbered.exec(n);
    if (m) groups.set(`${m[1]}\u0000${m[3]}`, [...(groups.get(`${m[1]}\u0000${m[3]}`) ?? []), Number(m[2])]);
  }
  const out: string[] = [];
  const done = new Set<string>();
  for (const n of names) {
    const m = numbered.exec(n);
    const key = m ? `${m[1]}\u0000${m[3]}` : '';
    const nums = m ? (groups.get(key) ?? []) : [];
    if (!m || nums.length < 3) {
      out.push(n);
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    out.push(`${m[1]}${Math.min(...nums)}…${Math.max(...nums)}${m[3]} (${nums.length} files)`);
  }
  return out;
}

/** Problems by code, most frequent first, then by code: "PRICE_MISSING 3, ROW_BAD_DATE 1". */
export function countByCode(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): [string, number][] {
  const counts = new Map<string, number>();
  // a summary of diagnostics not listed one by one (bounded-diagnostics.ts) stands for `count` of them
  for (const d of diagnostics) if (d.severity === severity) counts.set(d.code, (counts.get(d.code) ?? 0) + (d.count ?? 1));
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The figures of the answer, as summary.json states them (exact, already rounded once); '' where the jurisdiction has none. */
export function answerFigures(summary: Summary): { label: string; key: string; value: string }[] {
  const us = summary.jurisdiction === 'US' ? summary : undefined;
  return [
    { label: 'short-term gain', key: 'shortTerm', value: us?.capitalGains.shortTerm.gain ?? '' },
    { label: 'long-term gain', key: 'longTerm', value: us?.capitalGains.longTerm.gain ?? '' },
    { label: 'net capital gain', key: 'net', value: summary.capitalGains.net },
    { label: 'income', key: 'income', value: summary.income.total },
    { label: 'missing basis at risk', key: 'missingBasisAtRisk', value: summary.missingBasis.proceeds },
    { label: 'loss deduction', key: 'lossDeduction', value: us?.capitalLoss.deductible ?? '' },
  ];
}

export interface AnswerInput {
  readonly summary: Summary;
  readonly diagnostics: readonly Diagnostic[];
  readonly out: string;
  readonly written: readonly string[];
}

/** The human answer: figures aligned, counts by code, the report's place. */
export function formatAnswer(a: AnswerInput, paint: Paint): string {
  const currency = a.summary.currency;
  const figures = answerFigures(a.summary).filter((f) => f.value !== '');
  const width = Math.max(...figures.map((f) => f.label.length));
  const valueWidth = Math.max(...figures.map((f) => f.value.length));
  const lines = figures.map((f) => {
    const risky = f.key === 'missingBasisAtRisk' && !/^-?0(\.0+)?$/.test(f.value);
    const value = `${f.value.padStart(valueWidth)} ${currency}`;
    return `  ${f.label.padEnd(width)}  ${risky ? paint('yellow', value) : value}`;
  });
  const errors = countByCode(a.diagnostics, 'error');
  const warnings = countByCode(a.diagnostics, 'warning');
  const list = (c: [string, number][]) => c.map(([code, n]) => `${code} ${n}`).join(', ');
  if (errors.length > 0) lines.push(`  ${paint('red', 'errors')}: ${list(errors)}`);
  if (warnings.length > 0) lines.push(`  ${paint('yellow', 'warnings')}: ${list(warnings)}`);
  if (errors.length === 0 && warnings.length === 0) lines.push(`  ${paint('green', 'no errors or warnings')}`);
  // an assumption the user asked for, not a problem, but never out of sight (its notes print only with --verbose)
  const par = countOfCode(a.diagnostics, 'STABLECOIN_PAR_BASIS');
  if (par > 0) lines.push(`  par basis (--stablecoin-basis par): ${par} lot${par === 1 ? '' : 's'} of USD stablecoins of unknown origin (STABLECOIN_PAR_BASIS notes)`);
  const pdf = a.written.includes('report.pdf') ? `${a.out}/report.pdf` : `${a.out}/`;
  lines.push(`  report: ${paint('bold', pdf)} (all diagnostics in ${a.out}/diagnostics.txt)`);
  return lines.join('\n');
}

/**
 * The answer for `--json`: one object on stdout. `written` is taxlot's files of this run (as the
 * folder's `.taxlot-manifest.json` lists them); `kept` the user's own entries of the folder,
 * carried into the new report unchanged (report-folder.ts): together, what the folder holds
 * besides the manifest.
 */
export function answerJson(a: AnswerInput & { readonly exitCode: number; readonly kept: readonly string[] }): string {
  const figures = Object.fromEntries(answerFigures(a.summary).map((f) => [f.key, f.value]));
  return visibleJson({
    exitCode: a.exitCode,
    taxYear: a.summary.taxYear,
    currency: a.summary.currency,
    method: a.summary.jurisdiction === 'US' ? a.summary.method : undefined,
    ...figures,
    errors: Object.fromEntries(countByCode(a.diagnostics, 'error')),
    warnings: Object.fromEntries(countByCode(a.diagnostics, 'warning')),
    out: a.out,
    written: a.written,
    kept: a.kept,
  });
}

/** A diagnostic as one JSON line (`--json`, stderr). */
export function diagnosticJsonLine(d: Diagnostic): string {
  return visibleJson({
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.source ? { line: d.source.line } : {}),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
  });
}

/** The severity word of each `file:line: severity CODE:` diagnostic line in colour (errors red, warnings yellow). */
export function paintDiagnostics(text: string, paint: Paint): string {
  return text.replace(/^(.*?: )(error|warning)( [A-Z0-9_]+:)/gm, (_m, head: string, severity: string, code: string) => `${head}${paint(severity === 'error' ? 'red' : 'yellow', severity)}${code}`);
}
