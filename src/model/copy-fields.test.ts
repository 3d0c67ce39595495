import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { omitFields, withFields } from './copy-fields.js';

describe('omitFields', () => {
  it('copies every other own field, in order, and leaves the source as it was', () => {
    const source = { kind: 'withdrawal', wallet: 'cold', instant: 5, sent: { asset: 'BTC' } };
    const copy = omitFields(source, ['kind', 'sent']);
    expect(copy).toEqual({ wallet: 'cold', instant: 5 });
    expect(Object.keys(copy)).toEqual(['wallet', 'instant']);
    expect(source).toEqual({ kind: 'withdrawal', wallet: 'cold', instant: 5, sent: { asset: 'BTC' } });
  });
});

describe('withFields', () => {
  it('is { ...source, ...extra }: new fields last, a replaced field keeps its place', () => {
    const source = { asset: 'BTC', amount: '1', note: undefined };
    const copy = withFields(source, { value: 'v', amount: '2' });
    expect(copy).toEqual({ asset: 'BTC', amount: '2', note: undefined, value: 'v' });
    expect(Object.keys(copy)).toEqual(['asset', 'amount', 'note', 'value']);
    expect(Object.keys(copy)).toEqual(Object.keys({ ...source, ...{ value: 'v', amount: '2' } }));
    expect(source).toEqual({ asset: 'BTC', amount: '1', note: undefined });
  });
});

/**
 * The reason these helpers exist, checked on this Node: made in a hot loop, `{ ...x, newField }`
 * objects get a hidden class each, the helpers' copies share one. Runs the compiled functions in a
 * child Node with V8's natives syntax (`%HaveSameMap`).
 */
describe('hidden classes of copies made in a hot loop', () => {
  const script = `
    const omitFields = ${omitFields.toString()};
    const withFields = ${withFields.toString()};
    const same = (make) => {
      const made = [];
      for (let i = 0; i < 5000; i++) made.push(make({ kind: 'x', asset: 'BTC', amount: String(i) }, i));
      return %HaveSameMap(made[10], made[4999]) && %HaveSameMap(made[4000], made[4999]);
    };
    console.log(JSON.stringify({
      spread: same((q, i) => ({ ...q, value: i })),
      withFields: same((q, i) => withFields(q, { value: i })),
      omitFields: same((q) => omitFields(q, ['kind'])),
    }));`;

  it('spread gives each copy its own class; withFields and omitFields share one', () => {
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ spread: false, withFields: true, omitFields: true });
  });
});
