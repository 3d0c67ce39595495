/**
 * The switch to per-wallet lots at `perWalletFrom` (2025-01-01 under `--lot-scope auto`; README
 * "Per-wallet lots from 2025", Rev. Proc. 2024-28): the taxpayer's own allocation (overrides
 * file) when it checks out against the balances, else the default global allocation
 * (`Inventory.reallocate`), each move a LOT_REALLOCATION note.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../model/source-ref.js';
import type { Balances } from './balances.js';
import type { Allocation, BookingPolicy } from './gains-result.js';
import { newLot, type Inventory, type Reallocation } from './inventory.js';
import { checkAllocation } from './stated-allocation.js';

export interface WalletSwitch {
  /** The stated allocation replaced every open lot (then no moves and no `allocation`). */
  readonly applied: boolean;
  readonly reallocations: Reallocation[];
  readonly allocation?: Allocation;
  readonly diagnostics: Diagnostic[];
}

/** `nextSeq` numbers the lots a stated allocation creates (the run's booking sequence). */
export function switchToPerWallet(policy: BookingPolicy, inventory: Inventory, balances: Balances, nextSeq: () => number, at?: SourceRef): WalletSwitch {
  const diagnostics: Diagnostic[] = [];
  const stated = policy.allocation;
  if (stated && stated.lots.length > 0) {
    const problems = checkAllocation(stated.lots, balances.held(), policy.perWalletFrom);
    diagnostics.push(...problems);
    if (problems.length === 0) {
      inventory.replaceAll(stated.lots.map((l) => {
        const seq = nextSeq();
        return newLot({
          id: `L${seq}`, seq, split: 0, asset: l.asset, wallet: l.wallet, quantity: l.units, basis: l.basis,
          acquiredInstant: Date.parse(`${l.acquired}T00:00:00Z`), acquiredDate: l.acquired, basisKnown: true, origin: 'allocation', source: l.source,
        });
      }));
      return { applied: true, reallocations: [], diagnostics };
    }
  }
  const moves = inventory.reallocate((asset) => balances.of(asset));
  const allocation: Allocation = { date: policy.perWalletFrom, lots: inventory.snapshot(), moves };
  for (const m of moves) {
    diagnostics.push(
      diagnostic(
        'LOT_REALLOCATION',
        `at ${policy.perWalletFrom}, ${m.quantity.toFixed()} ${m.asset} of lot ${m.lotId} assigned from ${m.from} to ${m.to} (per-wallet lots)`,
        at,
      ),
    );
  }
  return { applied: false, reallocations: moves, allocation, diagnostics };
}
