import { describe, expect, it } from "vitest";
import { blockquote, escapeMarkdown, formatMarkdown } from "../../lib/export";
import { makeData, NOW } from "./fixture";

describe("escapeMarkdown", () => {
  it("turns HTML into entities", () => {
    expect(escapeMarkdown("<script>alert('x')</script> & co")).toBe("&lt;script&gt;alert\\('x'\\)&lt;/script&gt; &amp; co");
    expect(escapeMarkdown("&amp; stays literal")).toBe("&amp;amp; stays literal");
  });
  it("escapes inline markup", () => {
    expect(escapeMarkdown("**bold** _em_ `code` [a](b) ![i](j) a|b ~~s~~")).toBe(
      "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\[a\\]\\(b\\) \\!\\[i\\]\\(j\\) a\\|b \\~\\~s\\~\\~",
    );
  });
  it("escapes block markers at the start of a line only", () => {
    expect(escapeMarkdown("# title\n- item\n+ item\n===\n1990. A year\n  2) two")).toBe("\\# title\n\\- item\n\\+ item\n\\===\n1990\\. A year\n  2\\) two");
    expect(escapeMarkdown("a - b # c 3.5")).toBe("a - b # c 3.5");
  });
  it("quotes every line of a multi-line text", () => {
    expect(blockquote("one\n\n# two")).toBe("> one\n>\n> \\# two");
    expect(blockquote("x", "  ")).toBe("  > x");
  });
});

describe("formatMarkdown", () => {
  const md = formatMarkdown(makeData(), { generatedAt: NOW });
  const lines = md.split("\n");

  it("groups flags by story in the order of the flags, a heading per story and per flag", () => {
    const headings = lines.filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "# Parallax fact-check notes",
      "## Story 7: Harbour &lt;b&gt;bridge&lt;/b&gt; vote",
      "### 1. Quote paraphrased · high · Beta Post",
      "### 2. Structure added · low · Alpha News",
      "## Story 9: School budget",
      "### 1. Claim added · medium · Gamma, Wire",
      "### 2. Fact conflict · medium · Delta",
    ]);
    expect(md).toContain("Generated 2026-03-04T12:30:00.000Z · 4 flags in 2 stories");
  });

  it("shows the flagged text as a blockquote, the explanation, evidence per outlet, status and note", () => {
    const section = md.slice(md.indexOf("### 1. Quote paraphrased"), md.indexOf("### 2. Structure added"));
    expect(section).toContain('> We "will" build it, next year');
    expect(section).toContain("Speaker: Mayor Ruiz");
    expect(section).toContain("**Why flagged:** Words inside the quotation marks differ from Alpha News.");
    expect(section).toContain("- Alpha News (article 1):\n\n  > We will build it");
    expect(section).toContain("**Status:** verified");
    expect(section).toContain("**Note:**\n\n> Checked the council video.");
    expect(section).toContain("Flag #11");
    expect(section).toContain("(https://beta.example/bridge)");
  });

  it("cannot be made to emit markup by article text, explanations or notes", () => {
    expect(md).not.toMatch(/<(script|img|b)\b/i);
    expect(md).not.toContain("](javascript:");
    expect(md).toContain("\\[link\\]\\(javascript:alert\\(1\\)\\)");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).toContain("> \\# Heading\n> \\- \\[link\\]");
    // Every emphasis marker in the output is one we wrote: labels only.
    const stray = md.replace(/\*\*(Why flagged:|Evidence:|Status:|Note:|verified|unsupported|open|dismissed)\*\*/g, "").match(/(?<!\\)\*/g);
    expect(stray).toBeNull();
  });

  it("says when a flag has no counterpart and when nothing matches", () => {
    expect(md).toContain("**Evidence:** no counterpart carries this text.");
    expect(formatMarkdown({ stories: [], articles: [], flags: [] }, { generatedAt: NOW })).toContain("No flags match this view.");
  });
});
