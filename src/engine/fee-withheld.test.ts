/**
 * Issue #16 item 14: a fee withheld from the asset acquired. taxlot reduces the units received and
 * keeps the full cost as basis (docs/contract.md), in every year; src/engine/README.md "Fees withheld from
 * the asset acquired" shows that TD 10000 (Treas. Reg. §1.1001-7(b)(1)(ii), §1.1012-1(h)(2), from
 * 2025-01-01) gives the same lots and gains. The numbers are the README's, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { gain, ledger, runLedger, total } from '../../test/support/ledger.js';

const lots = (r: ReturnType<typeof runLedger>) => r.openLots.map((l) => [l.asset, l.quantity.toFixed(), l.basis.toFixed()]);

describe('fee withheld from the asset acquired', () => {
  it.each(['2024', '2025'])('%s: buy 1 BTC for 30,000 USD, 0.001 BTC withheld: 0.999 BTC with basis 30,000', (year) => {
    // Regulation (2025+): 0.001 BTC disposed of for a 30 USD service (basis 30, gain 0); the 30 is
    // a cost of the acquisition: 29,970 + 30 = 30,000 on the 0.999 BTC kept. Sold for 31,000:
    // gain 31,000 − 30,000 = 1,000. No disposal line for the withheld units (gain 0).
    const r = runLedger(ledger`
      ${year}-03-01 a buy 1 BTC for 30000 USD fee 0.001 BTC
      ${year}-06-01 a sell 0.999 BTC for 31000 USD
    `);
    expect(r.disposals).toHaveLength(1);
    expect(total(r, 'basis')).toBe('30000');
    expect(gain(r)).toBe('1000');
  });

  it('2025: swap 1 ETH for 0.05 BTC worth 3,000, 0.001 BTC withheld (the cascading-cost rule)', () => {
    // ETH bought for 2,000. Fee value 3,000 × 0.001 / 0.05 = 60, allocable to the ETH disposed of:
    // amount realized 3,000 − 60 = 2,940, gain 2,940 − 2,000 = 940. The 0.049 BTC kept: basis
    // = value 2,940 (the 0.001 withheld: value 60 = basis 60, gain 0, no line).
    const r = runLedger(ledger`
      2024-01-10 a buy 1 ETH for 2000 USD
      2025-02-01 a swap 1 ETH for 0.05 BTC worth 3000 USD fee 0.001 BTC
    `);
    expect(total(r, 'proceeds')).toBe('2940');
    expect(gain(r)).toBe('940');
    expect(lots(r)).toEqual([['BTC', '0.049', '2940']]);
  });
});
