import { describe, expect, it } from 'vitest';
import { importFile } from '../../import-file.js';
import { directionFromName } from './file-direction.js';
import { BINANCE_IMPORTERS } from './index.js';

const LEGACY = 'Date(UTC),Coin,Amount,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status\n2020-01-01 10:00:00,BTC,0.1,0.0005,1abc,tx1,,,Completed\n';

describe('direction of Binance files that state it only in their name', () => {
  it('reads deposit / withdraw from the name, case-insensitively', () => {
    expect(directionFromName('Binance-Deposit-History-2021')).toBe('deposit');
    expect(directionFromName('binance_withdrawals')).toBe('withdrawal');
  });

  it('rejects rows of a file whose name says neither or both, and keeps the wallet binance', () => {
    const unnamed = importFile('export.csv', LEGACY, { importers: BINANCE_IMPORTERS });
    expect(unnamed.format).toBe('binance-transfers-legacy');
    expect(unnamed.accounting.rejected).toBe(1);
    expect(directionFromName('deposit-and-withdraw')).toMatchObject({ kind: 'reject' });
    const named = importFile('Binance-Withdraw-History.csv', LEGACY, { importers: BINANCE_IMPORTERS });
    expect(named.events.map((e) => [e.kind, e.wallet])).toEqual([['withdrawal', 'binance']]);
  });
});
