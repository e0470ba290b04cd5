/**
 * Revisions by canonical URL: the same article ingested again from another
 * path, or with changed text, is a new revision of it, and its flags keep
 * their triage (status, note, history) where they still apply.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, count, eq, gt, isNotNull, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzePending } from "@/db/analyze";
import type { Db } from "@/db/client";
import { ingestInputs } from "@/db/ingest";
import { listFlagHistory, setFlagNote, setFlagStatus } from "@/db/triage";
import { canonicalKey } from "@/lib/ingest";
import { describeStores } from "./stores";

const SAMPLE = path.resolve(__dirname, "../../db/sample/articles");
const t0 = () => new Date("2026-01-01T00:00:00Z");
let dir: string;
let db: Db;


const write = (name: string, content: string) => {
  const file = path.join(dir, "in", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
/** The articles in id order; `current` as 1 or 0, as SQLite stores it. */
const rows = async () => {
  const a = db.t.articles;
  return (await db.select({ id: a.id, source: a.source, lineage: a.lineage, revision: a.revision, current: a.current }).from(a).orderBy(asc(a.id))).map((r) => ({ ...r, current: Number(r.current) }));
};

describe("canonicalKey", () => {
  it("compares URLs as pages, not strings, and names no article for a front page", () => {
    const k = canonicalKey("https://news.example/a/story");
    expect(canonicalKey("http://WWW.News.example/a/story/?utm_source=feed&utm_medium=x#comments")).toBe(k);
    expect(canonicalKey("https://news.example/a/story?b=2&a=1")).toBe(canonicalKey("https://news.example/a/story?a=1&b=2"));
    expect(canonicalKey("https://news.example/a/story?id=2")).not.toBe(k);
    expect(canonicalKey("https://news.example/")).toBeNull();
    expect(canonicalKey("https://news.example/index.html")).toBeNull();
    expect(canonicalKey("javascript:alert(1)")).toBeNull();
    expect(canonicalKey("not a url")).toBeNull();
  });
});

describeStores("revisions", (store) => {
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-revisions-"));
    db = await store.reset();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe("revisions by canonical URL", () => {
    const text = (extra = "") => `Harbour council approves budget after long debate\n\nThe council voted on Monday to approve the harbour budget, officials said.${extra}`;

    it("stores the same canonical URL from another path as a revision, not a second article", async () => {
      const a = write("a.md", `---\nurl: https://news.example/a/story\noutlet: News\n---\n${text()}`);
      const b = write("b.html", `<html><head><link rel="canonical" href="https://www.news.example/a/story/?utm_source=rss"><meta property="og:site_name" content="News"></head><body><article><h1>Harbour council approves budget after long debate</h1><p>The council voted on Monday to approve the harbour budget, officials said. The vote was 7 to 2.</p></article></body></html>`);
      expect((await ingestInputs(db, [a], { now: t0 })).added).toBe(1);
      const second = await ingestInputs(db, [b], { now: t0 });
      expect(second).toMatchObject({ added: 0, revised: 1 });
      expect(second.results[0]).toMatchObject({ status: "revised", revision: 2, source: b });
      expect((await rows()).map((r) => [r.source, r.lineage, r.revision, r.current])).toEqual([
        [a, a, 1, 0],
        [b, a, 2, 1],
      ]);
      // The old path again with its old text: nothing new (the article has moved on under the other path).
      expect((await ingestInputs(db, [a], { now: t0 })).unchanged).toBe(1);
      // The old path with new text: a third revision of the same article.
      fs.writeFileSync(a, `---\nurl: https://news.example/a/story\noutlet: News\n---\n${text(" A correction followed.")}`);
      expect((await ingestInputs(db, [a], { now: t0 })).revised).toBe(1);
      expect((await rows()).filter((r) => r.current).map((r) => [r.source, r.lineage, r.revision])).toEqual([[a, a, 3]]);
    });

    it("keeps articles apart whose canonical link is the site's front page", async () => {
      const x = write("x.md", `---\nurl: https://news.example/\n---\n${text()}`);
      const y = write("y.md", `---\nurl: https://news.example/\n---\nA different story entirely about the weather\n\nRain is expected all week across the region, forecasters said.`);
      expect((await ingestInputs(db, [x, y], { now: t0 })).added).toBe(2);
    });

    it("carries triage over to the new revision where the flag still applies; a flag whose text changed goes stale with its history", async () => {
      await ingestInputs(db, [SAMPLE], { now: t0 });
      await analyzePending(db, { now: t0, workers: 0 });
      // An article of the sample given as a file with its URL in the front matter, and two of its flags.
      const { articles: a, outlets: o, flags: f } = db.t;
      const [art] = (await db
        .select({ id: a.id, title: a.title, body: a.body, url: a.canonicalUrl, outlet: o.name })
        .from(a)
        .innerJoin(o, eq(o.id, a.outletId))
        .where(and(eq(a.current, true), isNotNull(a.canonicalUrl), gt(db.select({ n: count() }).from(f).where(eq(f.articleId, a.id)), 1)))
        .orderBy(asc(a.id))
        .limit(1)) as { id: number; title: string; body: string; url: string; outlet: string }[];
      expect(art).toBeTruthy();
      const fl = await db.select({ id: f.id, kind: f.kind, text: f.text, start: f.start, version: f.version }).from(f).where(eq(f.articleId, art.id)).orderBy(asc(f.start), asc(f.id));
      const [kept, changed] = [fl[0], fl[fl.length - 1]];
      expect(kept.id).not.toBe(changed.id);
      await setFlagStatus(db, { flagIds: kept.id, expectedVersions: kept.version, status: "verified", note: "Checked with the wire.", editor: "Robin", now: new Date("2026-01-02T00:00:00Z") });
      await setFlagStatus(db, { flagIds: changed.id, expectedVersions: changed.version, status: "unsupported", editor: "Robin", now: new Date("2026-01-02T00:01:00Z") });
      const [{ version: v }] = await db.select({ version: f.version }).from(f).where(eq(f.id, changed.id));
      await setFlagNote(db, { flagId: changed.id, expectedVersion: v, note: "No source for this.", editor: "Robin", now: new Date("2026-01-02T00:02:00Z") });
      const historyBefore = await listFlagHistory(db, kept.id);

      // The same article saved from another path, with the changed flag's text reworded and a paragraph added.
      const at = art.body.indexOf(changed.text);
      expect(at).toBeGreaterThanOrEqual(0);
      const reworded = art.body.slice(0, at) + changed.text.replace(/\b(\w{4,})\b/, "$1 reportedly") + art.body.slice(at + changed.text.length);
      expect(reworded).not.toBe(art.body);
      const copy = write("saved-copy.md", `---\ntitle: ${JSON.stringify(art.title)}\noutlet: ${art.outlet}\nurl: ${art.url}?utm_campaign=share\n---\n${reworded}\n\nThis article was updated.`);
      const run = await ingestInputs(db, [copy], { now: () => new Date("2026-01-03T00:00:00Z") });
      expect(run, JSON.stringify(run.results)).toMatchObject({ revised: 1, added: 0 });
      const newId = run.results[0].articleId!;
      expect(newId).not.toBe(art.id);
      await analyzePending(db, { now: () => new Date("2026-01-03T00:05:00Z"), workers: 0 });

      const [k] = await db.select({ articleId: f.articleId, status: f.status, note: f.note, stale: f.stale }).from(f).where(eq(f.id, kept.id));
      expect(k).toEqual({ articleId: newId, status: "verified", note: "Checked with the wire.", stale: false });
      expect(await listFlagHistory(db, kept.id)).toEqual(historyBefore);
      const [c] = await db.select({ status: f.status, note: f.note, stale: f.stale }).from(f).where(eq(f.id, changed.id));
      expect(c).toEqual({ status: "unsupported", note: "No source for this.", stale: true });
      expect((await listFlagHistory(db, changed.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["status", "note", "stale"]));
      // One article in the story for that lineage, not two.
      const lineage = db.select({ l: a.lineage }).from(a).where(eq(a.id, newId));
      expect((await db.select({ n: count() }).from(a).where(and(eq(a.current, true), sql`${a.lineage} = (${lineage})`)))[0]).toEqual({ n: 1 });
    });
  });
});
