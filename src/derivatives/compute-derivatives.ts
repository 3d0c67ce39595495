/**
 * The derivatives stage of the pipeline, pure: derivative events in; Form 8949 lines (as
 * disposals), liabilities, margin interest and diagnostics out. See README.md for every rule.
 *
 *   events ─buildPositions─▶ groups ─findLiabilities─▶ (+ absorbed-deficit adjustments)
 *          ─valuePositions─▶ lines ─lineDisposal─▶ Form 8949 disposals
 *
 * The settlement of each row in crypto (acquisitions / disposals of the settlement asset) is the
 * engine's part (src/engine/book-event.ts, model/derivative-settlement.ts); nothing here touches lots.
 */
import { diagnostic, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetCode } from '../model/asset.js';
import { ZERO, type Dec } from '../model/decimal.js';
import type { Disposal } from '../model/disposal.js';
import { isDerivativeEvent, type DerivativeEvent, type LedgerEvent } from '../model/ledger-event.js';
import { toLocalDate, yearOf, type LocalDate } from '../model/local-date.js';
import type { Money } from '../model/money.js';
import type { SourceRef } from '../model/source-ref.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { MissingPrice } from '../pricing/price-events.js';
import { buildPositions, type PositionGroup } from './build-positions.js';
import { findLiabilities, type Liability } from './find-liabilities.js';
import { NO_OVERRIDES, type Overrides } from '../overrides/overrides.js';
import { lineDisposal, valuePositions, type DerivativeLine, type Valuation } from './position-lines.js';

export interface DerivativeOptions {
  readonly book: PriceBook;
  readonly timezone: string;
  /** `close` (default): parts valued at the close that realised them; `event`: when booked. */
  readonly valuation: Valuation;
  readonly overrides: Overrides;
}

/** Margin / borrowing interest: investment interest (Form 4952), not part of any position. */
export interface InterestRecord {
  readonly id: string;
  readonly wallet: string;
  readonly account: string;
  readonly contract: string;
  readonly asset: AssetCode;
  /** Units paid (positive = paid; a credit is negative). */
  readonly quantity: Dec;
  /** Value in the report currency when paid (positive = paid). */
  readonly value: Dec;
  readonly instant: number;
  readonly date: LocalDate;
  readonly source: SourceRef;
}

export interface DerivativesResult {
  /** True when the inputs hold any derivative or margin event (summary blocks are written). */
  readonly present: boolean;
  readonly lines: readonly DerivativeLine[];
  /** One Form 8949 disposal per line, every year. */
  readonly disposals: readonly Disposal[];
  readonly liabilities: readonly Liability[];
  readonly interest: readonly InterestRecord[];
  readonly diagnostics: readonly Diagnostic[];
  readonly missing: readonly MissingPrice[];
}

export const NO_DERIVATIVES: DerivativesResult = {
  present: false, lines: [], disposals: [], liabilities: [], interest: [], diagnostics: [], missing: [],
};

export const DEFAULT_DERIVATIVE_OPTIONS = { valuation: 'close', overrides: NO_OVERRIDES } as const;

export function computeDerivatives(events: readonly LedgerEvent[], opts: DerivativeOptions): DerivativesResult {
  const derivative = events.filter(isDerivativeEvent);
  if (derivative.length === 0) return NO_DERIVATIVES;
  const diagnostics: Diagnostic[] = [];
  const missing = new Map<string, MissingPrice>();
  const C = opts.book.reportCurrency;
  const value = (asset: AssetCode, units: Dec, instant: number, source: SourceRef): Money => {
    const found = opts.book.valueOf(asset, units, instant);
    if (found) return found;
    const date = toLocalDate(instant, opts.timezone);
    const key = `${asset}\u0000${date}`;
    if (!missing.has(key)) missing.set(key, { asset, date, currency: C });
    diagnostics.push(diagnostic('PRICE_MISSING', `no ${C} price for ${asset} on ${date} (needed for a derivative amount); valued at 0`, source));
    return { amount: ZERO, source: 'missing' };
  };

  const positions = buildPositions(derivative);
  for (const o of positions.open) {
    const pending = o.pending.map((c) => `${c.amount.toFixed()} ${c.asset} ${c.kind}`).join(', ');
    const size = o.size.isZero() ? '' : `size ${o.size.toFixed()} still open; `;
    diagnostics.push(
      diagnostic(
        'DERIVATIVE_POSITION_OPEN',
        `${o.wallet} ${o.contract || 'margin'}: ${size}not realised at the end of the inputs${pending ? ` (${pending})` : ''}; not reported until it closes`,
        o.lastSource,
      ),
    );
  }
  for (const b of positions.closesBeyondOpen) {
    diagnostics.push(
      diagnostic('DERIVATIVE_CLOSE_BEYOND_OPEN', `${b.contract}: close of ${b.closed.toFixed()} but only ${b.known.toFixed()} opened in the inputs`, b.source),
    );
  }
  const found = findLiabilities(positions.groups, { timezone: opts.timezone, overrides: opts.overrides, value });
  diagnostics.push(...found.diagnostics);
  const groups: PositionGroup[] = positions.groups.map((g) => {
    const extra = found.adjustments.get(g.id);
    return extra ? { ...g, components: [...g.components, ...extra] } : g;
  });
  const valued = valuePositions(groups, { book: opts.book, timezone: opts.timezone, valuation: opts.valuation });
  diagnostics.push(...valued.diagnostics);
  for (const m of valued.missing) missing.set(`${m.asset}\u0000${m.date}`, m);

  const interest = derivative
    .filter((e): e is DerivativeEvent & { kind: 'margin-interest' } => e.kind === 'margin-interest')
    .map((e): InterestRecord => {
      const paid = e.amount.minus(e.fee && e.fee.asset === e.asset ? e.fee.amount : ZERO).negated();
      return {
        id: e.id, wallet: e.wallet, account: e.account, contract: e.contract, asset: e.asset, quantity: paid,
        value: value(e.asset, paid, e.instant, e.source).amount, instant: e.instant, date: toLocalDate(e.instant, opts.timezone), source: e.source,
      };
    });
  const lines = valued.lines;
  if (lines.length > 0) {
    diagnostics.push(
      fileDiagnostic(
        'DERIVATIVE_FORM_8949',
        '(report)',
        `${lines.length} derivative position line${lines.length === 1 ? '' : 's'} reported on Form 8949 as offshore contracts (not section 1256 / Form 6781)`,
      ),
    );
  }
  return {
    present: true,
    lines,
    disposals: lines.map(lineDisposal),
    liabilities: found.liabilities,
    interest,
    diagnostics,
    missing: [...missing.values()],
  };
}

/** The contract's `derivatives` block for one tax year, exact (rounded when presented). */
export interface DerivativeTotals {
  readonly realizedPnl: Dec;
  readonly fees: Dec;
  readonly funding: Dec;
  readonly interest: Dec;
  readonly net: Dec;
  readonly positions: number;
  readonly liquidations: number;
}

export interface DerivativesYear {
  readonly lines: readonly DerivativeLine[];
  readonly liabilities: readonly Liability[];
  readonly interest: readonly InterestRecord[];
  readonly totals: DerivativeTotals;
}

/**
 * The tax year's view. Liabilities listed: those that arose in the year, those from earlier years
 * still owed or disputed at its end, and those repaid or forgiven during it.
 */
export function derivativesForYear(result: DerivativesResult, taxYear: number): DerivativesYear {
  const lines = result.lines.filter((l) => yearOf(l.closed) === taxYear);
  const interest = result.interest.filter((r) => yearOf(r.date) === taxYear);
  const liabilities = result.liabilities.filter((l) => {
    const arose = yearOf(l.date);
    if (arose > taxYear) return false;
    if (arose === taxYear) return true;
    if (l.resolvedDate) return yearOf(l.resolvedDate) >= taxYear;
    return l.status === 'owed' || l.status === 'disputed';
  });
  const sum = (f: (l: DerivativeLine) => Dec): Dec => lines.reduce((s, l) => s.plus(f(l)), ZERO);
  return {
    lines,
    liabilities,
    interest,
    totals: {
      realizedPnl: sum((l) => l.totals.realizedPnl),
      fees: sum((l) => l.totals.fees),
      funding: sum((l) => l.totals.funding),
      interest: interest.reduce((s, r) => s.plus(r.value), ZERO),
      net: sum((l) => l.totals.net),
      positions: lines.length,
      liquidations: lines.filter((l) => l.liquidated).length,
    },
  };
}
