/**
 * The bundled sample corpus is consistent with planted.json: it ingests
 * cleanly, every planted text sits exactly once in the stored body of the
 * article it names, every flag kind is planted, and article sizes are news-like.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDb, type Db } from "../../db/client";
import { ingestInputs } from "../../db/ingest";
import { articles, outlets } from "../../db/schema";
import { FLAG_KINDS } from "../../lib/types";
import { plantedArticle, readPlanted, SAMPLE_DIR } from "../../scripts/eval";

let dir: string;
let db: Db;
let stored: { id: number; source: string; outlet: string; body: string }[];
let failures: string[];
const planted = readPlanted();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-sample-"));
  db = openDb(path.join(dir, "sample.db"));
  const run = await ingestInputs(db, [path.join(SAMPLE_DIR, "articles")], { now: () => new Date("2026-03-09T00:00:00Z") });
  failures = run.results.filter((r) => r.status === "failed").map((r) => r.error ?? r.input);
  stored = db.select({ id: articles.id, source: articles.source, outlet: outlets.name, body: articles.body }).from(articles).innerJoin(outlets, eq(articles.outletId, outlets.id)).all();
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sample corpus", () => {
  it("ingests eight articles from eight outlets without a failure", () => {
    expect(failures).toEqual([]);
    expect(stored).toHaveLength(8);
    expect(new Set(stored.map((a) => a.outlet)).size).toBe(8);
  });

  it("plants every flag kind at least once", () => {
    expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(FLAG_KINDS));
  });

  it.each(planted.map((p) => [p.kind, p.file, p] as const))("%s in %s: the planted text is in the stored body exactly once", (_k, _f, p) => {
    const a = plantedArticle(p, stored);
    expect(a, `no stored article for ${p.file}`).toBeDefined();
    expect(a!.body.split(p.text).length - 1).toBe(1);
  });

  it("keeps every article between 300 and 700 words", () => {
    for (const a of stored) {
      const words = a.body.split(/\s+/).filter(Boolean).length;
      expect(words, a.source).toBeGreaterThanOrEqual(300);
      expect(words, a.source).toBeLessThanOrEqual(700);
    }
  });

  it("quotes nothing single-sourced except the planted quotes", () => {
    // Every span inside curly or straight double quotes must appear verbatim in another article of the corpus,
    // unless it is a planted quote divergence: honest outlets share their quotes word for word.
    const plantedQuotes = planted.filter((p) => p.kind.startsWith("quote_")).map((p) => p.text);
    for (const a of stored) {
      for (const m of a.body.matchAll(/[“"]([^“”"\n]{12,})[”"]/g)) {
        const q = m[1].replace(/[,.]$/, "");
        if (plantedQuotes.some((t) => q.includes(t))) continue;
        const elsewhere = stored.some((b) => b.id !== a.id && b.body.includes(q));
        expect(elsewhere, `${a.source}: "${q}"`).toBe(true);
      }
    }
  });
});
