/** `taxlot prices missing <input...>`: write a price table to fill for every (asset, date) without a price. */
import type { Argv } from 'yargs';
import { computeReport } from '../../pipeline/compute-report.js';
import { PRICE_TABLE_HEADER } from '../../pricing/read-price-table.js';
import { renderCsv } from '../../report/csv/write-csv.js';
import { collectInputs, readInputs, writeFileAtomic } from '../io.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS, toReportOptions, type CommonArgs } from '../options.js';
import type { CommandResult, TaxlotCommand } from '../result.js';

interface PricesMissingArgs extends CommonArgs {
  inputs: string[];
  out: string;
}

export function runPricesMissing(args: PricesMissingArgs): CommandResult {
  const { options } = toReportOptions(args);
  const data = computeReport(readInputs(collectInputs(args.inputs)), options);
  if (data.nothingRead) return { exitCode: 2, stdout: '', stderr: 'taxlot: nothing could be read (no input in a known format)' };
  const rows = [...data.missingPrices]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0))
    .map((m) => [m.date, m.asset, m.currency, '']);
  writeFileAtomic(args.out, renderCsv(PRICE_TABLE_HEADER, rows));
  return {
    exitCode: 0,
    stdout: `taxlot: ${rows.length} missing price${rows.length === 1 ? '' : 's'}; wrote ${args.out} — fill the price column and pass it with --prices`,
    stderr: '',
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
      .options({ out: { type: 'string', default: 'prices-needed.csv', describe: 'price table to write' } }) as unknown as Argv<PricesMissingArgs>,
  run: runPricesMissing,
};
