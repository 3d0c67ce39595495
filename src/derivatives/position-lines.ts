/**
 * Closed positions → Form 8949 lines, valued in the report currency.
 *
 * Rule (README "One line per position"): a position's net result is
 * `realized PnL − commissions − liquidation/clearance fees ± funding` (+ insurance-fund / ADL
 * adjustments, which are part of the trading result). A gain is reported as proceeds with zero
 * basis, a loss as basis with zero proceeds; the line is short-term unless the position was held
 * more than one year (opened → closed, IRS holding-period rule, `isLongTerm`).
 *
 * Valuation: `close` (default) values each part's units at the instant of the close that realised
 * it — a USDT/USDC-settled contract through the price book's stablecoin rule, a coin-margined one
 * through the price table; `event` values each part when the venue booked it. A position whose
 * realisations fall in two calendar years (a partial close in December, the rest in January) gives
 * one line per year, so each part lands in the tax year it was realised.
 *
 * Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetCode } from '../model/asset.js';
import { ONE, ZERO, type Dec } from '../model/decimal.js';
import type { Disposal, Term } from '../model/disposal.js';
import { isLongTerm, toLocalDate, yearOf, type LocalDate } from '../model/local-date.js';
import type { PriceSource } from '../model/money.js';
import { compareSourceRefs, type SourceRef } from '../model/source-ref.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { MissingPrice } from '../pricing/price-events.js';
import type { Component, ComponentKind, PositionGroup } from './build-positions.js';

export type Valuation = 'close' | 'event';

/** A line's result in the report currency, split as docs/contract.md's `derivatives` block. */
export interface LineTotals {
  /** Trading result before fees and funding, incl. insurance-fund / ADL adjustments. */
  readonly realizedPnl: Dec;
  /** Commissions + liquidation/clearance fees, positive = paid. */
  readonly fees: Dec;
  /** Net funding, positive = received. */
  readonly funding: Dec;
  /** realizedPnl − fees + funding. */
  readonly net: Dec;
}

/** Per settlement asset: the venue's own figures, in units (for the reconciliation). */
export interface UnitTotals {
  readonly asset: AssetCode;
  readonly byKind: Readonly<Partial<Record<ComponentKind, Dec>>>;
  readonly net: Dec;
  /** Report-currency value of `net` as valued for this line. */
  readonly value: Dec;
}

export interface DerivativeLine {
  readonly id: string;
  readonly group: PositionGroup;
  readonly wallet: string;
  readonly account: string;
  readonly contract: string;
  readonly openedInstant: number;
  readonly closedInstant: number;
  readonly opened: LocalDate;
  readonly closed: LocalDate;
  readonly term: Term;
  readonly liquidated: boolean;
  readonly stillOpen: boolean;
  readonly components: readonly Component[];
  readonly totals: LineTotals;
  readonly units: readonly UnitTotals[];
  readonly priceSource: PriceSource;
  /** Every source row of the line's components, in file/line order. */
  readonly sources: readonly SourceRef[];
}

export interface LinesResult {
  readonly lines: DerivativeLine[];
  readonly diagnostics: Diagnostic[];
  readonly missing: MissingPrice[];
}

export interface LineOptions {
  readonly book: PriceBook;
  readonly timezone: string;
  readonly valuation: Valuation;
}

const FEE_KINDS: ReadonlySet<ComponentKind> = new Set(['commission', 'liquidation-fee']);

/** Value groups as Form 8949 lines (one per group, or per group and calendar year). */
export function valuePositions(groups: readonly PositionGroup[], opts: LineOptions): LinesResult {
  const diagnostics: Diagnostic[] = [];
  const missing = new Map<string, MissingPrice>();
  const lines: DerivativeLine[] = [];
  const C = opts.book.reportCurrency;

  const valueOf = (asset: AssetCode, units: Dec, instant: number, source: SourceRef): { amount: Dec; source: PriceSource } => {
    const found = opts.book.valueOf(asset, units, instant);
    if (found) return found;
    const date = toLocalDate(instant, opts.timezone);
    const key = `${asset}\u0000${date}`;
    if (!missing.has(key)) missing.set(key, { asset, date, currency: C });
    diagnostics.push(
      diagnostic('PRICE_MISSING', `no ${C} price for ${asset} on ${date} (needed to value a derivative position); valued at 0`, source),
    );
    return { amount: ZERO, source: 'missing' };
  };

  for (const group of groups) {
    const byYear = new Map<number, Component[]>();
    for (const c of group.components) {
      const y = yearOf(toLocalDate(c.realizedInstant, opts.timezone));
      byYear.set(y, [...(byYear.get(y) ?? []), c]);
    }
    if (byYear.size === 0) byYear.set(yearOf(toLocalDate(group.closedInstant, opts.timezone)), []);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    for (const year of years) {
      const parts = byYear.get(year) as Component[];
      const closedInstant = parts.reduce((m, c) => Math.max(m, c.realizedInstant), parts.length > 0 ? 0 : group.closedInstant);
      const isLast = year === years[years.length - 1];
      const sources = uniqueSources(parts.length > 0 ? parts.map((c) => c.source) : group.events.map((e) => e.source));
      const anchor = sources[0] as SourceRef;
      let priceSource: PriceSource = 'fiat-leg';
      const kindTotal = new Map<ComponentKind, Dec>();
      const units = new Map<AssetCode, { byKind: Map<ComponentKind, Dec>; net: Dec; value: Dec }>();
      const addValue = (kind: ComponentKind, v: Dec): void => void kindTotal.set(kind, (kindTotal.get(kind) ?? ZERO).plus(v));
      const noteSource = (s: PriceSource): void => {
        if (s === 'missing' || (priceSource !== 'missing' && s !== 'fiat-leg')) priceSource = s;
      };
      for (const c of parts) {
        const u = units.get(c.asset) ?? { byKind: new Map<ComponentKind, Dec>(), net: ZERO, value: ZERO };
        u.byKind.set(c.kind, (u.byKind.get(c.kind) ?? ZERO).plus(c.amount));
        u.net = u.net.plus(c.amount);
        units.set(c.asset, u);
      }
      if (opts.valuation === 'event') {
        for (const c of parts) {
          const v = valueOf(c.asset, c.amount, c.instant, c.source);
          noteSource(v.source);
          addValue(c.kind, v.amount);
          const u = units.get(c.asset) as { value: Dec };
          u.value = u.value.plus(v.amount);
        }
      } else {
        // One price per asset and close: each part's units at the instant of the close that
        // realised it (README "Valuation"), so a partial close is valued when it happened, as the
        // engine values the units it settles, not at the price of a later close of the position.
        const prices = new Map<string, Dec>();
        for (const c of parts) {
          const key = `${c.asset}\u0000${c.realizedInstant}`;
          let price = prices.get(key);
          if (price === undefined) {
            const found = valueOf(c.asset, ONE, c.realizedInstant, anchor);
            noteSource(found.source);
            price = found.amount;
            prices.set(key, price);
          }
          const v = c.amount.times(price);
          addValue(c.kind, v);
          const u = units.get(c.asset) as { value: Dec };
          u.value = u.value.plus(v);
        }
      }
      const get = (k: ComponentKind): Dec => kindTotal.get(k) ?? ZERO;
      const realizedPnl = get('pnl').plus(get('insurance')).plus(get('adl')).plus(get('deficit-absorbed'));
      const fees = [...FEE_KINDS].reduce((s, k) => s.plus(get(k)), ZERO).negated();
      const funding = get('funding');
      const net = realizedPnl.minus(fees).plus(funding);
      const opened = toLocalDate(group.openedInstant, opts.timezone);
      const closed = toLocalDate(closedInstant, opts.timezone);
      lines.push({
        id: years.length > 1 ? `${group.id}/${year}` : group.id,
        group,
        wallet: group.wallet,
        account: group.account,
        contract: group.contract,
        openedInstant: group.openedInstant,
        closedInstant,
        opened,
        closed,
        term: isLongTerm(opened, closed) ? 'long' : 'short',
        liquidated: group.liquidated && isLast,
        stillOpen: group.stillOpen && isLast,
        components: parts,
        totals: { realizedPnl, fees, funding, net },
        units: [...units.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([asset, u]) => ({ asset, byKind: Object.fromEntries(u.byKind) as Partial<Record<ComponentKind, Dec>>, net: u.net, value: u.value })),
        priceSource,
        sources,
      });
    }
  }
  lines.sort((a, b) => a.closedInstant - b.closedInstant || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { lines, diagnostics, missing: [...missing.values()] };
}

/** The Form 8949 line of a derivative position, as a disposal the report totals and lists. */
export function lineDisposal(line: DerivativeLine): Disposal {
  const gain = line.totals.net.greaterThan(0);
  const proceeds = gain ? line.totals.net : ZERO;
  const basis = gain ? ZERO : line.totals.net.negated();
  const what = line.group.method === 'position' ? 'position' : 'PnL group';
  const name = line.contract || line.account || 'margin';
  return {
    id: `derivative:${line.id}`,
    kind: 'derivative',
    wallet: line.wallet,
    asset: name,
    quantity: ONE,
    instant: line.closedInstant,
    date: line.closed,
    proceeds,
    proceedsSource: line.priceSource,
    slices: [{ quantity: ONE, proceeds, basis, term: line.term, basisStatus: 'known', acquiredDate: line.opened }],
    source: line.sources[0] as SourceRef,
    counterpart: `derivative ${what}${line.liquidated ? ' (liquidated)' : ''}`,
    description: `${name} ${what}${line.liquidated ? ', liquidated' : ''} (${line.wallet})`,
  };
}

function uniqueSources(list: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const s of list) seen.set(`${s.file}\u0000${s.line}`, s);
  return [...seen.values()].sort(compareSourceRefs);
}
