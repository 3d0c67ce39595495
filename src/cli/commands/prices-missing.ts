/**
 * `taxlot prices missing <input...>`: write a price table to fill for every (asset, date) without
 * a price — exactly the PRICE_MISSING errors of `taxlot report` with the same options (rates
 * appear as `date,EUR,USD,`); `--year-end` adds the December 31 prices of the holdings
 * (informational). With `--price-provider`, only what the provider could not supply is listed.
 */
import type { Argv } from 'yargs';
import { formatDiagnostics } from '../../diagnostics/format-diagnostic.js';
import { PRICE_TABLE_HEADER } from '../../pricing/read-price-table.js';
import { renderCsv } from '../../report/csv/write-csv.js';
import { assertSafeOutputFile, collectInputs, readInputs } from '../io.js';
import { writeFileAtomic } from '../write-outputs.js';
import { computeReportWithPrices } from '../compute-with-prices.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS, PRICE_PROVIDER_OPTIONS, toPriceProvider, toReadOptions, toReportOptions, type CommonArgs, type ProviderArgs } from '../options.js';
import { PLAIN_CONTEXT, type CommandResult, type RunContext, type TaxlotCommand } from '../result.js';
import { trackInputs } from '../tracked-inputs.js';

interface PricesMissingArgs extends CommonArgs, ProviderArgs {
  inputs: string[];
  out: string;
  'year-end'?: boolean;
}

/** `taxlot prices missing`, with progress on stderr as `report` shows it (reading, valuing, booking; none with --quiet or --json). */
export async function runPricesMissing(args: PricesMissingArgs, ctx: RunContext = PLAIN_CONTEXT): Promise<CommandResult> {
  const converted = toReportOptions(args);
  const paths = collectInputs(args.inputs);
  assertSafeOutputFile(args.out, [...paths, ...(args.prices ? [args.prices] : [])]);
  const progress = ctx.progress;
  const options = progress ? { ...converted.options, progress } : converted.options;
  let computed: Awaited<ReturnType<typeof computeReportWithPrices>>;
  try {
    computed = await computeReportWithPrices(trackInputs(readInputs(paths, toReadOptions(args)), paths, progress), options, toPriceProvider(args));
  } finally {
    ctx.clearProgress();
  }
  const { data, providerDiagnostics } = computed;
  if (data.nothingRead) return { exitCode: 2, stdout: '', stderr: 'taxlot: nothing could be read (no input in a known format)' };
  const wanted = [...data.missingPrices, ...(args['year-end'] ? data.yearEnd.missing : [])];
  const rows = [...new Map(wanted.map((m) => [`${m.date},${m.asset},${m.currency}`, m])).values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0))
    .map((m) => [m.date, m.asset, m.currency, '']);
  const stderr = formatDiagnostics(providerDiagnostics, { max: 50, includeNotes: false });
  if (rows.length === 0) {
    // nothing to fill: no table is written (an empty one would look like work still to do)
    const scope = args['year-end'] ? 'every event and the year-end holdings have' : 'every event has';
    return { exitCode: 0, stdout: `taxlot: no missing prices — ${scope} a price; nothing written`, stderr };
  }
  writeFileAtomic(args.out, renderCsv(PRICE_TABLE_HEADER, rows));
  return {
    exitCode: 0,
    stdout: `taxlot: ${rows.length} missing price${rows.length === 1 ? '' : 's'}; wrote ${args.out} — fill the price column and pass it with --prices`,
    stderr,
  };
}

export const pricesMissingCommand: TaxlotCommand<PricesMissingArgs> = {
  command: 'missing <inputs...>',
  describe: 'write a price table with every (asset, date) that needs a price',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'CSV files and/or folders' })
      .options(INPUT_OPTIONS)
      .options(COMPUTE_OPTIONS)
      .options(PRICE_PROVIDER_OPTIONS)
      .options({
        out: { type: 'string', alias: 'o', default: 'prices-needed.csv', describe: 'price table to write' },
        'year-end': { type: 'boolean', default: false, describe: 'also list the December 31 prices of the year-end holdings (informational)' },
      })
      .example('$0 prices missing exports/ -o prices.csv', 'the (asset, date) pairs to fill in, then: taxlot report exports/ --prices prices.csv')
      .example('$0 prices missing exports/ --year-end -y 2024', 'also the December 31, 2024 prices of what was held') as unknown as Argv<PricesMissingArgs>,
  run: runPricesMissing,
};
