/**
 * Checks every importer's rows must pass, whatever the format: applied by wrapping the importers
 * (`withRowGuards`), so the driver and the specs stay as they are and the pipeline stays pure —
 * the CLI passes the run's clock in.
 *
 *  - Dates: a crypto row is dated on or after 2009-01-03 (the Bitcoin genesis block, UTC) and no
 *    later than the run's "now" plus one day. Anything else is a misread date (a day-first file
 *    read month-first, a spreadsheet's serial date, a 1970 epoch from an empty cell, a typo such
 *    as 2205): the row is rejected (`ROW_DATE_OUT_OF_RANGE`) rather than booked in a year it did
 *    not happen in. The day of tolerance covers wall-clock exports read in the wrong zone
 *    (up to UTC+14) so that a row written "today" is never refused.
 *  - Ids: a transaction hash that a spreadsheet turned into scientific notation (`1,55444E+13`)
 *    has lost its digits; on a deposit, withdrawal or transfer (where the hash pairs the two
 *    sides of a transfer) the row is rejected (`ROW_ID_MANGLED`), since a wrong pairing would be
 *    silent.
 *  - Names: an asset code, contract, account or wallet name longer than MAX_NAME_LENGTH is not
 *    one an exchange writes (a shifted column, a crafted cell); the row is rejected
 *    (`ROW_NAME_TOO_LONG`) instead of a megabyte "ticker" reaching every report line. A name
 *    holding an invisible or control character (`B\u200bTC`, a bidi override: `visible-text.ts`)
 *    is rejected too (`ROW_NAME_INVISIBLE`): it would pose as another asset (`BTC`) in every CSV
 *    and on the PDF, with lots and prices of its own.
 */
import type { EventDraft, Importer, RowOutcome } from './importer-spec.js';
import { isGroupSpec, reject } from './importer-spec.js';
import { escapeInvisible, hasInvisible, INVISIBLE } from '../model/visible-text.js';

const INVISIBLE_SOURCE = INVISIBLE.source;

/** 2009-01-03T00:00:00Z: the day of the first Bitcoin block. */
export const EARLIEST_INSTANT = Date.UTC(2009, 0, 3);

/** How far after the run's clock a row may be dated (wall-clock exports read in the wrong zone). */
export const FUTURE_TOLERANCE_MS = 86_400_000;

export interface RowGuardOptions {
  /** The run's clock, epoch milliseconds (the CLI passes `Date.now()`). */
  readonly now: number;
}

/**
 * Why an instant cannot be a crypto transaction's, or undefined when it can.
 * @example dateOutOfRange(Date.UTC(2008, 0, 1), Date.UTC(2025, 0, 1)) // 'dated 2008-01-01T00:00:00Z, before 2009-01-03 …'
 */
export function dateOutOfRange(instant: number, now: number): string | undefined {
  if (!Number.isFinite(instant)) return 'the date cannot be placed in time';
  if (instant >= EARLIEST_INSTANT && instant <= now + FUTURE_TOLERANCE_MS) return undefined; // every good row: no string built
  const shown = new Date(instant).toISOString().replace('.000Z', 'Z');
  if (instant < EARLIEST_INSTANT) return `dated ${shown}, before 2009-01-03 (the first Bitcoin block): the date was probably misread`;
  if (instant > now + FUTURE_TOLERANCE_MS) {
    return `dated ${shown}, after today (${new Date(now).toISOString().slice(0, 10)}): the date was probably misread`;
  }
  return undefined;
}

/**
 * Is this id a number a spreadsheet displayed in scientific notation (`1,55444E+13`,
 * `1.55444E+13`, `2E+18`)? Real hashes and ids never look like that.
 */
export function isSpreadsheetMangledId(id: string): boolean {
  // every such number holds a `+`: the others (nearly every hash) are answered without the pattern
  return id.includes('+') && /^\d+(?:[.,]\d+)?E\+\d+$/i.test(id.trim());
}

const PAIRED_BY_HASH = new Set(['deposit', 'withdrawal', 'transfer']);

/** Longest asset code, contract, account or wallet name a row may state. */
export const MAX_NAME_LENGTH = 100;

const SIDES = ['sent', 'received', 'fee'] as const;
const NAME_FIELDS = ['asset', 'contract', 'account', 'wallet', 'toWallet'] as const;

/**
 * The first name an event states (assets of its quantities, derivative contract and account,
 * wallets) that is longer than MAX_NAME_LENGTH, as [what, name]; checked for every event, so
 * nothing is built unless one is too long.
 */
// a string has at least as many UTF-16 units as code points: most names need no count
const tooLong = (name: unknown): name is string => typeof name === 'string' && name.length > MAX_NAME_LENGTH && [...name].length > MAX_NAME_LENGTH;

function tooLongName(draft: EventDraft): [string, string] | undefined {
  const d = draft as unknown as Record<string, unknown>;
  for (const side of SIDES) {
    const asset = (d[side] as { asset?: unknown } | undefined)?.asset;
    if (tooLong(asset)) return [`${side} asset`, asset];
  }
  for (const field of NAME_FIELDS) {
    const value = d[field];
    if (tooLong(value)) return [field, value];
  }
  return undefined;
}

/** The first name an event states that holds an invisible or control character, as [what, name]. */
/**
 * Names already found clean: the same few asset codes and wallets on every event, answered
 * without the Unicode pattern. Only names too short to be a view into a CSV chunk (V8 copies a
 * substring under 13 characters) are kept, so the memo never holds input text alive; bounded.
 */
const clean = new Set<string>();
const MAX_CLEAN = 10_000;

const bad = (name: unknown): name is string => {
  if (typeof name !== 'string' || clean.has(name)) return false;
  if (hasInvisible(name)) return true;
  if (name.length < 13 && clean.size < MAX_CLEAN) clean.add(name);
  return false;
};

function invisibleName(draft: EventDraft): [string, string] | undefined {
  const d = draft as unknown as Record<string, unknown>;
  for (const side of SIDES) {
    const q = d[side] as { asset?: unknown; value?: { currency?: unknown } } | undefined;
    if (bad(q?.asset)) return [`${side} asset`, q.asset];
    if (bad(q?.value?.currency)) return [`${side} value currency`, q.value.currency];
  }
  for (const field of NAME_FIELDS) {
    const value = d[field];
    if (bad(value)) return [field, value];
  }
  return undefined;
}

/** The first problem of one event draft, as a rejection, or undefined. */
function checkDraft(draft: EventDraft, opts: RowGuardOptions): RowOutcome | undefined {
  const date = dateOutOfRange(draft.instant, opts.now);
  if (date !== undefined) return reject('ROW_DATE_OUT_OF_RANGE', date);
  const long = tooLongName(draft);
  if (long) {
    const [field, name] = long;
    return reject('ROW_NAME_TOO_LONG', `the ${field} is ${[...name].length} characters long ("${name.slice(0, 40)}…"); names are at most ${MAX_NAME_LENGTH}`);
  }
  const invisible = invisibleName(draft);
  if (invisible) {
    const [field, name] = invisible;
    return reject(
      'ROW_NAME_INVISIBLE',
      `the ${field} "${escapeInvisible(name.slice(0, 100))}" holds an invisible or control character: it would pose as "${name.replace(new RegExp(INVISIBLE_SOURCE, 'gu'), '').slice(0, 100)}" in the report`,
    );
  }
  if (PAIRED_BY_HASH.has(draft.kind) && draft.txHash !== undefined && isSpreadsheetMangledId(draft.txHash)) {
    return reject('ROW_ID_MANGLED', `the transaction hash "${draft.txHash}" was turned into scientific notation by a spreadsheet; transfers cannot be paired on it`);
  }
  return undefined;
}

/** The outcome, or a rejection when one of its events fails a guard (the whole row or group is rejected). */
export function guardOutcome(outcome: RowOutcome, opts: RowGuardOptions): RowOutcome {
  if (outcome.kind !== 'events') return outcome;
  for (const draft of outcome.events) {
    const problem = checkDraft(draft, opts);
    if (problem) return problem;
  }
  return outcome;
}

/** The importers with every row outcome checked by the guards above; ids, columns and detection unchanged. */
export function withRowGuards(importers: readonly Importer[], opts: RowGuardOptions): Importer[] {
  return importers.map((importer): Importer => {
    if (isGroupSpec(importer)) {
      const mapGroup = importer.mapGroup.bind(importer);
      return { ...importer, mapGroup: (rows, ctx) => guardOutcome(mapGroup(rows, ctx), opts) };
    }
    const mapRow = importer.mapRow.bind(importer);
    return { ...importer, mapRow: (row, ctx) => guardOutcome(mapRow(row, ctx), opts) };
  });
}
