/**
 * Options shared by `report`, `check`, `prices missing` (and `batch`): one table, one conversion
 * to the pipeline's `ReportOptions`, with every validation a usage error (exit 2).
 */
import type { Options } from 'yargs';
import { parseMethodSchedule, type MethodChange } from '../engine/method-schedule.js';
import type { LotScope } from '../engine/compute-gains.js';
import { DEFAULT_TRANSFER_MATCHING } from '../engine/match-transfers.js';
import { ALL_IMPORTERS, findImporter } from '../importers/index.js';
import type { Importer } from '../importers/importer-spec.js';
import { parseNumber } from '../importers/parse-number.js';
import type { DateOrder } from '../importers/parse-instant.js';
import { withRowGuards } from '../importers/row-guards.js';
import { DEFAULT_USD_STABLECOINS, isFiat, normalizeAsset } from '../model/asset.js';
import { Dec, ZERO } from '../model/decimal.js';
import { isValidTimeZone } from '../model/local-date.js';
import { INCOME_KINDS, type IncomeKind } from '../model/ledger-event.js';
import type { ReportOptions } from '../pipeline/compute-report.js';
import { STABLECOIN_BASES, type StablecoinBasis } from '../pipeline/stablecoin-par.js';
import { readPriceTable } from '../pricing/read-price-table.js';
import { buildCoinMap, readCoinMap } from '../pricing/provider/coin-ids.js';
import { createCoinGeckoProvider, defaultApiKeyHeader, DEFAULT_COINGECKO_URL, DEFAULT_LIMITS, type DailyPriceProvider } from '../pricing/provider/coingecko-provider.js';
import { createPriceCache } from '../pricing/provider/price-cache.js';
import { FILING_STATUSES, type FilingStatus } from '../jurisdictions/us/capital-loss.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from './errors.js';
import { askedYears } from './year-span.js';
import type { YearSpan } from '../pipeline/compute-years.js';
import { readTextFile } from './read-input.js';
import { NO_OVERRIDES, type Overrides } from '../overrides/overrides.js';
import { readOverrides } from '../overrides/read-overrides.js';

export const INPUT_OPTIONS = {
  format: { type: 'string', describe: 'read every input with this importer (see `taxlot formats`) instead of detecting', group: 'Input:' },
  'input-timezone': { type: 'string', describe: 'zone of wall-clock times in exports that do not state one (default: each importer\'s own, usually UTC)', group: 'Input:' },
  'date-order': {
    type: 'string',
    choices: ['dmy', 'mdy', 'ymd'],
    describe: 'order of numeric dates such as 03/04/2024 in every input: day-first, month-first or year-first (default: decided per file from its format and its own dates)',
    group: 'Input:',
  },
  'max-input-size': { type: 'number', default: 2048, describe: 'largest input file read, in MiB; a larger one is not read (INPUT_TOO_LARGE)', group: 'Input:' },
} as const satisfies Record<string, Options>;

export const COMPUTE_OPTIONS = {
  year: {
    type: 'string',
    alias: 'y',
    describe: 'tax year to report (default: the latest year with a disposal); report and batch also take a range, 2019-2025, or all: one report folder per year',
    group: 'Tax rules:',
  },
  method: {
    type: 'string',
    alias: 'm',
    describe: 'lot selection method: fifo, lifo or hifo [default: fifo]; or a schedule changing from a date forward, e.g. fifo,hifo:2025-01-01 (README "Method schedules")',
    group: 'Tax rules:',
  },
  'lot-scope': {
    type: 'string',
    choices: ['auto', 'universal', 'per-wallet'],
    default: 'auto',
    describe: 'auto: universal lots before 2025-01-01, per wallet from then on (Treas. Reg. 1.1012-1(j))',
    group: 'Tax rules:',
  },
  jurisdiction: {
    type: 'string',
    choices: ['us', 'uk'],
    default: 'us',
    describe: 'tax rules: us (Form 8949, calendar years) or uk (HMRC share pooling, tax years ending 5 April; src/jurisdictions/uk/README.md)',
    group: 'Tax rules:',
  },
  timezone: { type: 'string', describe: 'IANA zone for calendar dates (holding periods, tax year) [default: UTC; Europe/London with --jurisdiction uk]', group: 'Tax rules:' },
  'filing-status': { type: 'string', choices: FILING_STATUSES, default: 'single', describe: 'married-separate halves the capital loss limit', group: 'Tax rules:' },
  'carryover-short': { type: 'string', default: '0', describe: 'prior-year short-term capital loss carryover (positive amount)', group: 'Tax rules:' },
  'carryover-long': { type: 'string', default: '0', describe: 'prior-year long-term capital loss carryover (positive amount)', group: 'Tax rules:' },
  'income-as-business': {
    type: 'string',
    describe: 'income kinds earned in a trade or business (mining, staking, ...; comma-separated, empty = mining,staking): the PDF shows them for Schedule C and SE, not Schedule 1; summary.json income is unchanged',
    group: 'Tax rules:',
  },
  prices: { type: 'string', describe: 'price table CSV: date,asset,currency,price', group: 'Prices:' },
  overrides: { type: 'string', describe: 'JSON file of your statements about rows (what a row is, its value or basis, rows to ignore), transfers to pair or unpair, your 2025-01-01 allocation and debts to venues (README "Overrides file")', group: 'Tax rules:' },
  'derivative-valuation': {
    type: 'string',
    choices: ['close', 'event'],
    default: 'close',
    describe: 'value a derivative position\'s parts at its close, or when each was booked',
    group: 'Tax rules:',
  },
  currency: {
    type: 'string',
    describe: 'report currency (a fiat code such as EUR); other currencies are converted with rates from the price table [default: USD; GBP with --jurisdiction uk]',
    group: 'Prices:',
  },
  'price-window': { type: 'number', default: 24, describe: 'hours a price point stays valid after its time (a daily price covers its day)', group: 'Prices:' },
  stablecoins: { type: 'string', describe: `USD-pegged coins valued at 1.00 USD [default: ${DEFAULT_USD_STABLECOINS.join(',')}]`, group: 'Prices:' },
  'stablecoin-basis': {
    type: 'string',
    choices: STABLECOIN_BASES,
    describe: 'USD stablecoins of unknown origin (a deposit with no source, units a transfer brings beyond what its source held): unknown = no basis, counted as missing basis; par = 1.00 USD per unit, acquired the day they arrived — only if you know they were bought for dollars (README "Stablecoins of unknown origin") [default: unknown]',
    group: 'Tax rules:',
  },
  'transfer-window': { type: 'number', default: 48, describe: 'hours after a withdrawal within which a matching deposit is a transfer', group: 'Transfers:' },
  'transfer-tolerance': { type: 'string', default: '0.01', describe: 'share of a transfer that may be lost to fees and still match (0.01 = 1%)', group: 'Transfers:' },
} as const satisfies Record<string, Options>;

/** Online prices (`report`, `prices missing`): off unless `--price-provider coingecko`. */
export const PRICE_PROVIDER_OPTIONS = {
  'price-provider': { type: 'string', choices: ['none', 'coingecko'], describe: 'fetch prices the table lacks from an online API [default: none: taxlot stays offline]', group: 'Online prices:' },
  'price-api-url': { type: 'string', describe: `base URL of a CoinGecko-compatible API [default: ${DEFAULT_COINGECKO_URL}]`, group: 'Online prices:' },
  'price-api-key': { type: 'string', describe: 'API key (default: env TAXLOT_PRICE_API_KEY)', group: 'Online prices:' },
  'price-api-key-header': { type: 'string', describe: 'header that carries the key [default: x-cg-pro-api-key for a pro-api host, else x-cg-demo-api-key]', group: 'Online prices:' },
  'price-coin-map': { type: 'string', describe: 'JSON file {"TICKER": "coin-id"} extending the built-in ticker map', group: 'Online prices:' },
  'price-cache': { type: 'string', default: '.taxlot-cache', describe: 'folder of fetched prices; a second run makes no request', group: 'Online prices:' },
  'price-timeout': { type: 'number', default: 20, describe: 'seconds to wait for one answer before retrying', group: 'Online prices:' },
  'price-retries': { type: 'number', default: 4, describe: 'retries after a timeout, HTTP 429 or 5xx (exponential backoff, Retry-After honoured)', group: 'Online prices:' },
  'price-deadline': { type: 'number', default: 120, describe: 'seconds for all online prices of a run; prices not fetched by then stay missing (the next run goes on from the cache)', group: 'Online prices:' },
  'price-concurrency': { type: 'number', default: 4, describe: 'requests to the price API at once (1 to 16)', group: 'Online prices:' },
} as const satisfies Record<string, Options>;

export interface ProviderArgs {
  'price-provider'?: string;
  'price-api-url'?: string;
  'price-api-key'?: string;
  'price-api-key-header'?: string;
  'price-coin-map'?: string;
  'price-cache'?: string;
  'price-timeout'?: number;
  'price-retries'?: number;
  'price-deadline'?: number;
  'price-concurrency'?: number;
}

/**
 * The online price provider the arguments ask for, or undefined (the default: offline).
 * @throws {UsageError} for an unreadable coin map or an invalid URL, timeout or retry count
 */
export function toPriceProvider(args: ProviderArgs, env: NodeJS.ProcessEnv = process.env): DailyPriceProvider | undefined {
  if ((args['price-provider'] ?? 'none') === 'none') return undefined;
  const baseUrl = args['price-api-url'] ?? DEFAULT_COINGECKO_URL;
  if (!/^https?:\/\/[^/\s]+/.test(baseUrl)) throw new UsageError(`--price-api-url must be an http(s) URL, got "${baseUrl}"`);
  const timeout = args['price-timeout'] ?? 20;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--price-timeout must be a positive number of seconds, got ${timeout}`);
  const retries = args['price-retries'] ?? 4;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UsageError(`--price-retries must be a whole number from 0 to 10, got ${retries}`);
  const deadline = args['price-deadline'] ?? DEFAULT_LIMITS.deadlineMs / 1000;
  if (!Number.isFinite(deadline) || deadline <= 0 || deadline > 86_400) throw new UsageError(`--price-deadline must be a number of seconds above 0 and at most 86400, got ${deadline}`);
  const concurrency = args['price-concurrency'] ?? DEFAULT_LIMITS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError(`--price-concurrency must be a whole number from 1 to 16, got ${concurrency}`);
  let overrides: Record<string, string | null> = {};
  const mapFile = args['price-coin-map'];
  if (mapFile) {
    const text = readTextFile(mapFile, 'coin map');
    const read = readCoinMap(text);
    if ('error' in read) throw new UsageError(`coin map ${mapFile}: ${read.error}`);
    overrides = read.overrides;
  }
  const apiKey = args['price-api-key'] ?? env['TAXLOT_PRICE_API_KEY'];
  return createCoinGeckoProvider({
    baseUrl,
    ...(apiKey ? { apiKey } : {}),
    apiKeyHeader: args['price-api-key-header'] ?? defaultApiKeyHeader(baseUrl),
    coinMap: buildCoinMap(overrides),
    cache: createPriceCache(args['price-cache'] ?? '.taxlot-cache', 'coingecko', withoutCredentials(baseUrl)),
    retry: { timeoutMs: Math.round(timeout * 1000), attempts: retries + 1, backoffMs: 1000, maxRetryAfterMs: 120_000, now: () => Date.now() },
    limits: { ...DEFAULT_LIMITS, deadlineMs: Math.round(deadline * 1000), concurrency },
    progress: (line) => void process.stderr.write(`${line}\n`),
  });
}

/** The API root as recorded in the cache: no user:password, no query (a key could sit in either). */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}

export interface CommonArgs {
  format?: string;
  'input-timezone'?: string;
  'date-order'?: string;
  'max-input-size'?: number;
  /** A number (batch files, library callers) or the flag's text: one year, `2019-2025`, `all` (year-span.ts). */
  year?: number | string;
  method?: string;
  'lot-scope': string;
  jurisdiction?: string;
  timezone?: string;
  'filing-status': string;
  'carryover-short': string;
  'carryover-long': string;
  prices?: string;
  currency?: string;
  'price-window': number;
  stablecoins?: string;
  'stablecoin-basis'?: string;
  'transfer-window': number;
  'transfer-tolerance': string;
  overrides?: string;
  'derivative-valuation'?: string;
  'income-as-business'?: string;
}

/** Every importer, with the checks all rows pass; the run's clock decides what "a date in the future" is (row-guards.ts). */
export function runImporters(now: number = Date.now()): readonly Importer[] {
  return withRowGuards(ALL_IMPORTERS, { now });
}

/**
 * How the CLI reads input files (`--max-input-size`, MiB).
 * @throws {UsageError} when the size is not a positive number
 */
export function toReadOptions(args: { 'max-input-size'?: number; 'display-root'?: string }): { maxBytes?: number; displayRoot?: string } {
  const mib = args['max-input-size'];
  const root = args['display-root'] !== undefined ? { displayRoot: args['display-root'] } : {};
  if (mib === undefined) return root;
  if (!Number.isFinite(mib) || mib <= 0) throw new UsageError(`--max-input-size must be a positive number of MiB, got ${mib}`);
  return { maxBytes: Math.floor(mib * 1024 * 1024), ...root };
}

/**
 * `--date-order` as a date order.
 * @throws {UsageError} for anything but dmy, mdy or ymd (yargs checks the choices; batch files too)
 */
export function toDateOrder(value: string): DateOrder {
  if (value === 'dmy' || value === 'mdy' || value === 'ymd') return value;
  throw new UsageError(`--date-order must be dmy, mdy or ymd, got "${value}"`);
}

function amount(text: string, flag: string): Dec {
  const n = parseNumber(text);
  if (!n || n.value.isNegative()) throw new UsageError(`--${flag} must be a positive amount, got "${text}"`);
  return n.value;
}

/**
 * `--income-as-business KINDS`: the income kinds the taxpayer earns in a trade or business
 * (README "Mining or staking as a business"); given without a value, mining and staking.
 * @throws {UsageError} for a kind taxlot does not have
 */
function businessKinds(text: string | undefined): readonly IncomeKind[] | undefined {
  if (text === undefined) return undefined;
  const kinds = text.trim() === '' ? ['mining', 'staking'] : text.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  for (const k of kinds) {
    if (!(INCOME_KINDS as readonly string[]).includes(k)) throw new UsageError(`unknown income kind "${k}" in --income-as-business; expected some of ${INCOME_KINDS.join(', ')}`);
  }
  return INCOME_KINDS.filter((k) => kinds.includes(k));
}

/** `--jurisdiction` (also the batch key): `us` unless `uk` is asked for. */
function toJurisdiction(value: string | undefined): 'us' | 'uk' {
  if (value === undefined || value === 'us') return 'us';
  if (value === 'uk') return 'uk';
  throw new UsageError(`--jurisdiction must be us or uk, got "${value}"`);
}

/**
 * `--stablecoin-basis` (also the batch key `stablecoinBasis`): `unknown` unless `par` is asked for.
 * @throws {UsageError} for another value, or `par` with `--jurisdiction uk` (HMRC pools have no par rule here)
 */
function toStablecoinBasis(value: string | undefined, jurisdiction: 'us' | 'uk'): StablecoinBasis {
  if (value === undefined || value === 'unknown') return 'unknown';
  if (value !== 'par') throw new UsageError(`--stablecoin-basis must be unknown or par, got "${value}"`);
  if (jurisdiction === 'uk') throw new UsageError('--stablecoin-basis par is a US option: UK reports keep stablecoins of unknown origin at unknown cost');
  return value;
}

/** Turn parsed arguments into pipeline options; the price table file is read here. */
export function toReportOptions(args: CommonArgs, { spans = false }: { spans?: boolean } = {}): { options: ReportOptions; diagnostics: Diagnostic[]; span?: YearSpan; now: number } {
  // the run's clock, read once: the importers' row guards here and in an import thread (import-thread.ts)
  const now = Date.now();
  if (args.format && !findImporter(args.format)) throw new UsageError(`unknown --format "${args.format}"; run \`taxlot formats\``);
  const jurisdiction = toJurisdiction(args.jurisdiction);
  const timezone = args.timezone ?? (jurisdiction === 'uk' ? 'Europe/London' : 'UTC');
  if (!isValidTimeZone(timezone)) throw new UsageError(`unknown --timezone "${timezone}" (use an IANA name such as America/New_York)`);
  const inputZone = args['input-timezone'];
  if (inputZone && !isValidTimeZone(inputZone) && !/^[+-]\d{2}:?\d{2}$/.test(inputZone)) throw new UsageError(`unknown --input-timezone "${inputZone}"`);
  const asked = askedYears(args.year, spans);
  for (const flag of ['transfer-window', 'price-window'] as const) {
    const hours = args[flag];
    if (!Number.isFinite(hours) || hours < 0) throw new UsageError(`--${flag} must be a number of hours, 0 or more`);
  }
  const tolerance = parseNumber(args['transfer-tolerance']);
  if (!tolerance || tolerance.value.isNegative() || tolerance.value.greaterThanOrEqualTo(1)) {
    throw new UsageError('--transfer-tolerance must be a fraction between 0 and 1, such as 0.01');
  }
  let prices: ReportOptions['prices'] = [];
  let diagnostics: Diagnostic[] = [];
  if (args.prices) {
    const text = readTextFile(args.prices, 'price table');
    const table = readPriceTable(args.prices, text, timezone);
    prices = table.points;
    diagnostics = table.diagnostics;
  }
  let overrides: Overrides = NO_OVERRIDES;
  if (args.overrides) {
    const text = readTextFile(args.overrides, 'overrides file');
    const read = readOverrides(args.overrides, text);
    overrides = read.overrides;
    diagnostics = [...diagnostics, ...read.diagnostics];
  }
  const currency = normalizeAsset(args.currency ?? (jurisdiction === 'uk' ? 'GBP' : 'USD'));
  if (!isFiat(currency)) throw new UsageError(`--currency must be a fiat currency code such as USD, EUR or GBP, got "${args.currency}"`);
  const parsed = parseMethodSchedule(args.method ?? 'fifo');
  if ('error' in parsed) throw new UsageError(`--method: ${parsed.error}`);
  const method = (parsed.schedule[0] as MethodChange).method;
  const incomeAsBusiness = businessKinds(args['income-as-business']);
  const stablecoinBasis = toStablecoinBasis(args['stablecoin-basis'], jurisdiction);
  const options: ReportOptions = {
    ...(asked.year !== undefined ? { year: asked.year } : {}),
    // only used when no row could be read at all: the year most people report is the last one
    fallbackYear: new Date().getUTCFullYear() - 1,
    method,
    ...(parsed.schedule.length > 1 ? { methodSchedule: parsed.schedule } : {}),
    methodOrigin: args.method ? '--method option' : 'default',
    lotScope: args['lot-scope'] as LotScope,
    perWalletFrom: '2025-01-01',
    timezone,
    currency,
    ...(jurisdiction === 'uk' ? { jurisdiction } : {}),
    filingStatus: args['filing-status'] as FilingStatus,
    carryoverShort: args['carryover-short'] ? amount(args['carryover-short'], 'carryover-short') : ZERO,
    carryoverLong: args['carryover-long'] ? amount(args['carryover-long'], 'carryover-long') : ZERO,
    prices,
    stablecoins: args.stablecoins !== undefined ? args.stablecoins.split(',').map(normalizeAsset).filter(Boolean) : DEFAULT_USD_STABLECOINS,
    ...(stablecoinBasis === 'par' ? { stablecoinBasis } : {}),
    priceWindowMs: args['price-window'] * 3_600_000,
    transferMatching: {
      ...DEFAULT_TRANSFER_MATCHING,
      windowMs: args['transfer-window'] * 3_600_000,
      tolerance: new Dec(tolerance.value),
    },
    importers: runImporters(now),
    overrides,
    derivativeValuation: args['derivative-valuation'] === 'event' ? 'event' : 'close',
    ...(incomeAsBusiness ? { incomeAsBusiness } : {}),
    ...(args.format ? { forcedFormat: args.format } : {}),
    ...(inputZone ? { inputZone } : {}),
    ...(args['date-order'] ? { dateOrder: toDateOrder(args['date-order']) } : {}),
  };
  return { options, diagnostics, now, ...(asked.span ? { span: asked.span } : {}) };
}

/** How the report is presented (`report`, and each client of `batch`): the PDF's label and layout. */
export const PRESENTATION_OPTIONS = {
  label: { type: 'string', describe: 'taxpayer or client name printed on the PDF report', group: 'Output:' },
  'summary-threshold': {
    type: 'number',
    describe: 'Form 8949 lines per box above which the PDF prints one summary line (code M) plus an attached statement [default: 500]',
    group: 'Output:',
  },
} as const satisfies Record<string, Options>;

export interface PresentationArgs {
  label?: string;
  'summary-threshold'?: number;
}

/**
 * The presentation arguments as render options.
 * @throws {UsageError} when `--summary-threshold` is not a positive whole number
 */
export function toPresentation(args: PresentationArgs): { label?: string; summaryThreshold?: number } {
  const threshold = args['summary-threshold'];
  if (threshold !== undefined && (!Number.isInteger(threshold) || threshold < 1)) {
    throw new UsageError(`--summary-threshold must be a positive whole number, got ${threshold}`);
  }
  return {
    ...(args.label !== undefined && args.label.trim() !== '' ? { label: args.label.trim() } : {}),
    ...(threshold !== undefined ? { summaryThreshold: threshold } : {}),
  };
}
