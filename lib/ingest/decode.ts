/**
 * Bytes → text. Order: a BOM, then a declared charset (HTTP header, HTML meta,
 * XML prolog), then UTF-8 when the bytes are valid UTF-8, else a statistical
 * guess (chardet) decoded with iconv-lite. One exception: bytes that are valid
 * UTF-8 with non-ASCII characters stay UTF-8 even when a legacy charset is
 * declared (a stale meta tag). Binary data is refused.
 */
import chardet from "chardet";
import iconv from "iconv-lite";

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; problem: string };

/** How much of the start of a file the binary and charset sniffers look at. */
const SNIFF_BYTES = 8192;

/**
 * True when the bytes are plainly not text: a NUL byte, or mostly control
 * characters, in the first 8 KB. (UTF-16 without a BOM counts as binary; with a BOM it is decoded.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC (used by some legacy encodings) are ordinary in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control / n > 0.1;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
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

/**
 * Decodes `bytes` to text (BOM removed). `headerCharset` is the charset from an
 * HTTP Content-Type, which outranks one declared in the document.
 */
export function decodeBytes(bytes: Uint8Array, headerCharset?: string | null): DecodeResult {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
    return { ok: true, text, encoding: bom.encoding };
  }
  if (looksBinary(bytes)) return { ok: false, problem: "binary file, not text" };
  const utf8 = isValidUtf8(bytes);
  // Non-ASCII bytes that form valid UTF-8 are practically never legacy text: a page re-saved as UTF-8 keeps its old meta tag.
  const utf8WithNonAscii = utf8 && bytes.some((b) => b >= 0x80);
  for (const label of [headerCharset, declaredCharset(bytes)]) {
    if (!label) continue;
    const enc = canonicalCharset(label);
    // A page that declares UTF-8 but is not valid UTF-8 is common; fall through to detection then.
    if (enc === "utf-8" && !utf8) continue;
    if (enc && enc !== "utf-8" && utf8WithNonAscii && !/^utf-?16|^utf-?32/.test(enc)) break;
    if (enc) return { ok: true, text: iconv.decode(Buffer.from(bytes), enc), encoding: enc };
  }
  if (utf8) return { ok: true, text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  const guess = chardet.detect(bytes);
  const enc = (guess && canonicalCharset(guess)) || "windows-1252";
  return { ok: true, text: iconv.decode(Buffer.from(bytes), enc), encoding: enc };
}
