/**
 * Fuzzing the engine with random histories that mix what compute-gains.property.test.ts leaves
 * out: trades with fees (fiat, in the asset sent), crypto swaps, stated transfers with network
 * fees, unmatched deposits and withdrawals, income, gifts, spends, standalone fee events and token
 * conversions, across three wallets and the 2025-01-01 switch to per-wallet lots, for every
 * method and lot scope.
 *
 * Histories are complete: an outgoing amount never exceeds what its wallet holds (a simulated
 * balance per wallet caps it), so no unit may be uncovered. Expected totals come from the events
 * alone, never from the engine:
 *  - no throw; no lot or slice with a negative (or zero) quantity or a negative basis;
 *  - no uncovered units (complete history means no missing basis);
 *  - quantity, per asset: units in − units out (from the events) = units in open lots;
 *    units out = units in disposals + units removed;
 *  - basis: basis in (fiat paid plus fiat fees on buys, stated values of swaps received and of
 *    income; zero for deposits) = basis of open lots + basis of disposal slices + basis removed;
 *  - each disposal's slices add up to its quantity and proceeds exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import type { LedgerEvent, Quantity } from '../../src/model/ledger-event.js';
import { runLedger } from '../support/ledger.js';

const RUNS = Number(process.env['TAXLOT_FUZZ_RUNS'] ?? 300);
const WALLETS = ['a', 'b', 'c'] as const;
const ASSETS = ['BTC', 'ETH', 'SOL'] as const;
const START = Date.UTC(2024, 5, 1); // 2024-06-01: histories cross 2025-01-01

type Kind = 'buy' | 'sell' | 'swap' | 'transfer' | 'income' | 'deposit' | 'withdrawal' | 'gift' | 'spend' | 'fee' | 'convert';

interface Intent {
  readonly day: number;
  readonly kind: Kind;
  readonly wallet: number;
  readonly other: number;
  readonly asset: number;
  readonly asset2: number;
  /** Units in 1e-4. */
  readonly units: number;
  /** Cents. */
  readonly cents: number;
  readonly withFee: boolean;
}

const intent: fc.Arbitrary<Intent> = fc.record({
  day: fc.integer({ min: 0, max: 420 }),
  kind: fc.constantFrom<Kind>('buy', 'buy', 'buy', 'sell', 'swap', 'transfer', 'transfer', 'income', 'deposit', 'withdrawal', 'gift', 'spend', 'fee', 'convert'),
  wallet: fc.nat({ max: 2 }),
  other: fc.nat({ max: 2 }),
  asset: fc.nat({ max: 2 }),
  asset2: fc.nat({ max: 2 }),
  units: fc.integer({ min: 1, max: 200_000 }),
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  withFee: fc.boolean(),
});

const units = (n: number): Dec => new Dec(n).dividedBy(10_000);
const usd = (cents: number): Dec => new Dec(cents).dividedBy(100);
const q = (asset: string, amount: Dec, value?: Dec): Quantity => ({ asset, amount, ...(value ? { value: { amount: value, currency: 'USD' } } : {}) });

interface Built {
  readonly events: LedgerEvent[];
  /** Per asset: units in − units out, and basis in, from the events alone. */
  readonly net: Map<string, Dec>;
  readonly basisIn: Dec;
}

/**
 * Events from intents, in time order, with every outgoing amount capped by the wallet's simulated
 * balance (skipped when it holds nothing). Deposits are SOL only and withdrawals BTC/ETH only, so
 * the transfer matcher never pairs them: every transfer is stated.
 */
function build(intents: readonly Intent[]): Built {
  const balance = new Map<string, Dec>();
  const bal = (w: string, a: string): Dec => balance.get(`${w}/${a}`) ?? new Dec(0);
  const add = (w: string, a: string, d: Dec): void => void balance.set(`${w}/${a}`, bal(w, a).plus(d));
  const net = new Map<string, Dec>();
  const move = (a: string, d: Dec): void => void net.set(a, (net.get(a) ?? new Dec(0)).plus(d));
  let basisIn = new Dec(0);
  const events: LedgerEvent[] = [];
  [...intents].sort((x, y) => x.day - y.day).forEach((it, i) => {
    const wallet = WALLETS[it.wallet] as string;
    const to = WALLETS[(it.wallet + 1 + (it.other % 2)) % 3] as string;
    const asset = ASSETS[it.asset] as string;
    const asset2 = ASSETS[(it.asset + 1 + (it.asset2 % 2)) % 3] as string;
    const base = { id: `f:${i}`, wallet, instant: START + it.day * 86_400_000 + i * 1000, source: { file: 'fuzz', line: i + 2, format: 'test' } };
    const amount = units(it.units);
    const value = usd(it.cents);
    /** What may leave: the wanted amount capped by the balance; fee (1/100 of it) included when asked. */
    const outgoing = (a: string): { sent: Dec; fee?: Dec } | undefined => {
      const capped = Dec.min(amount, bal(wallet, a));
      if (capped.lessThanOrEqualTo(0)) return undefined;
      if (!it.withFee) return { sent: capped };
      const fee = capped.dividedBy(101).toDecimalPlaces(8, Dec.ROUND_DOWN);
      return fee.isZero() ? { sent: capped } : { sent: capped.minus(fee), fee };
    };
    switch (it.kind) {
      case 'buy': {
        const fee = it.withFee ? usd(Math.max(1, Math.floor(it.cents / 100))) : undefined;
        events.push({ ...base, kind: 'trade', sent: q('USD', value), received: q(asset, amount), ...(fee ? { fee: q('USD', fee) } : {}) });
        add(wallet, asset, amount);
        move(asset, amount);
        basisIn = basisIn.plus(value).plus(fee ?? 0);
        return;
      }
      case 'income':
        events.push({ ...base, kind: 'income', incomeKind: 'staking', received: q(asset, amount, value) });
        add(wallet, asset, amount);
        move(asset, amount);
        basisIn = basisIn.plus(value);
        return;
      case 'deposit':
        events.push({ ...base, kind: 'deposit', received: q('SOL', amount) });
        add(wallet, 'SOL', amount);
        move('SOL', amount);
        return;
      default:
        break;
    }
    const sourceAsset = it.kind === 'withdrawal' && asset === 'SOL' ? 'BTC' : asset;
    const out = outgoing(sourceAsset);
    if (!out) return;
    const total = out.sent.plus(out.fee ?? 0);
    add(wallet, sourceAsset, total.negated());
    move(sourceAsset, total.negated());
    const feeOf = out.fee ? { fee: q(sourceAsset, out.fee) } : {};
    switch (it.kind) {
      case 'sell':
        // a fiat fee on a sale reduces proceeds; the crypto fee case is in `swap`
        events.push({ ...base, kind: 'trade', sent: q(sourceAsset, total), received: q('USD', value) });
        return;
      case 'swap':
        events.push({ ...base, ...feeOf, kind: 'trade', sent: q(sourceAsset, out.sent), received: q(asset2, amount, value) });
        add(wallet, asset2, amount);
        move(asset2, amount);
        basisIn = basisIn.plus(value);
        return;
      case 'transfer':
        events.push({ ...base, ...feeOf, kind: 'transfer', toWallet: to, sent: q(sourceAsset, out.sent), received: q(sourceAsset, out.sent), matchedBy: 'stated' });
        add(to, sourceAsset, out.sent);
        move(sourceAsset, out.sent);
        return;
      case 'withdrawal':
        events.push({ ...base, ...feeOf, kind: 'withdrawal', sent: q(sourceAsset, out.sent) });
        return;
      case 'gift':
        events.push({ ...base, ...feeOf, kind: 'removal', removalKind: 'gift', sent: q(sourceAsset, out.sent) });
        return;
      case 'spend':
        events.push({ ...base, ...feeOf, kind: 'spend', spendKind: 'payment', sent: q(sourceAsset, out.sent, value) });
        return;
      case 'fee':
        events.push({ ...base, kind: 'fee', fee: q(sourceAsset, total) });
        return;
      case 'convert': {
        // a migration to a new token at 10 new per old (MATIC → POL style); the fee stays in the old asset
        const received = out.sent.times(10);
        events.push({ ...base, ...feeOf, kind: 'conversion', sent: q(sourceAsset, out.sent), received: q(`${sourceAsset}2`, received) });
        add(wallet, `${sourceAsset}2`, received);
        move(`${sourceAsset}2`, received);
        return;
      }
    }
  });
  return { events, net, basisIn };
}

const histories = fc.array(intent, { minLength: 5, maxLength: 60, size: 'max' });
const sum = (values: Iterable<Dec>): Dec => [...values].reduce((s, v) => s.plus(v), new Dec(0));

describe('engine fuzz: complete histories with fees, transfers, income, removals, conversions', () => {
  it.each(
    (['FIFO', 'LIFO', 'HIFO'] as const).flatMap((method) => (['auto', 'universal', 'per-wallet'] as const).map((scope) => [method, scope] as const)),
  )('%s, lot scope %s: no negative lot, nothing uncovered, quantities and basis conserved', (method, lotScope) => {
    fc.assert(
      fc.property(histories, (intents) => {
        const { events, net, basisIn } = build(intents);
        const r = runLedger(events, { method, lotScope });
        for (const lot of r.openLots) {
          expect(lot.quantity.greaterThan(0), `lot ${lot.id} quantity ${lot.quantity.toFixed()}`).toBe(true);
          expect(lot.basis.isNegative()).toBe(false);
        }
        const slices = r.disposals.flatMap((d) => d.slices);
        for (const s of slices) {
          expect(s.quantity.greaterThan(0)).toBe(true);
          expect(s.basis.isNegative()).toBe(false);
          expect(s.basisStatus).not.toBe('uncovered');
        }
        for (const d of r.disposals) {
          expect(sum(d.slices.map((s) => s.quantity)).equals(d.quantity)).toBe(true);
          expect(sum(d.slices.map((s) => s.proceeds)).equals(d.proceeds)).toBe(true);
        }
        for (const x of r.removals) expect(x.uncovered.isZero()).toBe(true);
        for (const [asset, expected] of net) {
          const open = sum(r.openLots.filter((l) => l.asset === asset).map((l) => l.quantity));
          expect(open.toFixed(), `${asset} open units`).toBe(expected.toFixed());
        }
        const basisOut = sum([
          ...r.openLots.map((l) => l.basis),
          ...slices.map((s) => s.basis),
          ...r.removals.map((x) => x.basis),
        ]);
        expect(basisOut.toFixed()).toBe(basisIn.toFixed());
      }),
      { numRuns: RUNS, seed: 20_260_110 },
    );
  });
});
