import { describe, expect, it } from 'vitest';
import { omitFields } from './omit-fields.js';

describe('omitFields', () => {
  it('copies every other own field, in order, and leaves the source as it was', () => {
    const source = { kind: 'withdrawal', wallet: 'cold', instant: 5, sent: { asset: 'BTC' } };
    const copy = omitFields(source, ['kind', 'sent']);
    expect(copy).toEqual({ wallet: 'cold', instant: 5 });
    expect(Object.keys(copy)).toEqual(['wallet', 'instant']);
    expect(source).toEqual({ kind: 'withdrawal', wallet: 'cold', instant: 5, sent: { asset: 'BTC' } });
  });
});
