/** Every file under a folder with its bytes, to show that a folder was left exactly as it was. */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

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

/** The hidden work-in-progress names taxlot uses beside an output (must be gone after a run). */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.includes('.taxlot-tmp-') || n.includes('.taxlot-old-') || n.endsWith('.tmp'));
}

/** An operating-system error as Node raises it (code, errno, syscall, path). */
export function fsError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, errno: -1, ...(path ? { path } : {}) });
}
