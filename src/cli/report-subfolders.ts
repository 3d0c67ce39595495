/**
 * Sub-folders of a report folder (a multi-year report writes `<out>/2024/…`, one complete report
 * per year): the names, the ownership walk and the per-folder manifests `report-folder.ts` uses.
 * A name in a manifest is a path relative to the folder, plain names joined by `/`.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenFile } from './write-outputs.js';

const MANIFEST = '.taxlot-manifest.json';

/** A relative path that stays inside its folder: plain names (no `.`, `..`, empty or `\`) joined by `/`. */
export function isInsideName(name: string): boolean {
  return name !== '' && name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && !seg.includes('\\'));
}

/** Every folder that holds one of `names` (for `a/b/c.csv`: `a` and `a/b`). */
export function listedFolders(names: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const name of names) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return folders;
}

/** The manifest every sub-folder of `names` gets. */
export function manifestsOf(names: readonly string[]): string[] {
  return [...listedFolders(names)].map((f) => `${f}/${MANIFEST}`);
}

/** The written files of each sub-folder, in writing order, named relative to it (the top folder's own files are not included). */
export function byFolder(written: readonly WrittenFile[]): Map<string, WrittenFile[]> {
  const out = new Map<string, WrittenFile[]>();
  for (const f of written) {
    const cut = f.name.lastIndexOf('/');
    if (cut < 0) continue;
    const folder = f.name.slice(0, cut);
    const list = out.get(folder) ?? [];
    list.push({ ...f, name: f.name.slice(cut + 1) });
    out.set(folder, list);
  }
  return out;
}

/**
 * The user's entries of `dir`, as paths relative to it: everything but the files taxlot owns
 * (`ours`) and its top manifest; a folder taxlot wrote files into (`taxlotFolders`) is walked,
 * any other entry is the user's whole.
 */
export function userPaths(dir: string, ours: ReadonlySet<string> | undefined, taxlotFolders: ReadonlySet<string>): string[] {
  const user: string[] = [];
  const walk = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(rel === '' ? dir : join(dir, rel)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const n of names) {
      const p = rel === '' ? n : `${rel}/${n}`;
      if (ours?.has(p) || (ours !== undefined && p === MANIFEST)) continue;
      if (taxlotFolders.has(p) && lstatSync(join(dir, p)).isDirectory()) walk(p);
      else user.push(p);
    }
  };
  walk('');
  return user;
}
