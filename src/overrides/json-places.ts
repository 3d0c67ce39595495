/**
 * Where things are in a JSON text, so a diagnostic about the overrides file can name the line of
 * the entry it is about (`overrides.json:7`) and not only its path (`rows[2]`). `JSON.parse` gives
 * no positions; this scans the text once (strings and nesting only, no values built) and records
 * the line on which each element of a top-level array starts. Pure.
 */

/**
 * @example linesOfEntries('{"rows": [\n {"a": 1},\n {"b": 2}]}') // Map { 'rows[0]' => 2, 'rows[1]' => 3 }
 */
export function linesOfEntries(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let line = 1;
  let depth = 0;
  // at depth 1 (inside the top object): the last key read; at depth 2 (inside its array): the index
  let key: string | undefined;
  let index = -1;
  let inArray = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === '"') {
      const start = i + 1;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
        i++;
      }
      if (depth === 1 && !expectValue) key = text.slice(start, i);
      else if (depth === 2 && inArray && expectValue) record();
      expectValue = depth === 2 && inArray ? false : expectValue;
      continue;
    }
    if (c === ':' && depth === 1) {
      expectValue = true;
      continue;
    }
    if (c === ',' && depth === 2 && inArray) {
      expectValue = true;
      continue;
    }
    if (c === ',' && depth === 1) {
      expectValue = false;
      continue;
    }
    if (c === '{' || c === '[') {
      if (depth === 2 && inArray && expectValue) {
        record();
        expectValue = false;
      }
      depth++;
      if (depth === 2) {
        inArray = c === '[';
        index = -1;
        expectValue = inArray;
      }
      continue;
    }
    if (c === '}' || c === ']') {
      depth--;
      if (depth === 1) expectValue = false;
      continue;
    }
    if (depth === 2 && inArray && expectValue && !/\s/.test(c)) {
      record();
      expectValue = false;
    }
  }
  return out;

  function record(): void {
    index++;
    if (key !== undefined) out.set(`${key}[${index}]`, line);
  }
}

/** The line of a character offset (from a JSON.parse message "at position N"). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
