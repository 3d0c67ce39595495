/**
 * CSV text → rows of raw string cells, each with the physical line it starts on.
 *
 * papaparse with `header: false` and no type conversion: every cell stays a string (amounts must
 * never pass through JS numbers). Line numbers are physical: a quoted cell that spans lines
 * pushes the following rows down, exactly as an editor shows them. Line endings are normalised
 * first (CRLF, CR) so that counting newlines is exact for mixed files.
 *
 * Invariant: each returned row's `line` is the 1-based line on which the row's first cell starts.
 */
import Papa from 'papaparse';

export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface CsvText {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvProblem[];
}

/** Remove a UTF-8 byte-order mark and normalise line endings to `\n`. */
export function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, '\n');
}

/**
 * Parse normalised CSV text. Blank lines are dropped (they are not data rows).
 * @example readCsv('a,b\n1,"x\ny"\n3,4', ',').rows.map((r) => r.line) // [1, 2, 4]
 */
export function readCsv(text: string, delimiter: string): CsvText {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let start = 0; // offset where the current row starts
  let line = 1; // physical line at `start`
  let counted = 0; // offset up to which newlines have been counted into `line`
  const advanceTo = (offset: number): void => {
    for (let i = counted; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    counted = Math.max(counted, offset);
  };
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result) => {
      advanceTo(start);
      const cells = result.data;
      for (const e of result.errors) problems.push({ line, message: e.message });
      const isBlank = cells.length === 0 || (cells.length === 1 && (cells[0] ?? '').trim() === '');
      if (!isBlank) rows.push({ line, cells });
      start = result.meta.cursor + 1;
    },
  });
  return { rows, problems };
}
