/**
 * Outlet names: where they come from (the --outlet option, page and file
 * metadata, the host, the file name as a last resort), renaming, merging two
 * spellings, aliases that keep re-ingest in the renamed outlet, and the
 * migration of a database from before outlet origins.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzePending } from "@/db/analyze";
import { openDb, type Db } from "@/db/client";
import { ingestInputs } from "@/db/ingest";
import { listOutlets, OutletError, renameOutlet } from "@/db/outlets";
import { queryRow, queryRows } from "@/db/store";
import { describeStores } from "./stores";

const fixedNow = () => new Date("2026-01-01T00:00:00Z");
const SAMPLE = path.resolve(__dirname, "../../db/sample/articles");
let dir: string;
let db: Db;


const write = (name: string, content: string) => {
  const file = path.join(dir, "in", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
const body = (n: number) => `Harbour council approves budget number ${n} after a long debate\n\nThe council voted on Monday to approve the harbour budget, officials said. Item ${n}.`;
const outletOf = (source: string) =>
  queryRow<{ name: string; origin: string }>(db, sql`SELECT o.name, o.name_origin AS origin FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.source = ${source} AND a.current`);

describeStores("outlets", (store) => {
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-outlets-"));
    db = await store.reset();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe("outlet naming precedence", () => {
    it("takes metadata first, then the host, then the file name (marked as such); --outlet over all", async () => {
      const files = {
        og: write("og.html", `<html><head><meta property="og:site_name" content="The Harbour Herald"><meta name="application-name" content="HH App"><link rel="canonical" href="https://herald.example/a/1"></head><body><article><h1>${body(1).split("\n")[0]}</h1><p>${body(1).split("\n\n")[1]}</p></article></body></html>`),
        ld: write("ld.html", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Ledger Daily"}}</script></head><body><article><h1>${body(2).split("\n")[0]}</h1><p>${body(2).split("\n\n")[1]}</p></article></body></html>`),
        app: write("app.html", `<html><head><meta name="application-name" content="Bay Bulletin"></head><body><article><h1>${body(3).split("\n")[0]}</h1><p>${body(3).split("\n\n")[1]}</p></article></body></html>`),
        front: write("front.md", `---\npublisher: Coast Courier\n---\n${body(4)}`),
        json: write("rec.json", JSON.stringify({ title: "Budget five", body: body(5), publisher: { name: "Tide Times" } })),
        host: write("host.json", JSON.stringify({ title: "Budget six", body: body(6), url: "https://www.portnews.example/budget-six" })),
        bare: write("003_8ea54be0.txt", body(7)),
      };
      const run = await ingestInputs(db, Object.values(files), { now: fixedNow });
      expect(run.failed).toBe(0);
      expect(await outletOf(files.og)).toEqual({ name: "The Harbour Herald", origin: "metadata" });
      expect(await outletOf(files.ld)).toEqual({ name: "Ledger Daily", origin: "metadata" });
      expect(await outletOf(files.app)).toEqual({ name: "Bay Bulletin", origin: "metadata" });
      expect(await outletOf(files.front)).toEqual({ name: "Coast Courier", origin: "metadata" });
      expect(await outletOf(files.json)).toEqual({ name: "Tide Times", origin: "metadata" });
      expect(await outletOf(files.host)).toEqual({ name: "portnews.example", origin: "host" });
      expect(await outletOf(files.bare)).toEqual({ name: "003_8ea54be0", origin: "file" });
      expect(run.results.find((r) => r.source === files.bare)).toMatchObject({ outlet: "003_8ea54be0", outletOrigin: "file" });

      const given = write("given.txt", body(8));
      const again = write("og2.html", fs.readFileSync(files.og, "utf8").replace("https://herald.example/a/1", "https://herald.example/a/2").replace("number 1", "number 9"));
      await ingestInputs(db, [given, again], { now: fixedNow, outlet: "  Wire   Desk " });
      expect(await outletOf(given)).toEqual({ name: "Wire Desk", origin: "given" });
      expect(await outletOf(again)).toEqual({ name: "Wire Desk", origin: "given" });
      await expect(ingestInputs(db, [given], { outlet: "   " })).rejects.toThrow(/outlet: an outlet name cannot be empty/);
      await expect(ingestInputs(db, [given], { outlet: "Evil\u202eName" })).rejects.toThrow(/control or invisible/);
    });
  });

  describe("renaming and merging outlets", () => {
    it("renames, keeps the old name as an alias that re-ingest follows, and refuses bad input", async () => {
      const a = write("003_x.txt", body(1));
      await ingestInputs(db, [a], { now: fixedNow });
      const [o] = await listOutlets(db);
      expect(o).toMatchObject({ name: "003_x", origin: "file", articles: 1 });
      const r = await renameOutlet(db, o.id, "Harbour Wire");
      expect(r).toMatchObject({ outlet: { id: o.id, name: "Harbour Wire" }, merged: null, changed: true });
      expect(await listOutlets(db)).toEqual([expect.objectContaining({ id: o.id, name: "Harbour Wire", origin: "editor", aliases: ["003_x"] })]);
      // The same file changed: a revision, still in the renamed outlet (no "003_x" outlet comes back).
      fs.writeFileSync(a, body(1) + "\n\nA correction was added.");
      const again = await ingestInputs(db, [a], { now: fixedNow });
      expect(again.revised).toBe(1);
      expect(again.results[0]).toMatchObject({ outlet: "Harbour Wire", outletOrigin: "editor" });
      expect((await listOutlets(db)).map((x) => x.name)).toEqual(["Harbour Wire"]);

      await expect(renameOutlet(db, o.id, " ")).rejects.toThrow(OutletError);
      await expect(renameOutlet(db, o.id, "x".repeat(121))).rejects.toThrow(/at most 120 characters/);
      await expect(renameOutlet(db, 9999, "Anything")).rejects.toThrow(/Outlet 9999 does not exist/);
      expect((await renameOutlet(db, o.id, "Harbour Wire")).changed).toBe(false);
    });

    it("merges two spellings of one outlet: articles, aliases, counterparts and evidence follow; the stories are marked for re-analysis", async () => {
      await ingestInputs(db, [SAMPLE], { now: fixedNow });
      await analyzePending(db, { now: fixedNow, workers: 0 });
      const before = await listOutlets(db);
      expect(before.length).toBeGreaterThanOrEqual(3);
      // Two outlets of one story: the second is renamed to the first's name in other letter case.
      // Raw SQL: Postgres gives bigint ids as strings, hence Number().
      const storyRow = (await queryRow<{ id: number | string }>(db, sql`SELECT story_id AS id FROM articles WHERE current GROUP BY story_id HAVING count(DISTINCT outlet_id) >= 3 ORDER BY story_id LIMIT 1`))!;
      const story = { id: Number(storyRow.id) };
      const pair = (await queryRows<{ id: number | string; name: string }>(db, sql`SELECT DISTINCT o.id, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.story_id = ${story.id} AND a.current ORDER BY o.id LIMIT 2`)).map((r) => ({ id: Number(r.id), name: r.name }));
      const [keep, gone] = pair;
      const flagsNaming = async (name: string) =>
        (await queryRows<{ counterparts: string; evidence: string }>(db, sql`SELECT counterparts, evidence FROM flags WHERE story_id = ${story.id}`)).filter(
          (f) => f.counterparts.split(", ").includes(name) || (JSON.parse(f.evidence) as { outlet: string }[]).some((e) => e.outlet === name),
        ).length;
      expect(await flagsNaming(gone.name)).toBeGreaterThan(0);
      const articlesOfGone = before.find((o) => o.id === gone.id)!.articles;

      const typed = keep.name.toUpperCase();
      const r = await renameOutlet(db, gone.id, typed);
      expect(r.merged).toMatchObject({ from: gone.name });
      expect(r.outlet).toEqual({ id: keep.id, name: typed });
      expect(r.stories).toContain(story.id);
      const after = await listOutlets(db);
      expect(after.find((o) => o.id === gone.id)).toBeUndefined();
      expect(after.find((o) => o.id === keep.id)).toMatchObject({ name: typed, origin: "editor", articles: before.find((o) => o.id === keep.id)!.articles + articlesOfGone });
      expect(after.find((o) => o.id === keep.id)!.aliases.sort()).toEqual([gone.name, keep.name].sort());
      expect(await flagsNaming(gone.name)).toBe(0);
      expect(await flagsNaming(keep.name)).toBe(0);
      expect((await db.select({ dirty: db.t.stories.dirty }).from(db.t.stories).where(eq(db.t.stories.id, story.id)))[0].dirty).toBe(true);
      // The re-analysis writes explanations with the merged name; triage is untouched by a rename.
      await analyzePending(db, { now: fixedNow, workers: 0 });
      const expl = await queryRows<{ explanation: string }>(db, sql`SELECT explanation FROM flags WHERE story_id = ${story.id}`);
      expect(expl.some((e) => e.explanation.includes(gone.name))).toBe(false);
    });
  });
});

describe("migration of a database from before outlet origins and revisions by URL (SQLite only: it migrates an old SQLite file)", () => {
  it("gives existing outlets their origin, existing articles their lineage and canonical key", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-outlets-"));
    const full = path.resolve(__dirname, "../../db/migrations");
    const old = path.join(dir, "migrations");
    fs.cpSync(full, old, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(old, "meta", "_journal.json"), "utf8"));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith("0006_"));
    expect(upTo).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, upTo);
    fs.writeFileSync(path.join(old, "meta", "_journal.json"), JSON.stringify(journal));
    const file = path.join(dir, "old.db");
    const raw = new Database(file);
    migrate(drizzle(raw), { migrationsFolder: old });
    const ins = raw.prepare("INSERT INTO outlets (name, host) VALUES (?, ?)");
    ins.run("Harbour Herald", "herald.example");
    ins.run("herald2.example", "herald2.example");
    ins.run("003_8ea54be0", null);
    const art = raw.prepare(
      "INSERT INTO articles (outlet_id, source, canonical_url, title, body, content_hash, ingested_at, revision, current) VALUES (?, ?, ?, 't', 'b', ?, '2026-01-01', ?, ?)",
    );
    art.run(1, "https://herald.example/a/1", "https://www.Herald.example/a/1/?utm_source=x#top", "h1", 1, 1);
    art.run(2, "https://herald2.example/", "https://herald2.example/", "h2", 1, 1);
    art.run(3, "seeds/003_8ea54be0.txt", null, "h3", 1, 0);
    art.run(3, "seeds/003_8ea54be0.txt", null, "h4", 2, 1);
    raw.close();

    db = openDb(file);
    expect(db.$client.prepare("SELECT name, name_origin AS origin FROM outlets ORDER BY id").all()).toEqual([
      { name: "Harbour Herald", origin: "metadata" },
      { name: "herald2.example", origin: "host" },
      { name: "003_8ea54be0", origin: "file" },
    ]);
    expect(db.$client.prepare("SELECT lineage, canonical_key AS key, revision FROM articles ORDER BY id").all()).toEqual([
      { lineage: "https://herald.example/a/1", key: "herald.example/a/1", revision: 1 },
      { lineage: "https://herald2.example/", key: "", revision: 1 },
      { lineage: "seeds/003_8ea54be0.txt", key: null, revision: 1 },
      { lineage: "seeds/003_8ea54be0.txt", key: null, revision: 2 },
    ]);
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
