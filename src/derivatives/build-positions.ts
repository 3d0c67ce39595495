/**
 * Derivative events → closed positions (or exchange PnL groups): the unit of one Form 8949 line.
 *
 * Two patterns (docs/formats.md §2.15), chosen per stream — a stream is one venue wallet, account and
 * contract, or one position id where the export has one:
 *
 * 1. **Position logs** (rows carry a `fill`: Bybit transaction log, Binance futures trades, OKX
 *    perpetuals). Opens accumulate; commissions and funding paid while the position is open wait
 *    as *pending* costs. A close realises its own PnL and fee in full and the pending costs pro
 *    rata (closed quantity / size before the close, exact shares that sum to the whole); the
 *    position ends when its size reaches zero. A liquidation force-closes: everything pending is
 *    realised. Size before a close comes from the export's `positionAfter + quantity` when stated,
 *    else from the accumulated opens.
 * 2. **Exchange PnL rows** (no fills: Binance futures income, Kraken margin, Bybit closed P&L,
 *    KuCoin, BitMEX). A group ends with a realisation — realized PnL, liquidation or ADL rows at one
 *    instant — and takes every commission and funding row of its stream since the previous group.
 *    An insurance-fund credit with nothing else pending joins the group before it (it settles that
 *    group's liquidation).
 *
 * What is still pending when the stream ends (an open position, commissions of a position not yet
 * closed) is not realised: it is returned as `open` for a warning. Margin loans, repayments and
 * interest are not position events (README): they are left out here.
 *
 * Pure; deterministic: events are taken in (instant, file, line, id) order.
 */
import { ZERO, share, type Dec } from '../model/decimal.js';
import type { AssetCode } from '../model/asset.js';
import type { DerivativeEvent } from '../model/ledger-event.js';
import { compareSourceRefs, type SourceRef } from '../model/source-ref.js';

/** What a part of a position's result is, for the derivatives block and the reconciliation. */
export type ComponentKind = 'pnl' | 'commission' | 'liquidation-fee' | 'funding' | 'insurance' | 'adl' | 'deficit-absorbed';

/** One signed amount of a position's result (positive = credited to the user). */
export interface Component {
  readonly kind: ComponentKind;
  readonly asset: AssetCode;
  readonly amount: Dec;
  /** When the venue booked it. */
  readonly instant: number;
  /** When it became part of a realised result (the close that realised it). */
  readonly realizedInstant: number;
  readonly source: SourceRef;
}

export interface PositionGroup {
  /** `wallet|account|contract#n`, or `wallet|position-id` when the export has position ids. */
  readonly id: string;
  readonly wallet: string;
  readonly account: string;
  readonly contract: string;
  readonly position?: string;
  /** `position`: rebuilt from fills; `pnl-group`: grouped around the venue's realized PnL rows. */
  readonly method: 'position' | 'pnl-group';
  readonly openedInstant: number;
  /** Instant of the last realisation. */
  readonly closedInstant: number;
  readonly liquidated: boolean;
  /** Part of the position is still open at the end of the input (what was realised is reported). */
  readonly stillOpen: boolean;
  /** Realised components only. */
  readonly components: readonly Component[];
  /** The events of the group (for deficits and the audit trail). */
  readonly events: readonly DerivativeEvent[];
}

/** Costs of a stream not realised by the end of the input. */
export interface OpenRemainder {
  readonly stream: string;
  readonly contract: string;
  readonly wallet: string;
  /** Position size still open (position logs), zero when unknown. */
  readonly size: Dec;
  readonly pending: readonly Component[];
  readonly lastSource: SourceRef;
}

/** A close larger than what the stream knows to be open: history is missing at the start. */
export interface CloseBeyondOpen {
  readonly source: SourceRef;
  readonly contract: string;
  readonly closed: Dec;
  readonly known: Dec;
}

export interface PositionsResult {
  readonly groups: readonly PositionGroup[];
  readonly open: readonly OpenRemainder[];
  readonly closesBeyondOpen: readonly CloseBeyondOpen[];
}

const POSITION_KINDS = new Set(['realized-pnl', 'commission', 'funding', 'liquidation', 'insurance-fund', 'adl']);
const REALIZING = new Set(['realized-pnl', 'liquidation', 'adl']);

/** Whether an event takes part in positions (margin loans, repayments and interest do not). */
export function isPositionEvent(e: DerivativeEvent): boolean {
  return POSITION_KINDS.has(e.kind);
}

const compareEvents = (a: DerivativeEvent, b: DerivativeEvent): number =>
  a.instant - b.instant || compareSourceRefs(a.source, b.source) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function streamKey(e: DerivativeEvent): string {
  return e.position !== undefined ? `${e.wallet}|${e.position}` : `${e.wallet}|${e.account}|${e.contract}`;
}

/** The components one event states, booked at its own instant. */
export function componentsOf(e: DerivativeEvent): Component[] {
  const out: Component[] = [];
  const add = (kind: ComponentKind, asset: AssetCode, amount: Dec): void => {
    if (!amount.isZero()) out.push({ kind, asset, amount, instant: e.instant, realizedInstant: e.instant, source: e.source });
  };
  switch (e.kind) {
    case 'realized-pnl':
    case 'liquidation':
      add('pnl', e.asset, e.amount);
      break;
    case 'commission':
      add('commission', e.asset, e.amount);
      break;
    case 'funding':
      add('funding', e.asset, e.amount);
      break;
    case 'insurance-fund':
      add('insurance', e.asset, e.amount);
      break;
    case 'adl':
      add('adl', e.asset, e.amount);
      break;
    default:
      break;
  }
  if (e.fee) add(e.kind === 'liquidation' ? 'liquidation-fee' : 'commission', e.fee.asset, e.fee.amount.negated());
  return out;
}

/** Group derivative events into positions / PnL groups. */
export function buildPositions(events: readonly DerivativeEvent[]): PositionsResult {
  const streams = new Map<string, DerivativeEvent[]>();
  for (const e of [...events].filter(isPositionEvent).sort(compareEvents)) {
    const key = streamKey(e);
    const list = streams.get(key);
    if (list) list.push(e);
    else streams.set(key, [e]);
  }
  const groups: PositionGroup[] = [];
  const open: OpenRemainder[] = [];
  const beyond: CloseBeyondOpen[] = [];
  for (const key of [...streams.keys()].sort()) {
    const list = streams.get(key) as DerivativeEvent[];
    const result = list.some((e) => e.fill) ? rebuildPositions(key, list, beyond) : groupPnlRows(key, list);
    groups.push(...result.groups);
    if (result.open) open.push(result.open);
  }
  groups.sort((a, b) => a.closedInstant - b.closedInstant || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { groups, open, closesBeyondOpen: beyond };
}

interface StreamResult {
  readonly groups: PositionGroup[];
  readonly open?: OpenRemainder;
}

class Builder {
  events: DerivativeEvent[] = [];
  components: Component[] = [];
  pending: Component[] = [];
  liquidated = false;
  realizedAt: number | undefined;
  openedAt: number | undefined;

  constructor(readonly stream: string, readonly n: number) {}

  add(e: DerivativeEvent): void {
    this.events.push(e);
    const opened = e.openedAt !== undefined && e.openedAt < e.instant ? e.openedAt : e.instant;
    if (this.openedAt === undefined || opened < this.openedAt) this.openedAt = opened;
    if (e.kind === 'liquidation') this.liquidated = true;
  }

  realize(parts: readonly Component[], at: number): void {
    for (const c of parts) this.components.push({ ...c, realizedInstant: at });
    this.realizedAt = at;
  }

  get isEmpty(): boolean {
    return this.events.length === 0;
  }

  finish(method: PositionGroup['method'], stillOpen: boolean): PositionGroup {
    const first = this.events[0] as DerivativeEvent;
    return {
      id: `${this.stream}#${this.n}`,
      wallet: first.wallet,
      account: first.account,
      contract: first.contract,
      ...(first.position !== undefined ? { position: first.position } : {}),
      method,
      openedInstant: this.openedAt ?? first.instant,
      closedInstant: this.realizedAt ?? first.instant,
      liquidated: this.liquidated,
      stillOpen,
      components: this.components,
      events: this.events,
    };
  }
}

/** Pattern 2: groups around the venue's realized PnL rows. */
function groupPnlRows(stream: string, list: readonly DerivativeEvent[]): StreamResult {
  const groups: PositionGroup[] = [];
  let n = 1;
  let current = new Builder(stream, n);
  let previous: Builder | undefined;
  const close = (): void => {
    previous = current;
    groups.push(current.finish('pnl-group', false));
    current = new Builder(stream, ++n);
  };
  for (const e of list) {
    if (current.realizedAt !== undefined && e.instant > current.realizedAt) close();
    if (e.kind === 'insurance-fund' && current.isEmpty && previous) {
      // Settles the liquidation of the group just closed: part of that group's result.
      previous.add(e);
      const at = previous.realizedAt ?? e.instant;
      previous.components.push(...componentsOf(e).map((c) => ({ ...c, realizedInstant: at })));
      groups[groups.length - 1] = previous.finish('pnl-group', false);
      continue;
    }
    current.add(e);
    const parts = componentsOf(e);
    if (REALIZING.has(e.kind)) {
      current.realize([...current.pending, ...parts], e.instant);
      current.pending = [];
    } else if (current.realizedAt !== undefined) {
      current.realize(parts, current.realizedAt); // same instant as the realisation: part of it
    } else current.pending.push(...parts);
  }
  if (current.realizedAt !== undefined) close();
  const last = list[list.length - 1] as DerivativeEvent;
  const open =
    current.pending.length > 0
      ? { stream, contract: last.contract, wallet: last.wallet, size: ZERO, pending: current.pending, lastSource: last.source }
      : undefined;
  return open ? { groups, open } : { groups };
}

/** The events of one source row, together: a fill and the commission booked on the same row. */
function byRow(list: readonly DerivativeEvent[]): DerivativeEvent[][] {
  const rows: DerivativeEvent[][] = [];
  for (const e of list) {
    const last = rows[rows.length - 1];
    const head = last?.[0];
    if (last && head && head.source.file === e.source.file && head.source.line === e.source.line) last.push(e);
    else rows.push([e]);
  }
  return rows;
}

/**
 * Pattern 1: positions rebuilt from fills. The events of one row are taken together: a close
 * realises the row's own PnL, commission and fee in full.
 */
function rebuildPositions(stream: string, list: readonly DerivativeEvent[], beyond: CloseBeyondOpen[]): StreamResult {
  const groups: PositionGroup[] = [];
  let n = 1;
  let current = new Builder(stream, n);
  let size = ZERO;
  const end = (): void => {
    groups.push(current.finish('position', false));
    current = new Builder(stream, ++n);
    size = ZERO;
  };
  for (const row of byRow(list)) {
    for (const e of row) current.add(e);
    const own = row.flatMap(componentsOf);
    const carrier = row.find((e) => e.fill) ?? row.find((e) => e.kind === 'liquidation');
    const fill = carrier?.fill;
    const at = (carrier ?? (row[0] as DerivativeEvent)).instant;
    if (fill?.action === 'open') {
      current.pending.push(...own);
      size = fill.positionAfter ?? size.plus(fill.quantity);
      continue;
    }
    if (carrier && (fill?.action === 'close' || carrier.kind === 'liquidation')) {
      const quantity = fill?.quantity ?? size;
      const before = fill?.positionAfter !== undefined ? fill.positionAfter.plus(quantity) : size;
      const after = !fill ? ZERO : fill.positionAfter ?? (before.greaterThan(quantity) ? before.minus(quantity) : ZERO);
      if (fill && fill.positionAfter === undefined && quantity.greaterThan(size)) {
        beyond.push({ source: carrier.source, contract: carrier.contract, closed: quantity, known: size });
      }
      const full = after.isZero() || before.isZero() || quantity.greaterThanOrEqualTo(before);
      const realized: Component[] = [...own];
      const keep: Component[] = [];
      for (const c of current.pending) {
        if (full) realized.push(c);
        else {
          const part = share(c.amount, quantity, before);
          realized.push({ ...c, amount: part });
          keep.push({ ...c, amount: c.amount.minus(part) });
        }
      }
      current.pending = keep.filter((c) => !c.amount.isZero());
      current.realize(realized.filter((c) => !c.amount.isZero()), at);
      size = after;
      if (size.isZero()) end();
      continue;
    }
    // No fill: funding and stray commissions wait for the close; a realized PnL row without a
    // fill (a settlement) is realised at once.
    if (row.some((e) => REALIZING.has(e.kind))) current.realize(own, at);
    else current.pending.push(...own);
  }
  const last = list[list.length - 1] as DerivativeEvent;
  if (current.isEmpty) return { groups };
  const stillOpen = size.greaterThan(0) || current.pending.length > 0;
  if (current.realizedAt !== undefined) groups.push(current.finish('position', stillOpen));
  if (!stillOpen) return { groups };
  return { groups, open: { stream, contract: last.contract, wallet: last.wallet, size, pending: current.pending, lastSource: last.source } };
}
