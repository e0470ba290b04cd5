/**
 * Exports of the analysed sample corpus: the JSON contract holds on real flags,
 * every id it mentions resolves inside the document, and the other formats
 * agree with it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzePending } from "../../db/analyze";
import { openDb, type Db } from "../../db/client";
import { exportFlags } from "../../db/export";
import { ingestInputs } from "../../db/ingest";
import { setFlagStatus } from "../../db/triage";
import { exportJsonSchema, parseCsv } from "../export/fixture";
import { SAMPLE_DIR } from "../../scripts/eval";

const NOW = new Date("2026-03-09T00:00:00Z");
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-sample-export-"));
  db = openDb(path.join(dir, "sample.db"));
  await ingestInputs(db, [path.join(SAMPLE_DIR, "articles")], { now: () => NOW });
  await analyzePending(db, { now: () => NOW });
}, 120_000);
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("exports of the analysed sample corpus", () => {
  it("JSON: the contract holds and every reference resolves", async () => {
    const doc = exportJsonSchema.parse(JSON.parse((await exportFlags(db, {}, "json", NOW)).body));
    expect(doc.flags.length).toBeGreaterThan(0);
    expect(doc.stories).toHaveLength(2);
    expect(doc.articles).toHaveLength(8);
    const articles = new Map(doc.articles.map((a) => [a.id, a]));
    const storyIds = new Set(doc.stories.map((s) => s.id));
    for (const s of doc.stories) for (const id of s.articleIds) expect(articles.get(id)?.storyId).toBe(s.id);
    for (const f of doc.flags) {
      expect(storyIds.has(f.storyId)).toBe(true);
      expect(articles.get(f.articleId)?.source).toBe(f.source);
      expect(f.end).toBeGreaterThan(f.start);
      for (const e of f.evidence) expect(articles.has(e.articleId), `evidence article ${e.articleId}`).toBe(true);
    }
    // Sources exactly as given to ingest, JSONL records included.
    expect(doc.articles.map((a) => a.source)).toContain(path.join(SAMPLE_DIR, "articles", "aggregators.jsonl") + "#1");
    expect(doc.articles.some((a) => a.quotes.length > 0)).toBe(true);
  });

  it("a filtered JSON export keeps only the touched stories and articles", async () => {
    const doc = exportJsonSchema.parse(JSON.parse((await exportFlags(db, { kind: ["attribution_conflict"] }, "json", NOW)).body));
    expect(doc.flags.length).toBeGreaterThan(0);
    expect(doc.stories).toHaveLength(1);
    const touched = new Set(doc.flags.flatMap((f) => [f.articleId, ...f.evidence.map((e) => e.articleId)]));
    expect(new Set(doc.articles.map((a) => a.id))).toEqual(touched);
  });

  it("CSV has a row per JSON flag, in the same order", async () => {
    const json = exportJsonSchema.parse(JSON.parse((await exportFlags(db, {}, "json", NOW)).body));
    const rows = parseCsv((await exportFlags(db, {}, "csv", NOW, { bom: false })).body);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(json.flags.map((f) => f.id));
  });

  it("ClaimReview follows triage: only verified and unsupported flags appear", async () => {
    const json = exportJsonSchema.parse(JSON.parse((await exportFlags(db, {}, "json", NOW)).body));
    expect(JSON.parse((await exportFlags(db, {}, "claimreview", NOW)).body)).toEqual([]);
    const [a, b] = json.flags;
    await setFlagStatus(db, { flagIds: a.id, expectedVersions: 1, status: "verified", editor: "Test", now: NOW });
    await setFlagStatus(db, { flagIds: b.id, expectedVersions: 1, status: "unsupported", note: "Not in the wire copy.", editor: "Test", now: NOW });
    const base = "https://desk.example.org";
    const reviews = JSON.parse((await exportFlags(db, {}, "claimreview", NOW, { baseUrl: base })).body) as { url: string; claimReviewed: string; reviewRating: { alternateName: string } }[];
    expect(reviews.map((r) => r.url).sort()).toEqual([`${base}/flags/${a.id}`, `${base}/flags/${b.id}`].sort());
    expect(reviews.find((r) => r.url === `${base}/flags/${a.id}`)!.reviewRating.alternateName).toBe("Supported");
    expect(reviews.find((r) => r.url === `${base}/flags/${b.id}`)!.claimReviewed).toBe(b.text);
    // Without a public address the reviews carry no url at all.
    for (const r of JSON.parse((await exportFlags(db, {}, "claimreview", NOW)).body)) expect(r).not.toHaveProperty("url");
  });
});
