/** Zones declared outside the rows: in a file name (Binance) or a preamble line (OKX). */
import { describe, expect, it } from 'vitest';
import { zoneInText } from './parse-instant.js';
import { importFile } from './import-file.js';
import { ALL_IMPORTERS } from './index.js';

describe('zoneInText', () => {
  it.each([
    ['Binance-Spot-Trade-History(UTC--6).csv', '-06:00'],
    ['export(UTC+1).csv', '+01:00'],
    ['UID:67000000,Account Type:Trading,Time Zone:UTC+8', '+08:00'],
    ['report (UTC+05:30).csv', '+05:30'],
    ['plain.csv', undefined],
  ])('%s → %s', (text, zone) => expect(zoneInText(text)).toBe(zone));
});

describe('a zone stated in the preamble moves the instants', () => {
  const body = [
    'id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,Position Change,Position Balance,Balance Change,Balance,Balance Unit',
    '5,1,2026-05-11 21:35:20,Spot,BTC-USDT,Buy,0.001647,BTC,80904.4,0,-0.0000017,BTC,0,0,0.0016453,0.0018980,BTC',
    '3,1,2026-05-11 21:35:20,Spot,BTC-USDT,Sell,133.2682,BTC,80904.4,0,0,USDT,0,0,-133.2682,3940.033,USDT',
  ].join('\n');
  it.each([
    // 21:35:20 at UTC+8 is 13:35:20 UTC; at UTC+2 it is 19:35:20 UTC
    ['UTC+8', '2026-05-11T13:35:20.000Z'],
    ['UTC+2', '2026-05-11T19:35:20.000Z'],
  ])('Time Zone:%s', (zone, iso) => {
    const r = importFile('okx.csv', `UID:67000000,Account Type:Trading,Time Zone:${zone}\n${body}`, { importers: ALL_IMPORTERS });
    expect(r.format).toBe('okx-trading-history');
    expect(new Date(r.events[0]?.instant ?? 0).toISOString()).toBe(iso);
  });
});
