/**
 * Text kept for the whole run, copied out of the CSV chunk it was cut from.
 *
 * V8 represents a substring of 13 characters or more as a view (a "sliced string") into its
 * parent: a transaction hash kept from a 1 MiB chunk of CSV text keeps the whole chunk alive.
 * Over a million-row history, the few kept hashes and notes spread over every chunk held most of
 * the input text in memory for the whole run. A copy holds only its own characters.
 */
export function ownText(text: string): string {
  // `' ' + text` is a new string that V8 flattens on `slice` into a fresh copy; the slice drops
  // the space. The result may still be a view, but of this copy, not of the CSV chunk.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

const MAX_MEMO = 10_000;

/**
 * `transform` of a text, remembered per text: a label repeated on many rows (a wallet name, an
 * asset code) is then one own string shared by every row that states it, whatever chunk each row
 * was cut from. A memo only: bounded (the first 10,000 texts), and the result is the same with or
 * without it.
 */
export function memoText(transform: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined) return hit;
    const key = ownText(text);
    const value = transform(key);
    const kept = value === key ? key : ownText(value);
    if (seen.size < MAX_MEMO) seen.set(key, kept);
    return kept;
  };
}

/** A label's own copy, shared by every row that states it (see memoText). */
export const sharedText = memoText((text) => text);
