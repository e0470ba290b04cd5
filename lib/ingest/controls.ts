/**
 * Control characters inside otherwise good text (a JSON string field with
 * `\u0000`, a scraped body with a stray escape character). They are never
 * content: C0 controls other than tab, line feed and carriage return, and DEL,
 * are removed; form feed and vertical tab become a line break. C1 controls
 * (U+0080 to U+009F) are almost always windows-1252 punctuation read as
 * Latin-1 by an earlier tool (U+0092 for ’), so those are read back as such;
 * the five C1 codes windows-1252 leaves undefined are removed. The caller
 * reports what was changed as a note: the record is kept.
 */
import iconv from "iconv-lite";

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** windows-1252's reading of a C1 code point, or "" when it has none. */
function fromWindows1252(c: number): string {
  const ch = iconv.decode(Buffer.from([c]), "windows-1252");
  return ch.codePointAt(0) === c || ch === "\ufffd" ? "" : ch;
}

/** What cleanControls changed. */
export interface ControlCleaning {
  text: string;
  /** Characters removed. */
  removed: number;
  /** C1 controls read back as windows-1252 punctuation. */
  replaced: number;
  /** The first code point changed, as `U+0000`, for the note. */
  first: string | null;
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/** Removes (or, for C1 controls, reads back as windows-1252) the control characters of `text`. */
export function cleanControls(text: string): ControlCleaning {
  let removed = 0;
  let replaced = 0;
  let first: string | null = null;
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(text)) return { text, removed, replaced, first };
  const out = text.replace(CONTROLS, (ch) => {
    const c = ch.charCodeAt(0);
    first ??= hex(c);
    if (c === 0x0b || c === 0x0c) {
      replaced++;
      return "\n";
    }
    const mapped = c >= 0x80 ? fromWindows1252(c) : "";
    if (mapped) replaced++;
    else removed++;
    return mapped;
  });
  return { text: out, removed, replaced, first };
}

/** A note for what cleanControls did to `field`, or null when it did nothing. */
export function describeCleaning(field: string, c: ControlCleaning): string | null {
  if (c.removed === 0 && c.replaced === 0) return null;
  const parts: string[] = [];
  if (c.removed > 0) parts.push(`removed ${c.removed} control character${c.removed === 1 ? "" : "s"}`);
  if (c.replaced > 0) parts.push(`read ${c.replaced} control character${c.replaced === 1 ? "" : "s"} as punctuation or line breaks`);
  return `${parts.join(" and ")} in ${field} (first ${c.first})`;
}
