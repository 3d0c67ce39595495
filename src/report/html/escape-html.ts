/** Escaping for report.html: text into HTML, and data into an inline JSON script block. */

/** Text safe anywhere in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * JSON that cannot end its `<script type="application/json">` block: every `<` (so `</script>`
 * and `<!--` cannot appear), `>`, `&` and the two line separators JavaScript once disallowed are
 * written as `\u` escapes, which JSON.parse reads back to the same text.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  // most rows hold none of them: a test is cheaper than a replace that finds nothing
  return SCRIPT_UNSAFE.test(json) ? json.replace(SCRIPT_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/;
const SCRIPT_UNSAFE_ALL = /[<>&\u2028\u2029]/g;
