/**
 * Grouping on the shared development corpora, through scripts/eval-grouping.ts
 * (real ingest parser, storeArticle, assignPending). Each block skips, saying
 * why, when its corpus is absent.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignStories, scorePairwise } from "@/lib/stories";
import { ALLSIDES_DEV, BASIL_DEV, DIVERGENCE_DEV, evalDivergenceGrouping, evalGrouping } from "../../scripts/eval-grouping";

describe.skipIf(!fs.existsSync(ALLSIDES_DEV))("grouping on allsides-dev (skipped: ../shared/datasets/allsides-dev absent)", () => {
  it("separates the days of running topics: pairwise F1 >= 0.85", async () => {
    const r = await evalGrouping(ALLSIDES_DEV);
    expect(r.articles).toBe(731);
    expect(r.f1).toBeGreaterThanOrEqual(0.85);
    expect(r.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("holds on each half of the events, and when grouped in several runs in publication order", async () => {
    for (const half of [0, 1] as const) expect((await evalGrouping(ALLSIDES_DEV, { half })).f1).toBeGreaterThanOrEqual(0.85);
    expect((await evalGrouping(ALLSIDES_DEV, { batches: 8, byDate: true })).f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe.skipIf(!fs.existsSync(BASIL_DEV))("grouping on basil-dev (skipped: ../shared/datasets/basil-dev absent)", () => {
  it("pairwise F1 >= 0.97, also when analysed in four runs", async () => {
    expect((await evalGrouping(BASIL_DEV)).f1).toBeGreaterThanOrEqual(0.97);
    expect((await evalGrouping(BASIL_DEV, { batches: 4 })).f1).toBeGreaterThanOrEqual(0.97);
  });

  it("does not depend on the order the articles come in", () => {
    const rows = fs.readFileSync(BASIL_DEV, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { title: string; body: string; published: string; event: string });
    const truth = new Map(rows.map((row, i) => [i, row.event]));
    const run = (order: number[]) => {
      const r = assignStories(order.map((i) => ({ id: i, title: rows[i].title, body: rows[i].body, publishedAt: rows[i].published })), []);
      return scorePairwise(new Map(r.assignments.map((a) => [a.articleId, a.newStory!])), truth);
    };
    const given = run(rows.map((_, i) => i));
    // A fixed permutation so stories are not presented one after another.
    const scrambled = run(rows.map((_, i) => i).sort((a, b) => ((a * 7919) % 151) - ((b * 7919) % 151)));
    expect(given.f1).toBeGreaterThanOrEqual(0.97);
    expect(Math.abs(scrambled.f1 - given.f1)).toBeLessThanOrEqual(0.01);
  });
});

describe.skipIf(!fs.existsSync(path.join(DIVERGENCE_DEV, "stories.json")))("grouping on divergence-dev (skipped: ../shared/datasets/divergence-dev absent)", () => {
  it("forms exactly the true stories: fire and rent apart, decoys alone", async () => {
    const r = await evalDivergenceGrouping();
    expect(r).toMatchObject({ exact: true, stories: 6, articles: 22 });
  });
});
