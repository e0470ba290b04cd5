import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzePending } from "@/db/analyze";
import { openDb, type Db } from "@/db/client";
import { storeArticle } from "@/db/ingest";
import { getStory } from "@/db/queries";
import { MAX_ANALYSED_CHARS as ALIGN_LIMIT } from "@/lib/align";
import { describeAnalysisLimit, MAX_ANALYSED_CHARS } from "@/lib/analyze";

describe("describeAnalysisLimit", () => {
  it("is the one limit the alignment enforces", () => {
    expect(MAX_ANALYSED_CHARS).toBe(ALIGN_LIMIT);
  });

  it("says nothing for a body the analysis read whole, and names both lengths for a longer one", () => {
    expect(describeAnalysisLimit(0)).toBeNull();
    expect(describeAnalysisLimit(MAX_ANALYSED_CHARS)).toBeNull();
    expect(describeAnalysisLimit(Number.NaN)).toBeNull();
    expect(describeAnalysisLimit(MAX_ANALYSED_CHARS + 1)).toBe(
      `Only the first ${MAX_ANALYSED_CHARS.toString().replace(/\B(?=(\d{3})+$)/g, ",")} characters of this article were analysed (it has ${(MAX_ANALYSED_CHARS + 1).toString().replace(/\B(?=(\d{3})+$)/g, ",")})`,
    );
    expect(describeAnalysisLimit(1_234_567)).toMatch(/\(it has 1,234,567\)$/);
  });
});

describe("a story with an article longer than the limit", () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-limit-"));
    db = openDb(path.join(dir, "t.db"));
  });
  afterEach(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is analysed up to the limit only, and the story query gives what the page needs to say so", async () => {
    const para = "The harbour authority said on Monday that the northern pier would stay closed while divers inspected its pilings.";
    const longBody = Array.from({ length: Math.ceil((MAX_ANALYSED_CHARS * 1.1) / (para.length + 2)) }, (_, i) => `${para.replace("Monday", `day ${i}`)}`).join("\n\n");
    const shortBody = `${para}\n\n“We will reopen it when it is safe,” the harbour master, Ida Brun, said.`;
    const base = { title: "Northern pier closed", host: null, url: null, byline: null, publishedAt: "2026-03-02", language: "en" };
    await storeArticle(db, { ...base, source: "long.txt", outlet: "Long Outlet", body: longBody }, { story: "pier" });
    await storeArticle(db, { ...base, source: "short.txt", outlet: "Short Outlet", body: shortBody }, { story: "pier" });
    await analyzePending(db, { workers: 0 });

    const long = db.$client.prepare("SELECT id, length(body) AS n FROM articles WHERE source = 'long.txt'").get() as { id: number; n: number };
    expect(long.n).toBeGreaterThan(MAX_ANALYSED_CHARS);
    const maxEnd = db.$client.prepare('SELECT MAX("end") AS e FROM segments WHERE article_id = ?').get(long.id) as { e: number };
    expect(maxEnd.e).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);

    const storyId = (db.$client.prepare("SELECT story_id AS s FROM articles WHERE id = ?").get(long.id) as { s: number }).s;
    const story = (await getStory(db, storyId))!;
    const notices = Object.fromEntries(story.articles.map((a) => [a.source, describeAnalysisLimit(a.body.length)]));
    expect(notices["short.txt"]).toBeNull();
    expect(notices["long.txt"]).toBe(
      `Only the first 120,000 characters of this article were analysed (it has ${new Intl.NumberFormat("en-US").format(long.n)})`,
    );
  });
});
