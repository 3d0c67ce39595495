/**
 * Colour on a terminal only. No dependency: Node 20 has `util.styleText` for the escapes, and the
 * decision follows the conventions everyone uses — `FORCE_COLOR` (any value but `0`) forces
 * colour even into a pipe, `NO_COLOR` (https://no-color.org, any non-empty value) turns it off,
 * otherwise colour only when the stream is a terminal that reports colours (`hasColors()`, which
 * also honours `NODE_DISABLE_COLORS` and `TERM=dumb`).
 */
import { styleText } from 'node:util';

export interface ColorStream {
  readonly isTTY?: boolean;
  hasColors?: () => boolean;
}

/** Whether to colour what goes to `stream` under `env`. */
export function colorEnabled(stream: ColorStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (force === '0' || force === 'false') return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && (stream.hasColors?.() ?? false);
}

export type Style = 'red' | 'yellow' | 'green' | 'bold' | 'dim' | 'cyan';

/** A painter: `paint('red', text)` is coloured when enabled, the text unchanged otherwise. */
export function painter(enabled: boolean): (style: Style, text: string) => string {
  // the decision is ours (stderr, FORCE_COLOR): styleText must not check stdout again
  return enabled ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}
