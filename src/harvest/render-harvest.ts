/**
 * harvest.json, harvest.csv and harvest-plan.csv (pure). Layout documented in src/harvest/README.md.
 * Every amount is its exact figure rounded once (half-even, 2 decimals, model/rounding.ts); prices
 * and units are exact.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { ZERO, type Dec } from '../model/decimal.js';
import { formatMoney } from '../model/rounding.js';
import { num, renderCsv, type Cell } from '../report/csv/write-csv.js';
import type { HarvestResult } from './compute-harvest.js';
import { harvestNotes } from './notes.js';
import type { Picture, PlannedSale } from './plan.js';
import type { HarvestLot } from './value-lots.js';

/** A price with at least two decimals, never rounded away (`60000.00`, `0.00001234`). */
export function formatPrice(p: Dec): string {
  return p.decimalPlaces() <= 2 ? p.toFixed(2) : p.toFixed();
}

/** A lot's value and unrealized result, each exact figure rounded once. */
function lineFigures(l: HarvestLot): { value?: string; unrealized?: string } {
  if (!l.value || !l.unrealized) return {};
  return { value: formatMoney(l.value), unrealized: formatMoney(l.unrealized) };
}

function lotJson(l: HarvestLot, h: HarvestResult): Record<string, unknown> {
  const f = lineFigures(l);
  const alone = h.soldAlone.get(l.lot);
  return {
    wallet: l.lot.wallet,
    asset: l.lot.asset,
    acquired: l.lot.acquiredDate,
    units: l.lot.quantity.toFixed(),
    basis: formatMoney(l.lot.basis),
    price: l.price ? formatPrice(l.price) : null,
    value: f.value ?? null,
    unrealized: f.unrealized ?? null,
    term: l.term,
    longTermFrom: l.longTermFrom,
    lotId: l.lot.id,
    basisKnown: l.lot.basisKnown,
    priceSource: l.priceSource,
    possibleSecurity: l.possibleSecurity,
    // selling all of this lot's units in its wallet on the as-of date, alone: identified, or under the method
    ifSoldNow: alone && l.unrealized
      ? {
          specificId: { realized: formatMoney(l.unrealized), term: l.term },
          lotMethod: { method: h.method, realized: formatMoney(alone.realized), shortTerm: formatMoney(alone.shortTerm), longTerm: formatMoney(alone.longTerm) },
        }
      : null,
  };
}

function pictureJson(p: Picture): Record<string, string> {
  return {
    shortTerm: formatMoney(p.shortTerm),
    longTerm: formatMoney(p.longTerm),
    net: formatMoney(p.net),
    deductible: formatMoney(p.capitalLoss.deductible),
    carryforwardShortTerm: formatMoney(p.capitalLoss.carryforwardShortTerm),
    carryforwardLongTerm: formatMoney(p.capitalLoss.carryforwardLongTerm),
  };
}

/** A sale's figures: each exact amount rounded once. */
function saleFigures(s: PlannedSale) {
  return {
    proceeds: s.proceeds,
    idBasis: s.specificId.basis,
    idRealized: s.specificId.realized,
    pieces: s.lotMethod.pieces.map((p) => ({ piece: p, basis: p.basis, realized: p.proceeds.minus(p.basis) })),
    methodBasis: s.lotMethod.pieces.reduce((t, p) => t.plus(p.basis), ZERO),
  };
}

function saleJson(s: PlannedSale, method: string): Record<string, unknown> {
  const f = saleFigures(s);
  return {
    step: s.step,
    wallet: s.lot.lot.wallet,
    asset: s.lot.lot.asset,
    lotId: s.lot.lot.id,
    acquired: s.lot.lot.acquiredDate,
    units: s.units.toFixed(),
    price: formatPrice(s.price),
    proceeds: formatMoney(f.proceeds),
    specificId: { basis: formatMoney(f.idBasis), realized: formatMoney(f.idRealized), term: s.specificId.term },
    lotMethod: {
      method,
      basis: formatMoney(f.methodBasis),
      realized: formatMoney(s.lotMethod.realized),
      shortTerm: formatMoney(s.lotMethod.shortTerm),
      longTerm: formatMoney(s.lotMethod.longTerm),
      lots: f.pieces.map((p) => ({
        lotId: p.piece.lotId,
        acquired: p.piece.acquired,
        units: p.piece.units.toFixed(),
        basis: formatMoney(p.basis),
        realized: formatMoney(p.realized),
        term: p.piece.term,
      })),
      ...(s.lotMethod.uncovered.greaterThan(0) ? { uncoveredUnits: s.lotMethod.uncovered.toFixed() } : {}),
    },
    possibleSecurity: s.lot.possibleSecurity,
  };
}

export function renderHarvestJson(h: HarvestResult, diagnostics: readonly Diagnostic[]): string {
  const p = h.plan;
  const counts = countBySeverity(diagnostics);
  const o = h.report.options;
  const json = {
    schema: 1,
    asOf: h.asOf,
    currency: h.currency,
    method: h.method,
    lotScope: h.universal ? 'universal' : 'per-wallet',
    lots: h.lots.map((l) => lotJson(l, h)),
    yearToDate: {
      shortTerm: formatMoney(h.yearToDate.shortTerm),
      longTerm: formatMoney(h.yearToDate.longTerm),
      net: formatMoney(h.yearToDate.net),
      income: formatMoney(h.yearToDate.income),
    },
    plan: {
      filingStatus: o.filingStatus,
      limit: formatMoney(p.limit),
      carryover: { shortTerm: formatMoney(o.carryoverShort), longTerm: formatMoney(o.carryoverLong) },
      lossWanted: formatMoney(p.lossWanted),
      sales: p.sales.map((s) => saleJson(s, h.method)),
      before: pictureJson(p.before),
      afterSpecificId: pictureJson(p.afterSpecificId),
      afterLotMethod: pictureJson(p.afterLotMethod),
    },
    notes: harvestNotes(h.method, h.universal),
    diagnostics: { errors: counts.errors, warnings: counts.warnings },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export const HARVEST_CSV_HEADER = [
  'wallet', 'asset', 'lot_id', 'acquired', 'units', 'basis', 'basis_known', 'price', 'price_source', 'value', 'unrealized',
  'term', 'long_term_from', 'possible_security', 'method', 'sold_alone_method_realized',
] as const;

export function renderHarvestCsv(h: HarvestResult): string {
  return renderCsv(HARVEST_CSV_HEADER, h.lots.map((l): Cell[] => {
    const f = lineFigures(l);
    const alone = h.soldAlone.get(l.lot);
    return [
      l.lot.wallet, l.lot.asset, l.lot.id, l.lot.acquiredDate, num(l.lot.quantity.toFixed()), num(formatMoney(l.lot.basis)),
      l.lot.basisKnown ? 'yes' : 'no', l.price ? num(formatPrice(l.price)) : '', l.priceSource,
      f.value !== undefined ? num(f.value) : '', f.unrealized !== undefined ? num(f.unrealized) : '',
      l.term, l.longTermFrom, l.possibleSecurity ? 'yes' : 'no', h.method, alone ? num(formatMoney(alone.realized)) : '',
    ];
  }));
}

export const HARVEST_PLAN_HEADER = [
  'step', 'wallet', 'asset', 'lot_id', 'acquired', 'units', 'price', 'proceeds', 'specific_id_basis', 'specific_id_realized',
  'specific_id_term', 'method', 'method_basis', 'method_realized', 'method_short_term', 'method_long_term', 'method_lots', 'possible_security',
] as const;

export function renderHarvestPlanCsv(h: HarvestResult): string {
  return renderCsv(HARVEST_PLAN_HEADER, h.plan.sales.map((s): Cell[] => {
    const f = saleFigures(s);
    return [
      s.step, s.lot.lot.wallet, s.lot.lot.asset, s.lot.lot.id, s.lot.lot.acquiredDate, num(s.units.toFixed()), num(formatPrice(s.price)),
      num(formatMoney(f.proceeds)), num(formatMoney(f.idBasis)), num(formatMoney(f.idRealized)), s.specificId.term, h.method,
      num(formatMoney(f.methodBasis)), num(formatMoney(s.lotMethod.realized)), num(formatMoney(s.lotMethod.shortTerm)),
      num(formatMoney(s.lotMethod.longTerm)), f.pieces.map((p) => `${p.piece.lotId}:${p.piece.units.toFixed()}`).join(' '),
      s.lot.possibleSecurity ? 'yes' : 'no',
    ];
  }));
}
