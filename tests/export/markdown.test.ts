import { describe, expect, it } from "vitest";
import { blockquote, codeSpan, defangLinks, escapeMarkdown, formatMarkdown, MAX_MARKDOWN_URL } from "../../lib/export";
import { makeData, NOW } from "./fixture";

describe("escapeMarkdown", () => {
  it("turns HTML into entities, and & only where it would start one", () => {
    expect(escapeMarkdown("<script>alert('x')</script> & co")).toBe("&lt;script&gt;alert('x')&lt;/script&gt; & co");
    expect(escapeMarkdown("&amp; stays literal, &#106; too, AT&T and R&D read as written")).toBe("&amp;amp; stays literal, &amp;#106; too, AT&T and R&D read as written");
  });
  it("escapes inline markup that could render, and nothing in plain prose", () => {
    expect(escapeMarkdown("**bold** _em_ `code` [a](b) ![i](j) ~~s~~")).toBe("\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\[a\\](b) !\\[i\\](j) \\~\\~s\\~\\~");
    // What news prose is made of: parentheses, editorial brackets, full stops, hyphens, pipes, braces, exclamation marks.
    const prose = 'The minister (right) said: "We [the government] will act!" - 3 * 4 = 12, snake_case {sic} a|b, C:\\temp, 10:30 a.m.';
    expect(escapeMarkdown(prose)).toBe(prose);
  });
  it("escapes brackets in a text that holds a link form, pipes in a text with a table", () => {
    expect(escapeMarkdown("[ref]: x")).toBe("\\[ref\\]: x");
    expect(escapeMarkdown("[a][b] and [c]")).toBe("\\[a\\]\\[b\\] and \\[c\\]");
    expect(escapeMarkdown("a | b\n--|--\nc | d")).toBe("a \\| b\n--\\|--\nc \\| d");
  });
  it("escapes a backslash only where it would escape what follows", () => {
    expect(escapeMarkdown("C:\\temp \\* end\\")).toBe("C:\\temp \\\\\\* end\\\\");
  });
  it("escapes block markers at the start of a line only", () => {
    expect(escapeMarkdown("# title\n- item\n+ item\n===\n1990. A year\n  2) two\n* star\n---\n> quote")).toBe(
      "\\# title\n\\- item\n\\+ item\n\\===\n1990\\. A year\n  2\\) two\n\\* star\n\\---\n&gt; quote",
    );
    expect(escapeMarkdown("a - b # c 3.5")).toBe("a - b # c 3.5");
    // Only what would really start a block: a hashtag, a negative figure and a year mid-sentence are text.
    expect(escapeMarkdown("#budget\n-5 degrees\n1990 was a year")).toBe("#budget\n-5 degrees\n1990 was a year");
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
    expect(section).toContain("- Alpha News · no web address (ingested from a file)\n\n  > We will build it");
    expect(section).toContain("**Status:** verified · triaged by Ada, 2026-03-02 10:00 UTC");
    expect(section).toContain("**Note:**\n\n> Checked the council video.");
    expect(section).toContain("Flag #11");
    expect(section).toContain("Article: Bridge vote, again · `https://beta.example/bridge`");
  });

  it("cannot be made to emit markup by article text, explanations or notes", () => {
    expect(md).not.toMatch(/<(script|img|b)\b/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain("\\[link\\](javascript:alert(1))");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).toContain("> \\# Heading\n> \\- \\[link\\]");
    // Every emphasis marker in the output is one we wrote: labels only.
    const stray = md
      .replace(/\*\*(Why flagged:|Evidence:|Status:|Note:|History:|verified|unsupported|open|dismissed)\*\*/g, "")
      .replace(/ · \*Parallax \(automatic\)\* · /g, "")
      .match(/(?<!\\)\*/g);
    expect(stray).toBeNull();
  });

  it("lists the history, the analysis' events as Parallax (automatic) in italics, an editor's with their name", () => {
    const section = md.slice(md.indexOf("### 1. Claim added"), md.indexOf("### 2. Fact conflict"));
    expect(section).toContain(
      "**History:**\n\n- 2026-03-02 10:00 UTC · parallax (editor) · open → unsupported\n- 2026-03-03 08:00 UTC · *Parallax (automatic)* · no longer found by re-analysis",
    );
    expect(md).toContain("- 2026-03-02 10:00 UTC · Ada (editor) · open → verified · note: Checked the council video.");
    expect(md.slice(md.indexOf("### 2. Structure added"), md.indexOf("## Story 9"))).not.toContain("**History:**");
  });

  it("says when a flag has no counterpart and when nothing matches", () => {
    expect(md).toContain("**Evidence:** no counterpart carries this text.");
    expect(formatMarkdown({ stories: [], articles: [], flags: [] }, { generatedAt: NOW })).toContain("No flags match this view.");
  });
});

/** Hostile article text: every way GitHub-flavoured Markdown makes a link, an image, HTML or a heading. */
const HOSTILE = [
  "see https://evil.example/x and http://a.b/c?d=1 and ftp://f.example",
  "www.evil.example and WWW.Evil.Example/path",
  "mail ed@evil.example or mailto:ed@evil.example or xmpp:ed@evil.example",
  "<https://evil.example> <ed@evil.example> <javascript:alert(1)>",
  "[click](https://evil.example) [x](javascript:alert(1)) ![img](https://evil.example/p.png) [ref]",
  "[ref]: https://evil.example",
  "# heading\n<img src=x onerror=alert(1)>\n<div>html</div>\n```\ncode\n```",
  "text(https://evil.example)text and *www.evil.example* _http://e.example_ ~www.e.example~",
  "data:text/html;base64,PHNjcmlwdD4= and javascript:alert(1)",
  "&#106;avascript:alert(1) &#x3C;b&#x3E;",
  "a\u00a0https://evil.example b\u3000www.evil.example",
];

/**
 * Removes the code spans of one line as CommonMark reads them (a run of n
 * backticks up to the next run of exactly n), so what is left is the text a
 * renderer would parse for links.
 */
function outsideCodeSpans(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (line[i] === "\\") {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line[i] !== "`") {
      out += line[i++];
      continue;
    }
    const open = /^`+/.exec(line.slice(i))![0];
    const close = new RegExp(`(?<!\`)${open}(?!\`)`, "g");
    close.lastIndex = i + open.length;
    const m = close.exec(line);
    if (!m) {
      out += open;
      i += open.length;
      continue;
    }
    out += " ";
    i = m.index + open.length;
  }
  return out;
}

describe("defangLinks", () => {
  it.each([
    ["https://evil.example/x", "https[:]//evil[.]example/x"],
    ["(javascript://x.y)", "(javascript[:]//x[.]y)"],
    ["www.evil.example", "www[.]evil[.]example"],
    ["WWW.Evil.Example", "WWW[.]Evil[.]Example"],
    ["ed@evil.example", "ed[@]evil[.]example"],
    ["mailto:ed@evil", "mailto:ed[@]evil"],
    ["text(https://a.b)text", "text(https[:]//a[.]b)text"],
  ])("breaks %j", (text, want) => {
    expect(defangLinks(text)).toBe(want);
  });
  it.each(["3.5 per cent", "@Delta said", "e.g. the U.S. budget", "10:30 a.m.", "a - b"])("leaves %j alone", (text) => {
    expect(defangLinks(text)).toBe(text);
  });
});

describe("codeSpan", () => {
  it("fences an address with one backtick more than it holds, padding a span that starts or ends with one", () => {
    expect(codeSpan("https://a.example/x")).toBe("`https://a.example/x`");
    expect(codeSpan("https://a.example/`x``y")).toBe("```https://a.example/`x``y```");
    expect(codeSpan("`https://evil.example`")).toBe("`` `https://evil.example` ``");
    expect(codeSpan("")).toBe("(none)");
  });
  it("keeps the span on one line and shows hidden characters percent-encoded", () => {
    expect(codeSpan("data:text/html,<b>\n# x\u200b")).toBe("`data:text/html,<b>%0A#%20x%E2%80%8B`");
  });
  it("cuts a very long address and says how much is left out", () => {
    const long = "https://evil.example/" + "A".repeat(MAX_MARKDOWN_URL + 100);
    const span = codeSpan(long);
    expect(span.startsWith("`https://evil.example/AAA")).toBe(true);
    expect(span).toMatch(new RegExp(`\` … \\(${long.length - MAX_MARKDOWN_URL} more characters\\)$`));
    expect(span.length).toBeLessThan(MAX_MARKDOWN_URL + 50);
  });
});

describe("formatMarkdown with hostile article text and addresses", () => {
  const data = makeData();
  const f = data.flags[0];
  f.text = HOSTILE.join("\n");
  f.note = HOSTILE.join("\n\n");
  f.explanation = HOSTILE.join(" ");
  f.speaker = HOSTILE[0];
  f.outlet = HOSTILE[1];
  f.evidence[0].text = HOSTILE.join("\n");
  f.evidence[0].outlet = HOSTILE[2];
  data.stories[0].title = HOSTILE[4];
  data.articles[1].title = HOSTILE[3];
  data.articles[1].url = "javascript:alert(`x`)//``https://evil.example``<b>" + "A".repeat(3000);
  data.articles[2].url = "data:text/html,<script>alert(1)</script>\n# x";
  data.articles[3].url = "`https://evil.example`";
  const md = formatMarkdown(data, { generatedAt: NOW });
  const lines = md.split("\n");

  it("leaves nothing outside code spans that a renderer would make a link, image or HTML", () => {
    for (const line of lines) {
      const text = outsideCodeSpans(line);
      expect(text, line).not.toMatch(/:\/\//);
      expect(text, line).not.toMatch(/www\./i);
      expect(text, line).not.toMatch(/[\w.+-]@\w/);
      expect(text, line).not.toMatch(/</);
      // Every bracket from the article is escaped, so no [text](target), [ref] or ![alt](src) forms.
      expect(text, line).not.toMatch(/(?<!\\)[[\]]/);
    }
  });

  it("writes every heading, fence and block marker itself", () => {
    expect(lines.filter((l) => /^\s*#/.test(l)).every((l) => /^#{1,3} (Parallax fact-check notes|Story \d+: |\d+\. )/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s*(>\s*)*(```|~~~)/.test(l))).toBe(false);
    expect(lines.some((l) => /^\s*(>\s*)*\[[^\]]*\]:/.test(l))).toBe(false);
  });

  it("shows every address as a code span an editor can copy", () => {
    expect(md).toContain("Article: &lt;https\\[:\\]//evil\\[.\\]example&gt;");
    expect(md).toContain(" · ```javascript:alert(`x`)//``https://evil.example``<b>AAA");
    expect(md).toContain("more characters)");
    expect(md).toContain("Article: Budget · `data:text/html,<script>alert(1)</script>%0A#%20x`");
    expect(md).toContain("Article: Budget cuts · `` `https://evil.example` ``");
  });
});

describe("formatMarkdown pasted as plain text", () => {
  it("shows ordinary news prose without a single backslash", () => {
    const data = makeData();
    const f = data.flags[0];
    f.text = 'The minister (right) said: "We [the government] will cut 3.5% - not 5%!" AT&T, R&D, snake_case.';
    f.explanation = 'Words inside the quotation marks differ from Alpha News ("will" vs "shall").';
    f.note = "Checked with the desk (call at 10:30). 1990 was the year.";
    f.evidence[0].text = "We [the government] will cut 3.5% (not 5%).";
    data.stories[0].title = "Harbour bridge vote (update)";
    data.flags = [f];
    const md = formatMarkdown(data, { generatedAt: NOW });
    expect(md).not.toContain("\\");
    expect(md).toContain('> The minister (right) said: "We [the government] will cut 3.5% - not 5%!" AT&T, R&D, snake_case.');
  });

  it("never names a local file, only web addresses, and says when there is none", () => {
    const md = formatMarkdown(makeData(), { generatedAt: NOW });
    for (const a of makeData().articles) if (!/^https?:/.test(a.source)) expect(md).not.toContain(a.source);
    expect(md).toContain("- Gamma, Wire · `https://gamma.example/a?x=1&y=2`");
    expect(md).toContain("Article: Budget cuts · no web address (ingested from a file)");
  });

  it("cannot be made to link across two untrusted names on one line", () => {
    const data = makeData();
    data.articles[0].outlet = "[click";
    data.articles[1].outlet = "](javascript:alert(1))";
    const md = formatMarkdown(data, { generatedAt: NOW });
    const line = md.split("\n").find((l) => l.startsWith("Outlets in these notes:"))!;
    expect(line).toBe("Outlets in these notes: [click · \\](javascript:alert(1))");
  });

  it("says who triaged a flag and when, or that nobody has", () => {
    const md = formatMarkdown(makeData(), { generatedAt: NOW });
    expect(md).toContain("**Status:** unsupported · triaged by parallax, 2026-03-02 10:00 UTC");
    expect(md).toContain("**Status:** open · not triaged yet");
  });
});
