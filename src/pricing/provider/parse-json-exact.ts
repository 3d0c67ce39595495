/**
 * JSON without floating point: a small recursive-descent parser (RFC 8259) that keeps every number
 * as the exact text the server sent.
 *
 * Why: `JSON.parse` turns `61234.123456789012345` into a binary double before any code sees it,
 * and money must never pass through a float (src/model/decimal.ts). The reviver's source-text
 * access (`context.source`) would solve this, but it is not in Node 20. So the price provider
 * parses responses here and builds a `Dec` from `JsonNumber.text`.
 *
 * Invariant: a number's `text` matches the JSON number grammar exactly, so `new Dec(text)` is
 * exact. Malformed input is a result, never an exception.
 */

/** A JSON number as written, e.g. `{ text: '61234.12' }`. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

export type JsonParseResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly error: string };

/** Nesting limit: a hostile body cannot overflow the stack. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Malformed {
  constructor(readonly message: string) {}
}

/**
 * Parse JSON text, keeping numbers exact.
 * @example (parseJsonExact('{"usd": 0.1}') as any).value.usd.text === '0.1'
 */
export function parseJsonExact(text: string): JsonParseResult {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Malformed(pos >= text.length ? `unexpected end of input after ${text.length} characters` : `${what} at character ${pos + 1}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r')) pos++;
  };
  const expectLiteral = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail('unexpected token');
  };
  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    while (pos < text.length) {
      const c = text[pos] as string;
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail('bad escape in string');
      } else if (c < ' ') {
        fail('control character in string');
      } else {
        out += c;
        pos++;
      }
    }
    return fail('unterminated string');
  };
  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: { [key: string]: JsonValue } = {};
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail('expected a property name');
        const key = parseString();
        skipSpace();
        if (text[pos] !== ':') fail('expected ":"');
        pos++;
        // defineProperty: a key named "__proto__" stays plain data.
        Object.defineProperty(obj, key, { value: parseValue(depth + 1), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return obj;
        } else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      pos++;
      const list: JsonValue[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return list;
      }
      for (;;) {
        list.push(parseValue(depth + 1));
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return list;
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    if (c === 't') return expectLiteral('true'), true;
    if (c === 'f') return expectLiteral('false'), false;
    if (c === 'n') return expectLiteral('null'), null;
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '' && m[0] !== '-') {
      pos += m[0].length;
      return new JsonNumber(m[0]);
    }
    return fail('unexpected token');
  };
  try {
    const value = parseValue(0);
    skipSpace();
    if (pos < text.length) fail('unexpected text after the value');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: e.message };
    throw e;
  }
}

/** The member `key` of an object value, or undefined (for any other value). */
export function member(value: JsonValue | undefined, key: string): JsonValue | undefined {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value) || value instanceof JsonNumber) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}
