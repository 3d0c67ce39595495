/**
 * Fitting text into a table cell without overflow: word wrap to a number of lines, then an
 * ellipsis; or a single line cut at the start (`…/exports/kraken.csv:1234`, the informative end
 * of a path) or at the end. Pure: measuring is passed in, so it can be tested without a PDF.
 */

import { escapeChar, hasInvisible } from '../../model/visible-text.js';

export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** Characters the standard PDF fonts (WinAnsi) can show; anything else prints as `?`. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Printable ASCII only: shown as it is. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * @example pdfSafe('BTC ₿') === 'BTC ?'
 */
export function pdfSafe(text: string): string {
  if (PLAIN.test(text)) return text;
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    if (hasInvisible(ch)) out += escapeChar(ch); // shown, never dropped: B\u{200b}TC is not BTC
    else if (showable(ch)) out += ch;
    else out += fold(ch);
  }
  return out;
}

function showable(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
}

/** Look-alikes the standard fonts can show, for letters and marks that have no decomposition. */
const FOLD: Readonly<Record<string, string>> = {
  'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ŧ': 'T', 'ŧ': 't', 'ĸ': 'k', 'Ŋ': 'N', 'ŋ': 'n',
  '№': 'No.', '−': '-', '‐': '-', '‑': '-', '‒': '–', '―': '—', '′': "'", '″': '"', '⁄': '/',
  '←': '<-', '→': '->', '↔': '<->', '≤': '<=', '≥': '>=', '≠': '!=', '≈': '~',
};

/**
 * A character the standard fonts cannot show: its look-alike (Ł → L, № → No.), its compatibility
 * decomposition without accents (ő → o, ﬁ → fi, full-width Ａ → A), nothing for a lone accent, a
 * space for exotic spaces, else `?`. Invisible characters (zero-width spaces, bidi controls, soft
 * hyphens: `model/visible-text.ts`) never reach here: `pdfSafe` shows them as `\u{200b}` escapes.
 */
function fold(ch: string): string {
  const mapped = FOLD[ch];
  if (mapped !== undefined) return mapped;
  if (/^[\u0300-\u036f]$/u.test(ch)) return '';
  if (/^[\u2000-\u200a\u202f\u205f\u3000]$/u.test(ch)) return ' ';
  const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (plain !== '' && plain !== ch && [...plain].every(showable)) return plain;
  return '?';
}

/** More characters than any table line can show at any font size the templates use. */
const MAX_LINE_CHARS = 1000;

/**
 * How many of `chars` (at least 1, at most all but one) fit in `width`: a binary search, so a long
 * word costs log(n) measurements, not n.
 */
function longestFitting(chars: readonly string[], width: number, measure: Measure): number {
  let lo = 1;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('')) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Longest prefix (or suffix) of `text` that fits in `width` together with an ellipsis. */
function cut(text: string, width: number, measure: Measure, from: 'start' | 'end'): string {
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = from === 'end' ? chars.slice(0, mid).join('') + ELLIPSIS : ELLIPSIS + chars.slice(chars.length - mid).join('');
    if (measure(candidate) <= width) lo = mid;
    else hi = mid - 1;
  }
  return from === 'end' ? chars.slice(0, lo).join('') + ELLIPSIS : ELLIPSIS + chars.slice(chars.length - lo).join('');
}

/**
 * One line, cut with an ellipsis when too wide.
 * @example truncate('exports/2024/kraken.csv:12', 60, m, 'start') === '…kraken.csv:12'
 */
export function truncate(text: string, width: number, measure: Measure, from: 'start' | 'end' = 'end'): string {
  return measure(text) <= width ? text : cut(text, width, measure, from);
}

/**
 * Word-wrap into at most `maxLines` lines; the last line ends with an ellipsis if text remains.
 * A word wider than the line is broken by characters.
 * @example wrap('0.123456789 BTC for 1.2 ETH', 50, m, 2) // → ['0.123456789', 'BTC for 1.2 ETH']
 */
export function wrap(fullText: string, width: number, measure: Measure, maxLines: number): string[] {
  // No table line holds MAX_LINE_CHARS characters: what lies beyond maxLines of them can only end
  // up behind the ellipsis, so it is not measured (a crafted 10,000-character cell stays cheap).
  const text = fullText.length > maxLines * MAX_LINE_CHARS ? fullText.slice(0, maxLines * MAX_LINE_CHARS) + ELLIPSIS.repeat(2) : fullText;
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  const pushWord = (word: string): void => {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= width) {
      current = candidate;
      return;
    }
    if (current !== '') lines.push(current);
    current = '';
    let rest = word;
    while (measure(rest) > width) {
      const chars = [...rest];
      const n = longestFitting(chars, width, measure);
      lines.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    current = rest;
  };
  for (const w of words) pushWord(w);
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  kept[maxLines - 1] = cut(last, width, measure, 'end');
  return kept;
}

/** Break points of a path or file:line: after a separator. */
const PATH_TOKEN = /[^/\\\-_.:\s]*(?:[/\\\-_.:\s]+|$)/g;

/**
 * A path (`folder/sub/wallet.csv:12`) over at most `maxLines` lines, broken after `/`, `-`, `_`,
 * `.` or `:` where possible; when it does not fit, the start is cut with an ellipsis, so the file
 * name and line number — the informative end — are always shown whole.
 * @example wrapPath('exports/2024/kraken-ledger.csv:12', 15, m, 2) // → ['exports/2024/', 'kraken-ledger.csv:12'] at width 20
 */
export function wrapPath(fullText: string, width: number, measure: Measure, maxLines: number): string[] {
  // as in `wrap`, but a path keeps its end: only the last maxLines × MAX_LINE_CHARS can show
  const text = fullText.length > maxLines * MAX_LINE_CHARS ? ELLIPSIS + fullText.slice(fullText.length - maxLines * MAX_LINE_CHARS) : fullText;
  if (measure(text) <= width) return [text];
  const tokens = (text.match(PATH_TOKEN) ?? []).filter((t) => t !== '');
  // Pieces no wider than a line: a token too wide is broken by characters.
  const pieces: string[] = [];
  for (const token of tokens) {
    let rest = token;
    while (measure(rest) > width && [...rest].length > 1) {
      const chars = [...rest];
      const n = longestFitting(chars, width, measure);
      pieces.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    pieces.push(rest);
  }
  const forward: string[] = [];
  let current = '';
  for (const p of pieces) {
    if (current !== '' && measure(current + p) > width) {
      forward.push(current.trimEnd());
      current = '';
    }
    current += p;
  }
  if (current !== '') forward.push(current.trimEnd());
  if (forward.length <= maxLines) return forward;
  // Too long: fill the lines from the end, then cut the first kept line at its start.
  const backward: string[] = [];
  current = '';
  let i = pieces.length - 1;
  for (; i >= 0 && backward.length < maxLines - 1; i--) {
    const p = pieces[i] as string;
    if (current !== '' && measure(p + current) > width) {
      backward.unshift(current.trimEnd());
      current = '';
    }
    current = p + current;
  }
  const head = pieces.slice(0, i + 1).join('') + current;
  if (maxLines === 1) return [cut(head, width, measure, 'start')];
  backward.unshift(cut(head, width, measure, 'start'));
  return backward;
}
