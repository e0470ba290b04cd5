import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { exportFlags, isFiltered, loadExportData } from "../../db/export";
import { exportJsonSchema, parseCsv } from "../export/fixture";
import { describeStores } from "./stores";

let db: Db;
const at = "2026-03-01T10:00:00.000Z";
const NOW = new Date("2026-03-05T08:00:00.000Z");
const id: Record<string, number> = {};

/** Two stories, four outlets, one superseded revision, five flags inserted straight through drizzle. */
async function build(): Promise<void> {
  for (const name of ["Alpha News", "Beta Post", "Gamma Wire", "Delta Daily"]) id[name] = (await db.insert(db.t.outlets).values({ name }).returning({ id: db.t.outlets.id }))[0].id;
  id.s1 = (await db.insert(db.t.stories).values({ title: "Bridge vote", createdAt: at, updatedAt: at }).returning({ id: db.t.stories.id }))[0].id;
  id.s2 = (await db.insert(db.t.stories).values({ title: "School <budget>", createdAt: at, updatedAt: at }).returning({ id: db.t.stories.id }))[0].id;
  id.s3 = (await db.insert(db.t.stories).values({ title: "Quiet story", createdAt: at, updatedAt: at }).returning({ id: db.t.stories.id }))[0].id;
  const art = async (key: string, outlet: string, storyId: number, source: string, body: string, extra: Partial<typeof db.t.articles.$inferInsert> = {}) =>
    (id[key] = (
      await db
      .insert(db.t.articles)
      .values({ outletId: id[outlet], storyId, source, title: `Title ${key}`, body, contentHash: key, ingestedAt: at, ...extra })
      .returning({ id: db.t.articles.id })
    )[0].id);
  const body1 = "“We will build the bridge next year,” Mayor Ruiz said on Monday.";
  await art("a1", "Alpha News", id.s1, "corpus/alpha.txt", body1);
  await art("a2", "Beta Post", id.s1, "https://beta.example/bridge", "“We will build a bridge soon,” Mayor Ruiz said.", { canonicalUrl: "https://beta.example/bridge?amp=0" });
  await art("a3", "Gamma Wire", id.s2, "feeds/gamma.jsonl#2", "=SUM(A1) The budget is 40 million.");
  await art("a4", "Delta Daily", id.s2, "https://delta.example/budget", "The budget is 14 million.");
  await art("old", "Delta Daily", id.s2, "https://delta.example/budget-v1", "Old revision.", { current: false });
  await art("a5", "Alpha News", id.s3, "corpus/quiet.txt", "Nothing to see.");
  await db.insert(db.t.quotes).values({ articleId: id.a1, ordinal: 0, start: 1, end: 35, text: body1.slice(1, 35), style: "double", speaker: "Mayor Ruiz" });
  await db.insert(db.t.quotes).values({ articleId: id.a2, ordinal: 0, start: 1, end: 29, text: "We will build a bridge soon", style: "double", speaker: null });

  const flag = async (key: string, v: Partial<typeof db.t.flags.$inferInsert> & { articleId: number; storyId: number }) =>
    (id[key] = (
      await db
      .insert(db.t.flags)
      .values({ fingerprint: key, kind: "claim_added", severity: "medium", severityRank: 1, confidence: 0.5, text: key, start: 0, end: 3, explanation: `why ${key}`, createdAt: at, updatedAt: at, ...v })
      .returning({ id: db.t.flags.id })
    )[0].id);
  const ev = (articleId: number, outlet: string, text: string) => JSON.stringify([{ articleId, outlet, text, start: 0, end: text.length, diff: [{ op: "delete", text: "x" }, { op: "insert", text: "y" }] }]);
  await flag("f1", { articleId: id.a2, storyId: id.s1, kind: "quote_paraphrased", severity: "high", severityRank: 2, confidence: 0.9, text: "We will build a bridge soon", start: 1, end: 29, speaker: "Mayor Ruiz", evidence: ev(id.a1, "Alpha News", "We will build the bridge next year"), status: "verified", note: "matches video" });
  await flag("f2", { articleId: id.a3, storyId: id.s2, kind: "fact_conflict", severity: "high", severityRank: 2, confidence: 0.8, text: "=SUM(A1) The budget is 40 million.", evidence: ev(id.a4, "Delta Daily", "The budget is 14 million."), status: "unsupported" });
  await flag("f3", { articleId: id.a1, storyId: id.s1, kind: "claim_added", severity: "low", severityRank: 0, confidence: 0.2, text: "said on Monday" });
  await flag("f4", { articleId: id.old, storyId: id.s2, kind: "claim_added", severity: "medium", severityRank: 1, confidence: 0.4, text: "Old revision.", stale: true, evidence: ev(id.a3, "Gamma Wire", "budget") });
  await flag("f5", { articleId: id.a4, storyId: id.s2, kind: "structure_added", severity: "medium", severityRank: 1, confidence: 0.7, text: "FAQ block", status: "dismissed", note: "house style" });
}

describeStores("export", (store) => {
  beforeAll(async () => {
    db = await store.reset();
    await build();
  });

  describe("loadExportData", () => {
    it("without a filter: every story, every current article plus revisions flags point at, flags in table order", async () => {
      const data = await loadExportData(db, {});
      expect(data.stories.map((s) => s.id)).toEqual([id.s1, id.s2, id.s3]);
      expect(data.articles.map((a) => a.id)).toEqual([id.a1, id.a2, id.a3, id.a4, id.old, id.a5]);
      // Default order: severity desc, confidence desc, id.
      expect(data.flags.map((f) => f.id)).toEqual([id.f1, id.f2, id.f5, id.f4, id.f3]);
      expect(data.stories.find((s) => s.id === id.s3)!.articleIds).toEqual([id.a5]);
    });

    it("carries outlet, source as given, parsed evidence, quotes and urls", async () => {
      const data = await loadExportData(db, {});
      const f1 = data.flags.find((f) => f.id === id.f1)!;
      expect(f1.outlet).toBe("Beta Post");
      expect(f1.source).toBe("https://beta.example/bridge");
      expect(f1.evidence[0]).toMatchObject({ articleId: id.a1, outlet: "Alpha News", text: "We will build the bridge next year" });
      expect(f1.evidence[0].diff).toEqual([{ op: "delete", text: "x" }, { op: "insert", text: "y" }]);
      const byId = new Map(data.articles.map((a) => [a.id, a]));
      expect(byId.get(id.a1)!.quotes).toEqual([{ text: "We will build the bridge next year", start: 1, end: 35, speaker: "Mayor Ruiz" }]);
      expect(byId.get(id.a1)!.url).toBeNull();
      expect(byId.get(id.a2)!.url).toBe("https://beta.example/bridge?amp=0");
      expect(byId.get(id.a4)!.url).toBe("https://delta.example/budget");
      expect(byId.get(id.a3)!.source).toBe("feeds/gamma.jsonl#2");
    });

    it("with a filter: only the selected flags, their stories and the articles they touch", async () => {
      const data = await loadExportData(db, { status: ["verified"] });
      expect(data.flags.map((f) => f.id)).toEqual([id.f1]);
      expect(data.stories.map((s) => s.id)).toEqual([id.s1]);
      expect(data.articles.map((a) => a.id).sort()).toEqual([id.a1, id.a2].sort());
      expect(data.stories[0].articleIds.sort()).toEqual([id.a1, id.a2].sort());
    });

    it("honours kind, severity, outlet, story, stale, search and sort like the table", async () => {
      expect((await loadExportData(db, { kind: ["claim_added"] })).flags.map((f) => f.id)).toEqual([id.f4, id.f3]);
      expect((await loadExportData(db, { severity: ["high"] })).flags.map((f) => f.id)).toEqual([id.f1, id.f2]);
      expect((await loadExportData(db, { outlet: ["Delta Daily"] })).flags.map((f) => f.id)).toEqual([id.f5, id.f4]);
      expect((await loadExportData(db, { story: [id.s2] })).flags.map((f) => f.id)).toEqual([id.f2, id.f5, id.f4]);
      expect((await loadExportData(db, { story: [id.s2], stale: false })).flags.map((f) => f.id)).toEqual([id.f2, id.f5]);
      expect((await loadExportData(db, { q: "house style" })).flags.map((f) => f.id)).toEqual([id.f5]);
      expect((await loadExportData(db, { sort: [{ id: "confidence", desc: false }] })).flags.map((f) => f.id)).toEqual([id.f3, id.f4, id.f5, id.f2, id.f1]);
    });

    it("returns nothing but an empty shape when no flag matches a filter", async () => {
      expect(await loadExportData(db, { story: [id.s3] })).toEqual({ stories: [], articles: [], flags: [] });
      expect(isFiltered({ sort: [{ id: "kind", desc: true }] })).toBe(false);
      expect(isFiltered({ q: "  " })).toBe(false);
      expect(isFiltered({ stale: false })).toBe(true);
    });

    it("throws a precise error when stored evidence is corrupt", async () => {
      const bad = (await db.insert(db.t.flags).values({ fingerprint: "bad", storyId: id.s3, articleId: id.a5, kind: "claim_added", severity: "low", severityRank: 0, confidence: 0.1, text: "x", start: 0, end: 1, explanation: "x", evidence: "{not json", createdAt: at, updatedAt: at }).returning({ id: db.t.flags.id }))[0].id;
      try {
        await expect(loadExportData(db, { story: [id.s3] })).rejects.toThrow(`flag ${bad}: stored evidence is not valid JSON: this is a bug`);
      } finally {
        await db.delete(db.t.flags).where(eq(db.t.flags.id, bad));
      }
    });
  });

  describe("exportFlags", () => {
    it("json: validates against the contract and names the file after the clock", async () => {
      const out = await exportFlags(db, {}, "json", NOW);
      expect(out.contentType).toBe("application/json; charset=utf-8");
      expect(out.filename).toBe("parallax-flags-20260305-080000.json");
      const doc = exportJsonSchema.parse(JSON.parse(out.body));
      expect(doc.generatedAt).toBe(NOW.toISOString());
      expect(doc.flags).toHaveLength(5);
      expect(doc.articles.find((a) => a.id === id.a3)!.source).toBe("feeds/gamma.jsonl#2");
    });

    it("csv: one row per flag, neutralised, with a BOM by default", async () => {
      const out = await exportFlags(db, { story: [id.s2] }, "csv", NOW);
      expect(out.filename).toBe(`parallax-flags-story-${id.s2}-20260305-080000.csv`);
      expect(out.body.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(out.body.slice(1));
      expect(rows).toHaveLength(4);
      const text = rows[0].indexOf("text");
      expect(rows[1][text]).toBe("'=SUM(A1) The budget is 40 million.");
      expect(rows[1][rows[0].indexOf("evidence")]).toBe("Delta Daily: The budget is 14 million.");
      expect((await exportFlags(db, {}, "csv", NOW, { bom: false })).body.charCodeAt(0)).toBe("i".charCodeAt(0));
    });

    it("md: notes grouped by story with escaped titles", async () => {
      const out = await exportFlags(db, {}, "md", NOW);
      expect(out.contentType).toBe("text/markdown; charset=utf-8");
      expect(out.body).toContain(`## Story ${id.s2}: School &lt;budget&gt;`);
      expect(out.body).toContain("> We will build a bridge soon");
      expect(out.body.indexOf(`## Story ${id.s1}:`)).toBeLessThan(out.body.indexOf(`## Story ${id.s2}:`));
    });

    it("claimreview: only verified and unsupported flags, with absolute URLs when a base is given", async () => {
      const out = await exportFlags(db, {}, "claimreview", NOW, { baseUrl: "https://desk.example" });
      expect(out.filename.endsWith(".jsonld")).toBe(true);
      const reviews = JSON.parse(out.body) as { url: string; reviewRating: { alternateName: string }; itemReviewed: { appearance?: { url: string }[] } }[];
      expect(reviews.map((r) => r.url)).toEqual([`https://desk.example/flags/${id.f1}`, `https://desk.example/flags/${id.f2}`]);
      expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(["Supported", "Unsupported"]);
      expect(reviews[0].itemReviewed.appearance?.[0].url).toBe("https://beta.example/bridge?amp=0");
      expect(reviews[1].itemReviewed.appearance).toBeUndefined();
    });

    it("refuses an unknown format before reading anything", async () => {
      await expect(exportFlags(db, {}, "xml" as never, NOW)).rejects.toThrow('exportFlags: unknown format "xml" (expected one of json, csv, md, claimreview)');
    });
  });
});
