/**
 * Fitting text into a table cell without overflow: word wrap to a number of lines, then an
 * ellipsis; or a single line cut at the start (`…/exports/kraken.csv:1234`, the informative end
 * of a path) or at the end. Pure: measuring is passed in, so it can be tested without a PDF.
 */

export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** Characters the standard PDF fonts (WinAnsi) can show; anything else prints as `?`. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/**
 * @example pdfSafe('BTC ₿') === 'BTC ?'
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    const c = ch.codePointAt(0) as number;
    out += (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch) ? ch : '?';
  }
  return out;
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
export function wrap(text: string, width: number, measure: Measure, maxLines: number): string[] {
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
      let n = chars.length - 1;
      while (n > 1 && measure(chars.slice(0, n).join('')) > width) n--;
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
