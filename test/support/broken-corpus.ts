/**
 * The corpus of broken and hostile inputs (`fixtures/broken/`): its table of expectations
 * (`expected.json`, the one source of truth that README tables mirror) and the files that are
 * generated at test time instead of being committed (megabytes of text).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './run-report.js';

export const BROKEN = join(FIXTURES, 'broken');

export interface BrokenEntry {
  /** File or folder, relative to fixtures/broken (or the name a generated file gets). */
  readonly path: string;
  readonly what: string;
  /** Exit code when given alone. */
  readonly exit: 0 | 1 | 2;
  /** Exit code when given together with fixtures/sample. */
  readonly exitAlongside: 0 | 1 | 2;
  /** Codes printed on stderr, each on a line naming the file. */
  readonly codes: readonly string[];
  /** Diagnostics that must name `file:line`. */
  readonly at: readonly { readonly line: number; readonly code: string }[];
  /** This input's row accounting. */
  readonly inputs?: { readonly rows: number; readonly imported: number; readonly skipped: number; readonly rejected: number };
  /** Made at test time (see `generateBroken`), not committed. */
  readonly generate?: 'megabyte-field' | 'megabyte-line' | 'many-empty-rows';
  /** Set while the behaviour awaits a feature: only what must hold regardless is asserted. */
  readonly pending: string | null;
}

export function brokenEntries(): BrokenEntry[] {
  return (JSON.parse(readFileSync(join(BROKEN, 'expected.json'), 'utf8')) as { entries: BrokenEntry[] }).entries;
}

const KOINLY_HEADER =
  'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const MIB = 1024 * 1024;

/** Write a generated entry into `dir`; returns its path. */
export function generateBroken(entry: BrokenEntry, dir: string): string {
  const file = join(dir, entry.path);
  switch (entry.generate) {
    case 'megabyte-field':
      writeFileSync(
        file,
        [
          KOINLY_HEADER,
          '2023-03-01 10:00,2000,USD,10,SOL,,,,,,first buy,',
          `2023-03-02 10:00,1000,USD,5,SOL,,,,,,"${'x'.repeat(3 * MIB)}",`,
          '2023-03-03 10:00,1000,USD,5,SOL,,,,,,third buy,',
        ].join('\n') + '\n',
      );
      return file;
    case 'megabyte-line':
      writeFileSync(file, `${KOINLY_HEADER}\n${'A'.repeat(2 * MIB)}`);
      return file;
    case 'many-empty-rows':
      writeFileSync(file, `${KOINLY_HEADER}\n${',,,,,,,,,,,\n'.repeat(50_000)}`);
      return file;
    default:
      throw new Error(`${entry.path} is not a generated entry`);
  }
}
