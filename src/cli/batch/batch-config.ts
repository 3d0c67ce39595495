/**
 * `taxlot.json`: per-folder report options for `taxlot batch`.
 *
 * Keys mirror the `report` options in camelCase (`lotScope` for `--lot-scope`), taken from the
 * same option table the command line uses, so an option added to `report` is accepted here the
 * day it exists. Values must have the option's JSON type (number, string or boolean) and one of
 * its choices when it has any; path options are relative to the file that names them.
 *
 * Pure: the caller reads the file; this only parses text. Problems are returned as sentences,
 * never thrown, because a bad client file fails that client only.
 */
import { parseMethodSchedule } from '../../engine/method-schedule.js';
import { dirname, isAbsolute, join } from 'node:path';
import type { Options } from 'yargs';

export type OptionTable = Readonly<Record<string, Options>>;
export type OptionValue = string | number | boolean;
/** Option values keyed by their command-line name (`lot-scope`), as `toReportOptions` reads them. */
export type OptionValues = Readonly<Record<string, OptionValue>>;

/** Options whose value is a path: resolved against the folder of the `taxlot.json` naming them. */
export const PATH_OPTIONS: readonly string[] = ['prices', 'overrides', 'price-coin-map', 'price-cache'];

/** Path options naming a file whose content shapes the report (part of a client's fingerprint). */
export const CONTENT_OPTIONS: readonly string[] = ['prices', 'overrides', 'price-coin-map'];

/** Options that never change a report's bytes: left out of a client's fingerprint (the cache only saves requests). */
export const FINGERPRINT_EXCLUDED: readonly string[] = ['price-cache'];

/** Keys docs/contract.md lists that this version cannot apply yet: named as such, not as typos. */
const NOT_YET_SUPPORTED = new Set<string>();

/** @example configKey('lot-scope') === 'lotScope' */
export function configKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The defaults of an option table, the base that `taxlot.json` files and flags override. */
export function optionDefaults(table: OptionTable): OptionValues {
  const out: Record<string, OptionValue> = {};
  for (const [flag, spec] of Object.entries(table)) {
    if (spec.default !== undefined) out[flag] = spec.default as OptionValue;
  }
  return out;
}

/**
 * Parse a `taxlot.json` text against an option table.
 * @param text the file's content
 * @param file the file's path as shown to the user; path values are resolved against its folder
 * @returns the values given (keyed by flag name) and every problem found (empty when usable)
 * @example readBatchConfig('{"lotScope": "universal"}', 'clients/taxlot.json', table)
 *   // { values: { 'lot-scope': 'universal' }, problems: [] }
 */
export function readBatchConfig(text: string, file: string, table: OptionTable): { values: OptionValues; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { values: {}, problems: [`${file} is not valid JSON (${(e as Error).message})`] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { values: {}, problems: [`${file} must hold a JSON object such as {"year": 2024, "method": "fifo"}`] };
  }
  const byKey = new Map(Object.keys(table).map((flag) => [configKey(flag), flag] as const));
  const values: Record<string, OptionValue> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const flag = byKey.get(key);
    if (flag === undefined) {
      problems.push(
        NOT_YET_SUPPORTED.has(key)
          ? `${file}: option "${key}" is not supported by this version of taxlot`
          : `${file}: unknown option "${key}" (known: ${[...byKey.keys()].sort().join(', ')})`,
      );
      continue;
    }
    const problem = checkValue(key, value, table[flag]!);
    if (problem) {
      problems.push(`${file}: ${problem}`);
      continue;
    }
    values[flag] = PATH_OPTIONS.includes(flag) && !isAbsolute(value as string) ? join(dirname(file), value as string) : (value as OptionValue);
  }
  return { values, problems };
}

function checkValue(key: string, value: unknown, spec: Options): string | undefined {
  const shown = JSON.stringify(value);
  // `year`: one year is a number (2024), as always; several are a string, "2019-2025" or "all"
  // (checked further as `--year` is: a range that runs backwards fails the client)
  if (key === 'year' && typeof value === 'string' && /^\s*(\d+\s*(-|–|\.\.)\s*\d+|all)\s*$/i.test(value)) return undefined;
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `"${key}" must be a number, got ${shown}`;
      break;
    case 'string':
      if (key === 'year' && (typeof value !== 'number' || !Number.isFinite(value))) return `"year" must be a number, got ${shown}`;
      if (key !== 'year' && typeof value !== 'string') return `"${key}" must be a string, got ${shown}`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `"${key}" must be true or false, got ${shown}`;
      break;
    default:
      // Amounts are strings ("1500.00") so that no binary floating-point value becomes money.
      if (typeof value !== 'string') return `"${key}" must be a string, got ${shown}`;
  }
  // `method` is one method or a schedule (`fifo,hifo:2025`), read as `--method` reads it
  if (key === 'method' && 'error' in parseMethodSchedule(value as string)) return `"${key}" must be one of fifo, lifo, hifo, got ${shown}`;
  const choices = spec.choices as readonly unknown[] | undefined;
  if (choices && !choices.includes(value)) return `"${key}" must be one of ${choices.join(', ')}, got ${shown}`;
  return undefined;
}
