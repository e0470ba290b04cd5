import { describe, expect, it } from "vitest";
import { parseHtmlArticle, parseJsonFile, parseJsonLines, parseTextArticle, webUrl } from "@/lib/ingest";
import { ARTICLE_PARAGRAPHS } from "./fixtures";

const HOSTILE = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:msgbox(1)", "ftp://files.example/x", "  javascript:void(0)"];
const body = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("");

describe("article URLs from metadata are http(s) only", () => {
  it("webUrl keeps http and https and drops every other scheme", () => {
    expect(webUrl("https://news.example/a")).toBe("https://news.example/a");
    expect(webUrl("/a", "http://news.example/x")).toBe("http://news.example/a");
    for (const u of HOSTILE) expect(webUrl(u)).toBeNull();
  });

  it("canonical link and og:url: a hostile one becomes null and the host falls back to the page address", () => {
    for (const u of HOSTILE) {
      const html = `<html><head><title>T</title><link rel="canonical" href="${u.replace(/"/g, "&quot;")}"><meta property="og:url" content="${u.replace(/"/g, "&quot;")}"></head><body><article>${body}</article></body></html>`;
      const r = parseHtmlArticle(html, "https://www.site.example/story", "https://www.site.example/story");
      if (!r.ok) throw new Error(r.problem);
      expect(r.article.url).toBeNull();
      expect(r.article.host).toBe("site.example");
      expect(r.article.outlet).toBe("site.example");
    }
  });

  it("a hostile canonical link falls back to a good og:url", () => {
    const html = `<html><head><title>T</title><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://www.good.example/a"></head><body><article>${body}</article></body></html>`;
    const r = parseHtmlArticle(html, "x.html");
    if (!r.ok) throw new Error(r.problem);
    expect(r.article.url).toBe("https://www.good.example/a");
  });

  it("JSON url / link fields and front matter urls", () => {
    for (const u of HOSTILE) {
      const j = parseJsonFile(JSON.stringify([{ body: "Text.", url: u }, { body: "Text.", link: u }]), "dump/feed.json");
      expect(j.articles.map((a) => [a.url, a.host, a.outlet])).toEqual([
        [null, null, "feed"],
        [null, null, "feed"],
      ]);
      expect(parseJsonLines(JSON.stringify({ body: "Text.", canonical_url: u }), "x.jsonl").articles[0].url).toBeNull();
      const t = parseTextArticle(`---\nurl: "${u.replace(/"/g, "")}"\n---\nHeadline line here\n\nText.`, "notes/story.md");
      expect(t.articles[0]).toMatchObject({ url: null, host: null, outlet: "story" });
    }
    expect(parseJsonFile(JSON.stringify({ body: "Text.", url: "https://www.ok.example/a" }), "a.json").articles[0]).toMatchObject({ url: "https://www.ok.example/a", host: "ok.example" });
  });
});
