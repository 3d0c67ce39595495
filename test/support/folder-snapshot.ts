/** Every file under a folder with its bytes, to show that a folder was left exactly as it was. */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = lstatSync(path);
      if (st.isDirectory()) {
        files.set(`${prefix}${name}/`, '');
        walk(path, `${prefix}${name}/`);
      } else if (st.isSymbolicLink()) files.set(`${prefix}${name}`, `-> ${readlinkSync(path)}`);
      else files.set(`${prefix}${name}`, readFileSync(path).toString('base64'));
    }
  };
  walk(dir, '');
  return files;
}

/** Every file under `dir`, hidden ones included: relative path → SHA-256 of its bytes, in path order (to compare two report folders). */
export function fileDigests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The hidden work-in-progress names taxlot uses beside an output (must be gone after a run). */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.includes('.taxlot-tmp-') || n.includes('.taxlot-old-') || n.endsWith('.tmp'));
}

/** An operating-system error as Node raises it (code, errno, syscall, path). */
export function fsError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, errno: -1, ...(path ? { path } : {}) });
}
