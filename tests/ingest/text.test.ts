import { describe, expect, it } from "vitest";
import { deriveTitle, parseTextArticle, splitFrontMatter } from "@/lib/ingest";
import { parseFileBytes } from "@/lib/ingest";

describe("splitFrontMatter", () => {
  it("reads simple key: value lines with optional quotes and ignores unknown keys", () => {
    const { meta, body } = splitFrontMatter(
      '---\ntitle: "Envoy: talks advanced"\noutlet: Daily Example\nurl: https://example.com/a\npublished: 2025-08-17\nbyline: \'Jane Roe\'\nlanguage: en\ntags: x\n---\n\nHeadline\n\nBody.\n',
    );
    expect(meta).toEqual({
      title: "Envoy: talks advanced",
      outlet: "Daily Example",
      url: "https://example.com/a",
      published: "2025-08-17",
      byline: "Jane Roe",
      language: "en",
    });
    expect(body).toBe("Headline\n\nBody.\n");
  });

  it("leaves text without a closing marker untouched", () => {
    const text = "---\ntitle: x\nno close here\n";
    expect(splitFrontMatter(text)).toEqual({ meta: {}, body: text });
  });
});

describe("deriveTitle", () => {
  it("takes the first non-empty line", () => {
    expect(deriveTitle("\n\nMinisters agree a new budget deal after talks\n\nThe deal...")).toBe(
      "Ministers agree a new budget deal after talks",
    );
  });

  it("skips short section labels when a headline-length line follows", () => {
    expect(deriveTitle("Featured\n\nEnvoy says Russia agreed to security guarantees\n\nText.")).toBe(
      "Envoy says Russia agreed to security guarantees",
    );
    expect(deriveTitle("World, Europe Desk\nLeaders meet in Brussels to discuss the summit\nText.")).toBe(
      "Leaders meet in Brussels to discuss the summit",
    );
    expect(deriveTitle("BREAKING NEWS NOW\nParliament votes to approve the new treaty today\n")).toBe(
      "Parliament votes to approve the new treaty today",
    );
  });

  it("keeps a short line as the title when nothing longer follows", () => {
    expect(deriveTitle("Storm warning\nRain.\n")).toBe("Storm warning");
    expect(deriveTitle("Elections\n")).toBe("Elections");
  });

  it("does not treat a short sentence as a label", () => {
    expect(deriveTitle("Prices rose.\nThe central bank said inflation was higher than expected this month.")).toBe(
      "Prices rose.",
    );
  });

  it("cuts a run-on lede to its first sentence, not at an abbreviation", () => {
    const lede =
      "Mr. Smith of the U.S. delegation says there is agreement on the guarantees for the region. At the same time, the parties have begun to talk openly about land.";
    expect(deriveTitle(lede)).toBe("Mr. Smith of the U.S. delegation says there is agreement on the guarantees for the region.");
  });
});

describe("deriveTitle length", () => {
  it("cuts a single over-long sentence at a word boundary with an ellipsis", () => {
    const line = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const title = deriveTitle(line);
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(251);
    expect(line.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1).endsWith(" ")).toBe(false);
  });
});

describe("parseTextArticle", () => {
  it("stores the body exactly, the headline included, with only CRLF and BOM normalised", () => {
    const raw = "\uFEFFSection\r\n\r\nA headline that is long enough here\r\n\r\n  Indented “quote”  \r\nlast line";
    const { articles, problems } = parseTextArticle(raw, "dir/story.txt");
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const a = articles[0];
    expect(a.body).toBe("Section\n\nA headline that is long enough here\n\n  Indented “quote”  \nlast line");
    expect(a.title).toBe("A headline that is long enough here");
    expect(a.body.indexOf(a.title)).toBeGreaterThan(0);
    expect(a.outlet).toBe("story");
    expect(a.source).toBe("dir/story.txt");
  });

  it("uses front matter: title, outlet, url host, published as ISO, byline, language", () => {
    const { articles } = parseTextArticle(
      "---\ntitle: Given title\nurl: https://www.news.example.org/x\npublished: 2025-08-17T10:00:00+02:00\nbyline: A. Writer\nlanguage: nb\n---\nFirst line of text\nMore.",
      "a.md",
    );
    expect(articles[0]).toMatchObject({
      title: "Given title",
      body: "First line of text\nMore.",
      outlet: "news.example.org",
      host: "news.example.org",
      url: "https://www.news.example.org/x",
      publishedAt: "2025-08-17T08:00:00.000Z",
      byline: "A. Writer",
      language: "nb",
    });
  });

  it("reports a file with only front matter as empty", () => {
    const out = parseTextArticle("---\ntitle: x\n---\n\n   \n", "only.md");
    expect(out.articles).toEqual([]);
    expect(out.problems[0].message).toMatch(/^only\.md: empty file/);
  });
});

describe("parseFileBytes", () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it("refuses unknown extensions, naming the expected ones", () => {
    const out = parseFileBytes(enc("hello"), "notes.xyz");
    expect(out.problems[0].message).toBe("notes.xyz: unsupported file type .xyz (expected .txt .md .html .htm .json .jsonl)");
  });

  it("reports empty and whitespace-only files", () => {
    expect(parseFileBytes(new Uint8Array(), "e.txt").problems[0].message).toBe("e.txt: empty file");
    expect(parseFileBytes(enc(" \n\t\n"), "w.md").problems[0].message).toBe("w.md: empty file");
  });

  it("reports binary data", () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    expect(parseFileBytes(bytes, "b.txt").problems[0].message).toBe("b.txt: binary file (NUL byte at offset 0), not text");
  });
});
