import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Options } from 'yargs';
import { configKey, optionDefaults, readBatchConfig } from './batch-config.js';

const TABLE: Record<string, Options> = {
  year: { type: 'number' },
  method: { type: 'string', choices: ['fifo', 'lifo', 'hifo'] },
  'lot-scope': { type: 'string', choices: ['auto', 'universal', 'per-wallet'], default: 'auto' },
  'carryover-short': { type: 'string', default: '0' },
  prices: { type: 'string' },
  pdf: { type: 'boolean', default: true },
};
const FILE = join('clients', 'bob', 'taxlot.json');

describe('readBatchConfig', () => {
  it('maps camelCase keys to flags and resolves paths against the file that names them', () => {
    const r = readBatchConfig(
      '{"year": 2024, "method": "hifo", "lotScope": "universal", "carryoverShort": "1500.50", "prices": "p.csv", "pdf": false}',
      FILE,
      TABLE,
    );
    expect(r).toEqual({
      values: { year: 2024, method: 'hifo', 'lot-scope': 'universal', 'carryover-short': '1500.50', prices: join('clients', 'bob', 'p.csv'), pdf: false },
      problems: [],
    });
  });

  it('takes a method schedule as --method does, and refuses one it cannot read', () => {
    const table: Record<string, Options> = { method: { type: 'string' } };
    expect(readBatchConfig('{"method": "fifo,hifo:2025-01-01"}', FILE, table)).toEqual({ values: { method: 'fifo,hifo:2025-01-01' }, problems: [] });
    expect(readBatchConfig('{"method": "fifo,hifo"}', FILE, table).problems).toEqual([`${FILE}: "method" must be one of fifo, lifo, hifo, got "fifo,hifo"`]);
  });

  it('keeps an absolute path as it is', () => {
    expect(readBatchConfig('{"prices": "/data/p.csv"}', FILE, TABLE).values).toEqual({ prices: '/data/p.csv' });
  });

  it('lists every problem: unknown keys, wrong types, values outside the choices', () => {
    const r = readBatchConfig('{"methd": "fifo", "year": "2024", "lotScope": "wallet", "carryoverShort": 100, "pdf": "no"}', FILE, TABLE);
    expect(r.problems).toEqual([
      `${FILE}: "carryoverShort" must be a string, got 100`,
      `${FILE}: "lotScope" must be one of auto, universal, per-wallet, got "wallet"`,
      `${FILE}: unknown option "methd" (known: carryoverShort, lotScope, method, pdf, prices, year)`,
      `${FILE}: "pdf" must be true or false, got "no"`,
      `${FILE}: "year" must be a number, got "2024"`,
    ]);
  });

  it('reads the contract key "overrides" as a path', () => {
    expect(readBatchConfig('{"overrides": "o.json"}', FILE, { ...TABLE, overrides: { type: 'string' } }).problems).toEqual([]);
  });

  it.each([
    ['{"year": 2024', 'is not valid JSON'],
    ['[1, 2]', 'must hold a JSON object'],
    ['null', 'must hold a JSON object'],
  ])('refuses %j', (text, message) => {
    const r = readBatchConfig(text, FILE, TABLE);
    expect(r.values).toEqual({});
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(message);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(readBatchConfig('\uFEFF{"year": 2023}', FILE, TABLE).values).toEqual({ year: 2023 });
  });
});

describe('optionDefaults and configKey', () => {
  it('collects the defaults of the table', () => {
    expect(optionDefaults(TABLE)).toEqual({ 'lot-scope': 'auto', 'carryover-short': '0', pdf: true });
  });
  it.each([['lot-scope', 'lotScope'], ['carryover-short', 'carryoverShort'], ['price-api-key-header', 'priceApiKeyHeader'], ['year', 'year']])('%s → %s', (flag, key) => {
    expect(configKey(flag)).toBe(key);
  });
});
