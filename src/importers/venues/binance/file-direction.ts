/**
 * The direction of a Binance deposit/withdrawal file whose rows do not say it.
 *
 * The older crypto layouts (`…,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status`) and
 * the fiat layout (`Date(UTC±N),Coin,Amount,Status,Payment Method,Indicated Amount,Fee,Order ID`)
 * are the same for deposits and withdrawals; only the file name Binance gives the download
 * (`…Deposit History…`, `…Withdraw…`) tells them apart. BittyTax does the same (docs/formats.md §2.3,
 * `DataFilenameError` when the name says neither).
 *
 * The importers read the direction from the file name (`MapContext.file.name`).
 */
import { reject, type RowOutcome } from '../../importer-spec.js';
import { unsettled } from './transfer-status.js';

export type Direction = 'deposit' | 'withdrawal';

export const BINANCE_WALLET = 'binance';

/** `deposit` / `withdrawal` from a file name (stem), or a rejection when it says neither or both. */
export function directionFromName(fileName: string): Direction | RowOutcome {
  const name = fileName.toLowerCase();
  const deposit = name.includes('deposit');
  const withdrawal = name.includes('withdraw');
  if (deposit !== withdrawal) return deposit ? 'deposit' : 'withdrawal';
  return reject(
    'ROW_MISSING_VALUE',
    `cannot tell deposits from withdrawals: this Binance layout states the direction only in the file name, and "${fileName}" names ${deposit ? 'both' : 'neither'}`,
    'keep the name Binance gave the download, or rename the file so it contains "deposit" or "withdraw"',
  );
}

/**
 * What every row of these layouts checks first: the direction (from the file name), a settled
 * status, and a coin. Returns the direction, or the outcome that ends the row.
 */
export function settledDirection(fileName: string, status: string, coin: string): Direction | RowOutcome {
  const direction = directionFromName(fileName);
  if (typeof direction !== 'string') return direction;
  const other = unsettled(status, direction);
  if (other) return other;
  if (coin === '') return reject('ROW_MISSING_VALUE', 'Coin is empty');
  return direction;
}
