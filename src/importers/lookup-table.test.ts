/**
 * Cells named like Object's own properties (`constructor`, `__proto__`, `toString`) are unknown
 * values, not matches: found by fuzzing (test/fuzz/importers.fuzz.test.ts), where a Koinly label
 * `constructor` and a Crypto.com kind `__proto__` crashed the row mappers.
 */
import { describe, expect, it } from 'vitest';
import { ALL_IMPORTERS } from './index.js';
import { importFile } from './import-file.js';
import { lookupTable } from './lookup-table.js';

const KOINLY = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

describe('lookupTable', () => {
  it('answers its own keys only', () => {
    const t = lookupTable({ buy: 1 });
    expect(t['buy']).toBe(1);
    for (const inherited of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(t[inherited]).toBeUndefined();
    expect(Object.isFrozen(t)).toBe(true);
  });
});

describe('labels named like object properties', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a Koinly deposit and withdrawal labelled %s are rejected rows', (label) => {
    const text = `${KOINLY}\n2024-01-01 10:00,,,1,SOL,,,,,${label},,\n2024-01-02 10:00,1,SOL,,,,,,,${label},,\n`;
    const r = importFile('w.csv', text, { importers: ALL_IMPORTERS });
    expect(r.accounting).toMatchObject({ rows: 2, imported: 0, rejected: 2 });
    expect(r.diagnostics.map((d) => `${d.source?.line} ${d.code}`)).toEqual(['2 ROW_UNKNOWN_TYPE', '3 ROW_UNKNOWN_TYPE']);
  });
});
