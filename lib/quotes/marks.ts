/**
 * Quotation-mark scanning: finds top-level quoted spans in a piece of text,
 * pairing marks by type (“ ” / " " / „ “ / « » / ‘ ’ / ' ' / ‹ ›), telling
 * apostrophes (don't, Russia's, '90s) from single quotes, and tolerating
 * unbalanced marks (a paragraph end closes an open double quote).
 */
import type { QuoteStyle } from "../types";

export interface RawQuote {
  /** Offset of the opening mark, or -1 when the quote has no opener (a stray closer). */
  open: number;
  /** Offset of the closing mark, or -1 when the paragraph ended first. */
  close: number;
  style: QuoteStyle;
  /** Opening mark character (for continuation checks). */
  mark: string;
}

interface Open {
  pos: number;
  closers: string;
  style: QuoteStyle;
  mark: string;
  single: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}
function isSpaceOrStart(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-/:;,]/.test(ch);
}

/**
 * Scan text[from, to) and return top-level quotes. `continuing` is an open
 * double quote carried over from the previous paragraph (multi-paragraph quote).
 */
export function scanQuotes(text: string, from: number, to: number, continuing: RawQuote | null = null): { quotes: RawQuote[]; open: RawQuote | null } {
  const stack: Open[] = [];
  const quotes: RawQuote[] = [];
  if (continuing) stack.push({ pos: continuing.open, closers: closersFor(continuing.mark), style: continuing.style, mark: continuing.mark, single: false });
  const top = () => stack[stack.length - 1];
  const hasOpen = (closer: string) => stack.some((o) => o.closers.includes(closer));
  const closeUpTo = (closer: string, pos: number) => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k].closers.includes(closer)) {
        const o = stack[k];
        stack.length = k;
        if (k === 0) quotes.push({ open: o.pos, close: pos, style: o.style, mark: o.mark });
        return true;
      }
    }
    return false;
  };
  const open = (pos: number, mark: string, style: QuoteStyle, single: boolean) => {
    stack.push({ pos, closers: closersFor(mark), style, mark, single });
  };

  for (let i = from; i < to; i++) {
    const c = text[i];
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    switch (c) {
      case "“":
        if (hasOpen("“") && top().mark === "„") closeUpTo("“", i);
        // “It's unusual,“ said Noble — an opening mark typed as the closer: it follows the quote's last punctuation and a space follows it
        else if (closesMismatched(prev, next) && stack.length === 1 && top().mark === "“") closeUpTo("”", i);
        else open(i, c, "double", false);
        break;
      case "”":
        if (hasOpen("”")) closeUpTo("”", i);
        else if (isSpaceOrStart(prev) && isLetter(next)) open(i, c, "double", false); // ”Swedish style”
        else if (stack.length === 0) quotes.push({ open: -1, close: i, style: "double", mark: "“" });
        break;
      case "„":
        open(i, c, "low", false);
        break;
      case '"': {
        const o = stack.length > 0 && stack.some((s) => s.mark === '"');
        const looksOpen = isSpaceOrStart(prev) && next !== undefined && !/\s/.test(next);
        if (o) closeUpTo('"', i);
        // “We will win," Trump said. — a straight closer after a curly opener: it follows the quote's last
        // punctuation and a space follows it, so it closes the quote instead of being ignored
        else if (closesMismatched(prev, next) && stack.length === 1 && top().mark === "“") closeUpTo('"', i);
        else if (looksOpen || prev === undefined) open(i, c, "double", false);
        else if (stack.length === 0 && !/\d/.test(prev ?? "")) quotes.push({ open: -1, close: i, style: "double", mark: '"' }); // 6'3" is inches
        break;
      }
      case "«":
        open(i, c, "guillemet", false);
        break;
      case "»":
        if (hasOpen("»")) closeUpTo("»", i);
        else if (isSpaceOrStart(prev) && isLetter(next)) open(i, c, "guillemet", false); // »German style«
        break;
      case "‹":
        open(i, c, "guillemet", true);
        break;
      case "›":
        if (hasOpen("›")) closeUpTo("›", i);
        break;
      case "‘":
        if (isLetter(prev)) break; // mis-typed apostrophe inside a word
        if (/^\d\ds?\b/.test(text.slice(i + 1, i + 4))) break; // ‘90s
        if (isLetter(next) || /["“'‘]/.test(next ?? "")) open(i, c, "single", true);
        break;
      case "’":
      case "'": {
        if (isLetter(prev) && isLetter(next)) break; // don't, Russia's
        const singleOpen = stack.some((s) => s.mark === "‘" || s.mark === "'");
        if (singleOpen && !isLetter(next) && !/\s/.test(prev ?? " ")) {
          closeUpTo(c === "'" ? "'" : "’", i);
          break;
        }
        if (c === "'" && isSpaceOrStart(prev) && isLetter(next) && !/^\d\ds?\b/.test(text.slice(i + 1, i + 4))) {
          // only an opener when a closer exists later in the paragraph; otherwise an elided word ('em, 'til)
          if (findSingleCloser(text, i + 1, to)) open(i, c, "single", true);
        }
        break;
      }
      default:
        break;
    }
  }
  // End of paragraph: a single quote never spans paragraphs; a double quote may continue.
  let carried: RawQuote | null = null;
  while (stack.length > 0) {
    const o = stack.shift()!;
    if (o.single) {
      // unclosed single quote: treat its mark as an apostrophe; inner quotes of it are dropped
      continue;
    }
    carried = { open: o.pos, close: -1, style: o.style, mark: o.mark };
    break;
  }
  return { quotes, open: carried };
}

/** A mark right after a quote's closing punctuation (",", ".", "?", "!") with a space or the end after it reads as a closer. */
function closesMismatched(prev: string | undefined, next: string | undefined): boolean {
  return prev !== undefined && /[,.?!]/.test(prev) && (next === undefined || /\s/.test(next));
}

function findSingleCloser(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if ((c === "'" || c === "’") && !(isLetter(text[i - 1]) && isLetter(text[i + 1])) && !/\s/.test(text[i - 1]) && !isLetter(text[i + 1])) return true;
  }
  return false;
}

function closersFor(mark: string): string {
  switch (mark) {
    case "“":
      return "”\"";
    case "”":
      return "”";
    case "„":
      return "“”";
    case '"':
      return '"”';
    case "«":
      return "»";
    case "»":
      return "«";
    case "‹":
      return "›";
    case "‘":
      return "’'";
    case "'":
      return "'’";
    default:
      return mark;
  }
}

/** True when the character at `pos` opens a double-family quote (used to detect multi-paragraph continuations). */
export function opensDouble(text: string, pos: number): boolean {
  const c = text[pos];
  return c === "“" || c === "„" || c === "«" || c === '"' || c === "»";
}
