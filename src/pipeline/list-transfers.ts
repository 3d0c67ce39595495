/** The transfers between the user's own wallets, as report.html lists them (compact records). */
import type { Dec } from '../model/decimal.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { SourceRef } from '../model/source-ref.js';

export interface TransferRecord {
  readonly instant: number;
  readonly asset: string;
  readonly amount: Dec;
  readonly from: string;
  readonly to: string;
  /** `stated` (by the input or the overrides file), `tx-hash`, `heuristic`. */
  readonly matchedBy: string;
  readonly source: SourceRef;
  readonly counterpart?: SourceRef;
}

export function listTransfers(events: readonly LedgerEvent[]): TransferRecord[] {
  const out: TransferRecord[] = [];
  for (const e of events) {
    if (e.kind !== 'transfer' || e.wallet === e.toWallet) continue;
    out.push({
      instant: e.instant, asset: e.sent.asset, amount: e.sent.amount, from: e.wallet, to: e.toWallet, matchedBy: e.matchedBy ?? 'stated', source: e.source,
      ...(e.counterpart ? { counterpart: e.counterpart } : {}),
    });
  }
  return out;
}
