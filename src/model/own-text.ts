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

const SEEN = new Map<string, string>();
const MAX_SEEN = 10_000;

/**
 * A short label repeated on many rows (a wallet name): one own copy shared by every row that
 * states it. A memo only: bounded, and the text is the same with or without it.
 */
export function sharedText(text: string): string {
  const seen = SEEN.get(text);
  if (seen !== undefined) return seen;
  const own = ownText(text);
  if (SEEN.size < MAX_SEEN) SEEN.set(own, own);
  return own;
}
