/**
 * The two kinds of exception the CLI knows. Bad data is never an exception (it is a diagnostic).
 * `UsageError`: the command line or the files given cannot be used — short message, exit 2.
 * Anything else thrown is a bug: reported as such, with the stack, exit 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
