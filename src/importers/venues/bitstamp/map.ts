/**
 * Bitstamp transaction rows (both export versions, normalised) → events.
 *
 * Row meaning (docs/formats.md §2.6, BittyTax/rotki parsers): `Market` with subtype `Buy`/`Sell` is a
 * trade where `Amount` is the base quantity, `Value` the quote total (amount × rate, fee not
 * included) and `Fee` an additional charge, normally in the quote currency. `Deposit` and
 * `Ripple deposit` bring funds in, `Withdrawal` and `Ripple payment` send them out (`Fee` is
 * charged on top — decision, as rotki reads it). `Staking reward` is staking income; Bitstamp's
 * `ETH2` / `ETH2R` staking tokens are ETH (decision, as for Kraken: staked ETH is the same property).
 * `Sub Account Transfer` moves funds between sub-accounts of the same Bitstamp login: skipped
 * (decision). A type naming margin/futures is rejected ROW_UNSUPPORTED; every other type
 * is rejected ROW_UNKNOWN_TYPE, naming it.
 */
import { isFiat, normalizeAsset, type AssetCode } from '../../../model/asset.js';
import { withFields } from '../../../model/copy-fields.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { events, reject, skip, type RowOutcome } from '../../importer-spec.js';

/** An amount and the currency it is in, as either export version states it. */
export interface Money {
  readonly value: Dec;
  readonly unit?: string;
}

export interface BitstampRow {
  readonly instant: number;
  readonly type: string;
  readonly subtype: string;
  readonly amount: Money;
  readonly value?: Money;
  readonly fee?: Money;
}

/**
 * Neither export version documents margin rows; Bitstamp has offered perpetual futures since 2024,
 * so a type naming a derivative is rejected as unsupported rather than as merely unknown.
 */
const DERIVATIVE = /margin|futures?|perpetual|derivative|funding|liquidation/i;

const STAKED_ETH = new Set(['ETH2', 'ETH2R']);

export function bitstampAsset(unit: string): AssetCode {
  const code = normalizeAsset(unit);
  return STAKED_ETH.has(code) ? 'ETH' : code;
}

/**
 * A positive quantity from a money cell, or a message saying why it cannot be one. The type gives
 * the direction, so a sign on the amount (if a version writes one) carries nothing and is dropped.
 */
function quantity(m: Money, column: string): Quantity | string {
  if (!m.unit) return `${column} "${m.value.toFixed()}" has no currency`;
  return { asset: bitstampAsset(m.unit), amount: m.value.abs() };
}

export function mapBitstampRow(row: BitstampRow): RowOutcome {
  const amount = quantity(row.amount, 'Amount');
  if (typeof amount === 'string') return reject('ROW_INCONSISTENT', amount);
  let fee: Quantity | undefined;
  if (row.fee && !row.fee.value.isZero()) {
    const f = quantity(row.fee, 'Fee');
    if (typeof f === 'string') return reject('ROW_INCONSISTENT', f);
    fee = f;
  }
  const base = { instant: row.instant, ...(fee ? { fee } : {}) };
  switch (row.type.toLowerCase()) {
    case 'market': {
      if (!row.value) return reject('ROW_MISSING_VALUE', 'a Market row needs the Value (quote total)');
      const quote = quantity(row.value, 'Value');
      if (typeof quote === 'string') return reject('ROW_INCONSISTENT', quote);
      const side = row.subtype.toLowerCase();
      if (side === 'buy') return events({ kind: 'trade', sent: quote, received: amount, ...base });
      if (side === 'sell') return events({ kind: 'trade', sent: amount, received: quote, ...base });
      return reject('ROW_UNKNOWN_TYPE', `unknown Bitstamp Market subtype "${row.subtype}"`);
    }
    case 'deposit':
    case 'ripple deposit':
      return events({ kind: 'deposit', received: amount, ...base });
    case 'withdrawal':
    case 'ripple payment':
      return events({ kind: 'withdrawal', sent: amount, ...base });
    case 'staking reward': {
      // A fiat Value on a reward row is its market value; a crypto one would be a guess.
      const v = row.value && row.value.unit && isFiat(normalizeAsset(row.value.unit)) && row.value.value.greaterThan(0) ? row.value : undefined;
      const received = v ? withFields(amount, { value: { amount: v.value, currency: normalizeAsset(v.unit ?? '') } }) : amount;
      return events({ kind: 'income', incomeKind: 'staking', received, ...base });
    }
    case 'sub account transfer':
      return skip('Bitstamp transfer between sub-accounts of the same login (internal move)');
    default:
      if (DERIVATIVE.test(row.type)) {
        return reject('ROW_UNSUPPORTED', `Bitstamp "${row.type}" row is a derivative position: margin/futures support is not yet available`);
      }
      return reject('ROW_UNKNOWN_TYPE', `unknown Bitstamp transaction type "${row.type}"`);
  }
}
