/**
 * The taxpayer's own allocation of units and basis to wallets at the 2025-01-01 switch to
 * per-wallet lots (Rev. Proc. 2024-28 section 5.02, "specific allocation"), replacing taxlot's
 * default rule. It must account for exactly what each wallet held at the end of 2024-12-31: per
 * wallet and asset the units allocated equal the units held, and every asset held is allocated.
 * Otherwise it is refused as a whole (`OVERRIDES_INVALID`) and the default rule applies: a
 * partial allocation would leave units with no lot, or lots with no units.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ZERO, type Dec } from '../model/decimal.js';
import type { AllocatedLot } from './gains-result.js';

export interface Holding {
  readonly wallet: string;
  readonly asset: string;
  readonly units: Dec;
}

/** The problems of an allocation against the holdings (empty: it can replace the default). */
export function checkAllocation(lots: readonly AllocatedLot[], held: readonly Holding[], boundary: string): Diagnostic[] {
  const key = (w: string, a: string): string => `${w}\u0000${a}`;
  const allocated = new Map<string, { units: Dec; first: AllocatedLot }>();
  for (const lot of lots) {
    const k = key(lot.wallet, lot.asset);
    const seen = allocated.get(k);
    allocated.set(k, { units: (seen?.units ?? ZERO).plus(lot.units), first: seen?.first ?? lot });
  }
  const out: Diagnostic[] = [];
  const at = lots[0]?.source;
  for (const h of held) {
    const a = allocated.get(key(h.wallet, h.asset));
    if (!a) {
      out.push(diagnostic('OVERRIDES_INVALID', `allocation: ${h.wallet} held ${h.units.toFixed()} ${h.asset} at the end of the day before ${boundary}, and none is allocated; the default rule is used`, at));
    } else if (!a.units.equals(h.units)) {
      out.push(diagnostic('OVERRIDES_INVALID', `${a.first.where}: ${a.units.toFixed()} ${h.asset} allocated to ${h.wallet}, which held ${h.units.toFixed()} at the end of the day before ${boundary}; the default rule is used`, a.first.source));
    }
  }
  const heldKeys = new Set(held.map((h) => key(h.wallet, h.asset)));
  for (const [k, a] of allocated) {
    if (!heldKeys.has(k)) {
      out.push(diagnostic('OVERRIDES_INVALID', `${a.first.where}: ${a.units.toFixed()} ${a.first.asset} allocated to ${a.first.wallet}, which held none at the end of the day before ${boundary}; the default rule is used`, a.first.source));
    }
  }
  return out;
}
