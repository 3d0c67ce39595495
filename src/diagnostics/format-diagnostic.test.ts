/**
 * Diagnostics quote cells and file names from the inputs; printed, they must stay one line each,
 * never carry terminal escape sequences, and never flood the terminal with a megabyte cell.
 */
import { describe, expect, it } from 'vitest';
import { diagnostic, fileDiagnostic } from './diagnostic.js';
import { formatDiagnostic, formatDiagnosticWithOverride, MAX_PRINTED_TEXT, printable } from './format-diagnostic.js';

describe('printable', () => {
  it('shows control characters, DEL, C1 controls and bidi overrides as escapes', () => {
    expect(printable('a\u001b[31mb\u0007c')).toBe('a\\x1b[31mb\\x07c');
    expect(printable('x\ny\rz\tw\u0000')).toBe('x\\x0ay\\x0dz\\x09w\\x00');
    expect(printable('\u007f\u009b')).toBe('\\x7f\\x9b');
    expect(printable('abc\u202edcba')).toBe('abc\\u{202e}dcba');
  });
  it('shows characters that print as nothing as escapes, so B\u200bTC cannot pose as BTC', () => {
    expect(printable('B\u200bTC')).toBe('B\\u{200b}TC');
    // soft hyphen, zero-width joiner, LRM, word joiner, a BOM inside text, a tag character, a line separator
    expect(printable('a\u00adb\u200dc\u200ed\u2060e\ufefff\u{e0041}g\u2028h')).toBe(
      'a\\xadb\\u{200d}c\\u{200e}d\\u{2060}e\\u{feff}f\\u{e0041}g\\u{2028}h',
    );
    expect(printable('\u2066x\u2069\u202a')).toBe('\\u{2066}x\\u{2069}\\u{202a}');
  });
  it('leaves ordinary text, accents and emoji alone', () => expect(printable('café ü € 🚀 ../etc')).toBe('café ü € 🚀 ../etc'));
  it('cuts text longer than the limit and says how much was left out', () => {
    const out = printable('A'.repeat(MAX_PRINTED_TEXT + 250));
    expect(out).toBe(`${'A'.repeat(MAX_PRINTED_TEXT)}… (250 more characters)`);
  });
});

describe('formatDiagnostic', () => {
  it('a newline in a cell cannot forge a second diagnostic line', () => {
    const d = diagnostic('ROW_UNKNOWN_TYPE', 'label "x\nevil.csv:1: error FAKE: y" is not valid', { file: 'w.csv', line: 3, format: 'koinly-universal' });
    expect(formatDiagnostic(d).split('\n')).toEqual([
      'w.csv:3: error ROW_UNKNOWN_TYPE: label "x\\x0aevil.csv:1: error FAKE: y" is not valid',
      `  hint: ${diagnostic('ROW_UNKNOWN_TYPE', '').hint}`,
    ]);
    expect(formatDiagnosticWithOverride(d).split('\n')[2]).toMatch(/^ {2}override: \{"rows":\[\{"file":"w\.csv","line":3,"as":"income",/);
  });
  it('names the override that would resolve a diagnostic, with its file and line', () => {
    const d = diagnostic('PRICE_MISSING', 'no USD price for XYZ', { file: 'wallets/w.csv', line: 7, format: 'koinly-universal' });
    expect(formatDiagnosticWithOverride(d).split('\n')[2]).toBe('  override: {"rows":[{"file":"wallets/w.csv","line":7,"value":"…"}]}');
    expect(formatDiagnosticWithOverride(diagnostic('BALANCE_NEGATIVE', 'x', { file: 'w.csv', line: 2, format: 'f' })).split('\n')).toHaveLength(2);
  });
  it('escapes a file name with control characters', () => {
    expect(formatDiagnostic(fileDiagnostic('INPUT_EMPTY', 'a\u001b]0;t\u0007.csv', 'the file is empty')).split('\n')[0]).toBe(
      'a\\x1b]0;t\\x07.csv: warning INPUT_EMPTY: the file is empty',
    );
  });
});
