/**
 * Two different exports can describe the same movement — a Kraken ledger and a Kraken trades
 * export of one account, a Binance statement and its spot trade history. Identical rows are
 * caught by the row fingerprint (run-importer); this finds events from *different files* that
 * look alike: same wallet, same instant, same kind, same amounts. They are not removed (which one
 * is right is the user's call) but each pair is a warning naming both rows.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import { formatSourceRef } from '../model/source-ref.js';

/** What two look-alike events share (wallet, instant, kind, amounts). */
export function lookAlikeKey(e: LedgerEvent): string {
  const parts: string[] = [e.wallet, String(e.instant), e.kind];
  if ('sent' in e) parts.push(`${e.sent.amount.toFixed()} ${e.sent.asset}`);
  if ('received' in e) parts.push(`${e.received.amount.toFixed()} ${e.received.asset}`);
  if (e.kind === 'fee') parts.push(`${e.fee.amount.toFixed()} ${e.fee.asset}`);
  return parts.join('|');
}

export function findPossibleDuplicates(events: readonly LedgerEvent[]): Diagnostic[] {
  // Only a wallet fed by two or more files can hold look-alikes from different files.
  const filesOf = new Map<string, Set<string>>();
  for (const e of events) {
    const files = filesOf.get(e.wallet);
    if (files) files.add(e.source.file);
    else filesOf.set(e.wallet, new Set([e.source.file]));
  }
  const first = new Map<string, LedgerEvent>();
  const out: Diagnostic[] = [];
  for (const e of events) {
    if ((filesOf.get(e.wallet)?.size ?? 0) < 2) continue;
    const k = lookAlikeKey(e);
    const seen = first.get(k);
    if (!seen) first.set(k, e);
    else if (seen.source.file !== e.source.file) {
      out.push(lookAlikeDiagnostic(seen, e));
    }
  }
  return out;
}

/** The warning on `e`, which looks like `seen`, an event of another file. */
export function lookAlikeDiagnostic(seen: LedgerEvent, e: LedgerEvent): Diagnostic {
  return diagnostic('POSSIBLE_DUPLICATE', `same ${e.kind} as ${formatSourceRef(seen.source)} (${seen.source.format}); both are counted`, e.source);
}
