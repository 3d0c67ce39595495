/**
 * CSV rendering shared by every CSV output: RFC 4180 quoting, `\n` line ends, and protection
 * against formula injection — a text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed
 * with `'` so a spreadsheet shows it as text instead of executing it (OWASP "CSV Injection").
 * Numeric cells are written as they are: `-12.50` stays a number.
 */
export type Cell = string | number | { readonly number: string } | undefined;

/** Mark a string as a number so it is not defused (amounts may be negative). */
export const num = (text: string): Cell => ({ number: text });

const DANGEROUS = /^[=+\-@\t\r]/;

export function renderCell(cell: Cell): string {
  let text: string;
  if (cell === undefined) text = '';
  else if (typeof cell === 'number') text = String(cell);
  else if (typeof cell === 'object') text = cell.number;
  else text = DANGEROUS.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map((h) => renderCell(h)).join(',')];
  for (const row of rows) lines.push(row.map(renderCell).join(','));
  return `${lines.join('\n')}\n`;
}
