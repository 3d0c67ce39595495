import { describe, expect, it } from 'vitest';
import { pdfSafe, truncate, wrap } from './fit-text.js';
import { niceAxis } from './bar-chart.js';
import { dec } from '../../model/decimal.js';

/** One unit of width per character: results can be counted by hand. */
const m = (s: string): number => [...s].length;

describe('fitting text into cells', () => {
  it('wraps on spaces, then ends the last allowed line with an ellipsis', () => {
    expect(wrap('0.5 BTC for 1.2 ETH', 8, m, 3)).toEqual(['0.5 BTC', 'for 1.2', 'ETH']);
    // 'aaa bbb ccc ddd' in lines of 7, at most 2: 'aaa bbb', then 'ccc ddd' fits exactly.
    expect(wrap('aaa bbb ccc ddd', 7, m, 2)).toEqual(['aaa bbb', 'ccc ddd']);
    // One more word does not fit: the second line is cut to 6 characters plus '…' (width 7).
    expect(wrap('aaa bbb ccc ddd eee', 7, m, 2)).toEqual(['aaa bbb', 'ccc dd…']);
  });

  it('breaks a word longer than the line by characters', () => {
    expect(wrap('0.123456789012345678', 8, m, 3)).toEqual(['0.123456', '78901234', '5678']);
  });

  it('cuts a path at the start, keeping file:line', () => {
    // Width 15: '…' plus the last 14 characters.
    expect(truncate('exports/2024/kraken-ledger.csv:12', 15, m, 'start')).toBe('…-ledger.csv:12');
    expect(truncate('short.csv:1', 15, m, 'start')).toBe('short.csv:1');
    expect(truncate('abcdefghij', 5, m)).toBe('abcd…');
  });

  it('replaces characters the standard fonts cannot show', () => {
    expect(pdfSafe('BTC ₿ 中 — é')).toBe('BTC ? ? — é');
    expect(pdfSafe('a\nb')).toBe('a b');
  });
});

describe('chart axis', () => {
  it('covers zero and every value with steps of 1, 2 or 5 × 10^k', () => {
    // Span 2,485 − (−700) = 3,185; a fifth is 637 → next nice step 1,000; −700 → −1,000, 2,485 → 3,000.
    const a = niceAxis([dec('2485'), dec('-700')]);
    expect([a.min.toFixed(), a.max.toFixed(), a.step.toFixed()]).toEqual(['-1000', '3000', '1000']);
    // Span 0.75; a fifth is 0.15 → step 0.2; 0.75 → 0.8.
    const b = niceAxis([dec('0.75')]);
    expect([b.min.toFixed(), b.max.toFixed(), b.step.toFixed()]).toEqual(['0', '0.8', '0.2']);
    // All zero: a unit axis, so nothing divides by zero.
    const c = niceAxis([dec('0')]);
    expect([c.min.toFixed(), c.max.toFixed(), c.step.toFixed()]).toEqual(['0', '1', '1']);
  });
});
