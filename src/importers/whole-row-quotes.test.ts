import { describe, expect, it } from 'vitest';
import { prepareCells, unwrapWholeRow } from './whole-row-quotes.js';

const header = ['user_id', 'utc_time', 'account', 'operation', 'coin', 'change', 'remark'];

describe('rows wrapped whole in quotes', () => {
  it('reads the row inside the quotes (everytrade BinanceBeanV4Test layout)', () => {
    // the file line "…,0.00066906,""""" is one cell whose text ends in `""` (an empty quoted Remark)
    const cell = '38065325,2022-02-26 05:48:48,Card,Card Cashback,BNB,0.00066906,""';
    expect(prepareCells([cell], header, ',', 'remark')).toEqual({
      cells: ['38065325', '2022-02-26 05:48:48', 'Card', 'Card Cashback', 'BNB', '0.00066906', ''],
      quoted: true,
    });
  });

  it('calls unbalanced quotes inside a wrapped row a quoting problem, and leaves ordinary rows alone', () => {
    expect(unwrapWholeRow(['1,2022-10-01 10:00:00,Spot,Deposit,ETH,"0.5,'], ',')).toEqual({ broken: true });
    expect(unwrapWholeRow(['No matching records found.'], ',')).toBeUndefined();
    expect(unwrapWholeRow(['a', 'b'], ',')).toBeUndefined();
  });

  it('pads only the one omittable last cell', () => {
    const six = ['1', '2023-06-05 19:47:00', 'Spot', 'Binance Convert', 'BUSD', '-125.626918'];
    expect(prepareCells(six, header, ',', 'remark')).toEqual({ cells: [...six, ''], quoted: false });
    expect(prepareCells(six, header, ',', undefined)).toEqual({ cells: six, quoted: false });
    expect(prepareCells(six.slice(0, 5), header, ',', 'remark')).toEqual({ cells: six.slice(0, 5), quoted: false });
  });
});
