/** What a command hands back to `main.ts`: commands never write to the terminal or exit themselves. */
import type { Argv } from 'yargs';
import type { ProgressSink } from '../pipeline/progress.js';
import type { Style } from './color.js';

export interface CommandResult {
  /** 0, 1, 2 as docs/contract.md says; 130/143 after SIGINT/SIGTERM. */
  readonly exitCode: 0 | 1 | 2 | 130 | 143;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The terminal around a command, made once by `main.ts`: where progress goes (undefined with
 * `--quiet`, `--json`, or when the caller wants none) and how to colour text.
 */
export interface RunContext {
  readonly progress?: ProgressSink;
  /** Erase a live progress line before the command's own output is printed. */
  readonly clearProgress: () => void;
  /** Colour for what goes to stdout (the answer), and for what goes to stderr (diagnostics): each stream decides for itself. */
  readonly paint: (style: Style, text: string) => string;
  readonly paintErr: (style: Style, text: string) => string;
}

export const PLAIN_CONTEXT: RunContext = { clearProgress: () => {}, paint: (_s, t) => t, paintErr: (_s, t) => t };

export interface TaxlotCommand<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder: (y: Argv<object>) => Argv<A>;
  readonly run: (args: A, ctx: RunContext) => CommandResult | Promise<CommandResult>;
}
