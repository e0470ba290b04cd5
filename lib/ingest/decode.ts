/**
 * Bytes → text. Order: a BOM (UTF-8, UTF-16, UTF-32), then UTF-16 / UTF-32
 * without a BOM (told by where the zero bytes fall), then a declared charset
 * (HTTP header, HTML meta, XML prolog), then UTF-8 when the bytes are valid
 * UTF-8, else a statistical guess (chardet) decoded with iconv-lite. One
 * exception: bytes that are valid UTF-8 with non-ASCII characters stay UTF-8
 * even when a legacy charset is declared (a stale meta tag).
 *
 * What is not text is refused: a NUL byte anywhere (outside UTF-16/32), a
 * decoded text with more than a trace of control or undecodable characters,
 * and a guessed decoding that does not read as words (see plausible.ts).
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { CHARSET_SNIFF_BYTES } from "./limits";
import { judgeText, visibleText } from "./plausible";

/** `guessed`: the encoding came from chardet (or from the zero-byte pattern of UTF-16/32), not from a BOM, a declaration or valid UTF-8. */
export type DecodeResult = { ok: true; text: string; encoding: string; guessed: boolean } | { ok: false; problem: string };

/** How much of the start of a file the control-character sniffer looks at. */
const SNIFF_BYTES = 8192;

/**
 * True when the bytes are plainly not text: a NUL byte anywhere, or mostly
 * control characters in the first 8 KB. (UTF-16/32 hold NUL bytes too:
 * decodeBytes tells them apart before calling this.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // Tab, LF, FF, CR and ESC (used by some legacy encodings) are ordinary in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control / n > 0.1;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  // UTF-32 first: its little-endian BOM starts with the UTF-16 one.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return { encoding: "utf-32le", length: 4 };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { encoding: "utf-32be", length: 4 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** Charset declared inside the document: `<meta charset>`, `<meta http-equiv content="...charset=">` or `<?xml encoding=?>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  return null;
}

/** The `charset=` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m ? m[1] : null;
}

/** WHATWG treats latin1 labels as windows-1252; doing the same keeps curly quotes and dashes from legacy pages. */
function canonicalCharset(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === "iso-8859-1" || l === "latin1" || l === "latin-1" || l === "us-ascii" || l === "ascii" || l === "iso_8859-1")
    return "windows-1252";
  if (l === "utf8") return "utf-8";
  return iconv.encodingExists(l) ? l : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of UTF-16 code units with a zero high byte needed to read BOM-less bytes as UTF-16 (Latin, Greek, Cyrillic, Arabic, Indic text have 15% and more). */
const MIN_WIDE_ZERO_SHARE = 0.05;

/**
 * UTF-32 or UTF-16 without a BOM, told by where the zero bytes fall: every
 * UTF-32 unit has a zero high byte and a plane byte of at most 0x10; UTF-16
 * text has its zero bytes (the high bytes of ASCII) on one side only. Null when
 * the pattern is not there; the caller still judges the decoded text.
 */
function wideEncoding(bytes: Uint8Array): string | null {
  const n = bytes.length;
  if (n >= 8 && n % 4 === 0) {
    let le = true;
    let be = true;
    for (let i = 0; i < n && (le || be); i += 4) {
      if (bytes[i + 3] !== 0 || bytes[i + 2] > 0x10) le = false;
      if (bytes[i] !== 0 || bytes[i + 1] > 0x10) be = false;
    }
    if (le) return "utf-32le";
    if (be) return "utf-32be";
  }
  if (n >= 4 && n % 2 === 0) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) even++;
      if (bytes[i + 1] === 0) odd++;
    }
    // Spaces, digits and line breaks put zero high bytes in any UTF-16 text; a few zero low bytes are
    // real characters (U+5F00 is 00 5F in UTF-16LE). Anything weaker is not told apart from binary data.
    const units = n / 2;
    if (odd >= units * MIN_WIDE_ZERO_SHARE && even <= odd / 10) return "utf-16le";
    if (even >= units * MIN_WIDE_ZERO_SHARE && odd <= even / 10) return "utf-16be";
  }
  return null;
}

/**
 * The UTF-16 byte order bytes would be read in when (nearly) every zero byte
 * sits on one side of the 16-bit units but too few for wideEncoding to be sure:
 * only then is adding a BOM worth suggesting. Null otherwise.
 */
function sparseUtf16(bytes: Uint8Array): string | null {
  if (bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (even + odd < 4) return null;
  return even <= odd / 10 ? "utf-16le" : odd <= even / 10 ? "utf-16be" : null;
}

/** Decodes and judges; the text of an HTML or XML document is judged without its markup. */
function judged(text: string, encoding: string, guessed: boolean): DecodeResult {
  const problem = judgeText(/<[a-z!?/]/i.test(text.slice(0, 4096)) ? visibleText(text) : text, guessed);
  if (problem) return { ok: false, problem: `not text: ${problem} (read as ${encoding})` };
  return { ok: true, text, encoding, guessed };
}

/**
 * Decodes `bytes` to text (BOM removed). `headerCharset` is the charset from an
 * HTTP Content-Type, which outranks one declared in the document. Refuses
 * binary data and text that does not read as text, with a plain reason.
 */
export function decodeBytes(bytes: Uint8Array, headerCharset?: string | null): DecodeResult {
  const bom = bomEncoding(bytes);
  if (bom) return judged(iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), bom.encoding, false);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const wide = wideEncoding(bytes);
    if (wide) {
      const res = judged(iconv.decode(Buffer.from(bytes), wide), wide, true);
      if (res.ok) return res;
    }
    const sparse = wide ? null : sparseUtf16(bytes);
    // Suggest a BOM only when the bytes do read as text in UTF-16: binary data gets the plain line.
    const hint = sparse && judged(iconv.decode(Buffer.from(bytes), sparse), sparse, true).ok ? " (if it is UTF-16 text, save it with a byte order mark)" : "";
    return { ok: false, problem: `binary file (NUL byte at offset ${nul}), not text${hint}` };
  }
  if (looksBinary(bytes)) return { ok: false, problem: "binary file (mostly control characters), not text" };
  const utf8 = isValidUtf8(bytes);
  // Non-ASCII bytes that form valid UTF-8 are practically never legacy text: a page re-saved as UTF-8 keeps its old meta tag.
  const utf8WithNonAscii = utf8 && bytes.some((b) => b >= 0x80);
  for (const label of [headerCharset, declaredCharset(bytes)]) {
    if (!label) continue;
    const enc = canonicalCharset(label);
    // A page that declares UTF-8 but is not valid UTF-8 is common; fall through to detection then.
    if (enc === "utf-8" && !utf8) continue;
    if (enc && enc !== "utf-8" && utf8WithNonAscii && !/^utf-?16|^utf-?32/.test(enc)) break;
    if (enc) return judged(iconv.decode(Buffer.from(bytes), enc), enc, false);
  }
  if (utf8) return judged(new TextDecoder("utf-8").decode(bytes), "utf-8", false);
  // chardet reads every byte it is given with a dozen recognisers: its guess from the start is as good and stays cheap.
  const guess = chardet.detect(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const enc = (guess && canonicalCharset(guess)) || "windows-1252";
  return judged(iconv.decode(Buffer.from(bytes), enc), enc, true);
}
