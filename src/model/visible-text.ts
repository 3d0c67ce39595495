/**
 * Text from the inputs shown so that it cannot lie: characters that print as nothing, move the
 * cursor or reorder what follows are written as escapes wherever taxlot shows input text (stderr,
 * diagnostics.txt, the PDF).
 *
 * The set (`INVISIBLE`): C0 and C1 control characters and DEL; the soft hyphen U+00AD; combining
 * grapheme joiner U+034F; Arabic letter mark U+061C; Hangul fillers U+115F, U+1160, U+3164, U+FFA0;
 * Khmer vowel inherents U+17B4–U+17B5; Mongolian selectors and vowel separator U+180B–U+180F; zero
 * width space, non-joiner and joiner, and the left-to-right / right-to-left marks U+200B–U+200F;
 * line and paragraph separators U+2028–U+2029; bidirectional embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069; word joiner and invisible operators U+2060–U+2064 and the
 * deprecated format controls U+206A–U+206F; variation selectors U+FE00–U+FE0F; the byte-order mark
 * / zero width no-break space U+FEFF; interlinear annotation controls U+FFF9–U+FFFB; tag characters
 * U+E0000–U+E007F and variation selectors supplement U+E0100–U+E01EF. These are the Unicode
 * "Default_Ignorable_Code_Point" and bidi-control characters (Unicode UAX #44, UTS #39 §3.3, and
 * CVE-2021-42574 "Trojan Source" for the bidi ones), plus the controls.
 */

/** One invisible or control character (global, Unicode-aware: use with `replace`). */
export const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** Does the text hold a character that shows as nothing (or moves what follows)? */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** `\xNN` for a code up to U+00FF, else `\u{NNNN}`. */
export function escapeChar(c: string): string {
  const code = c.codePointAt(0) as number;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * Every invisible or control character written as an escape.
 * @example escapeInvisible('B\u200bTC') === 'B\\u{200b}TC'
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}
