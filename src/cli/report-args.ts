/**
 * The arguments of `taxlot report` as the command line (and each batch client) gives them: what
 * the report command, the multi-year folder writer and batch all take.
 */
import type { CommonArgs, PresentationArgs, ProviderArgs } from './options.js';

export interface ReportArgs extends CommonArgs, ProviderArgs, PresentationArgs {
  inputs: string[];
  out: string;
  pdf: boolean;
  'max-diagnostics': number;
  verbose: boolean;
  /** Global `--quiet` / `--json` (absent in batch clients). */
  quiet?: boolean;
  json?: boolean;
  /** Batch only: input names shown relative to the clients folder, never as paths of the accountant's disk. */
  'display-root'?: string;
  /** `--allow-out-inside-inputs` (absent in batch, whose --out never overlaps the clients folder). */
  'allow-out-inside-inputs'?: boolean;
  /** `--compare-methods` (report only): FIFO, LIFO and HIFO side by side. */
  'compare-methods'?: boolean;
}
