/**
 * Disposals and income records as a report keeps them: the same `Disposal` and `IncomeRecord`,
 * their amounts held as their exact text.
 *
 * A tax year of a long history keeps hundreds of thousands of disposals and their slices (the
 * Form 8949 lines) for the whole run. Held as decimal.js values, each amount is an object and a
 * digit array (~110 bytes); a slice's three amounts were two thirds of its ~430 bytes. Held here,
 * a slice's amounts are one flat string (`quantity proceeds basis`), a disposal's and an income
 * record's likewise, and every read builds the `Dec` again from that text: decimal.js's
 * `toString` writes every digit and `new Dec(text)` reads them back, so the value read is the
 * value stored (sign of zero included, `amountText`), checked against decimal.js by
 * `stored-records.test.ts`. No arithmetic is done on the text.
 *
 * The other fields are kept as they are (strings and references the lots and events share). The
 * amounts are getters: a copy made with `{ ...d }` would not carry them, and nothing copies a
 * kept record that way.
 */
import { storedDec, type Dec } from '../model/decimal.js';
import type { BasisStatus, Disposal, DisposalKind, DisposalSlice, Term } from '../model/disposal.js';
import type { LocalDate } from '../model/local-date.js';
import type { PriceSource } from '../model/money.js';
import type { SourceRef } from '../model/source-ref.js';
import type { AssetCode } from '../model/asset.js';
import type { IncomeRecord } from './gains-result.js';
import type { IncomeKind } from '../model/ledger-event.js';

/** The exact text of a value: decimal.js's `toString` (every digit), `-0` for negative zero. */
export function amountText(value: Dec): string {
  return value.isZero() && value.isNegative() ? '-0' : value.toString();
}

/** The value of `amountText`'s text. */
export function amountOf(text: string): Dec {
  return storedDec(text);
}

/**
 * The amounts as one flat string, space-separated (amount text holds no space). `join` copies
 * them into one string; a template literal would keep a tree of the pieces (~3× the bytes).
 */
function joined(values: readonly Dec[]): string {
  return values.map(amountText).join(' ');
}

/**
 * `text` as one flat string. A disposal's id (`event id/asset`) and counterpart (`1.2 ETH`) are
 * built by concatenation, which V8 keeps as a tree of the pieces (~160 bytes for a 20-character
 * id, measured) where a flat copy takes ~48; a JSON round trip is a copy made by a parser, so it
 * is flat, and it is the same text (any character survives it).
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The `i`th of the space-separated amounts in `text`. */
function nth(text: string, i: number): Dec {
  let start = 0;
  for (let k = 0; k < i; k++) start = text.indexOf(' ', start) + 1;
  const end = text.indexOf(' ', start);
  return amountOf(end < 0 ? text.slice(start) : text.slice(start, end));
}

class StoredSlice implements DisposalSlice {
  private readonly amounts: string;
  readonly term: Term;
  readonly basisStatus: BasisStatus;
  declare readonly acquiredDate?: LocalDate;
  declare readonly lotId?: string;
  declare readonly lotWallet?: string;
  declare readonly lotSource?: SourceRef;

  constructor(s: DisposalSlice) {
    this.amounts = joined([s.quantity, s.proceeds, s.basis]);
    this.term = s.term;
    this.basisStatus = s.basisStatus;
    // absent stays absent (`'lotId' in slice`, a test's toEqual)
    if (s.acquiredDate !== undefined) (this as { acquiredDate?: LocalDate }).acquiredDate = s.acquiredDate;
    if (s.lotId !== undefined) (this as { lotId?: string }).lotId = s.lotId;
    if (s.lotWallet !== undefined) (this as { lotWallet?: string }).lotWallet = s.lotWallet;
    if (s.lotSource !== undefined) (this as { lotSource?: SourceRef }).lotSource = s.lotSource;
  }

  get quantity(): Dec {
    return nth(this.amounts, 0);
  }
  get proceeds(): Dec {
    return nth(this.amounts, 1);
  }
  get basis(): Dec {
    return nth(this.amounts, 2);
  }
}

class StoredDisposal implements Disposal {
  /** `quantity proceeds`, then `costs` when there are any. */
  private readonly amounts: string;
  readonly id: string;
  readonly kind: DisposalKind;
  readonly wallet: string;
  readonly asset: AssetCode;
  readonly instant: number;
  readonly date: LocalDate;
  readonly proceedsSource: PriceSource;
  readonly slices: readonly DisposalSlice[];
  readonly source: SourceRef;
  declare readonly counterpart?: string;
  declare readonly description?: string;
  declare readonly transactionId?: string;

  constructor(d: Disposal) {
    this.amounts = joined(d.costs === undefined ? [d.quantity, d.proceeds] : [d.quantity, d.proceeds, d.costs]);
    this.id = flat(d.id);
    this.kind = d.kind;
    this.wallet = d.wallet;
    this.asset = d.asset;
    this.instant = d.instant;
    this.date = d.date;
    this.proceedsSource = d.proceedsSource;
    this.slices = d.slices.map((s) => new StoredSlice(s));
    this.source = d.source;
    if (d.counterpart !== undefined) (this as { counterpart?: string }).counterpart = flat(d.counterpart);
    if (d.description !== undefined) (this as { description?: string }).description = d.description;
    if (d.transactionId !== undefined) (this as { transactionId?: string }).transactionId = d.transactionId;
  }

  get quantity(): Dec {
    return nth(this.amounts, 0);
  }
  get proceeds(): Dec {
    return nth(this.amounts, 1);
  }
  get costs(): Dec | undefined {
    const third = this.amounts.indexOf(' ', this.amounts.indexOf(' ') + 1);
    return third < 0 ? undefined : amountOf(this.amounts.slice(third + 1));
  }
}

/** `d` as it is kept for the report: the same fields and values, its amounts held as text. */
export function storeDisposal(d: Disposal): Disposal {
  return new StoredDisposal(d);
}

class StoredIncome implements IncomeRecord {
  /** `quantity value`. */
  private readonly amounts: string;
  readonly id: string;
  readonly kind: IncomeKind;
  readonly wallet: string;
  readonly asset: AssetCode;
  readonly valueSource: PriceSource;
  readonly instant: number;
  readonly date: LocalDate;
  readonly source: SourceRef;

  constructor(r: IncomeRecord) {
    this.amounts = joined([r.quantity, r.value]);
    this.id = r.id;
    this.kind = r.kind;
    this.wallet = r.wallet;
    this.asset = r.asset;
    this.valueSource = r.valueSource;
    this.instant = r.instant;
    this.date = r.date;
    this.source = r.source;
  }

  get quantity(): Dec {
    return nth(this.amounts, 0);
  }
  get value(): Dec {
    return nth(this.amounts, 1);
  }
}

/** `r` as it is kept for the report: the same fields and values, its amounts held as text. */
export function storeIncome(r: IncomeRecord): IncomeRecord {
  return new StoredIncome(r);
}
