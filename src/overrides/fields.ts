/**
 * Field readers for the overrides file: each checks one JSON value and says what is wrong with
 * it in words a user can act on. Amounts are decimal strings (a JSON number passes through binary
 * floating point, so it is refused); dates are real calendar dates. Pure.
 */
import { Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^\d+(\.\d+)?$/;
/** The first Bitcoin block: no crypto was acquired before it. */
export const FIRST_DATE = '2009-01-03';

export class Fields {
  readonly problems: string[] = [];

  constructor(private readonly entry: Record<string, unknown>) {}

  has(key: string): boolean {
    return this.entry[key] !== undefined;
  }

  /** Every key not in `known` is a problem. */
  only(known: readonly string[]): void {
    for (const k of Object.keys(this.entry)) if (!known.includes(k)) this.problems.push(`unknown key "${k}"`);
  }

  str(key: string, required = false): string | undefined {
    const v = this.entry[key];
    if (v === undefined) {
      if (required) this.problems.push(`"${key}" is missing`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.problems.push(`"${key}" must be a non-empty string${typeof v === 'number' ? ` (write "${String(v)}" in quotes)` : ''}`);
      return undefined;
    }
    return v.trim();
  }

  oneOf<T extends string>(key: string, choices: readonly T[], required = false): T | undefined {
    const v = this.str(key, required);
    if (v === undefined) return undefined;
    if (!(choices as readonly string[]).includes(v)) {
      this.problems.push(`"${key}" must be one of ${choices.join(', ')}, got "${v}"`);
      return undefined;
    }
    return v as T;
  }

  /** A non-negative decimal string (`positive`: above zero). */
  amount(key: string, required = false, positive = false): Dec | undefined {
    const v = this.str(key, required);
    if (v === undefined) return undefined;
    if (!DECIMAL.test(v) || v.length > 40) {
      this.problems.push(`"${key}" must be a decimal such as "1223.56" (no sign, no exponent, no thousands separator), got "${v}"`);
      return undefined;
    }
    const d = new Dec(v);
    if (positive && d.isZero()) {
      this.problems.push(`"${key}" must be above zero`);
      return undefined;
    }
    return d;
  }

  date(key: string, required = false): LocalDate | undefined {
    const v = this.str(key, required);
    if (v === undefined) return undefined;
    if (!isCalendarDate(v)) {
      this.problems.push(`"${key}" must be a real date YYYY-MM-DD, got "${v}"`);
      return undefined;
    }
    if (v < FIRST_DATE) {
      this.problems.push(`"${key}" ${v} is before the first Bitcoin block (${FIRST_DATE})`);
      return undefined;
    }
    return v;
  }

  /** A physical line number: a whole number from 1. */
  lineNumber(key: string, required = false): number | undefined {
    const v = this.entry[key];
    if (v === undefined) {
      if (required) this.problems.push(`"${key}" is missing`);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
      this.problems.push(`"${key}" must be a line number (a whole number from 1), got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  }

  object(key: string): Record<string, unknown> | undefined {
    const v = this.entry[key];
    if (v === undefined) {
      this.problems.push(`"${key}" is missing`);
      return undefined;
    }
    if (!isObject(v)) {
      this.problems.push(`"${key}" must be an object such as {"file": "coinbase.csv", "line": 14}`);
      return undefined;
    }
    return v;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `YYYY-MM-DD` naming a day that exists (2024-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** An ISO 8601 instant with a zone (`2024-03-01T12:00:00Z`) or a date (midnight UTC): epoch ms. */
export function parseInstant(text: string): number | undefined {
  if (isCalendarDate(text)) return Date.parse(`${text}T00:00:00Z`);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m || !isCalendarDate(m[1] as string)) return undefined;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}
