/**
 * `taxlot batch` end to end, in-process (`--jobs 1`, TS sources): statuses and reasons per
 * client, safety (crafted names, escaping links, nothing written outside --out), byte equality
 * with `taxlot report`, and re-runs that do no work. Expected amounts are worked out by hand in
 * make-clients.ts.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_OPTION_TABLE } from '../../src/cli/commands/batch.js';
import { main } from '../../src/cli/main.js';
import { optionDefaults } from '../../src/cli/batch/batch-config.js';
import { runBatch, type BatchRequest } from '../../src/cli/batch/run-batch.js';
import { runClient } from '../../src/cli/batch/run-client.js';
import { pdfText } from '../support/pdf-text.js';
import { ALICE, BOB_GOOD, koinly, listTree, makeClients, type ClientsFixture } from './make-clients.js';

let fx: ClientsFixture;
let out: string;
const request = (over: Partial<BatchRequest> = {}): BatchRequest => ({
  clientsDir: fx.clients,
  out,
  jobs: 1,
  force: false,
  flags: {},
  table: BATCH_OPTION_TABLE,
  version: (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
  ...over,
});

const BIN = fileURLToPath(new URL('../../bin/taxlot.js', import.meta.url));

function parseIndex(text: string): Record<string, string>[] {
  // The test data has no quoted newlines; quoted commas are handled.
  const [head, ...lines] = text.trimEnd().split('\n');
  const cells = (line: string): string[] => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, head!.split(',').length);
  const keys = head!.split(',');
  return lines.map((l) => Object.fromEntries(cells(l).map((c, i) => [keys[i]!, c])));
}

beforeAll(() => {
  fx = makeClients();
  out = join(fx.base, 'out');
});
afterAll(() => rmSync(fx.base, { recursive: true, force: true }));

describe('taxlot batch (in-process)', () => {
  let rows: Record<string, string>[];
  let firstRun: { exitCode: number; stdout: string };

  beforeAll(async () => {
    const before = listTree(fx.base);
    const r = await main(['batch', fx.clients, '--out', out, '--jobs', '1']);
    firstRun = r;
    rows = parseIndex(readFileSync(join(out, 'index.csv'), 'utf8'));
    // Nothing outside --out changed: same files, sizes, mtimes and inodes.
    expect(listTree(fx.base, (p) => p === out)).toEqual(before);
  });

  it('exits 1 because some clients have errors or failed', () => {
    expect(firstRun.exitCode).toBe(1);
    expect(firstRun.stdout).toContain('10 clients (4 ok, 2 warnings, 1 errors, 3 failed); 8 computed, 0 unchanged');
  });

  it('lists every client folder with a safe output name, the ones needing attention first', () => {
    // failed (by name), errors (bob), basis at risk (dave: 20,000 of proceeds without basis),
    // warnings (erin: a link not followed), then ok by name ('_' sorts before 'a')
    expect(rows.map((r) => [r.folder, r.client])).toEqual([
      ['carol', 'carol'], ['escape', 'escape'], ['frank', 'frank'], ['bob', 'bob'], ['dave', 'dave'],
      ['erin', 'erin'], ['..evil', '__evil'], ['alice', 'alice'], ['gina', 'gina'], ['hank', 'hank'],
    ]);
    expect(readFileSync(join(out, 'index.csv'), 'utf8').split('\n')[0]).toBe(
      'client,status,tax_year,jurisdiction,currency,net,short_term,long_term,income,derivatives_net,missing_basis_at_risk,deductible_loss,errors,warnings,diagnostics,diagnostics_file,report,top_problem,reason,folder',
    );
  });

  it('gives each client its tax year, jurisdiction and top problem in words, and no absolute path anywhere', () => {
    const by = Object.fromEntries(rows.map((r) => [r.client, r]));
    expect([by.alice!.tax_year, by.alice!.jurisdiction]).toEqual(['2024', 'US']);
    expect([by.carol!.tax_year, by.carol!.jurisdiction]).toEqual(['', '']);
    expect(by.bob!.top_problem).toMatch(/^CSV_MALFORMED: .*bob\/sub\/broken\.csv:2/);
    expect(by.dave!.top_problem).toMatch(/^BALANCE_NEGATIVE: /);
    expect(by.erin!.top_problem).toBe('not followed (symbolic link leaving the clients folder): erin/leak.csv');
    expect(by.alice!.top_problem).toBe('');
    expect(readFileSync(join(out, 'index.csv'), 'utf8')).not.toContain(fx.base);
    const index = pdfText(readFileSync(join(out, 'index.pdf')));
    expect(index).not.toContain(fx.base);
    // the totals line: alice 480 + __evil 480 + bob -500 + dave 20000 + erin 0 + gina -500 + hank 500 = 20460.00
    expect(index).toMatch(/Total USD \(7\)\s+20460\.00/);
    expect(index.indexOf('carol')).toBeLessThan(index.indexOf('bob'));
    expect(index.indexOf('dave')).toBeLessThan(index.indexOf('alice'));
    for (const client of ['alice', 'bob', 'dave']) {
      for (const name of readdirSync(join(out, client))) {
        const bytes = readFileSync(join(out, client, name));
        const text = name.endsWith('.pdf') ? pdfText(bytes) : bytes.toString('utf8');
        expect(text.includes(fx.base), `${client}/${name}`).toBe(false);
        // a client without a label is named by its folder on its PDF
        if (name === 'report.pdf') expect(text).toContain(client);
      }
    }
  });

  it('reports statuses, amounts and reasons as worked out by hand', () => {
    const by = Object.fromEntries(rows.map((r) => [r.client, r]));
    const pickMoney = (c: string) => [by[c]!.status, by[c]!.net, by[c]!.short_term, by[c]!.long_term, by[c]!.income, by[c]!.missing_basis_at_risk, by[c]!.deductible_loss];
    expect(pickMoney('alice')).toEqual(['ok', '480.00', '0.00', '480.00', '0.00', '0.00', '0.00']);
    expect(pickMoney('__evil')).toEqual(['ok', '480.00', '0.00', '480.00', '0.00', '0.00', '0.00']);
    expect(pickMoney('bob')).toEqual(['errors', '-500.00', '-500.00', '0.00', '0.00', '0.00', '500.00']);
    expect(pickMoney('dave')).toEqual(['warnings', '20000.00', '20000.00', '0.00', '0.00', '20000.00', '0.00']);
    expect(pickMoney('erin')).toEqual(['warnings', '0.00', '0.00', '0.00', '50.25', '0.00', '0.00']);
    expect(pickMoney('gina')).toEqual(['ok', '-500.00', '-500.00', '0.00', '0.00', '0.00', '500.00']);
    expect(pickMoney('hank')).toEqual(['ok', '500.00', '500.00', '0.00', '0.00', '0.00', '0.00']);
    expect([by.bob!.errors, by.bob!.warnings, by.bob!.reason]).toEqual(['1', '0', 'errors: CSV_MALFORMED']);
    expect([by.dave!.errors, by.dave!.warnings, by.dave!.reason]).toEqual(['0', '2', 'warnings: BALANCE_NEGATIVE, MISSING_BASIS']);
    expect(by.erin!.reason).toBe('not followed (symbolic link leaving the clients folder): erin/leak.csv');
    expect(by.carol).toMatchObject({ status: 'failed', net: '', errors: '', report: '', diagnostics: '', diagnostics_file: '' });
    expect(by.carol!.reason).toBe('nothing could be read (no input in a known format); errors: FORMAT_UNKNOWN');
    expect(by.escape).toMatchObject({ status: 'failed', reason: 'the folder is a symbolic link that leaves the clients folder; not followed' });
    expect(by.frank!.status).toBe('failed');
    expect(by.frank!.reason).toContain('frank/taxlot.json: unknown option "methd" (known: ');
    expect([by.alice!.report, by.alice!.diagnostics_file]).toEqual(['alice/', 'alice/diagnostics.txt']);
    // diagnostics = errors + warnings: bob 1 + 0, dave 0 + 2
    expect([by.bob!.diagnostics, by.dave!.diagnostics]).toEqual(['1', '2']);
    expect(by.derivatives_net ?? '').toBe('');
  });

  it('writes report folders only for clients with a report, and never reads the outside folder', () => {
    expect(readdirSync(out).sort()).toEqual(['.taxlot-batch', '__evil', 'alice', 'bob', 'dave', 'erin', 'gina', 'hank', 'index.csv', 'index.pdf']);
    const erinSummary = JSON.parse(readFileSync(join(out, 'erin', 'summary.json'), 'utf8'));
    expect(erinSummary.inputs.files).toBe(1); // rewards.csv only; leak.csv was not followed
  });

  it('writes each client folder byte for byte as `taxlot report` does on that folder alone, run in the clients folder and labelled by the folder', () => {
    // The options are what the taxlot.json files say; gina's price table is hers, and not an input.
    // Run from the clients folder, `taxlot report` names the inputs as the batch does (alice/x.csv).
    const runs: Record<string, string[]> = {
      alice: ['alice', '--method', 'lifo', '--prices', 'prices.csv'],
      bob: ['bob', '--method', 'lifo', '--prices', 'prices.csv'],
      dave: ['dave', '--method', 'lifo', '--prices', 'prices.csv'],
      gina: [join('gina', 'trades.csv'), '--method', 'hifo', '--prices', join('gina', 'my-prices.csv')],
    };
    for (const [client, args] of Object.entries(runs)) {
      const alone = join(fx.base, 'alone', client);
      const r = spawnSync(process.execPath, [BIN, 'report', ...args, '--out', alone, '--year', '2024', '--label', client], { cwd: fx.clients, encoding: 'utf8' });
      expect(r.status).toBe(client === 'bob' ? 1 : 0);
      const names = readdirSync(alone).sort();
      expect(readdirSync(join(out, client)).sort()).toEqual(names);
      for (const name of names) expect(readFileSync(join(out, client, name)), `${client}/${name}`).toEqual(readFileSync(join(alone, name)));
    }
  });

  it('re-running does no work: every client unchanged, no report or stamp file rewritten', async () => {
    const before = listTree(out, (p) => p.endsWith('index.csv') || p.endsWith('index.pdf'));
    const again = await runBatch(request());
    expect([again.computed, again.unchanged]).toEqual([0, 8]);
    expect(listTree(out, (p) => p.endsWith('index.csv') || p.endsWith('index.pdf'))).toEqual(before);
    expect(parseIndex(readFileSync(join(out, 'index.csv'), 'utf8'))).toEqual(rows);
  });

  it('changing one client file recomputes that client only', async () => {
    // Bob now sells for 1,800: short-term loss 2,000 - 1,800 = -200.00.
    writeFileSync(join(fx.clients, 'bob', 'good.csv'), BOB_GOOD.replace('1500,USD', '1800,USD'));
    const before = listTree(out);
    const r = await runBatch(request());
    expect([r.computed, r.unchanged]).toEqual([1, 7]);
    const after = listTree(out);
    const changed = [...after.keys()].filter((p) => after.get(p) !== before.get(p)).map((p) => p.slice(out.length + 1)).sort();
    const bobFiles = readdirSync(join(out, 'bob')).map((f) => `bob/${f}`);
    expect(bobFiles).toContain('bob/summary.json');
    expect(changed).toEqual(['.taxlot-batch/bob.json', ...bobFiles, 'index.csv', 'index.pdf'].sort());
    const bob = r.rows.find((row) => row.client === 'bob')!;
    expect([bob.net, bob.shortTerm, bob.deductibleLoss]).toEqual(['-200.00', '-200.00', '200.00']);
  });

  it('command-line flags override taxlot.json files, and changed options re-run the clients', async () => {
    const r = await runBatch(request({ flags: { method: 'fifo' } }));
    expect(r.computed).toBe(8);
    const net = Object.fromEntries(r.rows.map((row) => [row.client, row.net]));
    expect([net.gina, net.hank]).toEqual(['1500.00', '1500.00']); // FIFO: the 1,000 lot
  });

  it('--force recomputes unchanged clients', async () => {
    const r = await runBatch(request({ flags: { method: 'fifo' }, force: true }));
    expect([r.computed, r.unchanged]).toEqual([8, 0]);
  });

  it('a client that now fails loses its previous report files (no stale report beside a failed row)', async () => {
    expect(existsSync(join(out, 'alice', 'summary.json'))).toBe(true);
    writeFileSync(join(fx.clients, 'alice', 'taxlot.json'), '{"year": 1999}');
    const r = await runBatch(request());
    const alice = r.rows.find((row) => row.client === 'alice')!;
    expect([alice.status, alice.reason]).toEqual(['failed', '--year must be a calendar year such as 2024, got 1999']);
    expect(readdirSync(join(out, 'alice'))).toEqual([]);
    rmSync(join(fx.clients, 'alice', 'taxlot.json'));
    const again = await runBatch(request());
    expect(again.rows.find((row) => row.client === 'alice')!.status).toBe('ok');
  });

  it('one client: an input that disappeared after the scan is that client\'s failure, not an exception', async () => {
    const missing = join(fx.clients, 'alice', 'gone.csv');
    const outcome = await runClient({ args: { ...optionDefaults(BATCH_OPTION_TABLE), inputs: [], out: join(fx.base, 'x'), 'max-diagnostics': 0, verbose: false } as never, paths: [missing] });
    expect(outcome.status).toBe('failed');
    // read as an unreadable file (INPUT_UNREADABLE names it in the client's diagnostics), not an exception
    expect(outcome.reason).toBe('nothing could be read (no input in a known format); errors: INPUT_UNREADABLE');
    expect(existsSync(join(fx.base, 'x'))).toBe(false);
  });
});

describe('taxlot batch: usage errors and option problems', () => {
  it('refuses an output folder inside the clients folder or equal to it (exit 2)', async () => {
    for (const bad of [fx.clients, join(fx.clients, 'alice', 'out'), join(fx.clients, 'new')]) {
      const r = await main(['batch', fx.clients, '--out', bad, '--jobs', '1']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('must not contain each other');
    }
    expect(existsSync(join(fx.clients, 'alice', 'out'))).toBe(false);
  });

  it('a bad shared taxlot.json is a usage error, a bad client one fails that client only', async () => {
    const clients = join(fx.base, 'clients2');
    const w = (p: string, t: string) => {
      rmSync(join(clients, p), { force: true });
      writeFileSync(join(clients, p), t);
    };
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(clients, 'a'), { recursive: true });
    mkdirSync(join(clients, 'b'), { recursive: true });
    w('a/x.csv', ALICE);
    w('b/x.csv', koinly('2024-01-02 12:00,1000,USD,1,ETH,,,,,,buy,'));
    w('taxlot.json', '{"year": "2024"}');
    let r = await main(['batch', clients, '--out', join(fx.base, 'out2'), '--jobs', '1']);
    expect([r.exitCode, r.stderr.split('\n')[0]]).toEqual([2, `taxlot: ${join(clients, 'taxlot.json')}: "year" must be a number, got "2024"`]);
    w('taxlot.json', '{"year": 2024}');
    w('b/taxlot.json', '{"method": "average", "carryoverShort": 100}');
    r = await main(['batch', clients, '--out', join(fx.base, 'out2'), '--jobs', '1']);
    expect(r.exitCode).toBe(1);
    const rows = parseIndex(readFileSync(join(fx.base, 'out2', 'index.csv'), 'utf8'));
    const file = 'b/taxlot.json';
    expect(rows.map((x) => [x.client, x.status, x.reason])).toEqual([
      ['b', 'failed', `${file}: "carryoverShort" must be a string, got 100; ${file}: "method" must be one of fifo, lifo, hifo, got "average"`],
      ['a', 'ok', ''],
    ]);
    r = await main(['batch', clients, '--out', join(fx.base, 'out2'), '--jobs', '1', '--timezone', 'Mars/Base']);
    expect(r.exitCode).toBe(2);
  });
});
