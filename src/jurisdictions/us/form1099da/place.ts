/**
 * Placing and adjusting the Form 8949 lines of matched disposals (pure), per the Form 8949
 * instructions (2025), columns (d)–(g):
 *
 * - Box: the Part of taxlot's own holding period; G / J when every row of the group has box 2
 *   (basis reported to the IRS) checked, H / K otherwise.
 * - (d): the reported proceeds (box 1f) of the group, shared among its lines by units — unless
 *   taxlot's proceeds measured the same way (gross of transaction costs when box 3a says gross,
 *   net when it says net) are higher: then taxlot's ("enter the correct proceeds").
 * - (g) code E: transaction costs taken out of taxlot's proceeds that a gross figure does not
 *   reflect, negative. Code O: any other difference of the reported proceeds from taxlot's.
 * - (e): in G / J the reported basis (box 1g, shared by units), code B for the difference from
 *   taxlot's basis; in H / K taxlot's basis, code B with a zero amount when the form shows
 *   another basis.
 * - Code T, no amount, when box 6 states a term (or ordinary) other than taxlot's.
 * Codes are written together in alphabetical order with the net amount, so (h) = (d) − (e) + (g)
 * is taxlot's gain on every line — the very cents of the line without a 1099-DA.
 *
 * Every amount is computed twice: in cents as the line prints it (shares of a group's reported
 * totals rounded cumulatively, so the lines add up to the reported figures exactly), and exact,
 * for the totals of summary.json that are rounded once.
 */
import { share, ZERO, type Dec } from '../../../model/decimal.js';
import type { Disposal, DisposalSlice } from '../../../model/disposal.js';
import type { ReportedRow } from '../../../importers/form1099da/reported-row.js';
import { formatMoney, roundMoney } from '../../../model/rounding.js';
import type { MatchGroup } from './match.js';

export interface ExactColumns {
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly adjustment: Dec;
  readonly B: Dec;
  readonly E: Dec;
  readonly O: Dec;
}

export interface LinePlacement {
  readonly box: string;
  /** Column (f): the codes in alphabetical order (`BE`), `''` for none. */
  readonly code: string;
  /** Columns (d), (e), (g) in cents, as printed. */
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly adjustment: Dec;
  readonly exact: ExactColumns;
  /** 1-based number of the match group (reconciliation). */
  readonly group: number;
  readonly rows: readonly ReportedRow[];
  /** The line's share of the reported proceeds and (when every row shows one) basis, in cents. */
  readonly reportedProceeds: Dec;
  readonly reportedBasis?: Dec;
  /** taxlot's own values of the line, in cents: proceeds, transaction costs, basis. */
  readonly own: { readonly proceeds: Dec; readonly costs: Dec; readonly basis: Dec };
  /** Why the line differs from the form, one phrase per difference. */
  readonly reasons: readonly string[];
}

/** An amount in a reason, as a reader writes it: `100,000.00`. */
const money = (d: Dec): string => formatMoney(d).replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));

/** Shares of `total` by units, in cents, rounded cumulatively so they add up to `total` exactly. */
function centShares(total: Dec, units: readonly Dec[], whole: Dec): { exact: Dec[]; cents: Dec[] } {
  const exact: Dec[] = [];
  const cents: Dec[] = [];
  let cum = ZERO;
  let printed = ZERO;
  units.forEach((u, i) => {
    const part = i === units.length - 1 ? total.minus(exact.reduce((s, x) => s.plus(x), ZERO)) : share(total, u, whole);
    exact.push(part);
    cum = cum.plus(part);
    const upTo = roundMoney(cum);
    cents.push(upTo.minus(printed));
    printed = upTo;
  });
  return { exact, cents };
}

const boxOf = (term: 'short' | 'long', basisReported: boolean): string =>
  term === 'short' ? (basisReported ? 'G' : 'H') : basisReported ? 'J' : 'K';

/** The placement of every line of one match group, keyed by slice. */
export function placeGroup(group: MatchGroup, number: number, out: Map<DisposalSlice, LinePlacement>): void {
  const { rows } = group;
  const lines: { d: Disposal; s: DisposalSlice }[] = group.disposals.flatMap((d) => d.slices.map((s) => ({ d, s })));
  const units = lines.map((l) => l.s.quantity);
  const reported = centShares(rows.reduce((a, r) => a.plus(r.proceeds), ZERO), units, group.units);
  const withBasis = rows.every((r) => r.costBasis !== undefined);
  const basis = withBasis ? centShares(rows.reduce((a, r) => a.plus(r.costBasis as Dec), ZERO), units, group.units) : undefined;
  const gross = !rows.every((r) => r.proceedsType === 'net');
  const basisReported = rows.every((r) => r.basisReported);
  const terms = new Set(rows.flatMap((r) => (r.term ? [r.term] : [])));
  const shifted = group.shift === 0 ? '' : `dated ${rows[0]?.sold} by the broker, ${group.shift < 0 ? 'a day later' : 'a day earlier'} than taxlot's date (another time zone)`;
  lines.forEach(({ d, s }, i) => {
    const box = boxOf(s.term, basisReported);
    const reasons: string[] = shifted ? [shifted] : [];
    const codes = new Set<string>();
    // taxlot's own values
    const costsExact = gross && d.costs ? share(d.costs, s.quantity, d.quantity) : ZERO;
    const P = roundMoney(s.proceeds);
    const Bs = roundMoney(s.basis);
    const C = roundMoney(costsExact);
    const comp = P.plus(C);
    const rep = reported.cents[i] as Dec;
    const repExact = reported.exact[i] as Dec;
    // (d)
    const useReported = rep.greaterThanOrEqualTo(comp);
    const dCents = useReported ? rep : comp;
    const O = comp.minus(dCents);
    const E = C.negated();
    if (!C.isZero()) {
      codes.add('E');
      reasons.push(`transaction costs ${money(C)} not reflected in the gross proceeds reported (E)`);
    }
    if (!O.isZero()) {
      codes.add('O');
      reasons.push(`reported proceeds ${money(rep)} exceed taxlot's ${money(comp)}${gross ? ' (gross of costs)' : ''} (O)`);
    } else if (!rep.equals(comp)) {
      reasons.push(`taxlot's proceeds ${money(comp)} exceed the ${money(rep)} reported: entered as the correct proceeds`);
    }
    const exactC = C.isZero() ? ZERO : costsExact;
    const exactComp = s.proceeds.plus(exactC);
    const exactD = O.isZero() ? exactComp : repExact;
    // (e)
    let eCents = Bs;
    let B = ZERO;
    let exactE = s.basis;
    const formBasis = basis?.cents[i];
    if (box === 'G' || box === 'J') {
      if (formBasis !== undefined) {
        eCents = formBasis;
        B = formBasis.minus(Bs);
        if (!B.isZero()) exactE = basis?.exact[i] as Dec;
      }
      if (!B.isZero()) {
        codes.add('B');
        reasons.push(`${basisReason(s, rows)}: basis reported ${money(formBasis as Dec)}, taxlot's ${money(Bs)} (B)`);
      }
    } else if (formBasis !== undefined && !formBasis.equals(Bs)) {
      codes.add('B');
      reasons.push(`${basisReason(s, rows)}: the form shows basis ${money(formBasis)}, taxlot's ${money(Bs)} (B, no amount: basis not reported to the IRS)`);
    }
    if (terms.size > 0 && !terms.has(s.term)) {
      codes.add('T');
      reasons.push(`the form says ${[...terms].join('/')}, taxlot's holding period is ${s.term} term (T)`);
    }
    const adjustment = E.plus(O).plus(B);
    const exactB = exactE.minus(s.basis);
    const exactEcode = exactC.negated();
    const exactO = exactComp.minus(exactD);
    out.set(s, {
      box,
      code: [...codes].sort().join(''),
      proceeds: dCents,
      costBasis: eCents,
      adjustment,
      exact: { proceeds: exactD, costBasis: exactE, adjustment: exactB.plus(exactEcode).plus(exactO), B: exactB, E: exactEcode, O: exactO },
      group: number,
      rows,
      reportedProceeds: rep,
      ...(formBasis !== undefined ? { reportedBasis: formBasis } : {}),
      own: { proceeds: P, costs: C, basis: Bs },
      reasons,
    });
  });
}

/** Why a basis differs: taxlot has none for the units, or the broker took other lots. */
function basisReason(s: DisposalSlice, rows: readonly ReportedRow[]): string {
  if (s.basisStatus !== 'known') return 'no basis in the records for these units (missing history)';
  const dates = new Set(rows.flatMap((r) => (r.acquired ? [r.acquired] : [])));
  if (s.acquiredDate && dates.size > 0 && !dates.has(s.acquiredDate)) {
    return `lot choice: the broker took lots acquired ${[...dates].sort().join(', ')}, taxlot's lot was acquired ${s.acquiredDate}`;
  }
  return 'lot choice or basis method: the broker computed another basis';
}
