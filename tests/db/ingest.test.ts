import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { ingestInputs, storeArticle } from "@/db/ingest";
import { loadFile } from "@/db/sources";
import type { ParsedArticle } from "@/lib/ingest";
import { chromePage, NO_ARTICLE_PAGE } from "../ingest/fixtures";
import { describeStores } from "./stores";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
const fixedNow = () => new Date("2026-01-01T00:00:00Z");

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "parallax-ingest-"));
});
afterEach(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
const countRows = async (table: "articles" | "outlets") => (await db.select({ n: count() }).from(db.t[table]))[0].n;
const currentCount = async () => (await db.select({ n: count() }).from(db.t.articles).where(eq(db.t.articles.current, true)))[0].n;

function parsed(over: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    source: "mem/1",
    title: "Council approves harbour budget",
    body: "Council approves harbour budget\n\nThe council voted on Monday to approve the budget.",
    outlet: "Memory Gazette",
    host: null,
    url: null,
    byline: null,
    publishedAt: null,
    language: null,
    ...over,
  };
}

const WRITER = path.resolve(__dirname, "../ingest/concurrent-writer.ts");

/** Starts the writer script in its own process; `line` resolves each line it prints, in order. */
function startWriter(args: string[]): { child: ChildProcessWithoutNullStreams; line: () => Promise<string>; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(path.resolve(__dirname, "../../node_modules/.bin/tsx"), [WRITER, ...args], { cwd: path.resolve(__dirname, "../..") });
  const queue: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  let buf = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    buf += d;
    for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
      const l = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiting.shift();
      if (w) w(l);
      else queue.push(l);
    }
  });
  child.stderr.on("data", (d) => (stderr += d));
  const exit = new Promise<{ code: number | null; stderr: string }>((r) => child.on("close", (code) => r({ code, stderr })));
  const line = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiting.push(r)));
  return { child, line, exit };
}

describeStores("ingest", (store) => {
  beforeEach(async () => {
    db = await store.reset();
  });

  describe("storeArticle", () => {
    it("adds, then reports unchanged for the same content, then revises", async () => {
      const a = await storeArticle(db, parsed(), { now: fixedNow });
      expect(a).toMatchObject({ status: "added", revision: 1 });
      expect(await storeArticle(db, parsed(), { now: fixedNow })).toEqual({ status: "unchanged", articleId: a.articleId, revision: 1 });
      // Whitespace-only differences are not a new revision.
      expect((await storeArticle(db, parsed({ body: parsed().body.replace("voted on", "voted  on") }), { now: fixedNow })).status).toBe("unchanged");
      const b = await storeArticle(db, parsed({ body: parsed().body + " It passed 7-2." }), { now: fixedNow, story: "harbour" });
      expect(b).toMatchObject({ status: "revised", revision: 2 });
      const rows = (await db.select().from(db.t.articles).orderBy(db.t.articles.id));
      expect(rows.map((r) => [r.revision, r.current])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(rows[1]).toMatchObject({ storyLabel: "harbour", ingestedAt: "2026-01-01T00:00:00.000Z", outletId: rows[0].outletId });
      expect(rows[0].body).toBe(parsed().body);
    });

    it("keeps the story of the previous revision and marks the story dirty", async () => {
      const a = await storeArticle(db, parsed(), { now: fixedNow });
      const [story] = await db
        .insert(db.t.stories)
        .values({ title: "Harbour", createdAt: "2026-01-01", updatedAt: "2026-01-01", dirty: false })
        .returning();
      await db.update(db.t.articles).set({ storyId: story.id }).where(eq(db.t.articles.id, a.articleId));
      const b = await storeArticle(db, parsed({ title: "Council approves harbour budget after vote" }), { now: fixedNow });
      expect(b.status).toBe("revised");
      expect((await db.select().from(db.t.articles).where(eq(db.t.articles.id, b.articleId)))[0]!.storyId).toBe(story.id);
      expect((await db.select().from(db.t.stories).where(eq(db.t.stories.id, story.id)))[0]!.dirty).toBe(true);
    });

    it("treats the same content under another source as unchanged, naming the article", async () => {
      const a = await storeArticle(db, parsed(), { now: fixedNow });
      const b = await storeArticle(db, parsed({ source: "mem/2", outlet: "Other" }), { now: fixedNow });
      expect(b).toEqual({ status: "unchanged", articleId: a.articleId, sameAs: a.articleId, revision: 1 });
      expect(await countRows("articles")).toBe(1);
      expect(await countRows("outlets")).toBe(1);
    });

    it("writes nothing of an article when its transaction fails midway (no article, no new outlet)", async () => {
      await expect(storeArticle(db, parsed({ outlet: "Brand New Outlet" }), { now: fixedNow, _failAfterArticleInsert: true })).rejects.toThrow(
        /injected failure/,
      );
      expect(await countRows("articles")).toBe(0);
      expect(await countRows("outlets")).toBe(0);

      // A failed revision leaves the previous revision current and untouched.
      const a = await storeArticle(db, parsed(), { now: fixedNow });
      await expect(storeArticle(db, parsed({ body: "changed", outlet: "Another New Outlet" }), { now: fixedNow, _failAfterArticleInsert: true })).rejects.toThrow();
      const rows = (await db.select().from(db.t.articles));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: a.articleId, current: true, revision: 1 });
      expect((await db.select().from(db.t.outlets)).map((o) => o.name)).toEqual(["Memory Gazette"]);
    });
  });

  describe("storeArticle and links", () => {
    it("never stores a url that is not http or https: it stores null and keeps the article", async () => {
      const cases: [string | null, string | null][] = [
        ["javascript:alert(1)", null],
        ["JAVASCRIPT:alert(1)", null],
        ["data:text/html,<script>x</script>", null],
        ["file:///etc/passwd", null],
        ["vbscript:msgbox", null],
        ["not a url", null],
        ["https://news.example/a", "https://news.example/a"],
        ["http://news.example/b", "http://news.example/b"],
        [null, null],
      ];
      for (const [i, [url, stored]] of cases.entries()) {
        const out = await storeArticle(db, parsed({ source: `mem/${i}`, url, body: `Body ${i} of the article.` }), { now: fixedNow });
        expect(out.status).toBe("added");
        expect((await db.select().from(db.t.articles).where(eq(db.t.articles.id, out.articleId)))[0]!.canonicalUrl, String(url)).toBe(stored);
      }
    });
  });

  describe("ingestInputs on files", () => {
    it("ingests each format with its metadata and source = path as given", async () => {
      write("in/a.txt", "Featured\n\nLong enough headline for the first article\n\nBody of the first article.\n");
      write("in/b.md", "---\ntitle: Markdown title\noutlet: MD Weekly\npublished: 2025-02-03\n---\n# Markdown title\n\nBody.\n");
      write("in/c.html", chromePage());
      write("in/d.json", JSON.stringify({ title: "Json one", outlet: "J", body: "Json body." }));
      write("in/e.jsonl", [JSON.stringify({ title: "L1", outlet: "L", body: "Line one." }), JSON.stringify({ title: "L2", outlet: "L", body: "Line two." })].join("\n"));
      write("in/.hidden.txt", "Should be skipped entirely, it is a dotfile.");
      write("in/.git/x.txt", "Should be skipped entirely, in a dot folder.");
      const folder = path.join(dir, "in");
      const run = await ingestInputs(db, [folder], { now: fixedNow });
      expect(run).toMatchObject({ added: 6, revised: 0, unchanged: 0, failed: 0 });
      expect(run.results.map((r) => r.source)).toEqual([
        `${folder}/a.txt`,
        `${folder}/b.md`,
        `${folder}/c.html`,
        `${folder}/d.json`,
        `${folder}/e.jsonl#1`,
        `${folder}/e.jsonl#2`,
      ]);
      const rows = (await db.select({ a: db.t.articles, o: db.t.outlets.name }).from(db.t.articles).innerJoin(db.t.outlets, eq(db.t.articles.outletId, db.t.outlets.id)).orderBy(db.t.articles.id));
      expect(rows.map((r) => [r.a.title, r.o])).toEqual([
        ["Long enough headline for the first article", "a"],
        ["Markdown title", "MD Weekly"],
        ["New ferry terminal to open in spring", "Coastal Herald"],
        ["Json one", "J"],
        ["L1", "L"],
        ["L2", "L"],
      ]);
      expect(rows[0].a.body).toBe("Featured\n\nLong enough headline for the first article\n\nBody of the first article.\n");
      expect(rows[1].a.publishedAt).toBe("2025-02-03");
      expect(rows[2].a.canonicalUrl).toBe("https://www.coastalherald.example/news/ferry-terminal");
      expect(rows.every((r) => r.a.ingestedAt === "2026-01-01T00:00:00.000Z" && r.a.revision === 1 && r.a.current && r.a.storyId === null)).toBe(true);
    });

    it("dedupes a second run and makes a revision when a file changes", async () => {
      const file = write("story.txt", "A headline that is long enough to be one\n\nFirst version.");
      const first = await ingestInputs(db, [file], { story: "s1" });
      expect(first.added).toBe(1);
      const again = await ingestInputs(db, [file]);
      expect(again).toMatchObject({ added: 0, unchanged: 1 });
      expect(again.results[0].articleId).toBe(first.results[0].articleId);
      fs.writeFileSync(file, "A headline that is long enough to be one\n\nSecond version.");
      const third = await ingestInputs(db, [file]);
      expect(third).toMatchObject({ revised: 1 });
      expect(await countRows("articles")).toBe(2);
      expect(await currentCount()).toBe(1);
      const cur = (await db.select().from(db.t.articles).where(eq(db.t.articles.current, true)))[0]!;
      expect(cur).toMatchObject({ revision: 2, source: file, storyLabel: "s1", body: "A headline that is long enough to be one\n\nSecond version." });
    });

    it("gives every bad input its own clear error and stores the rest", async () => {
      write("bad/empty.txt", "");
      write("bad/blank.md", "  \n\n\t");
      write("bad/binary.txt", new Uint8Array(2000).map((_, i) => (i * 7) % 256));
      write("bad/latin1.txt", iconv.encode("Régional: la société générale a annoncé des résultats élevés à Genève.\n", "latin1"));
      write("bad/big.txt", Buffer.alloc(6 * 1024 * 1024, 0x61));
      write("bad/nothing.html", NO_ARTICLE_PAGE);
      write("bad/notes.xyz", "text");
      write("bad/mixed.jsonl", [JSON.stringify({ title: "Good 1", body: "b1" }), "{broken", JSON.stringify({ title: "Good 2", body: "b2" })].join("\n"));
      const folder = path.join(dir, "bad");
      const missing = path.join(dir, "no-such-file.txt");
      const run = await ingestInputs(db, [folder, missing], { now: fixedNow });
      const errors = run.results.filter((r) => r.status === "failed").map((r) => r.error);
      expect(errors).toEqual([
        `${folder}/big.txt: file is 6.0 MB, over the 5.0 MB limit (--max-bytes)`,
        expect.stringMatching(new RegExp(`^${folder}/binary\\.txt: binary file( \\(.+\\))?, not text$`)),
        `${folder}/blank.md: empty file`,
        `${folder}/empty.txt: empty file`,
        expect.stringMatching(new RegExp(`^${folder}/mixed\\.jsonl:2: malformed JSON \\(.+\\)$`)),
        `${folder}/notes.xyz: unsupported file type .xyz (expected .txt .md .html .htm .json .jsonl)`,
        `${folder}/nothing.html: no article text found in the HTML page`,
        `${missing}: no such file or directory`,
      ]);
      expect(run).toMatchObject({ added: 3, failed: 8 });
      const titles = (await db.select({ t: db.t.articles.title, b: db.t.articles.body }).from(db.t.articles).orderBy(db.t.articles.id));
      expect(titles.map((t) => t.t)).toEqual(["Régional: la société générale a annoncé des résultats élevés à Genève.", "Good 1", "Good 2"]);
    });

    it("follows symlinks to files but not to folders, and skips README-style documents in folders", async () => {
      const outside = write("outside/linked.txt", "A linked article headline that is long enough\n\nBody.");
      write("walk/README.md", "# About this folder\n\nNot an article.");
      fs.symlinkSync(outside, path.join(dir, "walk", "link.txt"));
      fs.symlinkSync(path.join(dir, "walk"), path.join(dir, "walk", "loop"));
      fs.symlinkSync(path.join(dir, "outside"), path.join(dir, "walk", "other"));
      const run = await ingestInputs(db, [path.join(dir, "walk")]);
      expect(run.results.map((r) => [r.input, r.status, r.error])).toEqual([
        [path.join(dir, "walk", "link.txt"), "added", null],
        [path.join(dir, "walk", "loop"), "failed", `${path.join(dir, "walk", "loop")}: symbolic link loop`],
        [path.join(dir, "walk", "other"), "failed", `${path.join(dir, "walk", "other")}: symbolic link to a folder, not followed (name the folder itself to ingest it)`],
      ]);
      // A README named explicitly is read like any file.
      expect((await ingestInputs(db, [path.join(dir, "walk", "README.md")])).added).toBe(1);
    });

    it("gives dangling links, link loops, FIFOs, sockets and devices their own line, without opening any of them", async () => {
      const walk = path.join(dir, "odd");
      write("odd/good.txt", "A good article headline that is long enough\n\nBody.");
      fs.symlinkSync(path.join(dir, "no-such-target.txt"), path.join(walk, "dangling.txt"));
      fs.symlinkSync(path.join(walk, "loop-b.txt"), path.join(walk, "loop-a.txt"));
      fs.symlinkSync(path.join(walk, "loop-a.txt"), path.join(walk, "loop-b.txt"));
      execFileSync("mkfifo", [path.join(walk, "fifo.txt")]);
      fs.symlinkSync(path.join(walk, "fifo.txt"), path.join(walk, "link-to-fifo.txt"));
      fs.symlinkSync("/dev/null", path.join(walk, "null.txt"));
      const sock = net.createServer();
      await new Promise<void>((r) => sock.listen(path.join(walk, "sock.txt"), r));
      try {
        const started = performance.now();
        const run = await ingestInputs(db, [walk]);
        expect(performance.now() - started).toBeLessThan(5000);
        const label = (n: string) => path.join(walk, n);
        expect(run.results.map((r) => r.error ?? r.status)).toEqual([
          `${label("dangling.txt")}: dangling symbolic link`,
          `${label("fifo.txt")}: not a regular file (FIFO)`,
          "added",
          `${label("link-to-fifo.txt")}: not a regular file (FIFO)`,
          `${label("loop-a.txt")}: symbolic link loop`,
          `${label("loop-b.txt")}: symbolic link loop`,
          `${label("null.txt")}: not a regular file (character device)`,
          `${label("sock.txt")}: not a regular file (socket)`,
        ]);
        // Named on the command line, they get the same lines.
        const direct = await ingestInputs(db, [label("fifo.txt"), label("dangling.txt"), label("loop-a.txt"), "/dev/null"]);
        expect(direct.results.map((r) => r.error)).toEqual([
          `${label("fifo.txt")}: not a regular file (FIFO)`,
          `${label("dangling.txt")}: dangling symbolic link`,
          `${label("loop-a.txt")}: symbolic link loop`,
          "/dev/null: not a regular file (character device)",
        ]);
      } finally {
        await new Promise((r) => sock.close(r));
      }
    });

    it("refuses a file swapped for a FIFO after the walk listed it, without blocking on it", async () => {
      const file = write("swap/a.txt", "x");
      fs.rmSync(file);
      execFileSync("mkfifo", [file]);
      const started = performance.now();
      const out = await loadFile({ source: file, path: file }, 1024);
      expect(out.problems.map((p) => p.message)).toEqual([`${file}: not a regular file (FIFO)`]);
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it("reports a folder with nothing to ingest", async () => {
      write("hollow/.only-a-dotfile", "x");
      const run = await ingestInputs(db, [path.join(dir, "hollow")]);
      expect(run.results).toEqual([
        { input: path.join(dir, "hollow"), source: null, status: "failed", articleId: null, error: `${path.join(dir, "hollow")}: folder holds no files to ingest` },
      ]);
    });

    it("honours maxBytes", async () => {
      const file = write("small.txt", "x".repeat(2000));
      const run = await ingestInputs(db, [file], { maxBytes: 1024 });
      expect(run.results[0].error).toBe(`${file}: file is 2.0 KB, over the 1.0 KB limit (--max-bytes)`);
    });

    it("rejects invalid options with a precise message", async () => {
      await expect(ingestInputs(db, [], { concurrency: 0 })).rejects.toThrow("ingestInputs: concurrency must be a positive number, got 0");
    });
  });

  describe.skipIf(!fs.existsSync(SEEDS))("ingest of ../shared/seeds", () => {
    it("stores the 5 seed articles once; a second run leaves them unchanged", async () => {
      const first = await ingestInputs(db, [SEEDS], { now: fixedNow });
      expect(first).toMatchObject({ added: 5, revised: 0, unchanged: 0, failed: 0 });
      const second = await ingestInputs(db, [SEEDS], { now: fixedNow });
      expect(second).toMatchObject({ added: 0, revised: 0, unchanged: 5, failed: 0 });
      expect(await countRows("articles")).toBe(5);
      expect(await countRows("outlets")).toBe(5);
      for (const row of (await db.select().from(db.t.articles))) {
        // Bodies are stored exactly as the file text (the seeds are plain UTF-8 with \n line ends).
        expect(row.body).toBe(fs.readFileSync(row.source, "utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"));
        expect(row.title.length).toBeGreaterThan(20);
      }
    });
  });
});

describe("concurrent writers (SQLite only: write locks, busy_timeout and child processes on one file)", () => {
  beforeEach(() => {
    db = openDb(path.join(dir, "p.db"));
  });
  afterEach(() => {
    db.$client.close();
  });

  it("a store waits for another process's write lock (busy_timeout) instead of failing with 'database is locked'", async () => {
    const file = path.join(dir, "p.db");
    const holder = startWriter(["hold", file, "1200"]);
    expect(await holder.line()).toBe("locked");
    const started = performance.now();
    const out = await storeArticle(db, parsed(), { now: fixedNow });
    const waited = performance.now() - started;
    expect(out.status).toBe("added");
    expect(waited).toBeGreaterThan(300);
    expect((await holder.exit).code).toBe(0);
    expect((await db.select().from(db.t.outlets)).map((o) => o.name)).toEqual([expect.stringMatching(/^lock holder \d+$/), "Memory Gazette"]);
    console.log(`store waited ${Math.round(waited)} ms for the other process's write lock`);

    // Why IMMEDIATE: a deferred transaction that reads first cannot upgrade to a write past a concurrent writer.
    const again = startWriter(["hold", file, "600"]);
    expect(await again.line()).toBe("locked");
    const deferred = db.$client.transaction(() => {
      db.$client.prepare("SELECT count(*) FROM articles").get();
      db.$client.prepare("INSERT INTO outlets (name, host) VALUES ('deferred', NULL)").run();
    });
    expect(() => deferred.deferred()).toThrow(/database is locked/);
    expect((await again.exit).code).toBe(0);
  }, 60_000);

  it("two processes storing into the same database at once both succeed, revisions unique", async () => {
    const file = path.join(dir, "p.db");
    const n = 300;
    const writers = [startWriter(["store", file, "A", String(n)]), startWriter(["store", file, "B", String(n)])];
    for (const w of writers) expect(await w.line()).toBe("ready");
    for (const w of writers) w.child.stdin.end("go\n");
    const exits = await Promise.all(writers.map((w) => w.exit));
    expect(exits.map((e) => [e.code, e.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    for (const w of writers) expect(await w.line()).toBe(`stored ${n}`);
    const rows = db.$client.prepare("SELECT source, revision, current FROM articles").all() as { source: string; revision: number; current: number }[];
    // Each writer's own sources once, and every revision of the 20 shared sources.
    expect(rows.filter((r) => !r.source.startsWith("shared/")).length).toBe(n);
    const shared = rows.filter((r) => r.source.startsWith("shared/"));
    expect(shared.length).toBe(n);
    expect(new Set(shared.map((r) => `${r.source}@${r.revision}`)).size).toBe(shared.length);
    expect(shared.filter((r) => r.current === 1).length).toBe(20);
  }, 60_000);
});

if (!fs.existsSync(SEEDS)) console.warn(`skipping the seed ingest test: ${SEEDS} is absent`);
