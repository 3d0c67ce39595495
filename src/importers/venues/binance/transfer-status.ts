/**
 * The `Status` column of Binance deposit and withdrawal history. Only completed movements change
 * balances (BittyTax reads `Completed` only, docs/formats.md §2.3); the others are skipped with their
 * status named, and a status we do not know is rejected rather than guessed either way.
 */
import { skip, reject, type RowOutcome } from '../../importer-spec.js';

const NOT_SETTLED = new Set(['pending', 'processing', 'failed', 'cancelled', 'canceled', 'rejected', 'expired', 'awaiting approval']);

/** `undefined` when the row is completed and should be imported; otherwise its outcome. */
export function unsettled(status: string, what: 'deposit' | 'withdrawal'): RowOutcome | undefined {
  const s = status.trim().toLowerCase();
  if (s === 'completed' || s === 'success' || s === 'successful') return undefined;
  if (NOT_SETTLED.has(s)) return skip(`${what} not completed (status ${status})`);
  return reject('ROW_UNKNOWN_TYPE', `unknown ${what} status "${status}"`);
}
