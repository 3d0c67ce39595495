/**
 * The batch key `overrides` (contract "Batch"): a client's taxlot.json names its overrides file,
 * relative to that taxlot.json, and the client's report is the one `taxlot report --overrides`
 * writes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { koinly } from './make-clients.js';

const base = mkdtempSync(join(tmpdir(), 'taxlot-batch-ov-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('batch with an overrides file', () => {
  it("applies the client's overrides", async () => {
    const client = join(base, 'clients', 'carol');
    mkdirSync(join(client, 'exports'), { recursive: true });
    // line 2: 1 ETH arrives (worth 3,000), line 3: sold for 3,500
    writeFileSync(join(client, 'exports', 'wallet.csv'), koinly('2024-03-01 10:00,,,1,ETH,,,3000,USD,,,', '2024-09-01 10:00,1,ETH,3500,USD,,,,,,,'));
    writeFileSync(join(client, 'overrides.json'), JSON.stringify({ rows: [{ file: 'wallet.csv', line: 2, as: 'gift-received', basis: '2000', acquired: '2022-01-10' }] }));
    writeFileSync(join(client, 'taxlot.json'), JSON.stringify({ overrides: 'overrides.json', pdf: false }));
    const r = await main(['batch', join(base, 'clients'), '--out', join(base, 'out'), '--jobs', '1']);
    expect(r.exitCode).toBe(0);
    const summary = JSON.parse(readFileSync(join(base, 'out', 'carol', 'summary.json'), 'utf8')) as { capitalGains: { longTerm: { gain: string; costBasis: string } } };
    // the donor's basis 2,000 and date 2022-01-10: long-term 3,500 − 2,000 = 1,500.00
    expect(summary.capitalGains.longTerm).toMatchObject({ costBasis: '2000.00', gain: '1500.00' });
    expect(readFileSync(join(base, 'out', 'carol', 'overrides-applied.csv'), 'utf8').split('\n')[1]).toMatch(/^rows\[0\],\S*overrides\.json:1,\S*wallet\.csv:2,relabel,/);
  });
});
