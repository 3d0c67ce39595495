/**
 * `taxlot batch` with a UK client beside a US one: the `jurisdiction` key of a client's
 * taxlot.json picks the rules, and index.csv shows each client's jurisdiction and tax year.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES } from '../support/run-report.js';

const base = mkdtempSync(join(tmpdir(), 'taxlot-batch-uk-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('batch: per-client jurisdiction', () => {
  it('runs the UK client under HMRC rules and names both jurisdictions in the index', async () => {
    const clients = join(base, 'clients');
    cpSync(join(FIXTURES, 'scenarios', 'methods-2024'), join(clients, 'amy'), { recursive: true });
    cpSync(join(FIXTURES, 'uk', 'wallets-swap-staking'), join(clients, 'bert'), { recursive: true });
    writeFileSync(join(clients, 'bert', 'taxlot.json'), '{"jurisdiction": "uk"}');
    const out = join(base, 'out');
    const r = await main(['batch', clients, '--out', out, '--jobs', '1', '--no-pdf']);
    expect(r.exitCode).toBe(0);
    const [head, ...lines] = readFileSync(join(out, 'index.csv'), 'utf8').trimEnd().split('\n');
    const keys = (head as string).split(',');
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [keys[i], c])));
    // amy: FIFO 2024, net 59,300 (test/scenarios.test.ts); bert: 2024-25, net 1,134.29 (test/uk-scenarios.test.ts)
    expect(rows.map((x) => [x['client'], x['jurisdiction'], x['tax_year'], x['currency'], x['net']])).toEqual([
      ['amy', 'US', '2024', 'USD', '59300.00'],
      ['bert', 'UK', '2025', 'GBP', '1134.29'],
    ]);
    const bert = JSON.parse(readFileSync(join(out, 'bert', 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(bert['jurisdiction']).toBe('UK');
    expect(readFileSync(join(out, 'bert', 'uk-pools.csv'), 'utf8')).toBe('date,asset,units,cost,average_cost\n2025-04-05,BTC,0.05,3150.00,63000\n2025-04-05,ETH,7.5,15014.29,2001.9047619\n');
  });
});
