import { describe, expect, it } from 'vitest';
import { importFile } from '../../import-file.js';
import { formatEvent } from '../../../model/format-event.js';
import { cryptocomApp } from './app-transactions.js';

const HEADER =
  'Timestamp (UTC),Transaction Description,Currency,Amount,To Currency,To Amount,Native Currency,Native Amount,Native Amount (in USD),Transaction Kind';

function run(...rows: string[]) {
  const r = importFile('c.csv', [HEADER, ...rows].join('\n'), { importers: [cryptocomApp] });
  return { events: r.events.map(formatEvent), messages: r.diagnostics.map((d) => d.message), accounting: r.accounting };
}

describe('cryptocom-app mapping details', () => {
  it('a card purchase pays Native Amount in Native Currency; a negative one is a sale for it', () => {
    const r = run(
      '2024-02-20 07:00:00,Buy BTC,BTC,0.003,,,EUR,79.03,98.39247273,crypto_purchase',
      '2024-02-21 07:00:00,Sell BTC,BTC,-0.001,,,EUR,-27.5,-30.1,crypto_purchase',
    );
    expect(r.events).toEqual([
      '2024-02-20T07:00:00Z  cryptocom  trade  sent 79.03 EUR  received 0.003 BTC [value 98.39247273 USD]  note "Buy BTC"  @ c.csv:2',
      '2024-02-21T07:00:00Z  cryptocom  trade  sent 0.001 BTC  received 27.5 EUR [value 30.1 USD]  note "Sell BTC"  @ c.csv:3',
    ]);
  });

  it('keeps a 43-decimal USD value exactly and drops a zero one', () => {
    const r = run(
      '2025-01-07 11:43:48,EGLD -> USDC,EGLD,-4.15,USDC,150.865358,EUR,143.33,169.3696337724427464682749300795884857180596,crypto_exchange',
      '2024-06-01 02:00:03,Crypto Earn,USDC,0.0001,,,EUR,0,0,crypto_earn_interest_paid',
    );
    expect(r.events[0]).toContain('[value 169.3696337724427464682749300795884857180596 USD]');
    expect(r.events[1]).toBe('2024-06-01T02:00:03Z  cryptocom  income:interest  0.0001 USDC  note "Crypto Earn"  @ c.csv:3');
  });

  it('rejects income with a negative amount, a lone debited row and an unexplained fiat row', () => {
    const r = run(
      '2024-05-20 10:00:00,Referral Bonus,CRO,-25,,,EUR,-2.1,-2.28,referral_bonus',
      '2024-03-05 09:25:14,Convert Dust,UNI,-1.3,,,EUR,-5.84,-7.10,dust_conversion_debited',
      '2021-02-10 09:00:00,EUR Transfer,EUR,500,,,EUR,500,604.1,',
    );
    expect(r.events).toEqual([]);
    expect(r.messages).toEqual([
      '"referral_bonus" brings units in but Amount is -25',
      'dust_conversion: expected one dust_conversion_credited row at this time, found 0',
      'empty Transaction Kind with description "EUR Transfer" (neither deposit nor withdrawal)',
    ]);
    expect(r.accounting.rejected).toBe(3);
  });
});
