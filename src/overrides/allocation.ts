/**
 * The `allocation` entries of the overrides file, handed to the engine (which checks them against
 * what each wallet held at the end of 2024-12-31: engine/stated-allocation.ts), and what the
 * report says of them once booked. Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { GainsResult, StatedAllocation } from '../engine/gains-result.js';
import type { AppliedOverride } from './apply-overrides.js';
import type { Overrides } from './overrides.js';

export function statedAllocation(o: Overrides): StatedAllocation {
  return {
    lots: o.allocation.map((a) => ({
      wallet: a.wallet, asset: a.asset, units: a.units, basis: a.basis, acquired: a.acquired, where: a.where,
      source: { file: o.file, line: a.at, format: 'overrides' },
    })),
  };
}

/**
 * One applied override per allocated lot when the engine used the allocation; when it never
 * reached 2025-01-01 (no event from then), the allocation had nothing to replace: a warning.
 * (A refused allocation already has its OVERRIDES_INVALID errors.)
 */
export function allocationApplied(o: Overrides, gains: GainsResult, diagnostics: Diagnostic[]): AppliedOverride[] {
  if (o.allocation.length === 0) return [];
  if (gains.allocationApplied) {
    diagnostics.push(diagnostic('OVERRIDE_APPLIED', `allocation: ${o.allocation.length} lot(s) stated replace taxlot's default allocation at 2025-01-01`, { file: o.file, line: o.allocation[0]?.at ?? 1, format: 'overrides' }));
    return o.allocation.map((a) => ({
      where: a.where,
      at: { file: o.file, line: a.at, format: 'overrides' },
      rows: [],
      change: 'allocation' as const,
      from: `default allocation of ${a.asset} in ${a.wallet}`,
      to: `${a.units.toFixed()} ${a.asset} in ${a.wallet}, basis ${a.basis.toFixed()}, acquired ${a.acquired}`,
    }));
  }
  const refused = diagnostics.some((d) => d.code === 'OVERRIDES_INVALID' && d.message.includes('allocat'));
  if (!refused) {
    diagnostics.push(diagnostic('OVERRIDE_UNMATCHED', 'allocation: no event on or after 2025-01-01, so there was no switch to per-wallet lots to allocate', { file: o.file, line: o.allocation[0]?.at ?? 1, format: 'overrides' }));
  }
  return [];
}
