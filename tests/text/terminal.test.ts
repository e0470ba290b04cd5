import { describe, expect, it } from "vitest";
import { escapeJsonForTerminal, sanitizeForTerminal } from "@/lib/text/terminal";

const ESC = "\u001b";

describe("sanitizeForTerminal", () => {
  it("removes CSI sequences whole (colours, cursor moves, screen clears)", () => {
    expect(sanitizeForTerminal(`${ESC}[31mred${ESC}[0m title`)).toBe("red title");
    expect(sanitizeForTerminal(`a${ESC}[2J${ESC}[H${ESC}[1;1Hb`)).toBe("ab");
    expect(sanitizeForTerminal(`x${ESC}[?1049hy`)).toBe("xy");
    expect(sanitizeForTerminal(`8-bit\u009b31mCSI`)).toBe("8-bitCSI");
  });

  it("removes OSC, DCS and other string commands with their payload", () => {
    expect(sanitizeForTerminal(`Title${ESC}]0;owned window title\u0007 end`)).toBe("Title end");
    expect(sanitizeForTerminal(`link ${ESC}]8;;https://evil.example${ESC}\\text${ESC}]8;;${ESC}\\`)).toBe("link text");
    expect(sanitizeForTerminal(`a${ESC}Pq#0;2;0;0;0${ESC}\\b`)).toBe("ab");
    expect(sanitizeForTerminal(`a${ESC}]0;never terminated`)).toBe("a");
    expect(sanitizeForTerminal(`a\u009d0;x\u009cb`)).toBe("ab");
    // A stray 8-bit C1 (mis-decoded text) takes only itself with it.
    expect(sanitizeForTerminal("caf\u0090e au lait")).toBe("cafe au lait");
  });

  it("removes other ESC sequences, C0 and C1 controls and DEL; a tab becomes a space", () => {
    expect(sanitizeForTerminal(`a${ESC}7b${ESC}(Bc${ESC}`)).toBe("abc");
    expect(sanitizeForTerminal("bell\u0007 back\bspace\u0000nul\u007fdel\u0085nel")).toBe("bell backspacenuldelnel");
    expect(sanitizeForTerminal("col1\tcol2")).toBe("col1 col2");
  });

  it("removes bidi overrides, isolates and marks", () => {
    expect(sanitizeForTerminal("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeForTerminal("\u2066a\u2069 \u200Fb\u200E \u061Cc \u202Ad\u202C")).toBe("a b c d");
  });

  it("joins lines into one, or keeps newlines in multi-line output", () => {
    expect(sanitizeForTerminal("one\r\ntwo\rthree\nfour")).toBe("one two three four");
    expect(sanitizeForTerminal(`one\r\ntwo${ESC}[1A\nthree`, { multiline: true })).toBe("one\ntwo\nthree");
  });

  it("leaves ordinary text, accents, scripts and emoji alone", () => {
    const text = "Société générale: résultats — 東京 · مرحبا · 👍 “quoted” (1/2) [x] {y} ~z";
    expect(sanitizeForTerminal(text)).toBe(text);
  });
});

describe("escapeJsonForTerminal", () => {
  it("escapes the characters JSON.stringify leaves raw, and the JSON still parses to the same data", () => {
    const data = { title: "a\u009b31mb\u202Ec\u2028d\u007f", esc: `${ESC}[2J` };
    const json = escapeJsonForTerminal(JSON.stringify(data));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028]/);
    expect(json).toContain("\\u009b");
    expect(json).toContain("\\u202e");
    expect(JSON.parse(json)).toEqual(data);
  });
});
