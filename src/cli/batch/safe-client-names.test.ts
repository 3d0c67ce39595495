import { describe, expect, it } from 'vitest';
import { safeClientName, safeClientNames } from './safe-client-names.js';

describe('safeClientName', () => {
  it.each([
    ['alice', 'alice'],
    ['Smith & Co (2024)', 'Smith & Co (2024)'],
    ['..', '__'],
    ['.', '_'],
    ['..evil', '__evil'],
    ['../evil', '___evil'],
    ['a/b\\c', 'a_b_c'],
    ['tab\there', 'tab_here'],
    ['bell\u0007', 'bell_'],
    ['rtl\u202Eexe.csv', 'rtl_exe.csv'],
    ['=HYPERLINK("x")', '_HYPERLINK(_x_)'],
    ['-rf', '_rf'],
    ['trailing. ', 'trailing__'],
    ['CON', 'CON_'],
    ['lpt1.txt', 'lpt1.txt_'],
    ['index.csv', 'index.csv_'],
    ['Index.PDF', 'Index.PDF_'],
    ['', '_'],
    ['x'.repeat(150), 'x'.repeat(100)],
  ])('%j → %j', (name, expected) => {
    expect(safeClientName(name)).toBe(expected);
  });
});

describe('safeClientNames', () => {
  it('resolves collisions deterministically, case-insensitively, whatever the input order', () => {
    // Unchanged names first ('Alice' < 'a_b' < 'alice'), then the sanitised ones ('../a' < 'a/b' < 'a:b'):
    // 'a_b' keeps its own name, 'alice' collides with 'Alice' case-insensitively, and 'a/b', 'a:b'
    // (both sanitised to 'a_b') get the next free suffixes.
    const expected = [
      ['Alice', 'Alice'],
      ['a_b', 'a_b'],
      ['alice', 'alice~2'],
      ['../a', '___a'],
      ['a/b', 'a_b~2'],
      ['a:b', 'a_b~3'],
    ];
    expect([...safeClientNames(['alice', 'a_b', 'a:b', 'Alice', 'a/b', '../a'])]).toEqual(expected);
    expect([...safeClientNames(['../a', 'a/b', 'a:b', 'Alice', 'alice', 'a_b'])]).toEqual(expected);
  });

  it('never hands out a suffixed name that another folder has as its own name', () => {
    const names = safeClientNames(['a~2', 'A', 'a']);
    expect([...names]).toEqual([['A', 'A'], ['a', 'a~3'], ['a~2', 'a~2']]);
  });
});
