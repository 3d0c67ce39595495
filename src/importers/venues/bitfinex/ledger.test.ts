import { describe, expect, it } from 'vitest';
import { importFile } from '../../import-file.js';
import { ALL_IMPORTERS } from '../../index.js';

const HEADER = '#,DESCRIPTION,CURRENCY,AMOUNT,BALANCE,DATE,WALLET\n';
const run = (row: string) => importFile('l.csv', HEADER + row + '\n', { importers: ALL_IMPORTERS });

describe('bitfinex ledger', () => {
  it('rejects a position claim and an unknown description by name', () => {
    expect(run('1,Position #42 claimed @ 9000.0 on wallet margin,BTC,0.1,0.1,01-02-20 10:00:00,margin').diagnostics[0]?.code).toBe('ROW_UNSUPPORTED');
    expect(run('1,Something new on wallet exchange,BTC,0.1,0.1,01-02-20 10:00:00,exchange').diagnostics[0]?.message).toBe(
      'unknown Bitfinex ledger description "Something new on wallet exchange"',
    );
  });
  it('reads staking payments and airdrops as income', () => {
    const kinds = [run('1,Staking reward on wallet exchange,DOT,0.5,10.5,01-02-21 10:00:00,exchange'), run('2,EOS distribution on wallet exchange,EOS,3,3,01-02-21 10:00:00,exchange')].map(
      (r) => r.events[0]?.kind === 'income' && r.events[0].incomeKind,
    );
    expect(kinds).toEqual(['staking', 'airdrop']);
  });
});
