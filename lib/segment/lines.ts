/**
 * Line-level helpers for the segmenter: cutting a body into trimmed lines with
 * exact offsets, and cheap shape tests used by every later rule.
 */

export interface Line {
  /** Offset of the first non-space character. */
  start: number;
  /** Offset just past the last non-space character. */
  end: number;
  text: string;
  /** True when a blank line (or the start of the body) precedes this line. */
  blankBefore: boolean;
}

/** Whitespace that may surround a line, including NBSP and zero-width characters. */
const SPACE = /[\s\u00a0\u200b\u200c\u200d\ufeff]/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** Split a body into non-blank lines, each trimmed (of space and block-quote markers), keeping exact offsets. */
export function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let blank = true;
  while (pos <= body.length) {
    let nl = body.indexOf("\n", pos);
    if (nl < 0) nl = body.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(body[s])) s++;
    // A Markdown block-quote marker ("> ", nested "> > ") is markup, as a line's indentation is:
    // the line is what follows it, and a line of markers alone is blank.
    while (s < e && body[s] === ">") {
      s++;
      while (s < e && isSpace(body[s])) s++;
    }
    while (e > s && isSpace(body[e - 1])) e--;
    if (e > s) {
      lines.push({ start: s, end: e, text: body.slice(s, e), blankBefore: blank });
      blank = false;
    } else {
      blank = true;
    }
    pos = nl + 1;
  }
  return lines;
}

/** Words as the shape rules count them (anything between spaces that holds a letter or digit). */
export function wordCount(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
export const TERMINAL = /[.!?…。！？]["”’'»)\]]*$/;

export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text);
}

/** A list marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ". En/em dashes are NOT list markers (they open quotes). */
export const LIST_MARKER = /^(?:[-*•▪◦‣·]\s+(?:\d{1,3}[.)]\s+)?|\d{1,3}[.)]\s+)/;

export function listMarkerLength(text: string): number {
  const m = LIST_MARKER.exec(text);
  return m ? m[0].length : 0;
}

export function isTableRow(text: string): boolean {
  return /^\|.*\|$/.test(text) && text.length >= 3;
}

export function isTableSeparator(text: string): boolean {
  return /^\|?[\s:|-]+\|?$/.test(text) && text.includes("-");
}

/** A line opening with an en or em dash followed by a space: the Scandinavian/Slavic way of quoting speech. */
export function isDashLed(text: string): boolean {
  return /^[–—―]\s/.test(text) || /^--\s/.test(text);
}

/**
 * The normalisation used to compare lines across articles and within one:
 * case-folded, accents kept, digits collapsed (so "1 of 82" and "3 of 40"
 * compare equal), punctuation and runs of space collapsed.
 */
export function normalizeLine(line: string): string {
  return line
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\d+/g, "0")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
