/**
 * Input files → decoded text, streamed in chunks: no whole-file string is ever built, so a file
 * of hundreds of megabytes costs a chunk of memory, not its size.
 *
 * Each file is looked at once before it is read (`sniff`):
 *  - a byte-order mark chooses UTF-16 LE/BE (a spreadsheet's "Unicode text" save) or UTF-8;
 *  - a file that is not text (NUL bytes, or the signature of a zip/xlsx, gzip, PDF, image) is
 *    not read at all: INPUT_BINARY;
 *  - a file that is not valid UTF-8 is read as Windows-1252 (what Excel writes on a Western
 *    Windows machine, a superset of Latin-1): INPUT_ENCODING warns that it was;
 *  - a file over the size limit is not read: INPUT_TOO_LARGE.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { relative, resolve, sep } from 'node:path';
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { InputFile } from '../pipeline/compute-report.js';
import { UsageError } from './errors.js';

/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20;
/** Default `--max-input-size`: far above any real export, far below what would exhaust memory. */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 ** 3;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ReadOptions {
  /** Files larger than this are refused (INPUT_TOO_LARGE). */
  readonly maxBytes?: number;
  /** Characters per chunk handed to the importers (tests vary it; results never depend on it). */
  readonly chunkBytes?: number;
  /** Show file names relative to this folder (batch: the clients folder) instead of the working directory. */
  readonly displayRoot?: string;
}

export function readInputs(files: readonly string[], opts: ReadOptions = {}): InputFile[] {
  return files.map((path) => readInput(path, opts));
}

/** Paths under the working directory (or `root`) are shown relative to it; others as given. */
export function displayPath(file: string, root: string = process.cwd()): string {
  const rel = relative(resolve(root), resolve(file));
  return rel.startsWith('..') || rel === '' ? file : rel.split(sep).join('/');
}

function readInput(path: string, opts: ReadOptions): InputFile {
  const file = displayPath(path, opts.displayRoot);
  const unreadable = (d: Diagnostic): InputFile => ({ file, text: '', unreadable: true, readDiagnostics: [d] });
  let size: number;
  let sniffed: Sniffed;
  try {
    size = statSync(path).size;
    const max = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (size > max) return unreadable(fileDiagnostic('INPUT_TOO_LARGE', file, `the file has ${size} bytes; the limit is ${max} (--max-input-size)`));
    sniffed = sniff(path);
  } catch (e) {
    // one unreadable file (permissions, a vanished file) is reported; the others are still read
    return unreadable(fileDiagnostic('INPUT_UNREADABLE', file, `cannot read the file: ${(e as Error).message.replace(/^[A-Z]+: /, '')}`));
  }
  if (sniffed.binary) return unreadable(fileDiagnostic('INPUT_BINARY', file, `the file is not a text file (${sniffed.binary}); nothing was read`));
  const readDiagnostics =
    sniffed.encoding === 'windows-1252'
      ? [fileDiagnostic('INPUT_ENCODING', file, `the file is not valid UTF-8 (first bad byte at offset ${sniffed.badOffset}); read as Windows-1252`)]
      : [];
  const chunkBytes = opts.chunkBytes ?? chunkBytesFromEnv() ?? CHUNK_BYTES;
  return { file, text: () => decodedChunks(path, sniffed.encoding, chunkBytes), readDiagnostics };
}

/**
 * `TAXLOT_CHUNK_BYTES`: the size of each read, for checking that results never depend on it (any
 * positive whole number; ignored otherwise). Not an option: nobody needs it to file taxes.
 */
function chunkBytesFromEnv(): number | undefined {
  const n = Number(process.env['TAXLOT_CHUNK_BYTES']);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * A small file the user names with an option (price table, overrides, coin map), decoded like the
 * inputs: a BOM chooses UTF-16 (and is dropped), bytes that are not UTF-8 are read as Windows-1252.
 * @throws {UsageError} when it cannot be read
 */
export function readTextFile(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read the ${what} ${path}`);
  }
  return decodeText(bytes);
}

/** Bytes of a whole (small) file → text. */
export function decodeText(bytes: Buffer): string {
  const encoding = encodingOfStart(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

/**
 * Windows-1252, as Excel writes it on a Western Windows machine. Node's TextDecoder reads the
 * 'windows-1252' label as ISO-8859-1, which turns 0x80–0x9F (€, ‘ ’ “ ”, –, —, ™...) into control
 * characters; those 27 bytes are mapped here (the 5 unassigned ones stay as they are).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** 0x80–0x9F in Windows-1252 (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT). */
const CP1252_HIGH: readonly (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

function encodingOfStart(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Signatures of common non-text files people mistake for exports. */
const SIGNATURES: readonly [string, number[]][] = [
  ['a zip archive or .xlsx workbook', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['an old Excel .xls workbook', [0xd0, 0xcf, 0x11, 0xe0]],
];

interface Sniffed {
  readonly encoding: Encoding;
  readonly binary?: string;
  readonly badOffset?: number;
}

/** One pass over the bytes: binary signature, NUL bytes, UTF-8 validity. */
function sniff(path: string): Sniffed {
  const fd = openFile(path);
  try {
    const buf = Buffer.alloc(CHUNK_BYTES + 4);
    let carry = 0; // bytes of an incomplete UTF-8 sequence kept from the last chunk
    let offset = 0;
    let encoding: Encoding | undefined;
    for (;;) {
      const n = readSync(fd, buf, carry, CHUNK_BYTES, null);
      const end = carry + n;
      if (offset === 0) {
        const head = buf.subarray(0, end);
        const signature = SIGNATURES.find(([, magic]) => magic.every((b, i) => head[i] === b));
        if (signature) return { encoding: 'utf-8', binary: signature[0] };
        encoding = encodingOfStart(head);
        if (encoding) return { encoding };
        const nul = head.subarray(0, 65536).indexOf(0);
        if (nul >= 0) return { encoding: 'utf-8', binary: `a NUL byte at offset ${nul}` };
      }
      if (n === 0) {
        return carry === 0 || isUtf8(buf.subarray(0, carry)) ? { encoding: 'utf-8' } : { encoding: 'windows-1252', badOffset: offset };
      }
      const whole = end - incompleteTail(buf, end);
      if (!isUtf8(buf.subarray(0, whole))) return { encoding: 'windows-1252', badOffset: offset + firstInvalid(buf.subarray(0, whole)) };
      buf.copy(buf, 0, whole, end);
      offset += whole;
      carry = end - whole;
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes at the end of `buf[0, end)` that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(buf: Buffer, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const b = buf[end - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Offset of the first byte where `bytes` stops being valid UTF-8 (for the message). */
function firstInvalid(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const cut = mid - incompleteTail(bytes, mid);
    if (isUtf8(bytes.subarray(0, cut))) lo = mid;
    else hi = mid;
  }
  return lo;
}

function openFile(path: string): number {
  return openSync(path, 'r');
}

/** The file's text, decoded chunk by chunk (a character split across chunks is carried over). */
function* decodedChunks(path: string, encoding: Encoding, chunkBytes: number): Generator<string> {
  let fd: number;
  try {
    fd = openFile(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`); // it was readable a moment ago
  }
  try {
    // a single-byte encoding needs no state across reads; the others carry split characters over
    const decoder = encoding === 'windows-1252' ? undefined : new TextDecoder(encoding);
    const buf = Buffer.alloc(chunkBytes);
    for (;;) {
      const n = readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) break;
      const text = decoder ? decoder.decode(buf.subarray(0, n), { stream: true }) : decodeWindows1252(buf.subarray(0, n));
      if (text !== '') yield text;
    }
    const rest = decoder?.decode() ?? '';
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}
