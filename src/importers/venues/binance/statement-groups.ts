/**
 * Reducing the rows of one second (one account, one operation family) of a Binance statement to
 * trades.
 *
 * A statement row is one balance change with a signed `Change`; a trade shows up as a negative
 * leg (what left), a positive leg (what arrived) and usually a `Fee` row, all stamped with the
 * same second. Several fills of one market in the same second simply add up. When a second holds
 * more than one asset on a side (two markets traded in the same second), the export does not say
 * which quantity went with which, so the group is rejected rather than split by guesswork.
 */
import { normalizeAsset, type AssetCode } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import type { EventDraft } from '../../importer-spec.js';
import type { Family } from './statement-operations.js';

export interface StatementRow {
  readonly time: number;
  readonly account: string;
  readonly operation: string;
  readonly coin: string;
  readonly change: Dec;
  readonly remark?: string | undefined;
}

export interface Legs {
  readonly sent: ReadonlyMap<AssetCode, Dec>;
  readonly received: ReadonlyMap<AssetCode, Dec>;
  readonly fees: ReadonlyMap<AssetCode, Dec>;
}

/** A failure says why, in words for the user, with the code the driver should report. */
export interface GroupProblem {
  readonly code: 'ROW_INCONSISTENT' | 'ROW_UNSUPPORTED';
  readonly message: string;
  readonly hint?: string;
}

const TRADE_HISTORY_HINT =
  'import the Spot Trade History (and Convert History) for trades instead of these statement rows, or enter the trade with the taxlot generic format';

function add(map: Map<AssetCode, Dec>, asset: AssetCode, amount: Dec): void {
  map.set(asset, (map.get(asset) ?? ZERO).plus(amount));
}

/** Sum the rows per asset and side; amounts become positive. Fee rows must be negative. */
export function collectLegs(rows: readonly StatementRow[], isFee: (row: StatementRow) => boolean): Legs | GroupProblem {
  const sent = new Map<AssetCode, Dec>();
  const received = new Map<AssetCode, Dec>();
  const fees = new Map<AssetCode, Dec>();
  for (const row of rows) {
    const asset = normalizeAsset(row.coin);
    if (row.change.isZero()) continue;
    if (isFee(row)) {
      if (row.change.isPositive()) return { code: 'ROW_INCONSISTENT', message: `fee row "${row.operation}" is positive (+${row.change.toFixed()} ${asset})` };
      add(fees, asset, row.change.negated());
    } else if (row.change.isPositive()) add(received, asset, row.change);
    else add(sent, asset, row.change.negated());
  }
  return { sent, received, fees };
}

export function describeLegs(legs: Legs): string {
  const part = (sign: string, m: ReadonlyMap<AssetCode, Dec>, what = ''): string[] =>
    [...m].map(([asset, amount]) => `${sign}${amount.toFixed()} ${asset}${what}`);
  return [...part('-', legs.sent), ...part('+', legs.received), ...part('-', legs.fees, ' fee')].join(', ');
}

const only = (m: ReadonlyMap<AssetCode, Dec>): Quantity | undefined => {
  if (m.size !== 1) return undefined;
  const [asset, amount] = [...m][0] as [AssetCode, Dec];
  return { asset, amount };
};

/** One trade from the legs of one group, or the reason it cannot be one. */
export function tradeFromLegs(legs: Legs, instant: number, family: Family): EventDraft | GroupProblem {
  const listed = describeLegs(legs);
  if (legs.sent.size === 0 || legs.received.size === 0) {
    if (family === 'fiat-buy') {
      return {
        code: 'ROW_UNSUPPORTED',
        message: `card/fiat purchase without the amount paid (${listed})`,
        hint: 'the statement does not show what the purchase cost; enter it with the taxlot generic format',
      };
    }
    return {
      code: 'ROW_INCONSISTENT',
      message: `trade legs of this second are incomplete (${listed}); Binance sometimes books one trade across two seconds`,
      hint: TRADE_HISTORY_HINT,
    };
  }
  const sent = only(legs.sent);
  const received = only(legs.received);
  if (!sent || !received) {
    return { code: 'ROW_INCONSISTENT', message: `several trades in one second cannot be told apart (${listed})`, hint: TRADE_HISTORY_HINT };
  }
  if (sent.asset === received.asset) return { code: 'ROW_INCONSISTENT', message: `trade sends and receives the same asset (${listed})` };
  if (legs.fees.size > 1) return { code: 'ROW_INCONSISTENT', message: `trade has fees in several assets (${listed})` };
  const fee = only(legs.fees);
  return { kind: 'trade', instant, sent, received, ...(fee ? { fee } : {}) };
}

export function isProblem<T extends object>(x: T | GroupProblem): x is GroupProblem {
  return 'code' in x && 'message' in x && !('kind' in x);
}
