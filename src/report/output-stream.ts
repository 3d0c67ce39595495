/**
 * A report file as a stream: a producer that yields the file's content chunk by chunk (text is
 * written as UTF-8). The CLI writes each chunk as it comes (src/cli/write-outputs.ts), so no file
 * is ever held whole in memory; `joinOutput` joins the chunks for tests and library users.
 */

export type Chunk = string | Uint8Array;

/** Called once per write; each call starts the file from its first byte. */
export type OutputProducer = () => Iterable<Chunk>;

/** A producer of one piece of content already in memory. */
export const fixedOutput = (content: Chunk): OutputProducer => () => [content];

/** Text chunks joined into one string. */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}

/** A file's whole content: a string when every chunk is text, else the bytes. */
export function joinOutput(produce: OutputProducer): string | Uint8Array {
  const parts = [...produce()];
  if (parts.every((p) => typeof p === 'string')) return (parts as string[]).join('');
  const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
