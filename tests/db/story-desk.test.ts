/**
 * The story page's and exports' reads on the analysed sample corpus (db/sample):
 * verdicts and ranking, the matrix's conflict state, the counterpart an editor
 * sees first, and ClaimReview's first appearance of a traced quote.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzePending } from "@/db/analyze";
import { openDb, type Db } from "@/db/client";
import { listStoriesByAttention } from "@/db/desk";
import { exportFlags } from "@/db/export";
import { ingestInputs } from "@/db/ingest";
import { loadFlagAppearances, loadStoryProvenance } from "@/db/provenance";
import { getFlag } from "@/db/queries";
import { getStoryDesk } from "@/db/story-desk";
import { VERDICTS } from "@/lib/overview";

let dir: string;
let db: Db;
let storyIds: number[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-desk-"));
  db = openDb(path.join(dir, "p.db"));
  await ingestInputs(db, [path.resolve(__dirname, "..", "..", "db", "sample", "articles")], { now: () => new Date("2026-05-01T08:00:00Z") });
  await analyzePending(db, { now: () => new Date("2026-05-01T08:05:00Z") });
  storyIds = (db.$client.prepare("SELECT id FROM stories ORDER BY id").all() as { id: number }[]).map((r) => r.id);
}, 60_000);
afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

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
    const many = db.$client.prepare("SELECT id FROM flags WHERE json_array_length(evidence) > 1").all() as { id: number }[];
    expect(many.length).toBeGreaterThan(0);
    const coveredAt = db.$client.prepare("SELECT count(*) AS n FROM flags WHERE article_id = ? AND id != ? AND status != 'dismissed' AND severity != 'low' AND start < ? AND end > ?");
    for (const { id } of many) {
      const f = (await getFlag(db, id))!;
      const flagged = f.evidence.map((e) => (coveredAt.get(e.articleId, id, e.end, e.start) as { n: number }).n > 0);
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
    const flag = db.$client
      .prepare("SELECT id, story_id AS storyId, article_id AS articleId, start, end FROM flags WHERE article_id = ? AND start < ? AND end > ? LIMIT 1")
      .get(changer.articleId, changer.spans[0].end, changer.spans[0].start) as { id: number; storyId: number; articleId: number; start: number; end: number };
    expect(flag).toBeDefined();
    const appearances = await loadFlagAppearances(db, [flag]);
    expect(appearances[flag.id].map((a) => a.outlet)).toEqual(traced.versions.map((v) => v.outlet));
    db.$client.prepare("UPDATE flags SET status = 'verified' WHERE id = ?").run(flag.id);
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
    const all = (db.$client.prepare("SELECT count(*) AS n FROM flags").get() as { n: number }).n;
    expect(rows.reduce((n, r) => n + r.flags, 0)).toBe(all);
    await expect(listStoriesByAttention(db, 0)).rejects.toThrow(/limit/);
  });
});
