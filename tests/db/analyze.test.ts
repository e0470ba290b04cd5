import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzePending, AnalyzeError } from "@/db/analyze";
import { openDb, type Db } from "@/db/client";
import { articles, flagEvents, flags, outlets, stories, alignments, quotes, segments } from "@/db/schema";

const QUOTE = "We cannot take risks with public safety, but the closure will be as short as we can make it";
const bodyA = `The city council of Dorrow voted on Tuesday to close the old harbour bridge after engineers found cracks in two support beams.\n\nAbout 3,400 drivers cross the bridge every day, according to the transport office.\n\n“${QUOTE},” said Mayor Anna Varga.\n\nRepairs are expected to cost 6 million euros and to take four months.`;
const bodyB = `Dorrow's council decided on Tuesday to shut the old harbour bridge once engineers discovered cracks in two of its support beams.\n\nSome 3,400 drivers use the bridge daily, the transport office said.\n\n"${QUOTE}," Mayor Anna Varga said.\n\nThe repairs should cost 6,000,000 euros and take four months.`;
const paraphrased = QUOTE.replace("take risks", "gamble");
const bodyC = (q: string) =>
  `Dorrow closed its old harbour bridge on Tuesday after engineers found cracks in two support beams, the city council said.\n\n“${q},” said Mayor Anna Varga.\n\nAbout 3,400 drivers use the bridge every day. Repairs should cost 6 million euros and take four months.`;
const bodyD = `Engineers found cracks in two support beams of Dorrow's old harbour bridge, and the city council closed it on Tuesday.\n\n“${QUOTE},” Mayor Anna Varga said.\n\nThe work will cost 6 million euros and take four months.`;
const bodyE = `Voters in Kestria went to the polls on Sunday in a snap parliamentary election called by Prime Minister Tomas Ilves after his coalition collapsed.\n\nTurnout reached 58 percent by noon, the electoral commission said.`;

let dir: string;
let db: Db;
let clock: number;
const now = () => new Date(Date.UTC(2026, 2, 3, 12, 0, clock++));

function addArticle(outlet: string, source: string, title: string, body: string, extra: Partial<typeof articles.$inferInsert> = {}): number {
  let o = db.select().from(outlets).where(eq(outlets.name, outlet)).get();
  if (!o) o = db.insert(outlets).values({ name: outlet }).returning().get();
  return db
    .insert(articles)
    .values({ outletId: o.id, source, title, body, contentHash: `${source}:${body.length}:${clock}`, ingestedAt: now().toISOString(), publishedAt: "2026-03-03", ...extra })
    .returning({ id: articles.id })
    .get().id;
}

/** Stores a new revision the way ingest does: old row retired, story kept and marked dirty. */
function revise(source: string, body: string): number {
  const prev = db.select().from(articles).where(eq(articles.source, source)).all().find((a) => a.current)!;
  db.update(articles).set({ current: false }).where(eq(articles.id, prev.id)).run();
  const o = db.select().from(outlets).where(eq(outlets.id, prev.outletId)).get()!;
  const id = addArticle(o.name, source, prev.title, body, { revision: prev.revision + 1, storyId: prev.storyId });
  db.update(stories).set({ dirty: true }).where(eq(stories.id, prev.storyId!)).run();
  return id;
}

beforeEach(() => {
  clock = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-analyze-"));
  db = openDb(path.join(dir, "test.db"));
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("analyzePending", () => {
  it("groups, analyses and saves a story; triage survives a new article; a flag that no longer holds goes stale and can revive", async () => {
    addArticle("Outlet A", "a.txt", "Dorrow closes harbour bridge", bodyA);
    addArticle("Outlet B", "b.txt", "Cracks shut Dorrow bridge", bodyB);
    addArticle("Outlet C", "c.txt", "Dorrow harbour bridge closed", bodyC(paraphrased));
    addArticle("Outlet E", "e.txt", "Kestria votes in snap election", bodyE);

    const first = await analyzePending(db, { now });
    expect(first.assigned).toBe(4);
    expect(first.createdStories).toBe(2);
    const allStories = db.select().from(stories).all();
    expect(allStories).toHaveLength(2);
    expect(allStories.every((s) => !s.dirty && s.analyzedAt)).toBe(true);
    const bridgeStory = db.select().from(articles).where(eq(articles.source, "a.txt")).get()!.storyId!;
    const electionStory = db.select().from(articles).where(eq(articles.source, "e.txt")).get()!.storyId!;
    expect(bridgeStory).not.toBe(electionStory);
    expect(db.select().from(articles).all().filter((a) => a.storyId === bridgeStory)).toHaveLength(3);
    expect(db.select().from(segments).all().length).toBeGreaterThan(0);
    expect(db.select().from(quotes).all().length).toBeGreaterThan(0);
    expect(db.select().from(alignments).all().length).toBeGreaterThan(0);

    const para = db.select().from(flags).where(eq(flags.kind, "quote_paraphrased")).all();
    expect(para).toHaveLength(1);
    const flag = para[0];
    expect(flag.severity).toBe("high");
    expect(flag.severityRank).toBe(2);
    expect(flag.status).toBe("open");
    expect(flag.counterparts.split(", ").sort()).toEqual(["Outlet A", "Outlet B"]);
    expect(JSON.parse(flag.evidence)).toHaveLength(2);
    expect(flag.createdAt).toMatch(/^2026-03-03T12:00:/);

    // An editor triages it.
    db.update(flags).set({ status: "verified", note: "checked the tape", version: flag.version + 1 }).where(eq(flags.id, flag.id)).run();
    db.insert(flagEvents).values({ flagId: flag.id, editor: "ed", actorKind: "editor", at: now().toISOString(), action: "status", fromStatus: "open", toStatus: "verified" }).run();

    // A new article arrives: only its story is re-analysed; the triaged flag keeps id, status, note and history.
    const electionAnalyzedAt = db.select().from(stories).where(eq(stories.id, electionStory)).get()!.analyzedAt;
    addArticle("Outlet D", "d.txt", "Dorrow bridge shut after cracks", bodyD);
    const second = await analyzePending(db, { now });
    expect(second.assigned).toBe(1);
    expect(second.createdStories).toBe(0);
    expect(second.stories).toBe(1);
    expect(second.reports[0].storyId).toBe(bridgeStory);
    expect(db.select().from(stories).where(eq(stories.id, electionStory)).get()!.analyzedAt).toBe(electionAnalyzedAt);
    const kept = db.select().from(flags).where(eq(flags.id, flag.id)).get()!;
    expect(kept.status).toBe("verified");
    expect(kept.note).toBe("checked the tape");
    expect(kept.stale).toBe(false);
    expect(kept.fingerprint).toBe(flag.fingerprint);
    expect(db.select().from(flagEvents).where(eq(flagEvents.flagId, flag.id)).all()).toHaveLength(1);

    // Nothing dirty: a plain run does nothing.
    expect((await analyzePending(db, { now })).stories).toBe(0);

    // C is corrected: the quote is now verbatim, so the triaged flag no longer holds -> stale, not deleted.
    const untriaged = db.select().from(flags).where(eq(flags.status, "open")).all().filter((f) => f.storyId === bridgeStory);
    const c2 = revise("c.txt", bodyC(QUOTE));
    const third = await analyzePending(db, { now });
    expect(third.staled).toBe(1);
    const stale = db.select().from(flags).where(eq(flags.id, flag.id)).get()!;
    expect(stale.stale).toBe(true);
    expect(stale.status).toBe("verified");
    expect(stale.note).toBe("checked the tape");
    const events = db.select().from(flagEvents).where(eq(flagEvents.flagId, flag.id)).all();
    expect(events.map((e) => [e.action, e.editor])).toEqual([["status", "ed"], ["stale", "parallax"]]);
    expect(db.select().from(articles).where(eq(articles.id, c2)).get()!.storyId).toBe(bridgeStory);
    // Untriaged flags that no longer hold are simply removed; those that still hold moved to the new revision.
    for (const f of untriaged) {
      const row = db.select().from(flags).where(eq(flags.id, f.id)).get();
      if (row) expect(row.articleId === f.articleId || row.articleId === c2).toBe(true);
    }

    // C reverts to the reworded quote: the same flag (same id) holds again and is revived.
    const c3 = revise("c.txt", bodyC(paraphrased));
    const fourth = await analyzePending(db, { now });
    expect(fourth.revived).toBe(1);
    const revived = db.select().from(flags).where(eq(flags.id, flag.id)).get()!;
    expect(revived.stale).toBe(false);
    expect(revived.status).toBe("verified");
    expect(revived.articleId).toBe(c3);
    expect(db.select().from(flagEvents).where(eq(flagEvents.flagId, flag.id)).all().map((e) => e.action)).toEqual(["status", "stale", "revived"]);
    expect(db.select().from(flags).where(eq(flags.kind, "quote_paraphrased")).all()).toHaveLength(1);
  });

  it("puts labelled articles in the labelled story, re-analyses one story or all, and rejects an unknown story id", async () => {
    addArticle("Outlet A", "a.txt", "Dorrow closes harbour bridge", bodyA, { storyLabel: "bridge" });
    addArticle("Outlet E", "e.txt", "Kestria votes in snap election", bodyE, { storyLabel: "bridge" });
    addArticle("Outlet B", "b.txt", "Cracks shut Dorrow bridge", bodyB);
    const r = await analyzePending(db, { now });
    const labelled = db.select().from(stories).where(eq(stories.label, "bridge")).get()!;
    const inLabelled = db.select().from(articles).where(eq(articles.storyId, labelled.id)).all().map((a) => a.source).sort();
    expect(inLabelled).toEqual(["a.txt", "e.txt"]);
    expect(r.createdStories).toBe(2);

    const one = await analyzePending(db, { now, storyId: labelled.id });
    expect(one.stories).toBe(1);
    expect((await analyzePending(db, { now, all: true })).stories).toBe(2);
    await expect(analyzePending(db, { storyId: 999 })).rejects.toThrow(AnalyzeError);
    await expect(analyzePending(db, { storyId: 999 })).rejects.toThrow("Story 999 does not exist");
  });
});

describe("analyzePending with a worker thread", () => {
  /** Every row of the analysis tables, in id order. */
  function dump(d: Db): unknown {
    const out: Record<string, unknown[]> = {};
    for (const t of ["stories", "segments", "quotes", "alignments", "flags", "flag_events"]) out[t] = d.$client.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
    return out;
  }
  function fill(): void {
    const variants = [bodyA, bodyB, bodyC(paraphrased), bodyD];
    for (let s = 0; s < 5; s++) {
      variants.forEach((body, i) => addArticle(`Outlet ${i}`, `s${s}-${i}.txt`, `Story ${s} headline ${i}`, body.replace("Tuesday", ["Monday", "Tuesday", "Friday"][(s + i) % 3]), { storyLabel: `story-${s}` }));
    }
  }

  it("saves exactly what the in-process analysis saves, story by story in id order", async () => {
    fill();
    const at = () => new Date(Date.UTC(2026, 2, 4, 9, 0, 0));
    const inProcess = await analyzePending(db, { now: at, workers: 0 });
    const expected = dump(db);
    const other = openDb(path.join(dir, "worker.db"));
    try {
      const saved = db;
      db = other;
      clock = 0;
      fill();
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
