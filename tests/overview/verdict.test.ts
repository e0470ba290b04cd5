import { describe, expect, it } from "vitest";
import { judgeArticles, rankOutlets, summarizeOutlet, type ArticleCarriage, type ArticleVerdict } from "@/lib/overview";

/** n statements of which the given counterparts support `carried[b]` (score s) from the start. */
function statements(n: number, carried: Record<number, { k: number; score: number }>, flaggable = n) {
  return Array.from({ length: n }, (_, i) => ({
    flaggable: i < flaggable,
    support: Object.entries(carried).map(([b, { k, score }]) => ({ article: Number(b), score: i < k ? score : 0.1 })),
  }));
}

const art = (i: number, st: ArticleCarriage["statements"], over: Partial<ArticleCarriage> = {}): ArticleCarriage => ({
  articleId: 100 + i,
  publishedAt: null,
  statements: st,
  counterparts: [0, 1, 2, 3].filter((x) => x !== i),
  addedBlocks: 0,
  ...over,
});

describe("judgeArticles", () => {
  it("tells original reporting, a close copy, a rewrite and a padded rewrite apart", () => {
    const verdicts = judgeArticles([
      // 0: the wire; carries a little of everyone else.
      art(0, statements(10, { 1: { k: 2, score: 0.6 }, 2: { k: 2, score: 0.6 }, 3: { k: 2, score: 0.6 } }), { publishedAt: "2026-03-01T08:00:00Z" }),
      // 1: nine of ten sentences copied word for word from 0.
      art(1, statements(10, { 0: { k: 9, score: 0.97 } }), { publishedAt: "2026-03-01T09:00:00Z" }),
      // 2: eight of ten carried by 0 in other words.
      art(2, statements(10, { 0: { k: 8, score: 0.7 } }), { publishedAt: "2026-03-01T09:00:00Z" }),
      // 3: six of ten carried by 0, plus an added block.
      art(3, statements(10, { 0: { k: 6, score: 0.7 } }), { publishedAt: "2026-03-01T09:00:00Z", addedBlocks: 1 }),
    ]);
    expect(verdicts.map((v) => v.verdict)).toEqual(["original reporting", "close copy", "rewrite", "padded rewrite"]);
    expect(verdicts.map((v) => v.source)).toEqual([null, 0, 0, 0]);
    expect(verdicts[1].copied).toBeCloseTo(0.9);
    expect(verdicts[0].uncarried).toBeCloseTo(0.8);
    expect(verdicts[3].uncarried).toBeCloseTo(0.4);
  });

  it("calls an article with several added blocks and mostly its own statements a padded rewrite even when no source is clear", () => {
    const mk = (blocks: number) =>
      judgeArticles([art(0, statements(10, { 1: { k: 2, score: 0.6 } })), art(1, statements(10, { 0: { k: 2, score: 0.6 } }), { addedBlocks: blocks })]);
    expect(mk(2)[1].verdict).toBe("padded rewrite");
    expect(mk(1)[1].verdict).toBe("original reporting");
    expect(mk(2)[1].source).toBeNull();
  });

  it("counts only flaggable statements, and has no share for an article without any", () => {
    const v = judgeArticles([art(0, statements(4, { 1: { k: 4, score: 0.9 } }, 0)), art(1, statements(4, { 0: { k: 1, score: 0.9 } }))]);
    expect(v[0].statements).toBe(0);
    expect(v[0].uncarried).toBeNull();
    expect(v[1].uncarried).toBeCloseTo(0.75);
  });
});

describe("rankOutlets and summarizeOutlet", () => {
  const verdict = (uncarried: number | null): ArticleVerdict => ({ articleId: 1, verdict: "rewrite", source: 0, statements: 10, uncarried, copied: 0 });
  it("ranks the least carried first, then open high flags, then flags", () => {
    const lines = [
      { article: { articleId: 1, outlet: "A" }, verdict: verdict(0.2), kinds: {}, openHigh: 0 },
      { article: { articleId: 2, outlet: "B" }, verdict: verdict(0.62), kinds: {}, openHigh: 0 },
      { article: { articleId: 3, outlet: "C" }, verdict: verdict(null), kinds: { claim_added: 9 }, openHigh: 5 },
      { article: { articleId: 4, outlet: "D" }, verdict: verdict(0.2), kinds: { claim_added: 1 }, openHigh: 1 },
    ];
    expect(rankOutlets(lines).map((l) => l.article.outlet)).toEqual(["B", "D", "A", "C"]);
  });
  it("says it in one line", () => {
    expect(summarizeOutlet("Digest", verdict(0.62), { structure_added: 2, quote_paraphrased: 4, fact_conflict: 1 })).toBe(
      "62% of Digest’s statements are carried by no other outlet; 2 added blocks; 4 reworded quotes; 1 conflict",
    );
    expect(summarizeOutlet("Digest", verdict(null), { quote_truncated: 1 })).toBe("too few statements in Digest to compare; 1 cut quote");
  });
});
