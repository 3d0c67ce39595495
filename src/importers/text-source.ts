/**
 * A file's text as the importers see it: whole (tests, the library API) or as a sequence of
 * chunks (the CLI streams big files so that no whole-file string is ever built).
 *
 * A chunked source is a function so that it can be read twice: once for the head (format
 * detection looks at the first lines), once for the rows. Chunk boundaries fall anywhere — inside
 * a line, a quoted cell, a CRLF pair or a surrogate pair is not possible (chunks are decoded text)
 * — and never change what is read: `normalizedChunks` and `csvRecords` carry state across them.
 */
export type TextSource = string | (() => Iterable<string>);

export function chunksOf(source: TextSource): Iterable<string> {
  return typeof source === 'string' ? [source] : source();
}

/**
 * Drop a UTF-8 byte-order mark and turn CRLF and lone CR into LF, across chunk boundaries (a CR
 * at the end of one chunk and an LF at the start of the next are one line break).
 */
export function* normalizedChunks(chunks: Iterable<string>): Generator<string> {
  let first = true;
  let pendingCR = false;
  for (let chunk of chunks) {
    if (chunk === '') continue;
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (pendingCR) {
      // the CR that ended the last chunk was a line break; an LF right after it belongs to it
      chunk = chunk.charCodeAt(0) === 10 ? chunk : `\n${chunk}`;
      pendingCR = false;
    }
    if (chunk.charCodeAt(chunk.length - 1) === 13) {
      pendingCR = true;
      chunk = chunk.slice(0, -1);
    }
    if (chunk.includes('\r')) chunk = chunk.replace(/\r\n?/g, '\n');
    if (chunk !== '') yield chunk;
  }
  if (pendingCR) yield '\n';
}

/** At most this much text is read for the head: a file without line breaks is not read whole. */
const MAX_HEAD_CHARS = 4 << 20;

/** A whole text without its byte-order mark, with LF line breaks (small texts: a price table). */
export function normalizeText(text: string): string {
  return [...normalizedChunks([text])].join('');
}

/** The first `count` lines of a normalised source (fewer at the end of the file or past 4 MiB). */
export function headLines(source: TextSource, count: number): string[] {
  let text = '';
  for (const chunk of normalizedChunks(chunksOf(source))) {
    text += chunk;
    if (countNewlines(text, text.length, count) >= count || text.length >= MAX_HEAD_CHARS) break;
  }
  return text.slice(0, MAX_HEAD_CHARS).split('\n', count);
}

/** Line breaks in `text` before offset `end`, counting no further than `limit`. */
export function countNewlines(text: string, end = text.length, limit = Infinity): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end && n < limit; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The normalised source without its first `skip` lines: the rows below a preamble. The line
 * numbers of what follows are `skip + 1` onwards.
 */
export function* linesFrom(source: TextSource, skip: number): Generator<string> {
  let toSkip = skip;
  for (let chunk of normalizedChunks(chunksOf(source))) {
    while (toSkip > 0 && chunk !== '') {
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        chunk = '';
        break;
      }
      chunk = chunk.slice(nl + 1);
      toSkip--;
    }
    if (chunk !== '') yield chunk;
  }
}
