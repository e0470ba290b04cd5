/**
 * Making untrusted text safe to print on a terminal. Titles, file names, URLs
 * and problem lines come from remote pages and hostile files; printed raw,
 * an escape sequence in them can move the cursor, rewrite earlier lines, set
 * the window title or hide text, and a bidi override can make a line read
 * differently from what it holds.
 */

/**
 * Escape sequences, matched whole so their parameters do not survive as
 * visible junk: CSI (ESC [ or 8-bit U+009B, up to a final byte), string
 * commands OSC / DCS / SOS / PM / APC (ESC ] P X ^ _ or U+009D U+0090 U+0098
 * U+009E U+009F, up to BEL or ST; an unterminated ESC one runs to the end,
 * an unterminated 8-bit one is only its own character, since a stray C1 byte
 * in mis-decoded text is commoner than an attack), and the other two- and
 * three-character ESC sequences.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Bidirectional embedding, override and isolate controls, and the invisible direction marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Strips terminal control sequences and characters from text before it is
 * printed: escape sequences, C0 and C1 controls (a tab becomes a space), and
 * bidi controls. With `multiline`, newlines are kept (\r\n and \r become \n);
 * otherwise each line break becomes a space, so one record prints as one line.
 */
export function sanitizeForTerminal(text: string, opts: { multiline?: boolean } = {}): string {
  const lines = text.replace(ESCAPE_SEQUENCE, "").replace(/\r\n?/g, "\n").replace(/\t/g, " ").split("\n");
  const clean = lines.map((l) => l.replace(CONTROL, "").replace(BIDI, ""));
  return clean.join(opts.multiline ? "\n" : " ");
}

/**
 * Escapes the characters JSON.stringify leaves raw but a terminal may act on
 * (C1 controls, bidi controls, and the line and paragraph separators) as
 * \uXXXX, so JSON output stays the same data and is safe to `cat`.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
