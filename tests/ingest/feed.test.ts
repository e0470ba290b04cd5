import { describe, expect, it } from "vitest";
import { feedItemArticle, looksLikeFeed, parseFeed, sniffKind } from "@/lib/ingest";
import { ARTICLE_PARAGRAPHS, atomFeed, rssFeed } from "./fixtures";

describe("parseFeed", () => {
  it("reads RSS 2.0 items with links, dates, authors and content:encoded", () => {
    const xml = rssFeed([
      { link: "https://h.example/a", title: "A &amp; B", content: ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("") },
      { link: "/relative/b", title: "B" },
    ]);
    const feed = parseFeed(xml, "https://h.example/feed.xml");
    expect(feed?.kind).toBe("rss");
    expect(feed?.title).toBe("Coastal Herald");
    expect(feed?.items.map((i) => i.link)).toEqual(["https://h.example/a", "https://h.example/relative/b"]);
    expect(feed?.items[0].title).toBe("A & B");
    expect(feed?.items[0].author).toBe("Desk");
    expect(feed?.items[0].content.split("\n\n")).toEqual(ARTICLE_PARAGRAPHS);
    expect(feed?.items[1].content).toBe("Short teaser.");
  });

  it("reads Atom entries, preferring the alternate link", () => {
    const feed = parseFeed(atomFeed([{ href: "https://blog.example/p1", title: "Post one", content: "<p>Hello</p>" }]));
    expect(feed?.kind).toBe("atom");
    expect(feed?.items[0]).toMatchObject({ link: "https://blog.example/p1", title: "Post one", author: "Blogger", content: "Hello", published: "2025-03-04T10:00:00Z" });
  });

  it("drops item links that are not http or https, saying why, and never resolves them against the feed", () => {
    const xml = rssFeed([
      { link: "javascript:alert(document.cookie)", title: "Script" },
      { link: "JavaScript:alert(1)", title: "Script, mixed case" },
      { link: "data:text/html;base64,PHNjcmlwdD4=", title: "Data" },
      { link: "file:///etc/passwd", title: "File" },
      { link: "ftp://h.example/a", title: "FTP" },
      { link: "https://h.example/fine", title: "Fine" },
    ]);
    const feed = parseFeed(xml, "https://h.example/feed.xml");
    expect(feed?.items.map((i) => [i.link, i.linkProblem])).toEqual([
      [null, "item link is a javascript: address (only http and https are fetched)"],
      [null, "item link is a javascript: address (only http and https are fetched)"],
      [null, "item link is a data: address (only http and https are fetched)"],
      [null, "item link is a file: address (only http and https are fetched)"],
      [null, "item link is a ftp: address (only http and https are fetched)"],
      ["https://h.example/fine", null],
    ]);
    const atom = parseFeed(atomFeed([{ href: "javascript:void(0)", title: "Atom script" }]), "https://blog.example/atom.xml");
    expect(atom?.items[0]).toMatchObject({ link: null, linkProblem: "item link is a javascript: address (only http and https are fetched)" });
  });

  it("returns null for XML that is not a feed", () => {
    expect(parseFeed("<?xml version='1.0'?><note><to>x</to></note>")).toBeNull();
  });
});

describe("feedItemArticle", () => {
  it("builds an article from enough inline content, and refuses a teaser", () => {
    const item = { link: "https://www.h.example/a", title: "Ferry", published: "Tue, 04 Mar 2025 09:30:00 GMT", author: "Desk", content: ARTICLE_PARAGRAPHS.join("\n\n") };
    const a = feedItemArticle(item, item.link);
    expect(a).toMatchObject({ source: "https://www.h.example/a", title: "Ferry", outlet: "h.example", publishedAt: "2025-03-04T09:30:00.000Z" });
    expect(a?.body.startsWith("Ferry\n\n" + ARTICLE_PARAGRAPHS[0])).toBe(true);
    expect(feedItemArticle({ ...item, content: "Short teaser." }, item.link)).toBeNull();
  });
});

describe("sniffKind", () => {
  it("decides by content type, then by the text", () => {
    expect(sniffKind("application/rss+xml", "")).toBe("feed");
    expect(sniffKind("text/xml; charset=utf-8", rssFeed([]))).toBe("feed");
    expect(sniffKind(null, atomFeed([]))).toBe("feed");
    expect(sniffKind("text/html; charset=utf-8", "<html><body>x</body></html>")).toBe("html");
    expect(sniffKind("application/octet-stream", "<!DOCTYPE html><html>")).toBe("html");
    expect(sniffKind("text/plain", "Just words")).toBe("text");
    expect(sniffKind("application/json", "{}")).toBe("json");
    expect(looksLikeFeed("<!-- c --><rss version='2.0'>")).toBe(true);
  });
});
