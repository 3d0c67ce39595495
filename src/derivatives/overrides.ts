/**
 * The overrides file (`--overrides overrides.json`, batch key `overrides`): what the user states
 * about a liability that the venue's rows cannot show — that it was repaid, forgiven or settled
 * for less, absorbed by the venue, or is disputed.
 *
 * ```json
 * { "liabilities": [
 *   { "venue": "kraken", "asset": "USD", "date": "2024-05-01", "status": "forgiven",
 *     "forgivenAmount": "1223.56", "resolvedDate": "2025-02-01", "note": "settled by letter" } ] }
 * ```
 * An entry matches the liability with the same venue, asset and date the deficit arose (and
 * `account` when given). Amounts are decimal strings (a JSON number would pass through binary
 * floating point, so it is refused). Bad entries are error diagnostics naming the entry; the
 * valid ones still apply. Pure: text in, entries and diagnostics out.
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normalizeAsset } from '../model/asset.js';
import { Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';

export const LIABILITY_STATUSES = ['owed', 'repaid', 'forgiven', 'absorbed', 'disputed'] as const;
export type LiabilityStatus = (typeof LIABILITY_STATUSES)[number];

export interface LiabilityOverride {
  readonly venue: string;
  readonly asset: string;
  readonly date: LocalDate;
  readonly account?: string;
  readonly status: LiabilityStatus;
  /** Forgiven / settled-for-less: units of the asset forgiven (default: the whole deficit). */
  readonly forgivenAmount?: Dec;
  /** When it was repaid, forgiven or settled. */
  readonly resolvedDate?: LocalDate;
  readonly note?: string;
  /** `liabilities[0]`, for messages. */
  readonly where: string;
}

export interface Overrides {
  readonly file: string;
  readonly liabilities: readonly LiabilityOverride[];
}

export const NO_OVERRIDES: Overrides = { file: '', liabilities: [] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const KEYS = new Set(['venue', 'asset', 'date', 'account', 'status', 'forgivenAmount', 'resolvedDate', 'note']);

/** Read an overrides file's text. */
export function readOverrides(file: string, text: string): { overrides: Overrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (message: string): void => void diagnostics.push(fileDiagnostic('OVERRIDES_INVALID', file, message));
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    bad(`not valid JSON: ${(e as Error).message}`);
    return { overrides: { file, liabilities: [] }, diagnostics };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    bad('the file must hold an object such as {"liabilities": [...]}');
    return { overrides: { file, liabilities: [] }, diagnostics };
  }
  const unknown = Object.keys(data).filter((k) => k !== 'liabilities');
  if (unknown.length > 0) bad(`unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; only "liabilities" is read`);
  const list = (data as { liabilities?: unknown }).liabilities ?? [];
  if (!Array.isArray(list)) {
    bad('"liabilities" must be an array');
    return { overrides: { file, liabilities: [] }, diagnostics };
  }
  const liabilities: LiabilityOverride[] = [];
  list.forEach((raw: unknown, i) => {
    const where = `liabilities[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad(`${where} must be an object`);
    const entry = raw as Record<string, unknown>;
    const problems: string[] = [];
    const str = (key: string, required: boolean): string | undefined => {
      const v = entry[key];
      if (v === undefined) {
        if (required) problems.push(`"${key}" is missing`);
        return undefined;
      }
      if (typeof v !== 'string' || v.trim() === '') {
        problems.push(`"${key}" must be a non-empty string${typeof v === 'number' ? ` (write "${String(v)}" in quotes)` : ''}`);
        return undefined;
      }
      return v.trim();
    };
    for (const k of Object.keys(entry)) if (!KEYS.has(k)) problems.push(`unknown key "${k}"`);
    const venue = str('venue', true);
    const asset = str('asset', true);
    const date = str('date', true);
    const status = str('status', true);
    const account = str('account', false);
    const forgiven = str('forgivenAmount', false);
    const resolvedDate = str('resolvedDate', false);
    const note = str('note', false);
    if (date && !DATE.test(date)) problems.push(`"date" must be YYYY-MM-DD, got "${date}"`);
    if (resolvedDate && !DATE.test(resolvedDate)) problems.push(`"resolvedDate" must be YYYY-MM-DD, got "${resolvedDate}"`);
    if (status && !(LIABILITY_STATUSES as readonly string[]).includes(status)) {
      problems.push(`"status" must be one of ${LIABILITY_STATUSES.join(', ')}, got "${status}"`);
    }
    if (forgiven && !DECIMAL.test(forgiven)) problems.push(`"forgivenAmount" must be a positive decimal such as "1223.56", got "${forgiven}"`);
    if (forgiven && status !== 'forgiven') problems.push('"forgivenAmount" is only read with status "forgiven"');
    if (problems.length > 0 || !venue || !asset || !date || !status) return bad(`${where}: ${problems.join('; ')}`);
    liabilities.push({
      venue: venue.toLowerCase(),
      asset: normalizeAsset(asset),
      date,
      status: status as LiabilityStatus,
      where,
      ...(account ? { account } : {}),
      ...(forgiven ? { forgivenAmount: new Dec(forgiven) } : {}),
      ...(resolvedDate ? { resolvedDate } : {}),
      ...(note ? { note } : {}),
    });
  });
  return { overrides: { file, liabilities }, diagnostics };
}
