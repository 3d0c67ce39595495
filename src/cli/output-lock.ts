/**
 * One writer per output folder. A run holds a lock on the real path of its `--out` from before
 * it reads the inputs until its report is swapped in; a second run into the same folder is
 * refused at once (exit 2) with the holder's pid and start time.
 *
 * The lock is a listening local socket named after the folder's real path: on Linux a socket in
 * the abstract namespace, on Windows a named pipe — both vanish with the process that holds them,
 * however it ends (Ctrl-C, SIGKILL, out of memory), so a lock is never stale and no lock file is
 * ever left behind. Elsewhere (macOS, BSD) it is a socket file in the temporary folder; one that
 * nobody answers on is stale (its process is gone) and is removed. The holder answers a
 * connection with `{ pid, startedAt, command }`, which is what the refusal shows; on Linux it also
 * holds a second abstract socket whose name carries its pid and start time, read from
 * /proc/net/unix, so a holder busy computing (it answers nothing then) is still named. Limitation:
 * runs in different containers (network namespaces) sharing one disk do not see each other's
 * lock.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputError } from './errors.js';

export interface OutputLock {
  release(): void;
}

export type LockKind = 'abstract' | 'pipe' | 'file';

interface Holder {
  readonly pid?: number;
  readonly startedAt?: string;
  readonly command?: string;
}

const defaultKind = (): LockKind => (process.platform === 'linux' ? 'abstract' : process.platform === 'win32' ? 'pipe' : 'file');

/** The socket address of the lock on `realOut`. */
export function lockAddress(realOut: string, kind: LockKind = defaultKind()): string {
  const id = createHash('sha256').update(realOut).digest('hex').slice(0, 32);
  if (kind === 'abstract') return `\0taxlot-out-${id}`;
  if (kind === 'pipe') return `\\\\.\\pipe\\taxlot-out-${id}`;
  return join(tmpdir(), `taxlot-out-${id}.sock`);
}

function listen(server: net.Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Ask the holder who it is; `undefined` when nobody answers (a stale socket file), `{}` when it is too busy to answer. */
function askHolder(address: string): Promise<Holder | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const socket = net.connect(address);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({});
    }, 1000);
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('end', () => {
      clearTimeout(timer);
      try {
        const h = JSON.parse(text) as Holder;
        resolve({ pid: typeof h.pid === 'number' ? h.pid : undefined, startedAt: typeof h.startedAt === 'string' ? h.startedAt : undefined, command: typeof h.command === 'string' ? h.command : undefined } as Holder);
      } catch {
        resolve({});
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? undefined : {});
    });
  });
}

/** Linux: the holder's name tag in /proc/net/unix (`@taxlot-out-<id>.holder.<pid>.<ms>`), if there. */
function holderFromProcNet(address: string): Holder | undefined {
  let table: string;
  try {
    table = readFileSync('/proc/net/unix', 'utf8');
  } catch {
    return undefined;
  }
  const tag = `@${address.slice(1)}.holder.`;
  for (const line of table.split('\n')) {
    const at = line.indexOf(tag);
    if (at < 0) continue;
    // Node pads an abstract name with NUL bytes, which the table shows as '@'
    const m = /^(\d+)\.(\d+)@*$/.exec(line.slice(at + tag.length).trim());
    if (m) return { pid: Number(m[1]), startedAt: new Date(Number(m[2])).toISOString() };
  }
  return undefined;
}

/**
 * Take the lock on the output folder `realOut` (its real path); `shown` is how the user wrote it.
 * @throws {OutputError} when another run holds it
 */
export async function acquireOutputLock(realOut: string, shown: string, command: string, kind: LockKind = defaultKind()): Promise<OutputLock> {
  const address = lockAddress(realOut, kind);
  const started = Date.now();
  const info = JSON.stringify({ pid: process.pid, startedAt: new Date(started).toISOString(), command });
  for (let attempt = 0; ; attempt++) {
    const server = net.createServer((socket) => {
      socket.unref();
      socket.on('error', () => undefined);
      socket.end(info);
    });
    try {
      await listen(server, address);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
        throw new OutputError(`cannot lock the output folder ${shown} against a second run: ${(e as Error).message}`);
      }
      const holder = (kind === 'abstract' ? holderFromProcNet(address) : undefined) ?? (await askHolder(address));
      if (holder === undefined && kind === 'file' && attempt === 0) {
        rmSync(address, { force: true }); // stale: its process is gone
        continue;
      }
      const who = holder?.pid !== undefined ? `(pid ${holder.pid}${holder.startedAt ? `, started ${holder.startedAt}` : ''}${holder.command ? `, taxlot ${holder.command}` : ''}) ` : '';
      throw new OutputError(`another taxlot run ${who}is writing ${shown}; wait for it to finish, or choose another --out`);
    }
    server.unref();
    server.on('error', () => undefined);
    const tag = kind === 'abstract' ? net.createServer() : undefined;
    if (tag) {
      tag.on('error', () => undefined); // only a name tag: without it the refusal shows no pid
      tag.listen(`${address}.holder.${process.pid}.${started}`);
      tag.unref();
    }
    return {
      release: () => {
        server.close();
        tag?.close();
        if (kind === 'file') rmSync(address, { force: true });
      },
    };
  }
}
