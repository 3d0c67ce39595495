/** How many files and rows a run read: rows = imported + skipped + rejected (summary.json `inputs`). */
export interface InputCounts {
  readonly files: number;
  readonly rows: number;
  readonly imported: number;
  readonly skipped: number;
  readonly rejected: number;
}
