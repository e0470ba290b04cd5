/**
 * The story page's and exports' reads on the analysed sample corpus (db/sample):
 * verdicts and ranking, the matrix's conflict state, the counterpart an editor
 * sees first, and ClaimReview's first appearance of a traced quote.
 */
import path from "node:path";
import { and, asc, count, eq, gt, lt, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzePending } from "@/db/analyze";
import type { Db } from "@/db/client";
import { listStoriesByAttention } from "@/db/desk";
import { exportFlags } from "@/db/export";
import { ingestInputs } from "@/db/ingest";
import { loadFlagAppearances, loadStoryProvenance } from "@/db/provenance";
import { getFlag } from "@/db/queries";
import { getStoryDesk } from "@/db/story-desk";
import { VERDICTS } from "@/lib/overview";
import { describeStores } from "./stores";

let db: Db;
let storyIds: number[];

describeStores("story desk", (store) => {
  beforeAll(async () => {
    db = await store.reset();
    await ingestInputs(db, [path.resolve(__dirname, "..", "..", "db", "sample", "articles")], { now: () => new Date("2026-05-01T08:00:00Z") });
    await analyzePending(db, { now: () => new Date("2026-05-01T08:05:00Z") });
    storyIds = (await db.select({ id: db.t.stories.id }).from(db.t.stories).orderBy(asc(db.t.stories.id))).map((r) => r.id);
  }, 60_000);

  describe("getStoryDesk", () => {
    it("gives every article a verdict, ranks the least carried first and finds the derived ones' sources", async () => {
      expect(storyIds.length).toBeGreaterThanOrEqual(2);
      for (const id of storyIds) {
        const desk = (await getStoryDesk(db, id))!;
        expect(desk.lines).toHaveLength(desk.story.articles.length);
        for (const l of desk.lines) expect(VERDICTS).toContain(l.verdict.verdict);
        const shares = desk.lines.map((l) => l.verdict.uncarried ?? -1);
        expect(shares).toEqual([...shares].sort((a, b) => b - a));
        // The sample plants rewrites of a wire story: each story has one, named with its source.
        const derived = desk.lines.filter((l) => l.verdict.verdict !== "original reporting");
        expect(derived.length).toBeGreaterThan(0);
        for (const l of derived.filter((x) => x.verdict.source !== null)) expect(l.sourceOutlet).not.toBe(l.article.outlet);
      }
    });

    it("shows a fact conflict as conflict, never as reworded, and links the cell to the flag", async () => {
      let seen = 0;
      for (const id of storyIds) {
        const desk = (await getStoryDesk(db, id))!;
        const conflicts = desk.lines.flatMap((l) => l.flagsByKind.filter(([k]) => k === "fact_conflict").flatMap(([, fs]) => fs));
        for (const f of conflicts) {
          const cells = desk.matrix.filter((r) => r.flagIds.includes(f.id)).flatMap((r) => Object.entries(r.cellFlags).filter(([, ids]) => ids.includes(f.id)).map(([a]) => r.cells[Number(a)]));
          expect(cells.length).toBeGreaterThan(0);
          expect(cells).toContain("conflict");
          expect(cells).not.toContain("reworded");
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(0);
    });
  });

  describe("counterpart order on a flag", () => {
    it("puts a counterpart no medium or high flag covers first whenever there is one", async () => {
      const f_ = db.t.flags;
      // Flags with more than one counterpart in their evidence (a JSON array).
      const many = (await db.select({ id: f_.id, evidence: f_.evidence }).from(f_).orderBy(asc(f_.id))).filter((r) => (JSON.parse(r.evidence) as unknown[]).length > 1);
      expect(many.length).toBeGreaterThan(0);
      const coveredAt = async (articleId: number, id: number, end: number, start: number) =>
        (await db.select({ n: count() }).from(f_).where(and(eq(f_.articleId, articleId), ne(f_.id, id), ne(f_.status, "dismissed"), ne(f_.severity, "low"), lt(f_.start, end), gt(f_.end, start))))[0].n;
      for (const { id } of many) {
        const f = (await getFlag(db, id))!;
        const flagged: boolean[] = [];
        for (const e of f.evidence) flagged.push((await coveredAt(e.articleId, id, e.end, e.start)) > 0);
        if (flagged.includes(false)) expect(flagged[0], `flag ${id}`).toBe(false);
      }
    });
  });

  describe("provenance in ClaimReview", () => {
    it("names the first appearance of a reviewed quote that other outlets carry", async () => {
      let story = 0;
      for (const id of storyIds) if ((await loadStoryProvenance(db, id)).quotes.some((q) => q.changed > 0)) {
        story = id;
        break;
      }
      const traced = (await loadStoryProvenance(db, story)).quotes.find((q) => q.changed > 0)!;
      const changer = traced.versions.find((v) => v.changes.length > 0)!;
      const f_ = db.t.flags;
      const [flag] = await db
        .select({ id: f_.id, storyId: f_.storyId, articleId: f_.articleId, start: f_.start, end: f_.end })
        .from(f_)
        .where(and(eq(f_.articleId, changer.articleId), lt(f_.start, changer.spans[0].end), gt(f_.end, changer.spans[0].start)))
        .orderBy(asc(f_.id))
        .limit(1);
      expect(flag).toBeDefined();
      const appearances = await loadFlagAppearances(db, [flag]);
      expect(appearances[flag.id].map((a) => a.outlet)).toEqual(traced.versions.map((v) => v.outlet));
      await db.update(f_).set({ status: "verified" }).where(eq(f_.id, flag.id));
      const reviews = JSON.parse((await exportFlags(db, { story: [story] }, "claimreview", new Date("2026-05-02T00:00:00Z"), { baseUrl: "https://desk.example.org" })).body) as { url: string; itemReviewed: { firstAppearance?: { author: { name: string }; url?: string } } }[];
      const review = reviews.find((r) => r.url === `https://desk.example.org/flags/${flag.id}`)!;
      expect(review.itemReviewed.firstAppearance?.author.name).toBe(traced.versions[0].outlet);
      expect(review.itemReviewed.firstAppearance?.url ?? "https://").toMatch(/^https?:\/\//);
    });
  });

  describe("listStoriesByAttention", () => {
    it("counts every flag of each story by severity and status", async () => {
      const { rows, total } = await listStoriesByAttention(db, 20);
      expect(total).toBe(storyIds.length);
      const [{ n: all }] = await db.select({ n: count() }).from(db.t.flags);
      expect(rows.reduce((n, r) => n + r.flags, 0)).toBe(all);
      await expect(listStoriesByAttention(db, 0)).rejects.toThrow(/limit/);
    });
  });
});
