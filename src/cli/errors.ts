/**
 * The two kinds of exception the CLI knows. Bad data is never an exception (it is a diagnostic).
 * `UsageError`: the command line or the files given cannot be used — short message, exit 2.
 * Anything else thrown is a bug: reported as such, with the stack, exit 2.
 */
import { printable } from '../diagnostics/format-diagnostic.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';

  /** Each of `lines` is printed on a line of its own (with its control characters escaped, as every message is). */
  static ofLines(lines: readonly string[]): UsageError {
    const e = new UsageError(lines.join('\n'));
    e.lines = lines;
    return e;
  }

  lines?: readonly string[];

  /** The message as printed: control and invisible characters escaped, so an option value cannot drive the terminal or forge a line. */
  printed(): string {
    return (this.lines ?? [this.message]).map(printable).join('\n');
  }
}
