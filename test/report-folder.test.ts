/**
 * A report folder is replaced as a whole or left as it was, and taxlot replaces only files it
 * wrote (issue 17 item 3, issue 21 item 3). Faults are injected through the writers' file-system
 * layer (`useOutputFs`): tests run as root, for whom chmod never refuses anything.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { physicalPath } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { acquireOutputLock } from '../src/cli/output-lock.js';
import { MANIFEST_FILE } from '../src/cli/report-folder.js';
import { simulateSignal } from '../src/cli/interrupt.js';
import { useOutputFs } from '../src/cli/write-outputs.js';
import { fsError, leftovers, snapshot } from './support/folder-snapshot.js';
import { KOINLY_HEADER } from './support/report-scenario.js';

/** 0.01 BTC bought for 100, sold for 120 a month later: a short-term gain of 20.00. */
const WALLET = `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`;

function setup(): { input: string; parent: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'taxlot-folder-'));
  const input = join(root, 'wallet.csv');
  writeFileSync(input, WALLET);
  const parent = join(root, 'reports');
  mkdirSync(parent);
  return { input, parent, out: join(parent, 'r') };
}

const report = (input: string, out: string, ...more: string[]) => main(['report', input, '--out', out, '--no-pdf', ...more]);
const method = (out: string): string => (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { method: string }).method;

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('the manifest', () => {
  it('lists every file of the run with its size and SHA-256, and nothing else is in the folder', async () => {
    const { input, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
    expect(manifest.files.map((f) => f.name).sort()).toEqual(readdirSync(out).filter((n) => n !== MANIFEST_FILE).sort());
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.name));
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).capitalGains.net).toBe('20.00');
  });
});

describe('files taxlot did not write', () => {
  it('--no-pdf into a folder holding the user\'s own report.pdf, derivatives.csv and notes keeps them all, byte for byte', async () => {
    const { input, out } = setup();
    mkdirSync(join(out, 'notes'), { recursive: true });
    writeFileSync(join(out, 'report.pdf'), '%PDF my own letter');
    writeFileSync(join(out, 'derivatives.csv'), 'my,own\n');
    writeFileSync(join(out, 'notes', 'call.txt'), 'accountant on Friday');
    symlinkSync('notes/call.txt', join(out, 'latest-note'));
    const before = snapshot(out);
    const r = await report(input, out);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('kept derivatives.csv, latest-note, notes, report.pdf (not written by taxlot');
    const after = snapshot(out);
    for (const [name, bytes] of before) expect(after.get(name), name).toBe(bytes);
    expect(after.has('summary.json')).toBe(true);
    // a second run keeps them too (the manifest does not claim them)
    expect((await report(input, out, '--method', 'hifo')).exitCode).toBe(0);
    const again = snapshot(out);
    for (const [name, bytes] of before) expect(again.get(name), name).toBe(bytes);
  });

  it('refuses (exit 2) to replace a user\'s file whose name the report needs, and changes nothing', async () => {
    const { input, out } = setup();
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), '{"mine": true}');
    const before = snapshot(out);
    const r = await report(input, out);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${out} holds summary.json, which taxlot did not write (it has no ${MANIFEST_FILE}`);
    expect(r.stderr).not.toContain('internal error');
    expect(snapshot(out)).toEqual(before);
  });

  it('a PDF the user adds after a --no-pdf run is not replaced by the next run with a PDF', async () => {
    const { input, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    writeFileSync(join(out, 'report.pdf'), 'mine');
    const r = await main(['report', input, '--out', out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`holds report.pdf, which taxlot did not write (its ${MANIFEST_FILE} does not list it)`);
    expect(readFileSync(join(out, 'report.pdf'), 'utf8')).toBe('mine');
  });
});

describe('a file taxlot wrote that the user changed since', () => {
  it('is the user\'s now: a run with a PDF is refused, a --no-pdf run keeps the edited report.pdf', async () => {
    const { input, out } = setup();
    expect((await main(['report', input, '--out', out])).exitCode).toBe(0);
    writeFileSync(join(out, 'report.pdf'), '%PDF my annotated copy');
    const refused = await main(['report', input, '--out', out]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`${out} holds report.pdf, changed since taxlot wrote it (not the size or SHA-256 its ${MANIFEST_FILE} records)`);
    expect(readFileSync(join(out, 'report.pdf'), 'utf8')).toBe('%PDF my annotated copy');
    const r = await report(input, out);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('kept report.pdf (not written by taxlot');
    expect(readFileSync(join(out, 'report.pdf'), 'utf8')).toBe('%PDF my annotated copy');
  });

  it('the same size but other bytes is a change too', async () => {
    const { input, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    const income = readFileSync(join(out, 'income.csv'));
    income[income.length - 2] = income[income.length - 2]! ^ 1; // flip one bit of the last character before the newline
    writeFileSync(join(out, 'income.csv'), income);
    const r = await report(input, out);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('holds income.csv, changed since taxlot wrote it');
    expect(readFileSync(join(out, 'income.csv'))).toEqual(income);
  });
});

describe('one run per folder', () => {
  it('a FIFO run with a PDF, then a HIFO run without: no FIFO file is left beside the HIFO summary', async () => {
    const { input, out } = setup();
    expect((await main(['report', input, '--out', out])).exitCode).toBe(0);
    expect(readdirSync(out)).toContain('report.pdf');
    expect((await report(input, out, '--method', 'hifo')).exitCode).toBe(0);
    expect(method(out)).toBe('HIFO');
    expect(readdirSync(out)).not.toContain('report.pdf');
    const listed = (JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as { files: { name: string }[] }).files.map((f) => f.name);
    expect(readdirSync(out).filter((n) => n !== MANIFEST_FILE).sort()).toEqual([...listed].sort());
  });

  it('keeps the folder\'s permissions', async () => {
    const { input, out } = setup();
    mkdirSync(out, { mode: 0o700 });
    expect((await report(input, out)).exitCode).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o700);
  });
});

describe('faults while writing leave the previous report intact and nothing behind (exit 2, no stack)', () => {
  async function withFault(layer: Parameters<typeof useOutputFs>[0]) {
    const { input, parent, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    const before = snapshot(out);
    restore = useOutputFs(layer);
    const r = await report(input, out, '--method', 'hifo');
    restore();
    restore = undefined;
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
    return r.stderr;
  }

  it('a full disk half-way through a file (ENOSPC) names that file and the cause', async () => {
    let written = 0;
    const stderr = await withFault({
      writevSync: (fd, buffers) => {
        written += buffers.reduce((n, b) => n + b.byteLength, 0);
        if (written > 600) throw fsError('ENOSPC', 'write');
        return writevSync(fd, buffers);
      },
    });
    expect(stderr).toMatch(/^taxlot: cannot write \S+\/r\/[a-z0-9-]+\.(csv|txt|txf|json|html|pdf): no space left on the disk \(ENOSPC\); \S+\/r was left as it was/);
  });

  it('permission refused creating the staging folder (EACCES)', async () => {
    const stderr = await withFault({
      mkdirSync: ((path: string, options?: unknown) => {
        if (String(path).includes('.taxlot-tmp-')) throw fsError('EACCES', 'mkdir', String(path));
        return mkdirSync(path, options as Parameters<typeof mkdirSync>[1]);
      }) as typeof mkdirSync,
    });
    expect(stderr).toContain('permission denied (EACCES)');
  });

  it('the swap refused half-way (EPERM on the second rename): the old folder is put back', async () => {
    const { renameSync } = await import('node:fs');
    const stderr = await withFault({
      renameSync: (from, to) => {
        if (String(from).includes('.taxlot-tmp-')) throw fsError('EPERM', 'rename', String(from));
        renameSync(from, to);
      },
    });
    expect(stderr).toContain('operation not permitted (EPERM)');
  });

  it('SIGINT while writing: exit 130, the previous report as it was, no staging folder', async () => {
    const { input, parent, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    const before = snapshot(out);
    let calls = 0;
    restore = useOutputFs({
      writevSync: (fd, buffers) => {
        if (++calls === 2) simulateSignal('SIGINT');
        return writevSync(fd, buffers);
      },
    });
    const r = await report(input, out, '--method', 'hifo');
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toContain('interrupted (SIGINT)');
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });

  it('an output path through a regular file (a real fault, no injection): exit 2 with the path and the cause', async () => {
    const { input, parent } = setup();
    writeFileSync(join(parent, 'plain-file'), 'x');
    const r = await report(input, join(parent, 'plain-file', 'r'));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(parent, 'plain-file')}: a file is in the way of a folder of that name (EEXIST)`);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('an --out that cannot be swapped', () => {
  it('a mount point (here /dev/shm, a tmpfs) is refused before anything is computed, exit 2', async () => {
    const { input } = setup();
    const r = await report(input, '/dev/shm');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('/dev/shm is a mount point (another file system than its parent), which taxlot cannot replace as a whole; give a folder inside it as --out, such as /dev/shm/taxlot-report');
  });
});

describe('leftovers of a killed run', () => {
  it('a staging folder and an old folder renamed aside are removed by the next run', async () => {
    const { input, parent, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    mkdirSync(join(parent, '.r.taxlot-tmp-999999-0a1b2c'));
    writeFileSync(join(parent, '.r.taxlot-tmp-999999-0a1b2c', 'summary.json'), 'half');
    mkdirSync(join(parent, '.r.taxlot-old-999999-3d4e5f'));
    mkdirSync(join(parent, '.other.taxlot-tmp-999999-0a1b2c')); // another folder's: not this run's business
    expect((await report(input, out, '--method', 'hifo')).exitCode).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(['.other.taxlot-tmp-999999-0a1b2c', 'r']);
    expect(method(out)).toBe('HIFO');
  });

  it('killed between the two renames of the swap: the old report is renamed back when the next run fails', async () => {
    const { input, parent, out } = setup();
    expect((await report(input, out)).exitCode).toBe(0);
    const before = snapshot(out);
    const { renameSync } = await import('node:fs');
    renameSync(out, join(parent, '.r.taxlot-old-999999-abcdef'));
    restore = useOutputFs({ writevSync: () => { throw fsError('ENOSPC', 'write'); } });
    expect((await report(input, out, '--method', 'hifo')).exitCode).toBe(2);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });
});

describe('a second run into the same folder', () => {
  it('is refused while the first holds the folder, whatever path leads there, and runs once it is free', async () => {
    const { input, parent, out } = setup();
    mkdirSync(out);
    symlinkSync(out, join(parent, 'alias'));
    const lock = await acquireOutputLock(physicalPath(out), out, 'report');
    const r = await report(input, out);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`another taxlot run (pid ${process.pid}, started `);
    expect(r.stderr).toContain(`is writing ${out}; wait for it to finish, or choose another --out`);
    expect((await report(input, join(parent, 'alias'))).exitCode).toBe(2);
    expect(readdirSync(out)).toEqual([]);
    lock.release();
    expect((await report(input, out)).exitCode).toBe(0);
  });

  it('a lock socket file left by a dead process (the macOS/BSD kind) is stale and taken over', async () => {
    const { out } = setup();
    const real = physicalPath(out);
    const first = await acquireOutputLock(real, out, 'report', 'file');
    await expect(acquireOutputLock(real, out, 'report', 'file')).rejects.toThrow('another taxlot run');
    first.release();
    // a socket file nobody listens on any more, as a killed process leaves it
    const { lockAddress } = await import('../src/cli/output-lock.js');
    writeFileSync(lockAddress(real, 'file'), '');
    const second = await acquireOutputLock(real, out, 'report', 'file');
    second.release();
  });
});

describe('--out through symbolic links into an input folder', () => {
  it('is refused for a link whose target does not exist yet, and for link/.. landing inside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'taxlot-symout-'));
    const exports = join(root, 'exports');
    mkdirSync(join(exports, 'deep'), { recursive: true });
    writeFileSync(join(exports, 'wallet.csv'), WALLET);
    symlinkSync(join(exports, 'not-yet'), join(root, 'dangling'));
    symlinkSync(join(exports, 'deep'), join(root, 'deep-link'));
    for (const out of [join(root, 'dangling'), `${join(root, 'deep-link')}/../r`]) {
      const r = await main(['report', exports, '--out', out, '--no-pdf']);
      expect(r.exitCode, out).toBe(2);
      expect(r.stderr).toContain(`the output folder ${out} is inside the input folder ${exports}`);
    }
    expect(readdirSync(exports).sort()).toEqual(['deep', 'wallet.csv']);
    expect(readdirSync(join(exports, 'deep'))).toEqual([]);
  });
});
