/**
 * Deficits owed to a venue: liability records, never negative lots (docs/contract.md "Deficits";
 * docs/tax-rules.md §1.12, §5.2).
 *
 * Evidence rule: a liability exists only where the venue's own rows show it — a position closed
 * by liquidation (or ADL/bankruptcy) whose rows carry the venue balance and take it below zero.
 * The deficit is the lowest balance reached (units of the settlement asset); it arose at that row.
 * A balance that is negative only in taxlot's own running total (history missing) is the engine's
 * `BALANCE_NEGATIVE` warning and never a liability; a venue balance below zero without a
 * liquidation is a warning too (not a debt by itself).
 *
 * Status: insurance-fund credits after the deficit in the same group absorb it (`absorbed` when
 * they cover it all; what they do not cover stays `owed`). Otherwise `owed` — the default when the
 * venue's rows show the deficit and nothing shows it cleared. The user's overrides file replaces
 * the status (repaid, forgiven, absorbed, disputed).
 *
 * Tax effect (US default, README "Liabilities"):
 *  - owed / repaid / disputed: the venue's reported loss already includes the deficit, so it stays
 *    in the position's loss when it arose; a later repayment is not a new loss;
 *  - absorbed: taken out of the loss — by the insurance credit itself (already in the position's
 *    result), or, when only the overrides file says so, by a `deficit-absorbed` adjustment;
 *  - forgiven / settled for less: stays in the loss; the forgiven amount is flagged as possible
 *    cancellation-of-debt income (Schedule 1 line 8c) for review, in the year of forgiveness.
 *
 * Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetCode } from '../model/asset.js';
import { ZERO, type Dec } from '../model/decimal.js';
import type { DerivativeEvent } from '../model/ledger-event.js';
import { toLocalDate, type LocalDate } from '../model/local-date.js';
import type { Money } from '../model/money.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Component, PositionGroup } from './build-positions.js';
import type { LiabilityOverride, LiabilityStatus } from '../overrides/liability-override.js';
import type { Overrides } from '../overrides/overrides.js';

export interface Liability {
  readonly id: string;
  readonly venue: string;
  readonly account: string;
  readonly contract: string;
  readonly groupId: string;
  readonly asset: AssetCode;
  /** Units owed when the deficit arose (after any insurance-fund credit of the same group). */
  readonly quantity: Dec;
  /** Deficit before insurance-fund credits (units). */
  readonly deficit: Dec;
  /** Units covered by insurance-fund rows. */
  readonly absorbed: Dec;
  /** Value of `quantity` in the report currency when the deficit arose. */
  readonly value: Dec;
  readonly instant: number;
  readonly date: LocalDate;
  readonly status: LiabilityStatus;
  readonly statusFrom: 'venue rows' | 'default' | 'overrides';
  /** Forgiven or settled-for-less units and their value (status forgiven). */
  readonly forgiven?: { readonly quantity: Dec; readonly value: Dec };
  readonly resolvedDate?: LocalDate;
  readonly note?: string;
  /** The row that shows the deficit, then the insurance rows that absorbed it. */
  readonly evidence: readonly SourceRef[];
}

export interface LiabilityOptions {
  readonly timezone: string;
  readonly overrides: Overrides;
  /** Report-currency value of units of an asset at an instant (missing prices handled by the caller). */
  readonly value: (asset: AssetCode, units: Dec, instant: number, source: SourceRef) => Money;
}

export interface LiabilitiesResult {
  readonly liabilities: Liability[];
  /** Adjustments to add to groups: deficits the overrides file says were absorbed. */
  readonly adjustments: ReadonlyMap<string, readonly Component[]>;
  readonly diagnostics: Diagnostic[];
}

export function findLiabilities(groups: readonly PositionGroup[], opts: LiabilityOptions): LiabilitiesResult {
  const diagnostics: Diagnostic[] = [];
  const liabilities: Liability[] = [];
  const adjustments = new Map<string, Component[]>();
  const used = new Set<LiabilityOverride>();

  for (const group of groups) {
    const lowest = new Map<AssetCode, DerivativeEvent>();
    for (const e of group.events) {
      if (e.balanceAfter === undefined || !e.balanceAfter.isNegative()) continue;
      const seen = lowest.get(e.asset);
      if (!seen || e.balanceAfter.lessThan(seen.balanceAfter as Dec)) lowest.set(e.asset, e);
    }
    for (const [asset, row] of [...lowest].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const deficit = (row.balanceAfter as Dec).negated();
      if (!group.liquidated) {
        diagnostics.push(
          diagnostic(
            'DERIVATIVE_BALANCE_NEGATIVE',
            `${row.wallet} ${row.account || 'account'} ${asset} balance is ${(row.balanceAfter as Dec).toFixed()} after this row, without a liquidation`,
            row.source,
          ),
        );
        continue;
      }
      const after = group.events.slice(group.events.indexOf(row) + 1);
      const credits = after.filter((e) => e.kind === 'insurance-fund' && e.asset === asset && e.amount.greaterThan(0));
      const credited = credits.reduce((s, e) => s.plus(e.amount), ZERO);
      const absorbed = credited.greaterThan(deficit) ? deficit : credited;
      const remaining = deficit.minus(absorbed);
      const date = toLocalDate(row.instant, opts.timezone);
      const override = opts.overrides.liabilities.find(
        (o) => !used.has(o) && o.venue === row.wallet.toLowerCase() && o.asset === asset && o.date === date && (o.account === undefined || o.account === row.account),
      );
      if (override) used.add(override);
      const quantity0 = remaining.isZero() ? deficit : remaining;
      if (override?.forgivenAmount?.greaterThan(quantity0)) {
        // more forgiven than was ever owed: the statement is wrong, and cannot be half-applied
        diagnostics.push(diagnostic(
          'OVERRIDES_INVALID',
          `${override.where}: "forgivenAmount" ${override.forgivenAmount.toFixed()} ${asset} is more than the deficit of ${quantity0.toFixed()} ${asset}; the override is not applied`,
          { file: opts.overrides.file, line: override.at ?? 1, format: 'overrides' },
        ));
      }
      const applied = override?.forgivenAmount?.greaterThan(quantity0) ? undefined : override;
      const status: LiabilityStatus = applied?.status ?? (remaining.isZero() ? 'absorbed' : 'owed');
      const statusFrom: Liability['statusFrom'] = applied ? 'overrides' : remaining.isZero() ? 'venue rows' : 'default';
      const quantity = remaining.isZero() ? deficit : remaining;
      const value = opts.value(asset, quantity, row.instant, row.source).amount;
      const forgivenUnits = status === 'forgiven' ? (applied?.forgivenAmount ?? quantity) : undefined;
      const liability: Liability = {
        id: `${group.id}:${asset}`,
        venue: row.wallet,
        account: row.account,
        contract: row.contract,
        groupId: group.id,
        asset,
        quantity,
        deficit,
        absorbed,
        value,
        instant: row.instant,
        date,
        status,
        statusFrom,
        ...(forgivenUnits
          ? { forgiven: { quantity: forgivenUnits, value: opts.value(asset, forgivenUnits, row.instant, row.source).amount } }
          : {}),
        ...(applied?.resolvedDate ? { resolvedDate: applied.resolvedDate } : {}),
        ...(applied?.note ? { note: applied.note } : {}),
        evidence: [row.source, ...credits.map((e) => e.source)],
      };
      liabilities.push(liability);
      if (status === 'absorbed' && remaining.greaterThan(0)) {
        // Only the overrides file says so: take the uncovered deficit out of the loss.
        adjustments.set(group.id, [
          ...(adjustments.get(group.id) ?? []),
          { kind: 'deficit-absorbed', asset, amount: remaining, instant: row.instant, realizedInstant: group.closedInstant, source: row.source },
        ]);
      }
      diagnostics.push(describe(liability));
    }
  }
  for (const o of opts.overrides.liabilities) {
    if (used.has(o)) continue;
    diagnostics.push(diagnostic(
      'OVERRIDE_UNMATCHED',
      `${o.where}: no ${o.venue} ${o.asset} deficit arose on ${o.date}`,
      { file: opts.overrides.file, line: o.at ?? 1, format: 'overrides' },
      'no liability found for this override (venue, asset and date of the deficit must match one in liabilities.csv)',
    ));
  }
  return { liabilities, adjustments, diagnostics };
}

function describe(l: Liability): Diagnostic {
  const what = `deficit of ${l.quantity.toFixed()} ${l.asset} on ${l.venue}${l.account ? ` ${l.account}` : ''} after the liquidation on ${l.date}`;
  switch (l.status) {
    case 'owed':
      return diagnostic('LIABILITY_OWED', `${what}: owed (${l.statusFrom === 'overrides' ? 'stated in overrides' : 'nothing in the inputs shows it cleared'}); included in the position's loss`, l.evidence[0]);
    case 'repaid':
      return diagnostic('LIABILITY_OWED', `${what}: repaid${l.resolvedDate ? ` on ${l.resolvedDate}` : ''} (overrides); included in the position's loss when it arose, the repayment is not a new loss`, l.evidence[0]);
    case 'absorbed':
      return diagnostic('LIABILITY_ABSORBED', `${what}: absorbed (${l.statusFrom === 'overrides' ? 'stated in overrides' : 'insurance-fund row'}); not part of the loss`, l.evidence[0]);
    case 'forgiven': {
      const f = l.forgiven as { quantity: Dec };
      const year = l.resolvedDate ? ` in ${l.resolvedDate.slice(0, 4)}` : ' (forgiveness date not stated: add "resolvedDate")';
      return diagnostic('LIABILITY_FORGIVEN', `${what}: ${f.quantity.toFixed()} ${l.asset} forgiven${year}; the loss keeps the deficit; the forgiven amount is possible cancellation-of-debt income`, l.evidence[0]);
    }
    case 'disputed':
      return diagnostic('LIABILITY_DISPUTED', `${what}: disputed (overrides); kept in the loss as the venue reports it`, l.evidence[0]);
  }
}
