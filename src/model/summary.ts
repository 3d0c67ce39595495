/**
 * `summary.json` as one type: what docs/contract.md "summary.json (schema 1)" defines, field by
 * field, for the US and for the UK. Every money value is a decimal string, the exact total of the
 * tax year rounded once (half-even, two decimals: rounding.ts). Built by src/pipeline/summary.ts
 * (US) and src/jurisdictions/uk/uk-summary.ts (UK), after every diagnostic of the pipeline is
 * known; the CLI recounts `diagnostics` with what it found outside the pipeline
 * (`withDiagnosticCounts`). The one renderer to JSON is src/report/summary-json.ts; the PDF,
 * report.html, the CLI's answer and the batch index read these fields, never the JSON text.
 *
 * An index signature on the two shapes (and on `capitalGains`) keeps scripts written against the
 * JSON working: any key may be read, an absent block reads as `undefined`.
 */
import type { Dec } from './decimal.js';
import type { InputCounts } from './input-counts.js';
import type { IncomeKind } from './ledger-event.js';
import type { LocalDate } from './local-date.js';
import { formatMoney } from './rounding.js';

export type { InputCounts } from './input-counts.js';

/** A money amount as summary.json writes it: `"1234.50"`, `"-12.00"`. */
export type MoneyText = string;

export type TermFigures = {
  readonly proceeds: MoneyText;
  readonly costBasis: MoneyText;
  readonly adjustment: MoneyText;
  readonly gain: MoneyText;
  /** Disposals with at least one slice of this term (a disposal split across terms counts in both). */
  readonly disposals: number;
};

export type IncomeFigures = {
  readonly total: MoneyText;
  /** Every income kind, in the order of INCOME_KINDS. */
  readonly byKind: Readonly<Record<IncomeKind, MoneyText>>;
};

export type MissingBasisFigures = {
  readonly disposals: number;
  readonly proceeds: MoneyText;
};

export type DiagnosticCounts = {
  readonly errors: number;
  readonly warnings: number;
};

/** `derivatives`: the tax year's derivative positions (src/derivatives/README.md "summary.json"). */
export type DerivativeFigures = {
  readonly realizedPnl: MoneyText;
  readonly fees: MoneyText;
  readonly funding: MoneyText;
  readonly interest: MoneyText;
  readonly net: MoneyText;
  readonly positions: number;
  readonly liquidations: number;
};

export type LiabilityFigures = {
  readonly venue: string;
  readonly asset: string;
  readonly amount: MoneyText;
  readonly date: LocalDate;
  /** `owed`, `repaid`, `forgiven`, `absorbed`, `disputed` (src/derivatives/README.md). */
  readonly status: string;
};

/** `methods` (`--compare-methods`): per method, the year's gains. */
export type MethodsBlock = Readonly<Record<string, { readonly shortTerm: MoneyText; readonly longTerm: MoneyText; readonly net: MoneyText }>>;

export type UsSummary = {
  readonly [key: string]: unknown;
  readonly schema: 1;
  readonly taxYear: number;
  readonly jurisdiction: 'US';
  readonly currency: string;
  readonly method: string;
  /** `--method` with dates: the whole schedule (`FIFO,HIFO:2025-01-01`). */
  readonly methodSchedule?: string;
  readonly capitalGains: {
    readonly [key: string]: unknown;
    readonly shortTerm: TermFigures;
    readonly longTerm: TermFigures;
    readonly net: MoneyText;
    /** Per Form 8949 box (src/jurisdictions/us/form1099da/box-totals.ts `byBoxJson`). */
    readonly byBox?: Readonly<Record<string, unknown>>;
  };
  readonly income: IncomeFigures;
  readonly missingBasis: MissingBasisFigures;
  /** Only when the inputs hold derivative or margin events. */
  readonly derivatives?: DerivativeFigures;
  readonly liabilities?: readonly LiabilityFigures[];
  /** Only when a Form 1099-DA was given (src/jurisdictions/us/form1099da/reconcile.ts `form1099daBlock`). */
  readonly form1099da?: Readonly<Record<string, unknown>>;
  readonly capitalLoss: {
    readonly deductible: MoneyText;
    readonly carryforwardShortTerm: MoneyText;
    readonly carryforwardLongTerm: MoneyText;
  };
  readonly inputs: InputCounts;
  readonly diagnostics: DiagnosticCounts;
  readonly methods?: MethodsBlock;
};

export type UkSummary = {
  readonly [key: string]: unknown;
  readonly schema: 1;
  /** The tax year by the year it ends in (2025 = 6 April 2024 – 5 April 2025). */
  readonly taxYear: number;
  readonly jurisdiction: 'UK';
  readonly currency: string;
  readonly capitalGains: {
    readonly [key: string]: unknown;
    readonly disposals: number;
    readonly proceeds: MoneyText;
    readonly allowableCosts: MoneyText;
    readonly gains: MoneyText;
    readonly losses: MoneyText;
    readonly net: MoneyText;
    readonly annualExemptAmount: MoneyText;
    readonly byRule: { readonly sameDay: MoneyText; readonly bedAndBreakfast: MoneyText; readonly pool: MoneyText };
  };
  readonly pools: readonly { readonly asset: string; readonly units: string; readonly cost: MoneyText }[];
  readonly income: IncomeFigures;
  readonly missingBasis: MissingBasisFigures;
  readonly inputs: InputCounts;
  readonly diagnostics: DiagnosticCounts;
};

/** `summary.json`: the US or the UK shape, told apart by `jurisdiction`. */
export type Summary = UsSummary | UkSummary;

/** `income`: the total and each kind's exact sum, rounded once (US and UK alike). */
export function incomeFigures(byKind: Readonly<Record<IncomeKind, Dec>>, total: Dec): IncomeFigures {
  return { total: formatMoney(total), byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, formatMoney(v)])) as Record<IncomeKind, MoneyText> };
}

/** The summary with its `diagnostics` counts taken from `diagnostics` (the key keeps its place). */
export function withDiagnosticCounts<S extends Summary>(summary: S, diagnostics: readonly { severity: string }[]): S {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return { ...summary, diagnostics: { errors, warnings } };
}
