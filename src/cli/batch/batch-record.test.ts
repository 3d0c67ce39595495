/** Leftovers of killed batches: removed when their process is gone, left alone while it lives. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDeadLeftovers, removeOwnStaging } from './batch-record.js';

const DEAD = 999_999_999; // above any pid_max: no such process

function out(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-record-'));
  mkdirSync(join(dir, '.taxlot-batch'));
  return dir;
}

describe('removeDeadLeftovers', () => {
  it('removes a dead run\'s temporaries and staging folders, renames an old report back, keeps a live one\'s', () => {
    const dir = out();
    writeFileSync(join(dir, `.index.csv.taxlot-tmp-${DEAD}-0a`), 'half');
    writeFileSync(join(dir, '.taxlot-batch', `.alice.json.taxlot-tmp-${DEAD}-0b`), 'half');
    mkdirSync(join(dir, `.bob.taxlot-tmp-${DEAD}-0c`));
    mkdirSync(join(dir, `.alice.taxlot-old-${DEAD}-0d`));
    writeFileSync(join(dir, `.alice.taxlot-old-${DEAD}-0d`, '.taxlot-manifest.json'), '{}');
    writeFileSync(join(dir, `.alice.taxlot-old-${DEAD}-0d`, 'summary.json'), 'alice before');
    const live = `.carol.taxlot-tmp-${process.ppid}-0e`; // the test runner's parent: alive
    mkdirSync(join(dir, live));
    writeFileSync(join(dir, 'index.csv'), 'client\n');
    removeDeadLeftovers(dir);
    expect(readdirSync(dir).sort()).toEqual(['.carol.taxlot-tmp-' + process.ppid + '-0e', '.taxlot-batch', 'alice', 'index.csv'].sort());
    expect(readFileSync(join(dir, 'alice', 'summary.json'), 'utf8')).toBe('alice before');
    expect(readdirSync(join(dir, '.taxlot-batch'))).toEqual([]);
    expect(existsSync(join(dir, live))).toBe(true);
  });

  it('an old folder whose client folder is back in place is simply removed', () => {
    const dir = out();
    mkdirSync(join(dir, 'alice'));
    writeFileSync(join(dir, 'alice', 'summary.json'), 'alice now');
    mkdirSync(join(dir, `.alice.taxlot-old-${DEAD}-0d`));
    writeFileSync(join(dir, `.alice.taxlot-old-${DEAD}-0d`, '.taxlot-manifest.json'), '{}');
    removeDeadLeftovers(dir);
    expect(readdirSync(dir).sort()).toEqual(['.taxlot-batch', 'alice']);
    expect(readFileSync(join(dir, 'alice', 'summary.json'), 'utf8')).toBe('alice now');
  });
});

describe('removeOwnStaging', () => {
  it('removes this process\'s staging folders only', () => {
    const dir = out();
    mkdirSync(join(dir, `.alice.taxlot-tmp-${process.pid}-0a`));
    mkdirSync(join(dir, `.bob.taxlot-tmp-${process.ppid}-0b`));
    removeOwnStaging(dir);
    expect(readdirSync(dir).sort()).toEqual([`.bob.taxlot-tmp-${process.ppid}-0b`, '.taxlot-batch']);
  });
});
