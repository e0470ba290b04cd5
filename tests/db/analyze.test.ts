import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzePending, AnalyzeError } from "@/db/analyze";
import { openDb, type Db } from "@/db/client";
import { describeStores } from "./stores";

const QUOTE = "We cannot take risks with public safety, but the closure will be as short as we can make it";
const bodyA = `The city council of Dorrow voted on Tuesday to close the old harbour bridge after engineers found cracks in two support beams.\n\nAbout 3,400 drivers cross the bridge every day, according to the transport office.\n\n“${QUOTE},” said Mayor Anna Varga.\n\nRepairs are expected to cost 6 million euros and to take four months.`;
const bodyB = `Dorrow's council decided on Tuesday to shut the old harbour bridge once engineers discovered cracks in two of its support beams.\n\nSome 3,400 drivers use the bridge daily, the transport office said.\n\n"${QUOTE}," Mayor Anna Varga said.\n\nThe repairs should cost 6,000,000 euros and take four months.`;
const paraphrased = QUOTE.replace("take risks", "gamble");
const bodyC = (q: string) =>
  `Dorrow closed its old harbour bridge on Tuesday after engineers found cracks in two support beams, the city council said.\n\n“${q},” said Mayor Anna Varga.\n\nAbout 3,400 drivers use the bridge every day. Repairs should cost 6 million euros and take four months.`;
const bodyD = `The city council closed Dorrow's old harbour bridge on Tuesday after engineers found cracks in two of its support beams.\n\n“${QUOTE},” Mayor Anna Varga said.\n\nThe work will cost 6 million euros and take four months.`;
const bodyE = `Voters in Kestria went to the polls on Sunday in a snap parliamentary election called by Prime Minister Tomas Ilves after his coalition collapsed.\n\nTurnout reached 58 percent by noon, the electoral commission said.`;

let dir: string;
let db: Db;
let clock: number;
const now = () => new Date(Date.UTC(2026, 2, 3, 12, 0, clock++));

async function addArticle(outlet: string, source: string, title: string, body: string, extra: Partial<typeof db.t.articles.$inferInsert> = {}): Promise<number> {
  let [o] = await db.select().from(db.t.outlets).where(eq(db.t.outlets.name, outlet));
  if (!o) [o] = await db.insert(db.t.outlets).values({ name: outlet }).returning();
  const [a] = await db
    .insert(db.t.articles)
    .values({ outletId: o.id, source, title, body, contentHash: `${source}:${body.length}:${clock}`, ingestedAt: now().toISOString(), publishedAt: "2026-03-03", ...extra })
    .returning({ id: db.t.articles.id });
  return a.id;
}

/** Stores a new revision the way ingest does: old row retired, story kept and marked dirty. */
async function revise(source: string, body: string): Promise<number> {
  const prev = (await db.select().from(db.t.articles).where(eq(db.t.articles.source, source))).find((a) => a.current)!;
  await db.update(db.t.articles).set({ current: false }).where(eq(db.t.articles.id, prev.id));
  const o = (await db.select().from(db.t.outlets).where(eq(db.t.outlets.id, prev.outletId)))[0]!;
  const id = await addArticle(o.name, source, prev.title, body, { revision: prev.revision + 1, storyId: prev.storyId });
  await db.update(db.t.stories).set({ dirty: true }).where(eq(db.t.stories.id, prev.storyId!));
  return id;
}

describeStores("analyze", (store) => {
  beforeEach(async () => {
    clock = 0;
    db = await store.reset();
  });

  describe("analyzePending", () => {
    it("groups, analyses and saves a story; triage survives a new article; a flag that no longer holds goes stale and can revive", async () => {
      await addArticle("Outlet A", "a.txt", "Dorrow closes harbour bridge", bodyA);
      await addArticle("Outlet B", "b.txt", "Cracks shut Dorrow bridge", bodyB);
      await addArticle("Outlet C", "c.txt", "Dorrow harbour bridge closed", bodyC(paraphrased));
      await addArticle("Outlet E", "e.txt", "Kestria votes in snap election", bodyE);

      const first = await analyzePending(db, { now });
      expect(first.assigned).toBe(4);
      expect(first.createdStories).toBe(2);
      const allStories = (await db.select().from(db.t.stories));
      expect(allStories).toHaveLength(2);
      expect(allStories.every((s) => !s.dirty && s.analyzedAt)).toBe(true);
      const bridgeStory = (await db.select().from(db.t.articles).where(eq(db.t.articles.source, "a.txt")))[0]!.storyId!;
      const electionStory = (await db.select().from(db.t.articles).where(eq(db.t.articles.source, "e.txt")))[0]!.storyId!;
      expect(bridgeStory).not.toBe(electionStory);
      expect((await db.select().from(db.t.articles)).filter((a) => a.storyId === bridgeStory)).toHaveLength(3);
      expect((await db.select().from(db.t.segments)).length).toBeGreaterThan(0);
      expect((await db.select().from(db.t.quotes)).length).toBeGreaterThan(0);
      expect((await db.select().from(db.t.alignments)).length).toBeGreaterThan(0);

      const para = (await db.select().from(db.t.flags).where(eq(db.t.flags.kind, "quote_paraphrased")));
      expect(para).toHaveLength(1);
      const flag = para[0];
      expect(flag.severity).toBe("high");
      expect(flag.severityRank).toBe(2);
      expect(flag.status).toBe("open");
      expect(flag.counterparts.split(", ").sort()).toEqual(["Outlet A", "Outlet B"]);
      expect(JSON.parse(flag.evidence)).toHaveLength(2);
      expect(flag.createdAt).toMatch(/^2026-03-03T12:00:/);

      // An editor triages it.
      await db.update(db.t.flags).set({ status: "verified", note: "checked the tape", version: flag.version + 1 }).where(eq(db.t.flags.id, flag.id));
      await db.insert(db.t.flagEvents).values({ flagId: flag.id, editor: "ed", actorKind: "editor", at: now().toISOString(), action: "status", fromStatus: "open", toStatus: "verified" });

      // A new article arrives: only its story is re-analysed; the triaged flag keeps id, status, note and history.
      const electionAnalyzedAt = (await db.select().from(db.t.stories).where(eq(db.t.stories.id, electionStory)))[0]!.analyzedAt;
      await addArticle("Outlet D", "d.txt", "Dorrow bridge shut after cracks", bodyD);
      const second = await analyzePending(db, { now });
      expect(second.assigned).toBe(1);
      expect(second.createdStories).toBe(0);
      expect(second.stories).toBe(1);
      expect(second.reports[0].storyId).toBe(bridgeStory);
      expect((await db.select().from(db.t.stories).where(eq(db.t.stories.id, electionStory)))[0]!.analyzedAt).toBe(electionAnalyzedAt);
      const kept = (await db.select().from(db.t.flags).where(eq(db.t.flags.id, flag.id)))[0]!;
      expect(kept.status).toBe("verified");
      expect(kept.note).toBe("checked the tape");
      expect(kept.stale).toBe(false);
      expect(kept.fingerprint).toBe(flag.fingerprint);
      expect((await db.select().from(db.t.flagEvents).where(eq(db.t.flagEvents.flagId, flag.id)))).toHaveLength(1);

      // Nothing dirty: a plain run does nothing.
      expect((await analyzePending(db, { now })).stories).toBe(0);

      // C is corrected: the quote is now verbatim, so the triaged flag no longer holds -> stale, not deleted.
      const untriaged = (await db.select().from(db.t.flags).where(eq(db.t.flags.status, "open"))).filter((f) => f.storyId === bridgeStory);
      const c2 = await revise("c.txt", bodyC(QUOTE));
      const third = await analyzePending(db, { now });
      expect(third.staled).toBe(1);
      const stale = (await db.select().from(db.t.flags).where(eq(db.t.flags.id, flag.id)))[0]!;
      expect(stale.stale).toBe(true);
      expect(stale.status).toBe("verified");
      expect(stale.note).toBe("checked the tape");
      const events = (await db.select().from(db.t.flagEvents).where(eq(db.t.flagEvents.flagId, flag.id)));
      expect(events.map((e) => [e.action, e.editor])).toEqual([["status", "ed"], ["stale", "parallax"]]);
      expect((await db.select().from(db.t.articles).where(eq(db.t.articles.id, c2)))[0]!.storyId).toBe(bridgeStory);
      // Untriaged flags that no longer hold are simply removed; those that still hold moved to the new revision.
      for (const f of untriaged) {
        const row = (await db.select().from(db.t.flags).where(eq(db.t.flags.id, f.id)))[0];
        if (row) expect(row.articleId === f.articleId || row.articleId === c2).toBe(true);
      }

      // C reverts to the reworded quote: the same flag (same id) holds again and is revived.
      const c3 = await revise("c.txt", bodyC(paraphrased));
      const fourth = await analyzePending(db, { now });
      expect(fourth.revived).toBe(1);
      const revived = (await db.select().from(db.t.flags).where(eq(db.t.flags.id, flag.id)))[0]!;
      expect(revived.stale).toBe(false);
      expect(revived.status).toBe("verified");
      expect(revived.articleId).toBe(c3);
      expect((await db.select().from(db.t.flagEvents).where(eq(db.t.flagEvents.flagId, flag.id))).map((e) => e.action)).toEqual(["status", "stale", "revived"]);
      expect((await db.select().from(db.t.flags).where(eq(db.t.flags.kind, "quote_paraphrased")))).toHaveLength(1);
    });

    it("puts labelled articles in the labelled story, re-analyses one story or all, and rejects an unknown story id", async () => {
      await addArticle("Outlet A", "a.txt", "Dorrow closes harbour bridge", bodyA, { storyLabel: "bridge" });
      await addArticle("Outlet E", "e.txt", "Kestria votes in snap election", bodyE, { storyLabel: "bridge" });
      await addArticle("Outlet B", "b.txt", "Cracks shut Dorrow bridge", bodyB);
      const r = await analyzePending(db, { now });
      const labelled = (await db.select().from(db.t.stories).where(eq(db.t.stories.label, "bridge")))[0]!;
      const inLabelled = (await db.select().from(db.t.articles).where(eq(db.t.articles.storyId, labelled.id))).map((a) => a.source).sort();
      expect(inLabelled).toEqual(["a.txt", "e.txt"]);
      expect(r.createdStories).toBe(2);

      const one = await analyzePending(db, { now, storyId: labelled.id });
      expect(one.stories).toBe(1);
      expect((await analyzePending(db, { now, all: true })).stories).toBe(2);
      await expect(analyzePending(db, { storyId: 999 })).rejects.toThrow(AnalyzeError);
      await expect(analyzePending(db, { storyId: 999 })).rejects.toThrow("Story 999 does not exist");
    });
  });
});

describe("analyzePending with a worker thread (SQLite only: compares every row of two SQLite files)", () => {
  beforeEach(() => {
    clock = 0;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-analyze-"));
    db = openDb(path.join(dir, "test.db"));
  });
  afterEach(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every row of the analysis tables, in id order. */
  function dump(d: Db): unknown {
    const out: Record<string, unknown[]> = {};
    for (const t of ["stories", "segments", "quotes", "alignments", "flags", "flag_events"]) out[t] = d.$client.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
    return out;
  }
  async function fill(): Promise<void> {
    const variants = [bodyA, bodyB, bodyC(paraphrased), bodyD];
    for (let s = 0; s < 5; s++) {
      for (const [i, body] of variants.entries()) await addArticle(`Outlet ${i}`, `s${s}-${i}.txt`, `Story ${s} headline ${i}`, body.replace("Tuesday", ["Monday", "Tuesday", "Friday"][(s + i) % 3]), { storyLabel: `story-${s}` });
    }
  }

  it("saves exactly what the in-process analysis saves, story by story in id order", async () => {
    await fill();
    const at = () => new Date(Date.UTC(2026, 2, 4, 9, 0, 0));
    const inProcess = await analyzePending(db, { now: at, workers: 0 });
    const expected = dump(db);
    const other = openDb(path.join(dir, "worker.db"));
    try {
      const saved = db;
      db = other;
      clock = 0;
      await fill();
      db = saved;
      const order: number[] = [];
      const withWorker = await analyzePending(other, { now: at, workers: 1, onStory: (r) => order.push(r.storyId) });
      expect(withWorker.flags).toBe(inProcess.flags);
      expect(withWorker.flags).toBeGreaterThan(0);
      expect(order).toEqual([...order].sort((x, y) => x - y));
      expect(order).toHaveLength(5);
      expect(dump(other)).toEqual(expected);
    } finally {
      other.$client.close();
    }
  });
});
