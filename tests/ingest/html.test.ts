import { describe, expect, it } from "vitest";
import { htmlFragmentToText, parseHtmlArticle } from "@/lib/ingest";
import { ARTICLE_PARAGRAPHS, chromePage, NO_ARTICLE_PAGE } from "./fixtures";

describe("parseHtmlArticle", () => {
  it("keeps only the article text, as blank-line separated paragraphs, dropping nav, footer, share links", () => {
    const r = parseHtmlArticle(chromePage(), "pages/ferry.html");
    if (!r.ok) throw new Error(r.problem);
    const body = r.article.body;
    for (const p of ARTICLE_PARAGRAPHS) expect(body).toContain(p);
    for (const chrome of ["Share on Twitter", "Privacy policy", "All rights reserved", "Accept all cookies", "Bridge closed", "Weather"])
      expect(body).not.toContain(chrome);
    const paragraphs = body.split("\n\n");
    expect(paragraphs[0]).toBe("New ferry terminal to open in spring");
    expect(paragraphs).toContain(ARTICLE_PARAGRAPHS[0]);
    expect(paragraphs).toContain("What happens next");
    expect(paragraphs).toContain("- Final inspections in March.");
    expect(paragraphs).toContain("- Timetables published in January.");
    expect(body).not.toMatch(/<[a-z]/i);
  });

  it("extracts metadata: site name, canonical url, published time, byline, language, title without site suffix", () => {
    const r = parseHtmlArticle(chromePage({ lang: "en-GB" }), "ferry.html");
    if (!r.ok) throw new Error(r.problem);
    expect(r.article).toMatchObject({
      title: "New ferry terminal to open in spring",
      outlet: "Coastal Herald",
      url: "https://www.coastalherald.example/news/ferry-terminal",
      host: "coastalherald.example",
      publishedAt: "2025-03-04T09:30:00.000Z",
      language: "en-GB",
      source: "ferry.html",
    });
    expect(r.article.byline).toMatch(/Per Hansen/);
  });

  it("strips a ' - Site' suffix from <title> when there is no og:title, and reads JSON-LD dates", () => {
    const html = `<html><head><title>Bus fares to rise - Metro Daily</title><meta property="og:site_name" content="Metro Daily">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2025-01-02"}]}</script></head>
<body><article>${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const r = parseHtmlArticle(html, "https://metro.example/fares", "https://metro.example/fares");
    if (!r.ok) throw new Error(r.problem);
    expect(r.article.title).toBe("Bus fares to rise");
    expect(r.article.publishedAt).toBe("2025-01-02");
    expect(r.article.outlet).toBe("Metro Daily");
  });

  it("falls back to <time datetime>, og:url and the page host", () => {
    const html = `<html><head><title>Bridge closed</title><meta property="og:url" content="https://www.bridges.example/closed"></head>
<body><article><time datetime="2025-02-01T12:00:00Z">1 Feb</time>${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const r = parseHtmlArticle(html, "b.html");
    if (!r.ok) throw new Error(r.problem);
    expect(r.article.publishedAt).toBe("2025-02-01T12:00:00.000Z");
    expect(r.article.url).toBe("https://www.bridges.example/closed");
    expect(r.article.outlet).toBe("bridges.example");
  });

  it("reports a page with no article text", () => {
    const r = parseHtmlArticle(NO_ARTICLE_PAGE, "login.html");
    expect(r).toEqual({ ok: false, problem: "no article text found in the HTML page" });
  });
});

describe("htmlFragmentToText", () => {
  it("turns blocks into paragraphs, list items into '- ' lines and table rows into cells", () => {
    expect(htmlFragmentToText("<p>One <b>bold</b>\n word.</p><ul><li>A</li><li><p>B</p></li></ul><table><tr><td>x</td><td>y</td></tr></table><script>bad()</script>")).toBe(
      "One bold word.\n\n- A\n\n- B\n\nx | y",
    );
  });
});

describe("parseHtmlArticle headline", () => {
  it("does not repeat a headline the article text already starts with, even when og:title words it slightly differently", () => {
    const html = `<html><head><meta property="og:title" content="Ferry terminal to open in spring"></head><body><article>
<p class="kicker">Transport</p><h1>New ferry terminal to open in spring</h1>${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const r = parseHtmlArticle(html, "k.html");
    if (!r.ok) throw new Error(r.problem);
    expect(r.article.title).toBe("Ferry terminal to open in spring");
    expect(r.article.body.match(/terminal to open in spring/g)).toHaveLength(1);
  });
});
