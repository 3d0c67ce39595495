/**
 * Options shared by `report`, `check`, `prices missing` (and `batch`): one table, one conversion
 * to the pipeline's `ReportOptions`, with every validation a usage error (exit 2).
 */
import { readFileSync } from 'node:fs';
import type { Options } from 'yargs';
import { BOOKING_METHODS, type BookingMethod } from '../engine/booking-methods.js';
import type { LotScope } from '../engine/compute-gains.js';
import { DEFAULT_TRANSFER_MATCHING } from '../engine/match-transfers.js';
import { ALL_IMPORTERS, findImporter } from '../importers/index.js';
import { parseNumber } from '../importers/parse-number.js';
import { DEFAULT_USD_STABLECOINS, normalizeAsset } from '../model/asset.js';
import { Dec, ZERO } from '../model/decimal.js';
import { isValidTimeZone } from '../model/local-date.js';
import type { ReportOptions } from '../pipeline/compute-report.js';
import { readPriceTable } from '../pricing/read-price-table.js';
import { FILING_STATUSES, type FilingStatus } from '../report/capital-loss.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from './errors.js';

export const INPUT_OPTIONS = {
  format: { type: 'string', describe: 'read every input with this importer (see `taxlot formats`) instead of detecting', group: 'Input:' },
  'input-timezone': { type: 'string', describe: 'zone of wall-clock times in exports that do not state one (default: each importer\'s own, usually UTC)', group: 'Input:' },
} as const satisfies Record<string, Options>;

export const COMPUTE_OPTIONS = {
  year: { type: 'number', describe: 'tax year to report (default: the latest year with a disposal)', group: 'Tax rules:' },
  method: { type: 'string', choices: ['fifo', 'lifo', 'hifo'], describe: 'lot selection method [default: fifo]', group: 'Tax rules:' },
  'lot-scope': {
    type: 'string',
    choices: ['auto', 'universal', 'per-wallet'],
    default: 'auto',
    describe: 'auto: universal lots before 2025-01-01, per wallet from then on (Treas. Reg. 1.1012-1(j))',
    group: 'Tax rules:',
  },
  timezone: { type: 'string', default: 'UTC', describe: 'IANA zone for calendar dates (holding periods, tax year)', group: 'Tax rules:' },
  'filing-status': { type: 'string', choices: FILING_STATUSES, default: 'single', describe: 'married-separate halves the capital loss limit', group: 'Tax rules:' },
  'carryover-short': { type: 'string', default: '0', describe: 'prior-year short-term capital loss carryover (positive amount)', group: 'Tax rules:' },
  'carryover-long': { type: 'string', default: '0', describe: 'prior-year long-term capital loss carryover (positive amount)', group: 'Tax rules:' },
  prices: { type: 'string', describe: 'price table CSV: date,asset,currency,price', group: 'Prices:' },
  'price-window': { type: 'number', default: 24, describe: 'hours a price point stays valid after its time (a daily price covers its day)', group: 'Prices:' },
  stablecoins: { type: 'string', describe: `USD-pegged coins valued at 1.00 USD [default: ${DEFAULT_USD_STABLECOINS.join(',')}]`, group: 'Prices:' },
  'transfer-window': { type: 'number', default: 48, describe: 'hours after a withdrawal within which a matching deposit is a transfer', group: 'Transfers:' },
  'transfer-tolerance': { type: 'string', default: '0.01', describe: 'share of a transfer that may be lost to fees and still match (0.01 = 1%)', group: 'Transfers:' },
} as const satisfies Record<string, Options>;

export interface CommonArgs {
  format?: string;
  'input-timezone'?: string;
  year?: number;
  method?: string;
  'lot-scope': string;
  timezone: string;
  'filing-status': string;
  'carryover-short': string;
  'carryover-long': string;
  prices?: string;
  'price-window': number;
  stablecoins?: string;
  'transfer-window': number;
  'transfer-tolerance': string;
}

function amount(text: string, flag: string): Dec {
  const n = parseNumber(text);
  if (!n || n.value.isNegative()) throw new UsageError(`--${flag} must be a positive amount, got "${text}"`);
  return n.value;
}

/** Turn parsed arguments into pipeline options; the price table file is read here. */
export function toReportOptions(args: CommonArgs): { options: ReportOptions; diagnostics: Diagnostic[] } {
  if (args.format && !findImporter(args.format)) throw new UsageError(`unknown --format "${args.format}"; run \`taxlot formats\``);
  if (!isValidTimeZone(args.timezone)) throw new UsageError(`unknown --timezone "${args.timezone}" (use an IANA name such as America/New_York)`);
  const inputZone = args['input-timezone'];
  if (inputZone && !isValidTimeZone(inputZone) && !/^[+-]\d{2}:?\d{2}$/.test(inputZone)) throw new UsageError(`unknown --input-timezone "${inputZone}"`);
  if (args.year !== undefined && (!Number.isInteger(args.year) || args.year < 2009 || args.year > 2100)) {
    throw new UsageError(`--year must be a calendar year such as 2024, got ${args.year}`);
  }
  const tolerance = parseNumber(args['transfer-tolerance']);
  if (!tolerance || tolerance.value.isNegative() || tolerance.value.greaterThanOrEqualTo(1)) {
    throw new UsageError('--transfer-tolerance must be a fraction between 0 and 1, such as 0.01');
  }
  let prices: ReportOptions['prices'] = [];
  let diagnostics: Diagnostic[] = [];
  if (args.prices) {
    let text: string;
    try {
      text = readFileSync(args.prices, 'utf8');
    } catch {
      throw new UsageError(`cannot read the price table ${args.prices}`);
    }
    const table = readPriceTable(args.prices, text, args.timezone);
    prices = table.points;
    diagnostics = table.diagnostics;
  }
  const method = (args.method ?? 'fifo').toUpperCase() as BookingMethod;
  if (!BOOKING_METHODS.includes(method)) throw new UsageError(`unknown --method "${args.method}"`);
  const options: ReportOptions = {
    ...(args.year !== undefined ? { year: args.year } : {}),
    method,
    methodOrigin: args.method ? '--method option' : 'default',
    lotScope: args['lot-scope'] as LotScope,
    perWalletFrom: '2025-01-01',
    timezone: args.timezone,
    currency: 'USD',
    filingStatus: args['filing-status'] as FilingStatus,
    carryoverShort: args['carryover-short'] ? amount(args['carryover-short'], 'carryover-short') : ZERO,
    carryoverLong: args['carryover-long'] ? amount(args['carryover-long'], 'carryover-long') : ZERO,
    prices,
    stablecoins: args.stablecoins !== undefined ? args.stablecoins.split(',').map(normalizeAsset).filter(Boolean) : DEFAULT_USD_STABLECOINS,
    priceWindowMs: args['price-window'] * 3_600_000,
    transferMatching: {
      ...DEFAULT_TRANSFER_MATCHING,
      windowMs: args['transfer-window'] * 3_600_000,
      tolerance: new Dec(tolerance.value),
    },
    importers: ALL_IMPORTERS,
    ...(args.format ? { forcedFormat: args.format } : {}),
    ...(inputZone ? { inputZone } : {}),
  };
  return { options, diagnostics };
}
