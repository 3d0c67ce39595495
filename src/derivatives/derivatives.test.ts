/**
 * The derivatives module on hand-built events: grouping, pro-rata realisation, valuation at the
 * close, year split, deficits and overrides. Every expected value is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../model/decimal.js';
import type { DerivativeEvent, DerivativeKind, PositionFill } from '../model/ledger-event.js';
import { createPriceBook } from '../pricing/price-book.js';
import { buildPositions } from './build-positions.js';
import { computeDerivatives, derivativesForYear } from './compute-derivatives.js';
import { NO_OVERRIDES } from '../overrides/overrides.js';
import { readOverrides } from '../overrides/read-overrides.js';
import { balanceEffect, heldEffect } from '../model/derivative-settlement.js';

let line = 1;
interface Spec {
  at: string;
  amount: string;
  asset?: string;
  contract?: string;
  fee?: string;
  fill?: { action: 'open' | 'close'; quantity: string; after?: string };
  balance?: string;
  position?: string;
  wallet?: string;
}
function ev(kind: DerivativeKind, s: Spec): DerivativeEvent {
  const n = line++;
  const asset = s.asset ?? 'USDT';
  const fill: PositionFill | undefined = s.fill
    ? { action: s.fill.action, quantity: new Dec(s.fill.quantity), ...(s.fill.after ? { positionAfter: new Dec(s.fill.after) } : {}) }
    : undefined;
  return {
    kind,
    id: `t.csv:${n}`,
    wallet: s.wallet ?? 'venue',
    instant: Date.parse(s.at),
    source: { file: 't.csv', line: n, format: 'test' },
    account: 'futures',
    contract: s.contract ?? 'BTCUSDT',
    asset,
    amount: new Dec(s.amount),
    ...(s.fee ? { fee: { asset, amount: new Dec(s.fee) } } : {}),
    ...(fill ? { fill } : {}),
    ...(s.balance ? { balanceAfter: new Dec(s.balance) } : {}),
    ...(s.position ? { position: s.position } : {}),
  } as DerivativeEvent;
}

const book = (table: { asset: string; at: string; price: string }[] = []) =>
  createPriceBook({
    reportCurrency: 'USD',
    stablecoins: ['USDT'],
    table: table.map((p) => ({ asset: p.asset, currency: 'USD', instant: Date.parse(p.at), daily: false, price: new Dec(p.price) })),
    windowMs: 86_400_000,
  });
const run = (events: DerivativeEvent[], opts: { table?: Parameters<typeof book>[0]; valuation?: 'close' | 'event'; overrides?: string } = {}) =>
  computeDerivatives(events, {
    book: book(opts.table),
    timezone: 'UTC',
    valuation: opts.valuation ?? 'close',
    overrides: opts.overrides ? readOverrides('o.json', opts.overrides).overrides : NO_OVERRIDES,
  });
const sum = (xs: { amount: Dec }[]): string => xs.reduce((s, x) => s.plus(x.amount), new Dec(0)).toFixed();

describe('settlement', () => {
  it('is amount less a same-asset fee, clipped at the venue zero', () => {
    const e = ev('liquidation', { at: '2024-01-01T00:00:00Z', amount: '-8', fee: '0.5', balance: '-3' });
    // balance effect −8.5; before the row the venue held −3 + 8.5 = 5.5; after, 0 → held effect −5.5
    expect([balanceEffect(e).toFixed(), heldEffect(e).toFixed()]).toEqual(['-8.5', '-5.5']);
    // a credit that only pays back part of a debt acquires nothing: −10 → −4
    expect(heldEffect(ev('insurance-fund', { at: '2024-01-01T00:00:00Z', amount: '6', balance: '-4' })).toFixed()).toBe('0');
  });
});

describe('buildPositions', () => {
  it('PnL rows: commissions and funding since the previous realisation join it', () => {
    const r = buildPositions([
      ev('commission', { at: '2024-01-01T00:00:00Z', amount: '-1' }),
      ev('funding', { at: '2024-01-01T08:00:00Z', amount: '-0.5' }),
      ev('realized-pnl', { at: '2024-01-02T00:00:00Z', amount: '10' }),
      ev('commission', { at: '2024-01-02T00:00:00Z', amount: '-1.1' }),
      ev('realized-pnl', { at: '2024-01-03T00:00:00Z', amount: '-4' }),
      ev('funding', { at: '2024-01-04T00:00:00Z', amount: '-0.2' }),
    ]);
    // group 1: −1 − 0.5 + 10 − 1.1 = 7.4; group 2: −4; −0.2 still pending
    expect(r.groups.map((g) => sum([...g.components]))).toEqual(['7.4', '-4']);
    expect(r.open.map((o) => sum([...o.pending]))).toEqual(['-0.2']);
  });

  it('position log: a partial close realises pending costs pro rata, exactly', () => {
    const r = buildPositions([
      ev('commission', { at: '2024-01-01T00:00:00Z', amount: '-3', fill: { action: 'open', quantity: '3', after: '3' } }),
      ev('funding', { at: '2024-01-01T08:00:00Z', amount: '-1' }),
      ev('realized-pnl', { at: '2024-01-02T00:00:00Z', amount: '5', fill: { action: 'close', quantity: '1', after: '2' } }),
      ev('realized-pnl', { at: '2024-01-03T00:00:00Z', amount: '7', fill: { action: 'close', quantity: '2', after: '0' } }),
    ]);
    const [g] = r.groups;
    // first close 1 of 3: −3 × 1/3 = −1 and −1 × 1/3 = −0.333…3 (30 places); second close the rest
    const first = g?.components.filter((c) => c.realizedInstant === Date.parse('2024-01-02T00:00:00Z'));
    expect(first?.map((c) => c.amount.toFixed())).toEqual(['5', '-1', '-0.' + '3'.repeat(30)]);
    expect(sum([...(g?.components ?? [])])).toBe('8'); // 5 + 7 − 3 − 1: nothing lost to rounding
    expect(r.groups).toHaveLength(1);
    expect(r.open).toHaveLength(0);
  });

  it('a liquidation force-closes; a close beyond what was opened is reported', () => {
    const r = buildPositions([
      ev('realized-pnl', { at: '2024-01-02T00:00:00Z', amount: '1', fill: { action: 'close', quantity: '2' } }),
      ev('commission', { at: '2024-01-03T00:00:00Z', amount: '-1', fill: { action: 'open', quantity: '1' } }),
      ev('funding', { at: '2024-01-03T08:00:00Z', amount: '-0.4' }),
      ev('liquidation', { at: '2024-01-04T00:00:00Z', amount: '-50', fee: '2' }),
    ]);
    expect(r.closesBeyondOpen.map((b) => [b.closed.toFixed(), b.known.toFixed()])).toEqual([['2', '0']]);
    expect(r.groups.map((g) => [g.liquidated, sum([...g.components])])).toEqual([
      [false, '1'],
      [true, '-53.4'], // −1 − 0.4 − 50 − 2
    ]);
  });

  it('an insurance credit after a liquidation settles that group', () => {
    const r = buildPositions([
      ev('liquidation', { at: '2024-01-04T00:00:00Z', amount: '-50', balance: '-20' }),
      ev('insurance-fund', { at: '2024-01-04T00:01:00Z', amount: '20', balance: '0' }),
    ]);
    expect(r.groups.map((g) => sum([...g.components]))).toEqual(['-30']);
  });
});

describe('computeDerivatives', () => {
  it('values a coin-margined position at the close and splits a position across years', () => {
    const r = run(
      [
        ev('commission', { at: '2024-12-20T00:00:00Z', amount: '-0.001', asset: 'BTC', fill: { action: 'open', quantity: '2', after: '2' } }),
        ev('realized-pnl', { at: '2024-12-30T00:00:00Z', amount: '0.01', asset: 'BTC', fill: { action: 'close', quantity: '1', after: '1' } }),
        ev('realized-pnl', { at: '2025-01-05T00:00:00Z', amount: '0.02', asset: 'BTC', fill: { action: 'close', quantity: '1', after: '0' } }),
      ],
      { table: [{ asset: 'BTC', at: '2024-12-30T00:00:00Z', price: '90000' }, { asset: 'BTC', at: '2025-01-05T00:00:00Z', price: '100000' }] },
    );
    // 2024 part: 0.01 − 0.0005 = 0.0095 BTC × 90,000 = 855; 2025 part: 0.02 − 0.0005 = 0.0195 × 100,000 = 1,950
    expect(r.lines.map((l) => [l.closed, l.totals.net.toFixed(), l.totals.fees.toFixed()])).toEqual([
      ['2024-12-30', '855', '45'],
      ['2025-01-05', '1950', '50'],
    ]);
    expect(derivativesForYear(r, 2025).totals.positions).toBe(1);
    // event valuation: the opening commission at its own instant has no price → PRICE_MISSING
    const byEvent = run(
      [ev('commission', { at: '2024-12-20T00:00:00Z', amount: '-0.001', asset: 'BTC' }), ev('realized-pnl', { at: '2024-12-30T00:00:00Z', amount: '0.01', asset: 'BTC' })],
      { table: [{ asset: 'BTC', at: '2024-12-30T00:00:00Z', price: '90000' }], valuation: 'event' },
    );
    expect(byEvent.diagnostics.map((d) => d.code)).toContain('PRICE_MISSING');
    expect(byEvent.missing).toEqual([{ asset: 'BTC', date: '2024-12-20', currency: 'USD' }]);
  });

  it('a gain is proceeds with zero basis, a loss basis with zero proceeds; long-term after a year', () => {
    const r = run([
      ev('commission', { at: '2023-01-01T00:00:00Z', amount: '-1', fill: { action: 'open', quantity: '1' } }),
      ev('realized-pnl', { at: '2024-01-02T00:00:00Z', amount: '-9', fill: { action: 'close', quantity: '1' } }),
    ]);
    const [d] = r.disposals;
    expect([d?.proceeds.toFixed(), d?.slices[0]?.basis.toFixed(), d?.slices[0]?.term, d?.slices[0]?.acquiredDate]).toEqual(['0', '10', 'long', '2023-01-01']);
  });

  it('an exported opening time dates the position (KuCoin): long-term after more than a year', () => {
    const e = { ...ev('realized-pnl', { at: '2024-03-02T00:00:00Z', amount: '12', position: 'XBTUSDTM@2023-03-01' }), openedAt: Date.parse('2023-03-01T00:00:00Z') };
    // opened 2023-03-01, closed 2024-03-02 > 2024-03-01 (one year later): long-term
    expect(run([e]).disposals.map((d) => [d.slices[0]?.acquiredDate, d.slices[0]?.term])).toEqual([['2023-03-01', 'long']]);
  });

  it('deficits: owed by default, absorbed by an insurance row, overrides and unmatched overrides', () => {
    const events = () => [
      ev('liquidation', { at: '2024-05-01T03:00:00Z', amount: '-150', asset: 'USD', contract: '', balance: '-40', wallet: 'kraken' }),
    ];
    const owed = run(events());
    expect(owed.liabilities.map((l) => [l.status, l.statusFrom, l.quantity.toFixed(), l.value.toFixed(), l.date])).toEqual([
      ['owed', 'default', '40', '40', '2024-05-01'],
    ]);
    expect(owed.lines[0]?.totals.net.toFixed()).toBe('-150');
    const absorbed = run([...events(), ev('insurance-fund', { at: '2024-05-01T03:01:00Z', amount: '40', asset: 'USD', contract: '', balance: '0', wallet: 'kraken' })]);
    expect(absorbed.liabilities.map((l) => [l.status, l.statusFrom, l.absorbed.toFixed()])).toEqual([['absorbed', 'venue rows', '40']]);
    expect(absorbed.lines[0]?.totals.net.toFixed()).toBe('-110'); // the credit is in the result, once
    const disputed = run(events(), { overrides: '{"liabilities":[{"venue":"Kraken","asset":"usd","date":"2024-05-01","status":"disputed"},{"venue":"kraken","asset":"USD","date":"2024-06-01","status":"repaid"}]}' });
    expect(disputed.liabilities[0]?.status).toBe('disputed');
    expect(disputed.lines[0]?.totals.net.toFixed()).toBe('-150');
    expect(disputed.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['LIABILITY_DISPUTED', 'OVERRIDE_UNMATCHED']));
  });

  it('a forgiven amount larger than the debt is OVERRIDES_INVALID at its line, and the override is not applied', () => {
    const events = [ev('liquidation', { at: '2024-05-01T03:00:00Z', amount: '-150', asset: 'USD', contract: '', balance: '-40', wallet: 'kraken' })];
    // the deficit is 40 USD: 50 forgiven cannot be
    const r = run(events, { overrides: '{"liabilities": [\n {"venue":"kraken","asset":"USD","date":"2024-05-01","status":"forgiven","forgivenAmount":"50"}\n]}' });
    const bad = r.diagnostics.filter((d) => d.code === 'OVERRIDES_INVALID');
    expect(bad.map((d) => [d.source?.file, d.source?.line])).toEqual([['o.json', 2]]);
    expect(r.liabilities.map((l) => [l.status, l.statusFrom])).toEqual([['owed', 'default']]);
    // 40 of 40 forgiven is fine
    const ok = run(events, { overrides: '{"liabilities": [{"venue":"kraken","asset":"USD","date":"2024-05-01","status":"forgiven","forgivenAmount":"40"}]}' });
    expect(ok.liabilities.map((l) => [l.status, l.forgiven?.quantity.toFixed()])).toEqual([['forgiven', '40']]);
  });

  it('a negative venue balance without a liquidation is a warning, not a liability', () => {
    const r = run([ev('funding', { at: '2024-05-01T03:00:00Z', amount: '-5', balance: '-1' }), ev('realized-pnl', { at: '2024-05-01T03:00:00Z', amount: '1' })]);
    expect(r.liabilities).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('DERIVATIVE_BALANCE_NEGATIVE');
  });

  it('margin interest is listed apart and not in any position', () => {
    const r = run([ev('margin-interest', { at: '2024-05-01T00:00:00Z', amount: '-2.5', asset: 'USD', contract: '' })]);
    expect(r.interest.map((i) => [i.quantity.toFixed(), i.value.toFixed()])).toEqual([['2.5', '2.5']]);
    expect(r.lines).toEqual([]);
    expect(derivativesForYear(r, 2024).totals.interest.toFixed()).toBe('2.5');
  });
});

describe('readOverrides', () => {
  it('refuses numbers, unknown statuses and keys, and keeps the valid entries', () => {
    const r = readOverrides(
      'o.json',
      '{"liabilities":[{"venue":"kraken","asset":"USD","date":"2024-05-01","status":"forgiven","forgivenAmount":1223.56},' +
        '{"venue":"kraken","asset":"USD","date":"2024-05-01","status":"paid"},' +
        '{"venue":"bybit","asset":"USDT","date":"2024-06-03","status":"repaid","resolvedDate":"2024-07-01","colour":"red"},' +
        '{"venue":"bybit","asset":"USDT","date":"2024-06-03","status":"absorbed"}]}',
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'liabilities[0]: "forgivenAmount" must be a non-empty string (write "1223.56" in quotes)',
      'liabilities[1]: "status" must be one of owed, repaid, forgiven, absorbed, disputed, got "paid"',
      'liabilities[2]: unknown key "colour"',
    ]);
    expect(r.overrides.liabilities.map((o) => [o.venue, o.asset, o.status])).toEqual([['bybit', 'USDT', 'absorbed']]);
    expect(readOverrides('o.json', '{').diagnostics[0]?.code).toBe('OVERRIDES_INVALID');
  });
});
