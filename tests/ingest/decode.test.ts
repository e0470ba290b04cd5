import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeBytes, looksBinary } from "@/lib/ingest";

const text = (r: ReturnType<typeof decodeBytes>) => (r.ok ? r.text : `ERROR ${r.problem}`);

describe("decodeBytes", () => {
  it("decodes valid UTF-8 as UTF-8", () => {
    expect(text(decodeBytes(new TextEncoder().encode("Støre said „yes“ — 5 €")))).toBe("Støre said „yes“ — 5 €");
  });

  it("detects Latin-1 / windows-1252 text that is not valid UTF-8", () => {
    const sentence =
      "Le président a déclaré que la sécurité de l'Europe était « essentielle » et que les négociations continueraient à Genève.";
    const r = decodeBytes(iconv.encode(sentence, "latin1"));
    expect(text(r)).toBe(sentence);
  });

  it("honours a UTF-8 BOM and strips it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Hello")]);
    expect(text(decodeBytes(bytes))).toBe("Hello");
  });

  it("decodes UTF-16 with a BOM although it contains NUL bytes", () => {
    const body = iconv.encode("Grüße aus Köln", "utf-16le");
    expect(text(decodeBytes(new Uint8Array([0xff, 0xfe, ...body])))).toBe("Grüße aus Köln");
  });

  it("uses a charset declared in an HTML meta tag", () => {
    const html = '<html><head><meta charset="windows-1251"></head><body>Привет мир</body></html>';
    expect(text(decodeBytes(iconv.encode(html, "windows-1251")))).toBe(html);
  });

  it("uses a charset given in the Content-Type header", () => {
    const s = "Ça coûte cher";
    expect(text(decodeBytes(iconv.encode(s, "iso-8859-15"), "ISO-8859-15"))).toBe(s);
  });

  it("prefers UTF-8 over a stale legacy meta charset when the bytes are valid UTF-8 with non-ASCII text", () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body>Støre sa «ja» i Tromsø</body></html>';
    expect(text(decodeBytes(new TextEncoder().encode(html)))).toBe(html);
  });

  it("refuses binary data", () => {
    const r = decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
    expect(r).toEqual({ ok: false, problem: "binary file (NUL byte at offset 4), not text" });
  });
});

describe("looksBinary", () => {
  it("is true for NUL bytes and for mostly control characters, false for text", () => {
    expect(looksBinary(new Uint8Array([65, 0, 66]))).toBe(true);
    expect(looksBinary(new Uint8Array(100).fill(1))).toBe(true);
    expect(looksBinary(new TextEncoder().encode("plain\ttext\r\nlines\n"))).toBe(false);
  });
});
