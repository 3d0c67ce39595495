/** What a command hands back to `main.ts`: commands never write to the terminal or exit themselves. */
import type { Argv } from 'yargs';

export interface CommandResult {
  /** 0, 1, 2 as the contract says; 130/143 after SIGINT/SIGTERM. */
  readonly exitCode: 0 | 1 | 2 | 130 | 143;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TaxlotCommand<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder: (y: Argv<object>) => Argv<A>;
  readonly run: (args: A) => CommandResult | Promise<CommandResult>;
}
