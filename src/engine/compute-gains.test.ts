/**
 * Engine cases written as ledgers. Every expected number is worked out by hand in the comment
 * beside it, from the rule it checks (docs/contract.md "US rules the numbers follow", Form 8949 instructions).
 */
import { describe, expect, it } from 'vitest';
import { gain, ledger, runLedger, total } from '../../test/support/ledger.js';
import { Dec } from '../model/decimal.js';

describe('lot selection methods', () => {
  // Three lots, then 1.5 BTC sold for 45000.
  const events = ledger`
    2023-01-01 a buy 1 BTC for 10000 USD
    2023-02-01 a buy 1 BTC for 30000 USD
    2023-03-01 a buy 1 BTC for 20000 USD
    2023-04-01 a sell 1.5 BTC for 45000 USD
  `;
  it.each([
    // FIFO: lot 1 (10000) + half of lot 2 (15000) = 25000
    ['FIFO', '25000', '20000'],
    // LIFO: lot 3 (20000) + half of lot 2 (15000) = 35000
    ['LIFO', '35000', '10000'],
    // HIFO: lot 2 (30000) + half of lot 3 (10000) = 40000
    ['HIFO', '40000', '5000'],
  ] as const)('%s: basis %s, gain %s', (method, basis, g) => {
    const r = runLedger(events, { method });
    expect(total(r, 'basis')).toBe(basis);
    expect(gain(r)).toBe(g);
    expect(total(r, 'proceeds')).toBe('45000');
  });

  it('HIFO ranks by unit cost including acquisition fees', () => {
    // lot A: 20000 + 500 fee = 20500 per BTC; lot B: 20400 per BTC. Without the fee B would rank first.
    const r = runLedger(
      ledger`
        2023-01-01 a buy 1 BTC for 20000 USD fee 500 USD
        2023-01-02 a buy 1 BTC for 20400 USD
        2023-06-01 a sell 1 BTC for 25000 USD
      `,
      { method: 'HIFO' },
    );
    expect(total(r, 'basis')).toBe('20500');
    expect(r.disposals[0]?.slices[0]?.acquiredDate).toBe('2023-01-01');
  });
});

describe('holding period (IRS: long-term iff sold after acquisition date + 1 year)', () => {
  const term = (buy: string, sell: string, timezone = 'UTC'): string | undefined =>
    runLedger(ledger`
      ${buy} a buy 1 BTC for 100 USD
      ${sell} a sell 1 BTC for 200 USD
    `, { timezone }).disposals[0]?.slices[0]?.term;

  it('one year to the day is short-term, the day after is long-term', () => {
    expect(term('2024-03-01', '2025-03-01')).toBe('short');
    expect(term('2024-03-01', '2025-03-02')).toBe('long');
  });
  it('a lot bought on 29 February is long-term from 1 March of the next year', () => {
    expect(term('2024-02-29', '2025-02-28')).toBe('short');
    expect(term('2024-02-29', '2025-03-01')).toBe('long');
  });
  it('uses the calendar date in the taxpayer zone', () => {
    // 2025-03-02T03:00Z is still 1 March in New York: held exactly one year → short-term
    expect(term('2024-03-01 15:00', '2025-03-02 03:00', 'America/New_York')).toBe('short');
    expect(term('2024-03-01 15:00', '2025-03-02 03:00', 'UTC')).toBe('long');
  });
});

describe('fees (docs/contract.md "Fees")', () => {
  it('a fee in the disposed asset leaves with it; proceeds are the value received', () => {
    // contract worked example: 1.005 ETH leave (1 + 0.005 fee) for BTC worth 2000 → proceeds 2000,
    // basis = basis of 1.005 ETH = 1.005 × 1000 = 1005
    const r = runLedger(ledger`
      2024-01-01 a buy 2 ETH for 2000 USD
      2024-02-01 a swap 1 ETH for 0.1 BTC worth 2000 USD fee 0.005 ETH
    `);
    expect(total(r, 'proceeds')).toBe('2000');
    expect(total(r, 'basis')).toBe('1005');
    expect(total(r, 'quantity')).toBe('1.005');
    const btc = r.openLots.find((l) => l.asset === 'BTC');
    expect(btc?.basis.toFixed()).toBe('2000');
  });

  it('a fee on a purchase adds to basis; a fee on a sale reduces proceeds', () => {
    // contract: buy 0.1 BTC for 3000 + 10 fee → basis 3010; sell for 3500 − 10 fee → proceeds 3490
    const r = runLedger(ledger`
      2024-01-05 a buy 0.1 BTC for 3000 USD fee 10 USD
      2024-06-01 a sell 0.1 BTC for 3500 USD fee 10 USD
    `);
    expect(total(r, 'basis')).toBe('3010');
    expect(total(r, 'proceeds')).toBe('3490');
    expect(gain(r)).toBe('480');
  });

  it('a fee taken from the asset bought reduces the units, not the basis', () => {
    // buy 1 BTC for 30000, receive 0.999 → lot 0.999 BTC with basis 30000
    const r = runLedger(ledger`2024-01-01 a buy 1 BTC for 30000 USD fee 0.001 BTC`);
    expect(r.openLots).toHaveLength(1);
    expect(r.openLots[0]?.quantity.toFixed()).toBe('0.999');
    expect(r.openLots[0]?.basis.toFixed()).toBe('30000');
    expect(r.disposals).toHaveLength(0);
  });

  it('a fee in a third asset reduces proceeds and is itself a disposal at market value', () => {
    // BNB bought at 200; fee 0.01 BNB priced 300 on the day → fee value 3:
    // BTC sale proceeds 30000 − 3 = 29997; BNB disposal proceeds 3, basis 2, gain 1
    const r = runLedger(
      ledger`
        2024-01-01 a buy 1 BTC for 20000 USD
        2024-01-01 a buy 1 BNB for 200 USD
        2024-03-01 a sell 1 BTC for 30000 USD fee 0.01 BNB
      `,
      {},
      [{ asset: 'BNB', currency: 'USD', instant: Date.UTC(2024, 2, 1), daily: true, price: new Dec('300') }],
    );
    const btc = r.disposals.find((d) => d.asset === 'BTC');
    const bnb = r.disposals.find((d) => d.asset === 'BNB');
    expect(btc?.proceeds.toFixed()).toBe('29997');
    expect(bnb?.proceeds.toFixed()).toBe('3');
    expect(bnb?.slices[0]?.basis.toFixed()).toBe('2');
    expect(bnb?.kind).toBe('fee');
  });

  it('a crypto fee with no known price is a PRICE_MISSING error, valued at zero', () => {
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 20000 USD
      2024-03-01 a sell 1 BTC for 30000 USD fee 0.01 BNB
    `);
    expect(r.allDiagnostics.map((d) => d.code)).toContain('PRICE_MISSING');
  });
});

describe('IRS Form 8949 instructions, worked examples', () => {
  it('Example 5: crypto exchanged for crypto three years later is a long-term gain of 2,000', () => {
    // buy 1 unit of A for 1,000; three years later exchange it for 1 unit of B worth 3,000
    const r = runLedger(ledger`
      2021-05-01 a buy 1 AAA for 1000 USD
      2024-05-01 a swap 1 AAA for 1 BBB worth 3000 USD
    `);
    expect(r.disposals[0]?.slices[0]?.term).toBe('long');
    expect(gain(r)).toBe('2000');
    expect(r.openLots.find((l) => l.asset === 'BBB')?.basis.toFixed()).toBe('3000');
  });

  it('Example 6: income of 10,000 FMV later sold for 12,000 is a 2,000 short-term gain', () => {
    const r = runLedger(ledger`
      2025-02-01 a income other 1 CCC worth 10000 USD
      2025-08-01 a sell 1 CCC for 12000 USD
    `);
    expect(r.income[0]?.value.toFixed()).toBe('10000');
    expect(r.disposals[0]?.slices[0]?.term).toBe('short');
    expect(gain(r)).toBe('2000');
  });
});

describe('missing basis', () => {
  it('selling more than was acquired: the uncovered units have zero basis, are listed and warned', () => {
    // 1 BTC covered (basis 10000, proceeds 20000), 0.5 uncovered (basis 0, proceeds 10000)
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 10000 USD
      2024-02-01 a sell 1.5 BTC for 30000 USD
    `);
    const slices = r.disposals[0]?.slices ?? [];
    expect(slices.map((s) => [s.quantity.toFixed(), s.proceeds.toFixed(), s.basis.toFixed(), s.basisStatus])).toEqual([
      ['1', '20000', '10000', 'known'],
      ['0.5', '10000', '0', 'uncovered'],
    ]);
    expect(r.allDiagnostics.map((d) => d.code)).toContain('MISSING_BASIS');
  });

  it('a deposit with no matching withdrawal is a lot of unknown basis, acquired on arrival', () => {
    const r = runLedger(ledger`
      2024-01-01 a deposit 2 ETH
      2024-03-01 a sell 1 ETH for 3000 USD
    `);
    const s = r.disposals[0]?.slices[0];
    expect(s?.basisStatus).toBe('unknown');
    expect(s?.basis.toFixed()).toBe('0');
    expect(s?.acquiredDate).toBe('2024-01-01');
    expect(r.allDiagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['DEPOSIT_UNMATCHED', 'MISSING_BASIS']));
  });

  it('an unmatched withdrawal removes units without a taxable event and warns', () => {
    const r = runLedger(ledger`
      2024-01-01 a buy 2 ETH for 4000 USD
      2024-03-01 a withdraw 1 ETH
    `);
    expect(r.disposals).toHaveLength(0);
    expect(r.removals[0]?.basis.toFixed()).toBe('2000');
    expect(r.openLots[0]?.quantity.toFixed()).toBe('1');
    expect(r.allDiagnostics.map((d) => d.code)).toContain('WITHDRAWAL_UNMATCHED');
  });
});

describe('transfers between own wallets', () => {
  it('keep the original acquisition date and basis; the network fee is a disposal', () => {
    // 2 BTC at 20000 each. 1 BTC + 0.0001 fee leave a, 1 BTC arrives in b an hour later (same tx).
    // The sale from b on 2024-02-01 uses the 2023-01-10 lot: long-term, basis 20000.
    // Fee: 0.0001 BTC, basis 2, proceeds = 0.0001 × (45000 / 1) = 4.5
    const r = runLedger(ledger`
      2023-01-10 a buy 2 BTC for 40000 USD
      2024-01-01 10:00 a withdraw 1 BTC fee 0.0001 BTC worth 45000 USD tx 0xAB
      2024-01-01 11:00 b deposit 1 BTC tx 0xab
      2024-02-01 b sell 1 BTC for 50000 USD
    `);
    const sale = r.disposals.find((d) => d.kind === 'sale');
    expect(sale?.wallet).toBe('b');
    expect(sale?.slices[0]?.acquiredDate).toBe('2023-01-10');
    expect(sale?.slices[0]?.term).toBe('long');
    expect(sale?.slices[0]?.basis.toFixed()).toBe('20000');
    const fee = r.disposals.find((d) => d.kind === 'fee');
    expect(fee?.quantity.toFixed()).toBe('0.0001');
    expect(fee?.proceeds.toFixed()).toBe('4.5');
    expect(fee?.slices[0]?.basis.toFixed()).toBe('2');
    expect(r.allDiagnostics.map((d) => d.code)).not.toContain('DEPOSIT_UNMATCHED');
  });

  it('are found without a hash when asset, time and amount fit; the shortfall is the fee', () => {
    // 1 BTC leaves a, 0.9995 BTC arrives in b 2 hours later: a transfer with a 0.0005 BTC fee
    const r = runLedger(ledger`
      2023-01-10 a buy 1 BTC for 20000 USD
      2024-01-01 10:00 a withdraw 1 BTC worth 40000 USD
      2024-01-01 12:00 b deposit 0.9995 BTC
    `);
    expect(r.openLots.map((l) => [l.wallet, l.quantity.toFixed(), l.acquiredDate])).toEqual([['b', '0.9995', '2023-01-10']]);
    const fee = r.disposals[0];
    expect(fee?.kind).toBe('fee');
    expect(fee?.quantity.toFixed()).toBe('0.0005');
    expect(fee?.proceeds.toFixed()).toBe('20'); // 0.0005 × 40000
  });

  it('are not matched when the amounts differ by more than the tolerance', () => {
    const r = runLedger(ledger`
      2023-01-10 a buy 1 BTC for 20000 USD
      2024-01-01 10:00 a withdraw 1 BTC
      2024-01-01 12:00 b deposit 0.5 BTC
    `);
    expect(r.allDiagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['WITHDRAWAL_UNMATCHED', 'DEPOSIT_UNMATCHED']));
  });
});

describe('per-wallet lots from 2025-01-01 (Treas. Reg. 1.1012-1(j))', () => {
  const events = ledger`
    2024-01-01 a buy 1 BTC for 10000 USD
    2024-06-01 b buy 1 BTC for 20000 USD
    2025-02-01 b sell 1 BTC for 30000 USD
  `;
  it('a 2025 sale from wallet b uses b\'s lot (per wallet), not the oldest overall', () => {
    expect(total(runLedger(events), 'basis')).toBe('20000');
    expect(total(runLedger(events, { lotScope: 'per-wallet' }), 'basis')).toBe('20000');
  });
  it('universal matching (forced) would use the oldest lot overall', () => {
    expect(total(runLedger(events, { lotScope: 'universal' }), 'basis')).toBe('10000');
  });
  it('before 2025 lots are pooled: a 2024 sale from b takes a\'s older lot', () => {
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 10000 USD
      2024-06-01 b buy 1 BTC for 20000 USD
      2024-08-01 b sell 1 BTC for 30000 USD
    `);
    expect(total(r, 'basis')).toBe('10000');
  });
  it('at the boundary, lots follow the units each wallet holds (reallocation)', () => {
    // 2024: a buys 1 @10000, b buys 2 @20000, b sells 1 (pooled FIFO takes a's lot).
    // End of 2024: a holds 1 unit with no lot, b holds 1 unit with 2 units of lots.
    // b keeps 1 unit of its lot; the surplus unit (basis 20000, acquired 2024-06-01) goes to a.
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 10000 USD
      2024-06-01 b buy 2 BTC for 40000 USD
      2024-08-01 b sell 1 BTC for 30000 USD
      2025-03-01 a sell 1 BTC for 50000 USD
    `);
    const sale2025 = r.disposals.find((d) => d.date === '2025-03-01');
    expect(sale2025?.slices.map((s) => [s.basis.toFixed(), s.acquiredDate, s.basisStatus])).toEqual([['20000', '2024-06-01', 'known']]);
    expect(r.reallocations.map((m) => [m.from, m.to, m.quantity.toFixed()])).toEqual([['b', 'a', '1']]);
  });
});

describe('exact splits', () => {
  it('the slices of a lot sum to its basis exactly, even when the share does not terminate', () => {
    const r = runLedger(ledger`
      2024-01-01 a buy 3 BTC for 10000 USD
      2024-02-01 a sell 1 BTC for 4000 USD
      2024-03-01 a sell 1 BTC for 4000 USD
      2024-04-01 a sell 1 BTC for 4000 USD
    `);
    expect(total(r, 'basis')).toBe('10000');
    expect(r.openLots).toHaveLength(0);
  });
});

describe('income', () => {
  it('is ordinary income at market value and the basis of the new lot', () => {
    // 0.5 SOL staking worth 50; sold for 80 → gain 30
    const r = runLedger(ledger`
      2024-03-01 a income staking 0.5 SOL worth 50 USD
      2024-04-01 a sell 0.5 SOL for 80 USD
    `);
    expect(r.income.map((i) => [i.kind, i.value.toFixed()])).toEqual([['staking', '50']]);
    expect(gain(r)).toBe('30');
  });
  it('without a stated value or price is a PRICE_MISSING error', () => {
    const r = runLedger(ledger`2024-03-01 a income staking 0.5 SOL`);
    expect(r.allDiagnostics.map((d) => d.code)).toContain('PRICE_MISSING');
  });
  it('in a stablecoin counts at 1.00 USD', () => {
    const r = runLedger(ledger`2024-03-01 a income interest 12.5 USDC`);
    expect(r.income[0]?.value.toFixed()).toBe('12.5');
    expect(r.income[0]?.valueSource).toBe('stablecoin');
  });
});

describe('removals and spends', () => {
  it('a gift leaves without a taxable event; spending is a disposal at market value', () => {
    // gift 0.1 BTC (basis 1000 leaves); spend 0.1 BTC worth 3000 → gain 3000 − 1000 = 2000
    const r = runLedger(ledger`
      2024-01-01 a buy 1 BTC for 10000 USD
      2024-02-01 a gift 0.1 BTC
      2024-03-01 a spend 0.1 BTC worth 3000 USD
    `);
    expect(r.removals.map((x) => [x.kind, x.basis.toFixed()])).toEqual([['gift', '1000']]);
    expect(r.disposals.map((d) => [d.kind, gain({ ...r, disposals: [d] })])).toEqual([['spend', '2000']]);
  });
  it('hard-fork coins are airdrop income at market value, and that value is their basis (Rev. Rul. 2019-24)', () => {
    // 1 BCH received in the fork, worth 250 USD: income 250 (airdrop), lot basis 250.
    // Sold for 300 USD: gain 300 - 250 = 50 (not 300, as a zero basis would give).
    const r = runLedger(ledger`
      2024-01-01 a fork 1 BCH worth 250 USD
      2024-02-01 a sell 1 BCH for 300 USD
    `);
    expect(r.income.map((i) => [i.kind, i.asset, i.value.toFixed()])).toEqual([['airdrop', 'BCH', '250']]);
    expect(r.disposals[0]?.slices[0]?.basisStatus).toBe('known');
    expect(total(r, 'basis')).toBe('250');
    expect(gain(r)).toBe('50');
  });
});

describe('conversions (token migrations)', () => {
  it('carry basis and acquisition dates to the new token, scaled by the ratio; no disposal', () => {
    // 100 LEND bought in two lots (60 for 30 on 2023-01-01, 40 for 40 on 2023-06-01), migrated
    // 100 LEND → 1 AAVE: lots of 0.6 AAVE (basis 30) and 0.4 AAVE (basis 40), same dates.
    // Selling 0.6 AAVE for 90 on 2024-03-01 (FIFO) uses the 2023-01-01 lot: long-term, gain 60.
    const r = runLedger(ledger`
      2023-01-01 a buy 60 LEND for 30 USD
      2023-06-01 a buy 40 LEND for 40 USD
      2023-09-01 a migrate 100 LEND to 1 AAVE
      2024-03-01 a sell 0.6 AAVE for 90 USD
    `);
    expect(r.disposals.map((d) => d.asset)).toEqual(['AAVE']);
    const s = r.disposals[0]?.slices[0];
    expect([s?.quantity.toFixed(), s?.basis.toFixed(), s?.acquiredDate, s?.term]).toEqual(['0.6', '30', '2023-01-01', 'long']);
    expect(r.openLots.map((l) => [l.asset, l.quantity.toFixed(), l.basis.toFixed(), l.acquiredDate])).toEqual([['AAVE', '0.4', '40', '2023-06-01']]);
  });

  it('units that no lot covers arrive with unknown basis', () => {
    const r = runLedger(ledger`
      2023-01-01 a buy 50 MATIC for 25 USD
      2024-09-24 a migrate 120 MATIC to 120 POL
    `);
    // 50 POL from the lot (basis 25), 70 POL of unknown basis
    expect(r.openLots.map((l) => [l.quantity.toFixed(), l.basis.toFixed(), l.basisKnown])).toEqual([
      ['50', '25', true],
      ['70', '0', false],
    ]);
  });
});
