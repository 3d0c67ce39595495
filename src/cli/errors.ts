/**
 * The kinds of exception the CLI knows. Bad data is never an exception (it is a diagnostic).
 * `UsageError`: the command line or the files given cannot be used — short message, exit 2.
 * `OutputError`: the report could not be written (a full disk, a permission, a lock held by
 * another run) — the path and the cause, exit 2; the previous report is left as it was.
 * `Interrupted`: SIGINT/SIGTERM arrived while writing — exit 130/143 after cleaning up.
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

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(readonly signal: NodeJS.Signals, detail?: string) {
    super(`interrupted (${signal})${detail ? `; ${detail}` : ''}`);
  }
  /** The shell's convention: 128 + the signal number (SIGINT 2 → 130, SIGTERM 15 → 143). */
  get exitCode(): 130 | 143 {
    return this.signal === 'SIGINT' ? 130 : 143;
  }
}

/** What an errno code means, in words a user can act on. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  ENOENT: 'a folder on the path does not exist',
  EEXIST: 'something of that name is already there',
  EIO: 'an input/output error of the disk',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links on the path',
  EBUSY: 'the file or folder is busy',
  EXDEV: 'the staging folder is on another file system',
};

/** "no space left on the disk (ENOSPC)" for a Node file-system error; its message otherwise. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EEXIST' && (e as NodeJS.ErrnoException).syscall === 'mkdir') return 'a file is in the way of a folder of that name (EEXIST)';
  if (typeof code === 'string' && CAUSES[code]) return `${CAUSES[code]} (${code})`;
  if (typeof code === 'string') return `${(e as Error).message.replace(/^[A-Z]+: /, '')}`;
  return e instanceof Error ? e.message : String(e);
}

/** True for an error raised by the operating system (it has an errno code), not by taxlot itself. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}
