/**
 * The rows of the PDF's "Open lots at year end" page. With year-end prices (open-lots.csv's
 * `market_value`, `unrealized_gain`) the page adds both columns and their totals, says at what
 * unit price and from which source each asset was valued (the end of December 31 in the report
 * zone: pricing/value-holdings.ts), and leaves a lot without a price empty with a footnote —
 * never zero. Without any year-end price the columns are left out and a note says why.
 *
 * Per line, the unrealized result is the rounded market value − the rounded basis, as in
 * open-lots.csv; the totals are the sums of the lines shown (the PDF's rule).
 */
import { ZERO, type Dec } from '../../model/decimal.js';
import { toUsDate } from '../../model/local-date.js';
import type { LotValuation } from '../../pricing/value-holdings.js';
import { roundMoney } from '../../model/rounding.js';
import { formatAmount, formatQuantity, groupThousands } from './format-amount.js';
import type { PdfContext } from './pdf-context.js';
import { fill, type ColumnTemplate, type ScheduleTemplate } from './report-template.js';

/** Assets named one by one in the notes; more are counted (holdings.csv lists every one). */
const MAX_ASSETS_NAMED = 40;

/** What the page shows (the shape of schedule-sources.ts's ScheduleRows, not imported: that file imports this one). */
export interface OpenLotsRows {
  readonly rows: readonly Readonly<Record<string, string>>[];
  readonly total?: Readonly<Record<string, string>>;
  readonly vars: Readonly<Record<string, string>>;
  readonly notes?: readonly string[];
  /** A template text printed after the intro, filled with `vars`. */
  readonly note?: string;
  readonly columns?: readonly ColumnTemplate[];
  readonly intro?: string;
  readonly totalLabel?: string;
}

const text = (t: ScheduleTemplate, key: string): string => (typeof t[key] === 'string' ? (t[key] as string) : '');

function named(assets: readonly string[], t: ScheduleTemplate): string {
  if (assets.length <= MAX_ASSETS_NAMED) return assets.join(', ');
  return `${assets.slice(0, MAX_ASSETS_NAMED).join(', ')} ${fill(text(t, 'moreAssets'), { count: assets.length - MAX_ASSETS_NAMED })}`;
}

export function openLotsRows(ctx: PdfContext, t: ScheduleTemplate): OpenLotsRows {
  const c = ctx.t.common;
  const yearEnd = ctx.data.yearEnd;
  const byId = new Map<string, LotValuation>(yearEnd.lots.map((v) => [v.lot.id, v]));
  const priced = yearEnd.holdings.filter((h) => h.marketValue !== undefined);
  const unpriced = yearEnd.holdings.filter((h) => h.marketValue === undefined);
  const valued = priced.length > 0 && Array.isArray(t['valuedColumns']);
  const vars = { date: toUsDate(`${ctx.data.taxYear}-12-31`), timezone: ctx.data.options.timezone, currency: ctx.data.options.currency };
  let basis = ZERO;
  let market = ZERO;
  let unrealized = ZERO;
  let unknownValued = false;
  const rows = ctx.data.yearEndLots.map((l) => {
    const lotBasis = roundMoney(l.basis);
    basis = basis.plus(lotBasis);
    const row: Record<string, string> = {
      asset: l.asset,
      wallet: l.wallet,
      quantity: formatQuantity(l.quantity),
      costBasis: formatAmount(l.basis),
      acquired: toUsDate(l.acquiredDate),
      basisKnown: l.basisKnown ? c.yes : c.no,
      origin: l.origin,
      lotId: l.id,
    };
    if (!valued) return row;
    const value: Dec | undefined = byId.get(l.id)?.marketValue;
    if (value === undefined) {
      row['marketValue'] = text(t, 'noPriceCell');
      row['unrealized'] = text(t, 'noPriceUnrealized');
      return row;
    }
    const lotMarket = roundMoney(value);
    market = market.plus(lotMarket);
    unrealized = unrealized.plus(lotMarket.minus(lotBasis));
    if (!l.basisKnown) unknownValued = true;
    row['marketValue'] = formatAmount(lotMarket);
    row['unrealized'] = formatAmount(lotMarket.minus(lotBasis));
    return row;
  });
  if (rows.length === 0) return { rows, vars };
  if (!valued) {
    const note = unpriced.length > 0 ? { note: text(t, 'noPrices') } : {};
    return { rows, total: { costBasis: formatAmount(basis) }, vars: { ...vars, assets: named(unpriced.map((h) => h.asset), t) }, ...note };
  }
  const sources = ctx.t.priceSources;
  const prices = priced.map((h) =>
    fill(text(t, 'priceItem'), {
      asset: h.asset,
      price: groupThousands((h.unitPrice as Dec).toFixed()),
      currency: vars.currency,
      source: sources[h.priceSource] ?? h.priceSource,
    }),
  );
  const shown = prices.length <= MAX_ASSETS_NAMED ? prices : [...prices.slice(0, MAX_ASSETS_NAMED), fill(text(t, 'moreAssets'), { count: prices.length - MAX_ASSETS_NAMED })];
  // above the table (a long one runs over many pages): the prices used, and what the ¹ cells mean
  const note = [text(t, 'prices'), unpriced.length > 0 ? text(t, 'missingPrice') : ''].filter(Boolean).join(' ');
  const unpricedAssets = named(unpriced.map((h) => h.asset), t);
  return {
    rows,
    columns: t['valuedColumns'] as readonly ColumnTemplate[],
    intro: text(t, 'valuedIntro'),
    totalLabel: text(t, 'valuedTotal'),
    total: { costBasis: formatAmount(basis), marketValue: formatAmount(market), unrealized: formatAmount(unrealized) },
    vars: { ...vars, prices: shown.join('; '), assets: unpricedAssets },
    note,
    notes: unknownValued ? [fill(text(t, 'unknownBasis'), vars)] : [],
  };
}
