import { describe, expect, it } from 'vitest';
import { addressesInName, ownAddress } from './address.js';
import { ALL_IMPORTERS } from '../../index.js';
import { importFile } from '../../import-file.js';
import { formatEvent } from '../../../model/format-event.js';

const A = '0x5e2a4a7f3b1c9d0e8f7a6b5c4d3e2f1a0b9c8d7e';
const B = '0x28c6c06298d514db089934071355e5743bf21d60';
const C = '0x7a250d5630b4cf539739df2c5dacb4c659f2488d';

describe('the address of an explorer export', () => {
  it('reads addresses written in a file name, lower case', () => {
    expect(addressesInName(`export-tokentxns-${A.toUpperCase().replace('0X', '0x')}.csv`)).toEqual([A]);
    expect(addressesInName('export.csv')).toEqual([]);
  });

  it('is the one address on every row when the name has none', () => {
    expect(ownAddress('tokens.csv', [{ from: B, to: A }, { from: A, to: C }])).toBe(A);
  });

  it('is undecided with one row or one counterparty, unless the name says', () => {
    expect(ownAddress('tokens.csv', [{ from: B, to: A }])).toBeUndefined();
    expect(ownAddress('tokens.csv', [{ from: B, to: A }, { from: A, to: B }])).toBeUndefined();
    expect(ownAddress(`export-${A}.csv`, [{ from: B, to: A }])).toBe(A);
  });

  it('ignores a name address that is not on every row', () => {
    expect(ownAddress(`export-${C}.csv`, [{ from: B, to: A }, { from: A, to: C }])).toBe(A);
    expect(ownAddress('x.csv', [{ from: B, to: A }, { from: C, to: C }])).toBeUndefined();
  });
});

describe('token transfers', () => {
  const header = '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","TokenValue","USDValueDayOfTx","ContractAddress","TokenName","TokenSymbol"';
  const row = (n: number, from: string, to: string, value: string, contract: string) =>
    `"0x${String(n).padStart(64, '0')}","1","1681300000","2023-04-12 11:46:40","${from}","${to}","${value}","","${contract}","Tether USD","USDT"`;
  const real = '0xdac17f958d2ee523a2206206994597c13d831ec7';
  const fake = '0x1111111111111111111111111111111111111111';

  it('keeps two contracts with one symbol apart: the one with more rows keeps the symbol', () => {
    const text = [header, row(1, B, A, '100', real), row(2, A, C, '40', real), row(3, C, A, '5000', fake)].join('\n');
    const r = importFile('tokens.csv', text, { importers: ALL_IMPORTERS });
    const lines = r.events.map(formatEvent);
    expect(lines[0]).toContain(`${A}  deposit  100 USDT `);
    expect(lines[1]).toContain(`${A}  withdrawal  40 USDT `);
    expect(lines[2]).toContain(`deposit  5000 USDT-${fake.toUpperCase().replace('0X', '0X')}`);
  });

  it('rejects the rows, with a hint, when no address can be decided', () => {
    const r = importFile('tokens.csv', [header, row(1, B, A, '100', real)].join('\n'), { importers: ALL_IMPORTERS });
    expect(r.accounting).toMatchObject({ rows: 1, rejected: 1 });
    expect(r.diagnostics[0]?.hint).toContain('0x<address>');
  });
});
