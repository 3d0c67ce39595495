import { describe, expect, it } from 'vitest';
import { collapseFileList, countByCode, paintDiagnostics, visibleJson } from './answer.js';
import { visibleLines } from './main.js';
import { colorEnabled, painter } from './color.js';
import { editDistance, suggestOption, withOptionSuggestions } from './suggest.js';
import { diagnostic } from '../diagnostics/diagnostic.js';

describe('collapseFileList', () => {
  it('collapses three or more numbered files of one name into one entry, in place, and keeps the rest', () => {
    const names = ['summary.json', ...Array.from({ length: 66 }, (_, i) => `turbotax-gains-${i + 1}.csv`), 'report.pdf', 'a-1.csv', 'a-2.csv'];
    expect(collapseFileList(names)).toEqual(['summary.json', 'turbotax-gains-1…66.csv (66 files)', 'report.pdf', 'a-1.csv', 'a-2.csv']);
  });
});

describe('countByCode', () => {
  it('counts one severity, most frequent first, ties by code', () => {
    const d = [diagnostic('MISSING_BASIS', 'x'), diagnostic('BALANCE_NEGATIVE', 'y'), diagnostic('MISSING_BASIS', 'z'), diagnostic('ROW_BAD_DATE', 'w')];
    expect(countByCode(d, 'warning')).toEqual([['MISSING_BASIS', 2], ['BALANCE_NEGATIVE', 1]]);
    expect(countByCode(d, 'error')).toEqual([['ROW_BAD_DATE', 1]]);
  });
});

describe('suggestions', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect([editDistance('yaer', 'year'), editDistance('methd', 'method'), editDistance('abc', 'xyz')]).toEqual([1, 1, 3]);
  });

  it('suggests only close names', () => {
    const known = ['year', 'method', 'out', 'o', 'timezone', 'prices'];
    expect(suggestOption('yaer', known)).toBe('year');
    expect(suggestOption('timezon', known)).toBe('timezone');
    expect(suggestOption('price', known)).toBe('prices');
    expect(suggestOption('zzzzzz', known)).toBeUndefined();
    expect(suggestOption('ou', known)).toBe('out');
    expect(suggestOption('ab', ['year', 'o'])).toBeUndefined(); // one-letter aliases are never suggested
  });

  it('adds a line per typo to yargs\' message and leaves other messages alone', () => {
    expect(withOptionSuggestions('Unknown arguments: yaer, zzzz', ['year'])).toBe('Unknown arguments: yaer, zzzz\ndid you mean --year? (for --yaer)');
    expect(withOptionSuggestions('Missing required argument: out', ['out'])).toBe('Missing required argument: out');
  });
});

describe('colour', () => {
  const tty = { isTTY: true, hasColors: () => true };
  const pipe = { isTTY: false };
  it('on a colour terminal unless NO_COLOR; in a pipe only with FORCE_COLOR', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true); // no-color.org: only a non-empty value counts
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled({ isTTY: true, hasColors: () => false }, {})).toBe(false);
  });

  it('paints with ANSI escapes only when enabled', () => {
    expect(painter(true)('red', 'x')).toBe('\x1b[31mx\x1b[39m');
    expect(painter(false)('red', 'x')).toBe('x');
  });
});

describe('paintDiagnostics', () => {
  it('colours the severity word of each diagnostic line only', () => {
    const text = 'w.csv:4: warning MISSING_BASIS: no basis\n  hint: an error here is not painted\nx.csv: error FORMAT_UNKNOWN: unknown';
    expect(paintDiagnostics(text, (style, t) => `<${style}>${t}</>`)).toBe(
      'w.csv:4: <yellow>warning</> MISSING_BASIS: no basis\n  hint: an error here is not painted\nx.csv: <red>error</> FORMAT_UNKNOWN: unknown',
    );
  });
});

describe('visibleJson and visibleLines', () => {
  it('keeps JSON valid and readable back, with no raw invisible character, through the last net', () => {
    const value = { file: 'B\u200bTC\u202e.csv', note: 'tab\there \u0085 \u{e0041}' };
    const line = visibleLines(visibleJson(value));
    expect(line).not.toMatch(/[\u0085\u200b\u202e\t]|\u{e0041}/u);
    expect(JSON.parse(line)).toEqual(value);
  });

  it('keeps taxlot\'s own colours and escapes any other terminal sequence', () => {
    expect(visibleLines('\x1b[33mwarnings\x1b[39m: \x1b[2Jx')).toBe('\x1b[33mwarnings\x1b[39m: \\x1b[2Jx');
  });
});
