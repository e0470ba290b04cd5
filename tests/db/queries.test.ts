import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { FlagQuery } from "../../lib/types";
import type { Db } from "../../db/client";
import { countFlags, flagFacets, getFlag, getStory, listFlags, listStories } from "../../db/queries";
import { describeStores, seedFlagsOn } from "./stores";

let db: Db;
const at = "2026-03-01T10:00:00.000Z";
const ids: Record<string, number> = {};

/** A small hand-made world: two stories, three outlets, six flags with known fields. */
async function build(): Promise<void> {
  // One at a time, so the ids follow the names' order on both stores.
  const outletIds: number[] = [];
  for (const name of ["Alpha News", "Beta Post", "Gamma Wire"]) outletIds.push((await db.insert(db.t.outlets).values({ name }).returning({ id: db.t.outlets.id }))[0].id);
  const [o1, o2, o3] = outletIds;
  const s1 = (await db.insert(db.t.stories).values({ title: "Bridge vote", createdAt: at, updatedAt: at }).returning({ id: db.t.stories.id }))[0].id;
  const s2 = (await db.insert(db.t.stories).values({ title: "School budget", createdAt: at, updatedAt: "2026-03-02T00:00:00.000Z" }).returning({ id: db.t.stories.id }))[0].id;
  ids.s1 = s1;
  ids.s2 = s2;
  const body1 = "Intro paragraph here.\n\n“We will build the bridge next year,” the mayor said. More text.\n\nLast paragraph.";
  const mk = async (outletId: number, storyId: number, body: string, source: string) =>
    (await db.insert(db.t.articles).values({ outletId, storyId, source, title: source, body, contentHash: source, ingestedAt: at }).returning({ id: db.t.articles.id }))[0].id;
  const a1 = await mk(o1, s1, body1, "a1");
  const a2 = await mk(o2, s1, "The mayor said the bridge would be built soon.", "a2");
  const a3 = await mk(o3, s2, "Budget text about schools and a claim.", "a3");
  ids.a1 = a1;
  ids.a2 = a2;
  const p2 = body1.indexOf("“");
  await db.insert(db.t.segments).values({ articleId: a1, kind: "paragraph", ordinal: 1, start: p2, end: body1.indexOf("\n\nLast") });
  const qStart = p2 + 1;
  const qText = "We will build the bridge next year";
  await db.insert(db.t.alignments)
    .values([
      { storyId: s1, unit: "quote", sourceArticleId: a1, sourceStart: qStart, sourceEnd: qStart + qText.length, targetArticleId: a2, coverage: "reworded", score: 0.6 },
    ]);
  const flag = async (name: string, v: Partial<typeof db.t.flags.$inferInsert> & { articleId: number; storyId: number }) => {
    ids[name] = (
      await db
      .insert(db.t.flags)
      .values({
        fingerprint: name,
        kind: "quote_paraphrased",
        severity: "medium",
        severityRank: 1,
        confidence: 0.5,
        text: "text " + name,
        start: 0,
        end: 4,
        explanation: "explained " + name,
        createdAt: at,
        updatedAt: at,
        ...v,
      })
      .returning({ id: db.t.flags.id })
    )[0].id;
  };
  await flag("f1", { articleId: a1, storyId: s1, kind: "quote_paraphrased", severity: "high", severityRank: 2, confidence: 0.9, text: qText, start: qStart, end: qStart + qText.length, speaker: "the mayor", counterparts: "Beta Post", evidence: JSON.stringify([{ articleId: a2, outlet: "Beta Post", start: 0, end: 10, text: "bridge would be built soon", diff: [{ op: "delete", text: "We will" }, { op: "insert", text: "would" }] }]) });
  await flag("f2", { articleId: a1, storyId: s1, kind: "claim_added", severity: "low", severityRank: 0, confidence: 0.4, text: "More text", counterparts: "Beta Post" });
  await flag("f3", { articleId: a2, storyId: s1, kind: "quote_truncated", severity: "high", severityRank: 2, confidence: 0.7, text: "bridge would be built", status: "verified", counterparts: "Alpha News" });
  await flag("f4", { articleId: a3, storyId: s2, kind: "claim_added", severity: "medium", severityRank: 1, confidence: 0.8, text: "a claim about schools", updatedAt: "2026-03-05T00:00:00.000Z" });
  await flag("f5", { articleId: a3, storyId: s2, kind: "fact_conflict", severity: "high", severityRank: 2, confidence: 0.6, text: "forty million dollars", status: "dismissed", note: "checked with the zebra desk" });
  await flag("f6", { articleId: a2, storyId: s1, kind: "claim_added", severity: "medium", severityRank: 1, confidence: 0.3, text: "stale claim", stale: true });
  await db.insert(db.t.flagEvents).values({ flagId: ids.f3, editor: "Sam", actorKind: "editor", at, action: "status", fromStatus: "open", toStatus: "verified" });
}


const names = (rows: { id: number }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id && k.startsWith("f")));

describeStores("queries", (store) => {
  beforeAll(async () => {
    db = await store.reset();
    await build();
  });

  describe("listFlags", () => {
    it("returns every flag by default, highest severity and confidence first, with joined fields", async () => {
      const { rows, total } = await listFlags(db, {}, { index: 0, size: 50 });
      expect(total).toBe(6);
      expect(names(rows)).toEqual(["f1", "f3", "f5", "f4", "f6", "f2"]);
      const f1 = rows[0];
      expect(f1.outlet).toBe("Alpha News");
      expect(f1.storyTitle).toBe("Bridge vote");
      expect(f1.counterparts).toEqual(["Beta Post"]);
      expect(f1.lastEditor).toBeNull();
      expect(rows.find((r) => r.id === ids.f3)!.lastEditor).toBe("Sam");
    });

    it("filters by kind, severity, status, outlet, story and stale", async () => {
      expect(names((await listFlags(db, { kind: ["claim_added"] }, { index: 0, size: 50 })).rows).sort()).toEqual(["f2", "f4", "f6"]);
      expect(names((await listFlags(db, { severity: ["high"], status: ["open"] }, { index: 0, size: 50 })).rows)).toEqual(["f1"]);
      expect(names((await listFlags(db, { outlet: ["Beta Post"] }, { index: 0, size: 50 })).rows).sort()).toEqual(["f3", "f6"]);
      expect(names((await listFlags(db, { story: [ids.s2] }, { index: 0, size: 50 })).rows).sort()).toEqual(["f4", "f5"]);
      expect((await listFlags(db, { stale: false }, { index: 0, size: 50 })).total).toBe(5);
      expect(await countFlags(db, { outlet: ["Gamma Wire"], kind: ["fact_conflict"] })).toBe(1);
    });

    it("searches flagged text, notes and outlet names, without FTS syntax errors", async () => {
      expect(names((await listFlags(db, { q: "bridge" }, { index: 0, size: 50 })).rows).sort()).toEqual(["f1", "f3"]);
      expect(names((await listFlags(db, { q: "zebra" }, { index: 0, size: 50 })).rows)).toEqual(["f5"]);
      expect(names((await listFlags(db, { q: "Gamma" }, { index: 0, size: 50 })).rows).sort()).toEqual(["f4", "f5"]);
      expect((await listFlags(db, { q: '"unbalanced AND (' }, { index: 0, size: 50 })).total).toBe(0);
    });

    it("sorts by any column, both directions", async () => {
      const byConf = (await listFlags(db, { sort: [{ id: "confidence", desc: false }] }, { index: 0, size: 50 })).rows.map((r) => r.confidence);
      expect(byConf).toEqual([...byConf].sort((a, b) => a - b));
      const byUpdated = (await listFlags(db, { sort: [{ id: "updatedAt", desc: true }] }, { index: 0, size: 50 })).rows;
      expect(byUpdated[0].id).toBe(ids.f4);
      const byOutlet = (await listFlags(db, { sort: [{ id: "outlet", desc: true }] }, { index: 0, size: 50 })).rows.map((r) => r.outlet);
      expect(byOutlet).toEqual([...byOutlet].sort().reverse());
      const bySev = (await listFlags(db, { sort: [{ id: "severity", desc: false }] }, { index: 0, size: 50 })).rows.map((r) => r.severity);
      expect(bySev[0]).toBe("low");
      expect(bySev.at(-1)).toBe("high");
    });

    it("pages without overlap and keeps the total", async () => {
      const seen: number[] = [];
      for (let i = 0; i < 3; i++) {
        const p = await listFlags(db, {}, { index: i, size: 2 });
        expect(p.total).toBe(6);
        expect(p.rows).toHaveLength(2);
        seen.push(...p.rows.map((r) => r.id));
      }
      expect(new Set(seen).size).toBe(6);
      expect((await listFlags(db, {}, { index: 3, size: 2 })).rows).toHaveLength(0);
      await expect(listFlags(db, {}, { index: -1, size: 2 })).rejects.toThrow(/page.index/);
      await expect(listFlags(db, {}, { index: 0, size: 0 })).rejects.toThrow(/page.size/);
    });
  });

  describe("flagFacets", () => {
    it("counts each facet with the other filters applied, not its own", async () => {
      const f = await flagFacets(db, { kind: ["claim_added"], status: ["open"] });
      // kind facet ignores the kind filter but applies status=open: f1, f2, f4, f6
      expect(Object.fromEntries(f.kind.map((k) => [k.value, k.count]))).toEqual({ quote_paraphrased: 1, claim_added: 3 });
      // status facet ignores status but applies kind=claim_added: f2, f4, f6 open
      // Every status is listed, the ones no flag has at 0.
      expect(f.status.map((k) => [k.value, k.count])).toEqual([
        ["open", 3],
        ["verified", 0],
        ["unsupported", 0],
        ["dismissed", 0],
      ]);
      expect(Object.fromEntries(f.outlet.map((k) => [k.value, k.count]))).toEqual({ "Alpha News": 1, "Beta Post": 1, "Gamma Wire": 1 });
      expect(f.story.map((s) => [s.label, s.count])).toEqual([
        ["Bridge vote", 2],
        ["School budget", 1],
      ]);
      expect(f.severity.map((s) => s.value)).toEqual(["medium", "low"]);
    });

    it("keeps a chosen story listed when other filters leave it empty", async () => {
      const f = await flagFacets(db, { story: [ids.s2], outlet: ["Alpha News"] });
      expect(f.story.find((s) => s.value === ids.s2)).toEqual({ value: ids.s2, label: "School budget", count: 0 });
    });

    it("keeps every chosen kind, severity and outlet listed when the view is empty", async () => {
      const q = { kind: ["structure_added" as const], severity: ["high" as const], outlet: ["Nobody Weekly"], status: ["dismissed" as const] };
      expect(await countFlags(db, q)).toBe(0);
      const f = await flagFacets(db, q);
      expect(f.kind.find((k) => k.value === "structure_added")?.count ?? -1).toBeGreaterThanOrEqual(0);
      expect(f.severity.find((k) => k.value === "high")).toBeDefined();
      expect(f.outlet.find((k) => k.value === "Nobody Weekly")).toEqual({ value: "Nobody Weekly", label: "Nobody Weekly", count: 0 });
      expect(f.status.map((k) => k.value)).toEqual(["open", "verified", "unsupported", "dismissed"]);
    });
  });

  describe("getFlag", () => {
    it("returns the flag with its article, paragraph, evidence and history", async () => {
      const f = (await getFlag(db, ids.f1))!;
      expect(f.article.body.slice(f.start, f.end)).toBe("We will build the bridge next year");
      expect(f.article.body.slice(f.paragraph.start, f.paragraph.end)).toContain("the mayor said");
      expect(f.article.body.slice(f.paragraph.start, f.paragraph.end)).not.toContain("Intro");
      expect(f.evidence).toHaveLength(1);
      expect(f.evidence[0].diff.map((d) => d.op)).toEqual(["delete", "insert"]);
      expect(f.history).toEqual([]);
      expect((await getFlag(db, ids.f3))!.history.map((h) => [h.editor, h.toStatus])).toEqual([["Sam", "verified"]]);
      expect(await getFlag(db, 999999)).toBeNull();
    });

    it("shows a system event as the system, whatever name its row carries", async () => {
      const at2 = "2026-05-02T09:00:00.000Z";
      const [ev] = await db.insert(db.t.flagEvents).values({ flagId: ids.f5, editor: "Sam", actorKind: "system", at: at2, action: "stale" }).returning({ id: db.t.flagEvents.id });
      try {
        expect((await getFlag(db, ids.f5))!.history.map((h) => [h.actorKind, h.editor])).toEqual([["system", "Parallax (automatic)"]]);
        expect((await listFlags(db, {}, { index: 0, size: 50 })).rows.find((r) => r.id === ids.f5)!.lastEditor).toBe("Parallax (automatic)");
      } finally {
        await db.delete(db.t.flagEvents).where(eq(db.t.flagEvents.id, ev.id));
      }
    });

    it("falls back to the blank-line paragraph when no segments are stored", async () => {
      const f = (await getFlag(db, ids.f4))!;
      expect(f.paragraph).toEqual({ start: 0, end: f.article.body.length });
    });

    it("gives previous and next under a query, keeping a flag that left the filter", async () => {
      const all = (await listFlags(db, {}, { index: 0, size: 50 })).rows.map((r) => r.id);
      const mid = (await getFlag(db, all[2]))!;
      expect([mid.prevId, mid.nextId, mid.position, mid.total]).toEqual([all[1], all[3], 3, 6]);
      const first = (await getFlag(db, all[0]))!;
      expect(first.prevId).toBeNull();
      const claims = (await listFlags(db, { kind: ["claim_added"] }, { index: 0, size: 50 })).rows.map((r) => r.id);
      const n = (await getFlag(db, claims[0], { kind: ["claim_added"] }))!;
      expect(n.nextId).toBe(claims[1]);
      // f3 is not a claim: its neighbours are the claims around where it sorts, so navigation goes on from it.
      const outside = (await getFlag(db, ids.f3, { kind: ["claim_added"] }))!;
      expect(outside.position).toBeNull();
      expect(outside.total).toBe(claims.length);
      const order = (await listFlags(db, { kind: ["claim_added"], sort: [{ id: "confidence", desc: true }] }, { index: 0, size: 50 })).rows.map((r) => r.id);
      const mixed = (await getFlag(db, order[1], { kind: ["claim_added"], sort: [{ id: "confidence", desc: true }] }))!;
      expect([mixed.prevId, mixed.nextId, mixed.position]).toEqual([order[0], order[2] ?? null, 2]);
      // f3 (high) sorts before every claim by severity: no previous, the first claim next.
      expect(outside.prevId).toBeNull();
      expect(outside.nextId).toBe(claims[0]);
    });
  });

  describe("stories", () => {
    it("lists stories with counts", async () => {
      const { rows: list, total } = await listStories(db);
      expect(total).toBe(2);
      expect(list.map((s) => s.title)).toEqual(["School budget", "Bridge vote"]);
      expect((await listStories(db, { index: 1, size: 1 })).rows.map((s) => s.title)).toEqual(["Bridge vote"]);
      const bridge = list.find((s) => s.id === ids.s1)!;
      expect(bridge).toMatchObject({ articles: 2, flags: 4, openFlags: 3, outlets: ["Alpha News", "Beta Post"] });
    });

    it("builds the coverage matrix and the flagged spans for the reader", async () => {
      const s = (await getStory(db, ids.s1))!;
      expect(s.outlets).toEqual(["Alpha News", "Beta Post"]);
      expect(s.coverage).toHaveLength(1);
      const row = s.coverage[0];
      expect(row.text).toBe("We will build the bridge next year");
      expect(row.cells).toEqual({ [ids.a1]: "source", [ids.a2]: "reworded" });
      const a1 = s.articles.find((a) => a.id === ids.a1)!;
      expect(a1.flags.map((f) => f.kind).sort()).toEqual(["claim_added", "quote_paraphrased"]);
      expect(await getStory(db, 4242)).toBeNull();
    });

    it("leaves old revisions out of the story", async () => {
      await db.update(db.t.articles).set({ current: false }).where(eq(db.t.articles.id, ids.a2));
      try {
        const s = (await getStory(db, ids.s1))!;
        expect(s.articles.map((a) => a.id)).toEqual([ids.a1]);
        expect(s.coverage).toHaveLength(0);
      } finally {
        await db.update(db.t.articles).set({ current: true }).where(eq(db.t.articles.id, ids.a2));
      }
    });
  });

  describe("flagFacets on a seeded database", () => {
    it("agrees with a direct count for every facet value under mixed filters", async () => {
      const big = await store.reset();
      db = big;
      {
        await seedFlagsOn(big, { flags: 300, seed: 3 });
        await big.update(big.t.flags).set({ status: "verified" }).where(sql`${big.t.flags.id} % 5 = 0`);
        const queries: FlagQuery[] = [
          {},
          { kind: ["claim_added", "fact_conflict"] },
          { severity: ["high"], status: ["open"] },
          { outlet: ["Civic Wire", "Granite Times"], kind: ["quote_paraphrased"] },
          { q: "bridge", severity: ["medium", "low"] },
          { story: [1, 2, 3], status: ["verified"] },
        ];
        for (const q of queries) {
          const f = await flagFacets(big, q);
          for (const key of ["kind", "severity", "status", "outlet", "story"] as const) {
            for (const v of f[key] as { value: string | number; count: number }[]) {
              const direct = await countFlags(big, { ...q, [key]: [v.value] });
              expect({ q, key, value: v.value, count: v.count }).toEqual({ q, key, value: v.value, count: direct });
            }
            const sum = (f[key] as { count: number }[]).reduce((n, x) => n + x.count, 0);
            if (key !== "story" || !q.story) expect(sum).toBe(await countFlags(big, { ...q, [key]: undefined }));
          }
        }
      }
    });
  });
});
