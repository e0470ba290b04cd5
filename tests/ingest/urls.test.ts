import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import iconv from "iconv-lite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { ingestInputs } from "@/db/ingest";
import { articles } from "@/db/schema";
import { ARTICLE_PARAGRAPHS, atomFeed, chromePage, rssFeed } from "./fixtures";

/** The test server listens on 127.0.0.1, which ingest refuses unless private addresses are allowed. */
const LOCAL = { allowPrivateAddresses: true } as const;

let server: http.Server;
let base: string;
let closedPort: number;
const agents: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

const longContent = ARTICLE_PARAGRAPHS.map((p) => `<p>${p} (inline copy)</p>`).join("");

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? "/", base);
  agents.push(String(req.headers["user-agent"]));
  const html = (body: string, type = "text/html; charset=utf-8") => {
    res.writeHead(200, { "content-type": type });
    res.end(body);
  };
  switch (url.pathname) {
    case "/article":
      return html(chromePage());
    case "/old":
      res.writeHead(301, { location: "/article" });
      return void res.end();
    case "/loop":
      res.writeHead(302, { location: `/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}` });
      return void res.end();
    case "/slow":
      return; // never answers: the client must time out
    case "/big":
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body>" + "x".repeat(1500));
      return void setTimeout(() => res.end("</body></html>"), 10);
    case "/latin":
      res.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
      return void res.end(iconv.encode(chromePage({ title: "Société générale: résultats élevés à Genève" }), "windows-1252"));
    case "/feed.xml":
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return void res.end(
        rssFeed([
          { link: `${base}/story/one`, title: "One" },
          { link: `${base}/gone-with-copy`, title: "Inline copy kept", content: longContent },
          { link: `${base}/gone`, title: "Teaser only" },
        ]),
      );
    case "/atom.xml":
      res.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8" });
      return void res.end(atomFeed([{ href: "/story/atom-1", title: "Atom one" }, { href: "/story/atom-2", title: "Atom two" }]));
    case "/busy.xml":
      res.writeHead(200, { "content-type": "text/xml" });
      return void res.end(rssFeed(Array.from({ length: 6 }, (_, i) => ({ link: `${base}/delayed/${i}`, title: `D${i}` }))));
    default:
      if (url.pathname.startsWith("/story/")) return html(chromePage({ title: `Story ${url.pathname.slice(7)} about the harbour` }));
      if (url.pathname.startsWith("/delayed/")) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return void setTimeout(() => {
          inFlight--;
          html(chromePage({ title: `Delayed ${url.pathname.slice(9)} harbour story` }));
        }, 60);
      }
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
  }
}

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "parallax-urls-"));
  db = openDb(path.join(dir, "p.db"));
});
afterEach(async () => {
  db.$client.close();
  await fs.promises.rm(dir, { recursive: true, force: true });
});

describe("ingest of URLs", () => {
  it("ingests an article page; source is the URL as given, canonical url from the page", async () => {
    const run = await ingestInputs(db, [`${base}/article`], LOCAL);
    expect(run).toMatchObject({ added: 1, failed: 0 });
    const row = db.select().from(articles).get()!;
    expect(row).toMatchObject({ source: `${base}/article`, canonicalUrl: "https://www.coastalherald.example/news/ferry-terminal", title: "New ferry terminal to open in spring" });
    expect(row.body).toContain(ARTICLE_PARAGRAPHS[1]);
    expect(row.body).not.toContain("Share on Twitter");
    expect(agents.at(-1)).toMatch(/^ParallaxIngest\//);
  });

  it("follows a redirect, and the same page under another URL is unchanged", async () => {
    await ingestInputs(db, [`${base}/article`], LOCAL);
    const run = await ingestInputs(db, [`${base}/old`], LOCAL);
    expect(run.results[0]).toMatchObject({ status: "unchanged", source: `${base}/old` });
    expect(run.results[0].sameAs).toBe(run.results[0].articleId);
  });

  it("decodes a page by the charset of its Content-Type", async () => {
    const run = await ingestInputs(db, [`${base}/latin`], LOCAL);
    expect(run.results[0].title).toBe("Société générale: résultats élevés à Genève");
  });

  it("reports 404, unreachable, timeout, redirect loops and oversize responses, one line each", async () => {
    const run = await ingestInputs(db, [`${base}/missing`, `http://127.0.0.1:${closedPort}/x`, `${base}/slow`, `${base}/loop`, `${base}/big`, `${base}/article`], {
      ...LOCAL,
      // Long enough for six redirect hops on a busy machine; /slow never answers, so it costs this once.
      timeoutMs: 2000,
      maxBytes: 1024,
    });
    expect(run.results.map((r) => r.error)).toEqual([
      `${base}/missing: HTTP 404 Not Found`,
      `http://127.0.0.1:${closedPort}/x: unreachable (connection refused)`,
      `${base}/slow: timed out after 2000 ms`,
      `${base}/loop: too many redirects (more than 5)`,
      `${base}/big: response is over the 1.0 KB limit (--max-bytes)`,
      `${base}/article: response is over the 1.0 KB limit (--max-bytes)`,
    ]);
    expect(run.failed).toBe(6);
  });

  it("ingests an RSS feed: each item's page, the inline copy when the page fails, an error when there is neither", async () => {
    const feed = `${base}/feed.xml`;
    const run = await ingestInputs(db, [feed], LOCAL);
    expect(run.results.map((r) => [r.input, r.source, r.status, r.error])).toEqual([
      [feed, `${base}/story/one`, "added", null],
      [feed, `${base}/gone-with-copy`, "added", null],
      [feed, `${base}/gone`, "failed", `${base}/gone: HTTP 404 Not Found, and the feed item has too little text of its own`],
    ]);
    const rows = db.select().from(articles).orderBy(articles.id).all();
    expect(rows[0].title).toBe("Story one about the harbour");
    expect(rows[1].title).toBe("Inline copy kept");
    expect(rows[1].body).toContain(`${ARTICLE_PARAGRAPHS[0]} (inline copy)`);
    const again = await ingestInputs(db, [feed], LOCAL);
    expect(again).toMatchObject({ added: 0, unchanged: 2, failed: 1 });
  });

  it("ingests an Atom feed with relative links", async () => {
    const run = await ingestInputs(db, [`${base}/atom.xml`], LOCAL);
    expect(run.results.map((r) => [r.source, r.status, r.title])).toEqual([
      [`${base}/story/atom-1`, "added", "Story atom-1 about the harbour"],
      [`${base}/story/atom-2`, "added", "Story atom-2 about the harbour"],
    ]);
  });

  it("keeps the number of simultaneous requests within the concurrency", async () => {
    maxInFlight = 0;
    const run = await ingestInputs(db, [`${base}/busy.xml`], { ...LOCAL, concurrency: 2 });
    expect(run.added).toBe(6);
    expect(maxInFlight).toBe(2);
  });
});
