/**
 * TurboTax universal transaction CSV (docs/tax-rules.md §2.1(a)): the whole transaction history in
 * TurboTax's own template, for users who let TurboTax compute gains itself.
 *
 * Header (first row, names as TurboTax documents them):
 * `Date,Type,Sent Asset,Sent Amount,Received Asset,Received Amount,Fee Asset,Fee Amount,Market Value Currency,Market Value,Description,Transaction Hash,Transaction ID`.
 *
 * - Every event of every year (TurboTax needs the history to find basis), after transfer matching,
 *   in the engine's order (instant, file, line, id).
 * - Date `M/D/YYYY H:mm` in the report's time zone, like TurboTax's own example row.
 * - Types from the template's table (Buy, Sale, Convert, Transfer, Deposit, Withdrawal, Staking,
 *   ...). Derivative rows have no TurboTax type and are left out; their results are Form 8949
 *   lines in the other exports.
 * - No negative numbers (TurboTax rejects the upload); at most `maxDecimals` (8) decimals, rounded
 *   half-even. Market Value is the value the report used (report currency), blank when no price
 *   was found, so TurboTax prices it itself.
 * - Text cells (descriptions come from the user's exports) go through the CSV writer's
 *   formula-injection guard.
 */
import { compareBookingOrder } from '../../engine/booking-order.js';
import { isFiat } from '../../model/asset.js';
import { magnitudeFixed, magnitudePlain } from '../../model/compact-amount.js';
import type { Dec as DecType } from '../../model/decimal.js';
import { isDerivativeEvent, type LedgerEvent, type Quantity } from '../../model/ledger-event.js';
import type { Money } from '../../model/money.js';
import type { ReportData } from '../../pipeline/compute-report.js';
import type { PricedEvent } from '../../pricing/price-events.js';
import { csvText, lineChunks } from '../csv/write-csv.js';
import { joinChunks } from '../output-stream.js';
import type { ExportLayouts } from './export-layouts.js';

export const TURBOTAX_TRANSACTIONS_FILE = 'turbotax-transactions.csv';

type Layout = ExportLayouts['turbotaxTransactions'];

interface Row {
  readonly type: string;
  readonly sent: Quantity | undefined;
  readonly received: Quantity | undefined;
  readonly value: Money | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `9/20/2022 23:33` in `zone`, through Intl (the reference; slow, so `turbotaxDates` caches it). */
function turbotaxDate(epochMs: number, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(new Date(epochMs));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('month')}/${get('day')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

const HOUR = 3_600_000;

/** `zone`'s UTC offset (ms) at an instant, from the Intl rendering of that instant. */
function offsetAt(epochMs: number, zone: string): number {
  const m = /^(\d+)\/(\d+)\/(\d+) (\d+):(\d+)$/.exec(turbotaxDate(epochMs, zone));
  if (!m) return NaN;
  const [, mo, d, y, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - (epochMs - (epochMs % 60_000 + 60_000) % 60_000);
}

const DAY = 86_400_000;

/** `HH:mm` of each minute of a day, made on first use. */
const CLOCK: string[] = [];
function clockAt(minuteOfDay: number): string {
  let text = CLOCK[minuteOfDay];
  if (text === undefined) {
    const hh = Math.floor(minuteOfDay / 60);
    const mm = minuteOfDay % 60;
    CLOCK[minuteOfDay] = text = `${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
  }
  return text;
}

/**
 * `turbotaxDate` for many instants: the zone's offset is looked up once per UTC hour and used
 * when it is the same at both ends of the hour (no transition inside it); otherwise, and for
 * dates outside 1980–9999 (older zone rules have offsets in seconds), the instant goes through
 * Intl itself. The local day's `M/D/YYYY ` is made once per day and the `HH:mm` once per minute
 * of the day; instants come in time order, so the last hour's offset is kept at hand. Same
 * strings, far fewer Intl calls, no Date per row.
 */
function turbotaxDates(zone: string): (epochMs: number) => string {
  const offsets = new Map<number, number>();
  const days = new Map<number, string>();
  let lastHour = NaN;
  let lastOffset = NaN;
  // UTC (the default zone) has no offset and no transitions: Intl is not asked at all
  const utc = zone === 'UTC';
  return (epochMs) => {
    const hour = Math.floor(epochMs / HOUR) * HOUR;
    let offset: number;
    if (utc) offset = 0;
    else if (hour === lastHour) offset = lastOffset;
    else {
      let known = offsets.get(hour);
      if (known === undefined) {
        const start = offsetAt(hour, zone);
        known = start === offsetAt(hour + HOUR - 60_000, zone) ? start : NaN;
        offsets.set(hour, known);
      }
      offset = known;
      lastHour = hour;
      lastOffset = known;
    }
    if (Number.isNaN(offset) || epochMs < 315532800000 || epochMs >= 253402300800000) return turbotaxDate(epochMs, zone);
    const local = epochMs + offset;
    const day = Math.floor(local / DAY);
    let date = days.get(day);
    if (date === undefined) {
      const t = new Date(day * DAY);
      days.set(day, (date = `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} `));
    }
    return date + clockAt(Math.floor((local - day * DAY) / 60_000));
  };
}

/** The row a priced event becomes; `undefined` for events TurboTax's template cannot express. */
function rowOf({ event: e, values }: PricedEvent, types: Layout['types']): Row | undefined {
  const t = (key: string): string => types[key] ?? 'Other';
  if (isDerivativeEvent(e)) return undefined;
  // every row has the same four fields (one object shape, value undefined when there is none)
  switch (e.kind) {
    case 'trade': {
      const key = isFiat(e.sent.asset) && isFiat(e.received.asset)
        ? 'fiat-conversion'
        : isFiat(e.sent.asset) ? 'buy' : isFiat(e.received.asset) ? 'sale' : 'convert';
      return { type: t(key), sent: e.sent, received: e.received, value: values.received };
    }
    case 'deposit':
      return { type: t('deposit'), sent: undefined, received: e.received, value: values.received };
    case 'withdrawal':
      return { type: t('withdrawal'), sent: e.sent, received: undefined, value: values.sent };
    case 'transfer':
      return { type: t('transfer'), sent: e.sent, received: e.received, value: undefined };
    case 'income':
      return { type: t(`income-${e.incomeKind}`), sent: undefined, received: e.received, value: values.received };
    case 'acquisition':
      return { type: t(`acquisition-${e.acquisitionKind}`), sent: undefined, received: e.received, value: values.received };
    case 'removal':
      return { type: t('removal'), sent: e.sent, received: undefined, value: values.sent };
    case 'spend':
      return { type: t('spend'), sent: e.sent, received: undefined, value: values.sent };
    case 'fee':
      return { type: t('fee'), sent: undefined, received: undefined, value: values.fee };
    case 'conversion':
      return { type: t('conversion'), sent: e.sent, received: e.received, value: undefined };
    default:
      return undefined;
  }
}

/** What the rows need of the report besides its events. */
export interface TransactionsReport {
  readonly timezone: string;
  readonly currency: string;
}

/**
 * @example
 * renderTurboTaxTransactionsCsv(data, layout.turbotaxTransactions).split('\n')[1]
 * // → '3/1/2023 10:00,Buy,USD,3000,BTC,0.1,USD,10,USD,3000.00,,,wallet.csv:2'
 */
export function renderTurboTaxTransactionsCsv(data: ReportData, layout: Layout): string {
  return joinChunks(turbotaxTransactionsChunks(data.priced, data.options, layout));
}

/**
 * The same file as chunks (render-outputs.ts), from the report's priced events, listed in booking
 * order (any order in; already in booking order, as `computeReport` gives them to `onHistory`,
 * the sort is a single pass).
 */
export function turbotaxTransactionsChunks(history: readonly PricedEvent[], report: TransactionsReport, layout: Layout): Generator<string> {
  return lineChunks(layout.columns.map((c) => c.header), transactionRows([...history].sort(compareBookingOrder), report, layout));
}

/**
 * The file from priced events that come already in booking order (the report pipeline renders
 * it as the history streams through the engine, and keeps none of it).
 */
export function turbotaxTransactionsChunksInOrder(sorted: Iterable<PricedEvent>, report: TransactionsReport, layout: Layout): Generator<string> {
  return lineChunks(layout.columns.map((c) => c.header), transactionRows(sorted, report, layout));
}

/** The fields a column may name. */
const FIELD_CODES: readonly string[] = [
  'date', 'type', 'sentAsset', 'sentAmount', 'receivedAsset', 'receivedAmount', 'feeAsset', 'feeAmount',
  'marketValueCurrency', 'marketValue', 'description', 'txHash', 'transactionId',
];
const FIELDS = new Set(FIELD_CODES);

/**
 * Rows in the order of `sorted`, each written as one string: the amounts (digits and a point)
 * and the date (`M/D/YYYY HH:mm`) as they are, every text cell (type, assets, currency,
 * description, hash, id) through `csvText`, the quoting and formula guard.
 */
function* transactionRows(sorted: Iterable<PricedEvent>, report: TransactionsReport, layout: Layout): Generator<string> {
  const max = layout.maxDecimals;
  // no negative numbers, at most `max` decimals (half-even), as the value's own digits otherwise
  const amount = (d: DecType | undefined): string => (d === undefined ? '' : magnitudePlain(d, max));
  const dateOf = turbotaxDates(report.timezone);
  const columns = layout.columns;
  // each column's field as its index in FIELD_CODES (the cases below), looked up once per file
  const codes = columns.map((c) => FIELD_CODES.indexOf(c.field));
  const currency = csvText(report.currency);
  let checked = false;
  for (const priced of sorted) {
    const row = rowOf(priced, layout.types);
    if (!row) continue;
    if (!checked) {
      // a template naming a field no code fills is a template bug, found at its first row
      for (const c of columns) if (!FIELDS.has(c.field)) throw new Error(`export template: unknown field "${c.field}" (column "${c.header}")`);
      checked = true;
    }
    const e: LedgerEvent = priced.event;
    const value = row.value && row.value.source !== 'missing' ? row.value : undefined;
    let line = '';
    for (let i = 0; i < codes.length; i++) {
      if (i > 0) line += ',';
      switch (codes[i]) {
        case 0: /* date */ line += dateOf(e.instant); break;
        case 1: /* type */ line += csvText(row.type); break;
        case 2: /* sentAsset */ line += row.sent ? csvText(row.sent.asset) : ''; break;
        case 3: /* sentAmount */ line += amount(row.sent?.amount); break;
        case 4: /* receivedAsset */ line += row.received ? csvText(row.received.asset) : ''; break;
        case 5: /* receivedAmount */ line += amount(row.received?.amount); break;
        case 6: /* feeAsset */ line += e.fee ? csvText(e.fee.asset) : ''; break;
        case 7: /* feeAmount */ line += amount(e.fee?.amount); break;
        case 8: /* marketValueCurrency */ line += value ? currency : ''; break;
        case 9: /* marketValue */ line += value ? magnitudeFixed(value.amount, 2) : ''; break;
        case 10: /* description */ line += e.note ? csvText(e.note) : ''; break;
        case 11: /* txHash */ line += e.txHash ? csvText(e.txHash) : ''; break;
        case 12: /* transactionId */ line += csvText(e.id); break;
      }
    }
    yield line;
  }
}

/** For tests: the fast per-zone date formatter against Intl's own. */
export const turbotaxDateForTest = { intl: turbotaxDate, fast: turbotaxDates };
