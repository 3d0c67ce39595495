import { describe, expect, it } from 'vitest';
import { importFile } from '../../import-file.js';
import { ALL_IMPORTERS } from '../../index.js';

const HEADER = 'date,id,type,value_in_USD,commission_in_USD,pair,rate,origin_currency,origin_amount,origin_commission,destination_currency,destination_amount,destination_commission\n';

describe('uphold v1', () => {
  it('counts a commission stated in both currencies once, in the origin currency', () => {
    const r = importFile('u.csv', `${HEADER}2019-03-03T10:00:00.000Z,a4,transfer,40,0.2,BTCUSD,4000,BTC,0.01,0.00005,USD,39.8,0.2\n`, { importers: ALL_IMPORTERS });
    const [t] = r.events;
    expect(r.format).toBe('uphold-transactions-v1');
    expect(t?.kind === 'trade' && [t.sent.amount.toFixed(), t.received.amount.toFixed(), t.fee?.asset, t.fee?.amount.toFixed()]).toEqual(['0.00995', '39.8', 'BTC', '0.00005']);
  });
  it('rejects an unknown type by name', () => {
    const r = importFile('u.csv', `${HEADER}2019-03-03T10:00:00.000Z,a5,adjustment,1,0,,1,BTC,0.01,0,BTC,0.01,0\n`, { importers: ALL_IMPORTERS });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['unknown Uphold type "adjustment"']);
  });
});
