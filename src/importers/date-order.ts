/**
 * The order of a file's numeric dates (`13/06/2024`: day-first or month-first?), decided once for
 * the whole file — never row by row (issue #17).
 *
 * What decides, first that applies:
 *  1. `--date-order dmy|mdy|ymd` (the user knows the file);
 *  2. the order the importer's format documents (a column declared `instant(…, { order })`);
 *  3. the file's own evidence: every order-dependent date cell rules out the orders in which it
 *     is not a calendar date (`13/06/2024` cannot be month-first), and the orders left standing
 *     after every cell are the candidates;
 *  4. when several candidates survive (no day above 12 anywhere), the convention of the layout
 *     (`conventionalOrder`; day-first for a `;`-separated file, as the spreadsheets of
 *     decimal-comma locales write it), with a `DATE_ORDER_ASSUMED` warning naming the assumption —
 *     except for `YY-MM-DD` with dashes read year-first, Binance's documented layout.
 *
 * A cell against the decided order is an error for the file (`DATE_ORDER_CONFLICT`, naming the
 * line), never one rejected row: a file whose dates are read in two orders has no trustworthy
 * date. Rows are read as they stream, in the order assumed so far; when a later cell rules the
 * assumed order out (and nothing fixed it), the pass stops (`DateOrderRedo`) and the file is read
 * again with the narrower set of candidates — at most twice, since each redo drops an order.
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { conventionalOrder, dateInOrder, ordersOf, type DateOrder, type NumericDate, type OrderDecider } from './parse-instant.js';

/** The line that ruled an order out, and what it says. */
export interface OrderProof {
  readonly line: number;
  readonly text: string;
}

/** Where a re-read starts: the orders still possible and why the others are not. */
export interface DateOrderStart {
  readonly allowed: readonly DateOrder[];
  readonly proofs: ReadonlyMap<DateOrder, OrderProof>;
}

/** Thrown out of a pass: read the file again from `start`. */
export class DateOrderRedo {
  constructor(readonly start: DateOrderStart) {}
}

/** Thrown out of a pass: the file's dates cannot all be read in one order. */
export class DateOrderConflict {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

const ALL: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/** `day-first (DD/MM/YYYY)`, with the cell's own separator and year width. */
export function describeOrder(order: DateOrder, f?: Pick<NumericDate, 'sep' | 'a' | 'c'>): string {
  const sep = f?.sep ?? '/';
  const year = order === 'ymd' ? (f && f.a.length === 4 ? 'YYYY' : 'YY') : f && f.c.length === 2 ? 'YY' : 'YYYY';
  const [name, parts] =
    order === 'dmy' ? ['day-first', ['DD', 'MM', year]] : order === 'mdy' ? ['month-first', ['MM', 'DD', year]] : ['year-first', [year, 'MM', 'DD']];
  return `${name} (${parts.join(sep)})`;
}

/** The decision for one file, one pass. The driver sets `line` before each row's cells are read. */
export class FileDateOrder implements OrderDecider {
  line = 0;
  private allowed: DateOrder[];
  private readonly proofs: Map<DateOrder, OrderProof>;
  /** The first order-dependent cell: its layout picks the convention. */
  private first?: NumericDate;
  /** The first cell whose date depends on the order among those still possible. */
  private ambiguous?: OrderProof;
  private decidedBy: 'none' | 'option' | 'format' | 'file' = 'none';

  constructor(
    private readonly forced: DateOrder | undefined,
    private readonly delimiter: string,
    start?: DateOrderStart,
  ) {
    this.allowed = [...(start?.allowed ?? ALL)];
    this.proofs = new Map(start?.proofs ?? []);
  }

  orderFor(f: NumericDate, text: string, declared: DateOrder | undefined): DateOrder {
    const fixed = this.forced ?? declared;
    // a cell that is no date in any order is the row's problem (ROW_BAD_DATE), not the file's
    const valid = ordersOf(f);
    if (fixed) {
      this.decidedBy = this.forced ? 'option' : 'format';
      if (valid.length > 0 && !valid.includes(fixed)) throw new DateOrderConflict(this.line, this.fixedConflict(fixed, f, text));
      return fixed;
    }
    this.decidedBy = 'file';
    this.first ??= f;
    const current = this.preferred();
    if (valid.length === 0) return current;
    const next = this.allowed.filter((o) => valid.includes(o));
    if (next.length === 0) throw new DateOrderConflict(this.line, this.evidenceConflict(valid, f, text));
    for (const o of this.allowed) if (!next.includes(o) && !this.proofs.has(o)) this.proofs.set(o, { line: this.line, text });
    this.allowed = next;
    if (!next.includes(current)) throw new DateOrderRedo({ allowed: next, proofs: this.proofs });
    if (this.ambiguous === undefined && new Set(next.map((o) => JSON.stringify(dateInOrder(f, o)))).size > 1) {
      this.ambiguous = { line: this.line, text };
    }
    return current;
  }

  /** The warning for a file whose order rests on convention alone, if it does. */
  finish(file: string): Diagnostic[] {
    if (this.decidedBy !== 'file' || this.allowed.length < 2 || !this.ambiguous || !this.first) return [];
    const order = this.preferred();
    if (order === 'ymd' && this.first.sep === '-') return []; // YY-MM-DD: Binance's documented layout
    const others = this.allowed.filter((o) => o !== order);
    const why =
      this.delimiter === ';' && order === 'dmy'
        ? 'the order of the spreadsheets that write ";" and decimal commas'
        : order === 'dmy'
          ? `the usual order of dates written with "${this.first.sep}"`
          : order === 'mdy'
            ? 'the order US spreadsheets write'
            : 'the order of dates written with "-"';
    return [
      fileDiagnostic(
        'DATE_ORDER_ASSUMED',
        file,
        `no date in the file settles whether it is ${this.allowed.map((o) => describeOrder(o, this.first)).join(' or ')} ` +
          `(line ${this.ambiguous.line}: "${this.ambiguous.text}" reads either way); read as ${describeOrder(order, this.first)}, ${why}`,
        `check a few rows against the exchange's site; if the file is ${describeOrder(others[0] as DateOrder, this.first)}, run again with --date-order ${others[0]}`,
      ),
    ];
  }

  /** The order assumed now: the convention if still possible, else the first possible one. */
  private preferred(): DateOrder {
    const f = this.first;
    // a `;` file comes from a decimal-comma spreadsheet: day-first, except Binance's YY-MM-DD
    const yearFirst = f !== undefined && f.sep === '-' && f.c.length !== 4;
    const convention = this.delimiter === ';' && f && !yearFirst ? 'dmy' : f ? conventionalOrder(f) : 'mdy';
    return this.allowed.includes(convention) ? convention : (['dmy', 'mdy', 'ymd'] as const).find((o) => this.allowed.includes(o)) ?? convention;
  }

  private fixedConflict(order: DateOrder, f: NumericDate, text: string): string {
    const by = this.forced ? `--date-order ${order}` : 'this format (its documented layout)';
    const can = ordersOf(f).map((o) => describeOrder(o, f));
    return `line ${this.line} ("${text}") is no date read ${describeOrder(order, f)}, the order ${by} states; it reads only as ${can.join(' or ')}`;
  }

  private evidenceConflict(valid: readonly DateOrder[], f: NumericDate, text: string): string {
    const against = valid.map((o) => ({ o, proof: this.proofs.get(o) })).find((x) => x.proof !== undefined);
    const here = `line ${this.line} ("${text}") reads only as ${valid.map((o) => describeOrder(o, f)).join(' or ')}`;
    const there = against?.proof ? `, but line ${against.proof.line} ("${against.proof.text}") cannot be read ${describeOrder(against.o, f)}` : '';
    return `the file's dates are not all in one order: ${here}${there}`;
  }
}
