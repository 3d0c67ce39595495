import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from './escape-html.js';

describe('jsonForScript', () => {
  it('writes <, >, & and the line separators as \\u escapes, worked out by hand', () => {
    expect(jsonForScript(['</script>', 'a&b', '\u2028\u2029'])).toBe('["\\u003c/script\\u003e","a\\u0026b","\\u2028\\u2029"]');
    expect(jsonForScript({ note: 'plain text', n: 1 })).toBe('{"note":"plain text","n":1}');
  });

  it('reads back to the same value and never holds a character that could end the script block', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('<', '>', '&', '\u2028', '</script>', '<!--'), fc.integer())), (value) => {
        const json = jsonForScript(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(value);
      }),
    );
  });
});
