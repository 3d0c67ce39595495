/**
 * The clients folder on disk: which immediate subfolders are clients, and which CSV files are
 * each client's inputs.
 *
 * Symbolic links are followed only while they stay inside the clients folder (checked on the
 * link's real path), so a crafted link cannot make the batch read someone else's files; a link
 * that leaves is not followed and is reported. Entries are sorted by name (code-unit order), so
 * the input order never depends on the file system. `report` itself ignores symbolic links
 * inside an input folder; see README "Symbolic links".
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';

export interface ClientFolder {
  /** The folder's name as on disk. */
  readonly name: string;
  /** `<clients-dir>/<name>`, as the user's path spells it (this is what diagnostics show). */
  readonly dir: string;
  /** Why the folder cannot be used (a link leaving the clients folder, a broken link). */
  readonly problem?: string;
}

export interface ClientInputs {
  /** CSV files, depth first in name order. */
  readonly files: readonly string[];
  /** Links that lead outside the clients folder: not followed. */
  readonly escapingLinks: readonly string[];
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Is `path` (a real path) the folder `root` (a real path) or inside it? */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Every immediate subfolder of the clients folder (files there, such as `taxlot.json`, are not
 * clients).
 * @param clientsDir the clients folder as given
 * @param root its real path
 */
export function listClientFolders(clientsDir: string, root: string): ClientFolder[] {
  const out: ClientFolder[] = [];
  for (const entry of readdirSync(clientsDir, { withFileTypes: true }).sort(byName)) {
    const dir = join(clientsDir, entry.name);
    if (entry.isDirectory()) {
      out.push({ name: entry.name, dir });
    } else if (entry.isSymbolicLink()) {
      const real = realpathOrUndefined(dir);
      if (real === undefined) {
        out.push({ name: entry.name, dir, problem: 'the folder is a broken symbolic link' });
      } else if (statSync(real).isDirectory()) {
        if (isInside(real, root)) out.push({ name: entry.name, dir });
        else out.push({ name: entry.name, dir, problem: 'the folder is a symbolic link that leaves the clients folder; not followed' });
      }
    }
  }
  return out;
}

/**
 * A client's CSV files, recursively.
 * @param dir the client folder as given
 * @param root the real path of the clients folder: links resolving outside it are not followed
 */
export function collectClientInputs(dir: string, root: string): ClientInputs {
  const files: string[] = [];
  const escapingLinks: string[] = [];
  const visited = new Set<string>();
  const walk = (folder: string): void => {
    const real = realpathOrUndefined(folder);
    if (real === undefined || visited.has(real)) return; // a link cycle inside the tree
    visited.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort(byName)) {
      const path = join(folder, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = realpathOrUndefined(path);
        if (target === undefined) continue;
        if (!isInside(target, root)) {
          escapingLinks.push(path);
          continue;
        }
        const stat = statSync(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDir) walk(path);
      else if (isFile && entry.name.toLowerCase().endsWith('.csv')) files.push(path);
    }
  };
  walk(dir);
  return { files, escapingLinks };
}
