import { describe, expect, it } from 'vitest';
import { JsonNumber, member, parseJsonExact, type JsonValue } from './parse-json-exact.js';

const value = (text: string): JsonValue => {
  const r = parseJsonExact(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const numberText = (v: JsonValue | undefined): string => (v instanceof JsonNumber ? v.text : `not a number: ${JSON.stringify(v)}`);

describe('parseJsonExact', () => {
  it.each([
    // Each text has more significant digits than a double keeps, or is a classic float trap.
    ['0.1'],
    ['61234.123456789012345678'],
    ['12345678901234567890123'],
    ['-0.000000012345678901234567'],
    ['1.5e-7'],
    ['6.05E+4'],
    ['0'],
  ])('keeps %s exactly as written', (text) => {
    expect(numberText(member(value(`{"usd": ${text}}`), 'usd'))).toBe(text);
  });

  it('reads nested objects, arrays, strings with escapes, literals', () => {
    const v = value(' {"a": [1, 2.5, true, false, null], "s": "x\\"y\\u00e9\\n", "o": {}} ');
    const a = member(v, 'a') as JsonValue[];
    expect(a.map((x) => (x instanceof JsonNumber ? x.text : x))).toEqual(['1', '2.5', true, false, null]);
    expect(member(v, 's')).toBe('x"yé\n');
    expect(member(v, 'o')).toEqual({});
  });

  it('a "__proto__" key is plain data, not a prototype change', () => {
    const v = value('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['', 'unexpected end of input after 0 characters'],
    ['{"a": 1,}', 'expected a property name at character 9'],
    ['{"a": 01}', 'expected "," or "}" at character 8'],
    ['{"a": .5}', 'unexpected token at character 7'],
    ['{"a": NaN}', 'unexpected token at character 7'],
    ['[1 2]', 'expected "," or "]" at character 4'],
    ['{"a": "tab\there"}', 'control character in string at character 11'],
    ['{"a": 1} x', 'unexpected text after the value at character 10'],
    ['"\\x"', 'bad escape in string at character 2'],
    ['[-]', 'unexpected token at character 2'],
    ['[' .repeat(300), 'nesting too deep at character 258'],
  ])('malformed %j is a result, not an exception: %s', (text, error) => {
    expect(parseJsonExact(text)).toEqual({ ok: false, error });
  });

  it('member() of a non-object is undefined', () => {
    expect(member(value('[1]'), 'a')).toBeUndefined();
    expect(member(value('5'), 'a')).toBeUndefined();
    expect(member(value('null'), 'a')).toBeUndefined();
    expect(member(value('{"b":1}'), 'toString')).toBeUndefined();
  });
});
