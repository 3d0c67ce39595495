/**
 * `taxlot harvest <input...>`: the open lots at the end of the as-of date, the year to date and a
 * tax-loss harvesting plan (src/harvest/README.md). The clock is read here only (the default
 * as-of date: today in --timezone); everything else is the pure pipeline.
 */
import type { Argv } from 'yargs';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostic.js';
import { harvestFromReport, harvestReportOptions, type HarvestResult } from '../../harvest/compute-harvest.js';
import { HARVEST_FILES, renderHarvestOutputs } from '../../harvest/harvest-outputs.js';
import { tokenizedSecurities } from '../../harvest/tokenized.js';
import { toLocalDate } from '../../model/local-date.js';
import { fetchMissingPrices } from '../../pricing/provider/fetch-missing-prices.js';
import { formatMoney } from '../../model/rounding.js';
import { computeReport } from '../../pipeline/compute-report.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { UsageError } from '../errors.js';
import { assertSafeOutput, collectInputs, physicalPath, readInputs } from '../io.js';
import { acquireOutputLock } from '../output-lock.js';
import { writeFolderAtomically } from '../report-folder.js';
import {
  COMPUTE_OPTIONS, INPUT_OPTIONS, PRICE_PROVIDER_OPTIONS, toPriceProvider, toReadOptions, toReportOptions,
  type CommonArgs, type ProviderArgs,
} from '../options.js';
import { PLAIN_CONTEXT, type CommandResult, type RunContext, type TaxlotCommand } from '../result.js';
import { trackInputs } from '../tracked-inputs.js';
import { trackOutputs } from '../tracked-outputs.js';

export interface HarvestArgs extends CommonArgs, ProviderArgs {
  inputs: string[];
  'as-of'?: string;
  securities?: string;
  out: string;
  pdf: boolean;
  label?: string;
  'max-diagnostics': number;
  verbose: boolean;
  'allow-out-inside-inputs'?: boolean;
}

/**
 * The as-of date: the flag, or today in the report zone.
 * @throws {UsageError} for a date that is not YYYY-MM-DD on the calendar
 */
export function asOfDate(flag: string | undefined, timezone: string, now: number): string {
  if (flag === undefined) return toLocalDate(now, timezone);
  const d = new Date(`${flag}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(flag) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== flag) {
    throw new UsageError(`--as-of must be a calendar date YYYY-MM-DD, got "${flag}"`);
  }
  return flag;
}

/** `taxlot harvest`, with progress on stderr as `report` shows it (reading, booking, writing; none with --quiet or --json). */
export async function runHarvest(args: HarvestArgs, ctx: RunContext = PLAIN_CONTEXT): Promise<CommandResult> {
  try {
    return await harvest(args, ctx.progress);
  } finally {
    ctx.clearProgress();
  }
}

async function harvest(args: HarvestArgs, progress: RunContext['progress']): Promise<CommandResult> {
  const { year: _year, ...rest } = args; // the as-of date decides the year
  const converted = toReportOptions(rest);
  if (converted.options.jurisdiction === 'uk') throw new UsageError('taxlot harvest plans US lots: --jurisdiction uk is not supported by harvest');
  const asOf = asOfDate(args['as-of'], converted.options.timezone, Date.now());
  const securities = tokenizedSecurities(args.securities?.split(',') ?? []);
  const paths = collectInputs(args.inputs, [args.out]);
  if (paths.length === 0) return { exitCode: 2, stderr: `taxlot: no CSV files found in ${args.inputs.join(', ')}`, stdout: '' };
  const placement = { inputFolders: args.inputs, allowInsideInputs: args['allow-out-inside-inputs'] === true };
  assertSafeOutput(args.out, paths, HARVEST_FILES, placement);
  const provider = toPriceProvider(args);
  const inputs = trackInputs(readInputs(paths, toReadOptions(args)), paths, progress);
  const planned = harvestReportOptions(converted.options, asOf);
  const options = progress ? { ...planned, progress } : planned;
  const keepNoHistory = 'discard' as const; // each event is freed once booked
  let data = computeReport(inputs, options, keepNoHistory);
  let h = harvestFromReport(data, { asOf, securities });
  let providerDiagnostics: readonly Diagnostic[] = [];
  if (provider && !data.nothingRead) {
    // one round, as for report: the events' missing prices and the as-of prices (never December 31's)
    const wanted = [...data.missingPrices, ...h.missing];
    if (wanted.length > 0) {
      const fetched = await fetchMissingPrices(wanted, provider, converted.options.timezone);
      providerDiagnostics = fetched.diagnostics;
      if (fetched.points.length > 0) {
        data = computeReport(inputs, { ...options, prices: [...options.prices, ...fetched.points] }, keepNoHistory);
        h = harvestFromReport(data, { asOf, securities });
      }
    }
  }
  const diagnostics = [...converted.diagnostics, ...providerDiagnostics, ...h.diagnostics];
  const stderr = formatDiagnostics(diagnostics, { max: args['max-diagnostics'], includeNotes: args.verbose });
  if (data.nothingRead) {
    return { exitCode: 2, stderr: `${stderr}\ntaxlot: nothing could be read (no input in a known format); no plan written`, stdout: '' };
  }
  progress?.({ phase: 'prepare', what: 'the plan files' });
  const outputs = renderHarvestOutputs(h, diagnostics, { pdf: args.pdf, ...(args.label?.trim() ? { label: args.label.trim() } : {}) });
  // replaced as a whole, as a report folder is (src/cli/report-folder.ts)
  const realOut = physicalPath(args.out);
  const lock = await acquireOutputLock(realOut, args.out, 'harvest');
  try {
    await writeFolderAtomically(realOut, args.out, progress ? trackOutputs(outputs, progress) : outputs);
  } finally {
    lock.release();
  }
  const counts = countBySeverity(diagnostics);
  return { exitCode: counts.errors > 0 ? 1 : 0, stdout: terminalSummary(h, counts, args.out, [...outputs.keys()]), stderr };
}

/** What the terminal shows: the positions, the year so far, the plan and its two outcomes. */
export function terminalSummary(h: HarvestResult, counts: { errors: number; warnings: number }, out: string, written: readonly string[]): string {
  const m = formatMoney;
  const under = h.lots.filter((l) => l.unrealized?.isNegative());
  const unpriced = h.lots.filter((l) => !l.value).length;
  const loss = under.reduce((s, l) => s.plus(l.unrealized ?? 0), h.yearToDate.net.minus(h.yearToDate.net));
  const p = h.plan;
  const lines = [
    `taxlot harvest: as of ${h.asOf} (${h.method}, ${h.universal ? 'universal' : 'per-wallet'} lots, ${h.currency}); ` +
      `${h.lots.length} open lot${h.lots.length === 1 ? '' : 's'}, ${under.length} at a loss (${m(loss)})` +
      (unpriced > 0 ? `, ${unpriced} without a price` : ''),
    `year to date: short-term ${m(h.yearToDate.shortTerm)}, long-term ${m(h.yearToDate.longTerm)}, net ${m(h.yearToDate.net)}, income ${m(h.yearToDate.income)}`,
    `plan: ${planHeadline(p)}`,
  ];
  for (const s of p.sales) {
    lines.push(
      `  sell ${s.units.toFixed()} ${s.lot.lot.asset} in ${s.lot.lot.wallet} (lot ${s.lot.lot.id}, acquired ${s.lot.lot.acquiredDate}): ` +
        `${m(s.specificId.realized)} ${s.specificId.term}-term if the lot is identified before the sale; ` +
        `under ${h.method} ${m(s.lotMethod.realized)}${s.lot.possibleSecurity ? ' [possible security: wash-sale rule may apply]' : ''}`,
    );
  }
  if (p.sales.length > 0) {
    const a = p.afterSpecificId;
    const b = p.afterLotMethod;
    lines.push(`after, identified lots: net ${m(a.net)}, deductible ${m(a.capitalLoss.deductible)}; under ${h.method}: net ${m(b.net)}, deductible ${m(b.capitalLoss.deductible)}`);
  }
  lines.push('wash sales: IRC 1091 does not reach crypto that is not a security under current law; tokenized securities are flagged');
  lines.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}; wrote ${out}/ (${written.join(', ')})`);
  return lines.join('\n');
}

/** What the plan amounts to, in one line (shared with the PDF). */
export function planHeadline(p: HarvestResult['plan']): string {
  const m = formatMoney;
  if (p.lossWanted.isZero()) return `no sale helps this year: the year's net, with carryovers, is already a loss at or beyond the ${m(p.limit)} limit`;
  if (p.sales.length === 0) return `no priced lot is at a loss; a loss of ${m(p.lossWanted)} would help (the year's net gain with carryovers, plus the ${m(p.limit)} limit)`;
  return `${p.sales.length} sale${p.sales.length === 1 ? '' : 's'}; loss wanted ${m(p.lossWanted)} (the year's net gain with carryovers, plus the ${m(p.limit)} limit)`;
}

const { year: _yearOption, ...HARVEST_COMPUTE_OPTIONS } = COMPUTE_OPTIONS;

export const harvestCommand: TaxlotCommand<HarvestArgs> = {
  command: 'harvest <inputs...>',
  describe: 'open lots at a date, the year to date, and a tax-loss harvesting plan (harvest.json, CSVs, PDF)',
  builder: (y) =>
    (y as Argv<object>)
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'CSV files and/or folders (read recursively)' })
      .options(INPUT_OPTIONS)
      .options(HARVEST_COMPUTE_OPTIONS)
      .options(PRICE_PROVIDER_OPTIONS)
      .options({
        'as-of': { type: 'string', describe: 'the date to plan at, YYYY-MM-DD: history booked through its end, lots valued then [default: today in --timezone]', group: 'Planning:' },
        securities: { type: 'string', describe: 'assets to flag as tokenized securities (wash-sale rule may apply), comma-separated, added to the built-in list', group: 'Planning:' },
        out: { type: 'string', alias: 'o', default: 'taxlot-harvest', describe: 'output folder (created if missing)', group: 'Output:' },
        'allow-out-inside-inputs': { type: 'boolean', default: false, describe: 'allow --out to be inside a folder given as input', group: 'Output:' },
        pdf: { type: 'boolean', default: true, describe: 'write harvest.pdf (--no-pdf to skip it)', group: 'Output:' },
        label: { type: 'string', describe: 'taxpayer or client name printed on the PDF', group: 'Output:' },
        'max-diagnostics': { type: 'number', default: 50, describe: 'diagnostics printed to stderr (all are in harvest-diagnostics.txt)', group: 'Output:' },
      })
      .example('$0 harvest exports/ --prices prices.csv', 'open lots today, the year to date and a plan, into taxlot-harvest/')
      .example('$0 harvest exports/ --as-of 2025-12-15 -m hifo -o plan', 'the plan as of a date, under HIFO') as unknown as Argv<HarvestArgs>,
  run: runHarvest,
};
