/** The eval's scoring rules on hand-made flags: what counts as caught, what counts as another flag, what lies in chrome. */
import { describe, expect, it } from "vitest";
import { inChrome, plantedArticle, scoreSample, type EvalArticle, type EvalFlag, type Planted } from "../../scripts/eval";

const body = "Intro. The bridge carries 71,000 vehicles a day. “We expect to reopen by April,” he said. Share this article.";
const art: EvalArticle = { id: 1, source: "db/sample/articles/x/post.html", outlet: "Post", storyId: 1, body, chrome: [{ start: body.indexOf("Share"), end: body.length }] };
const other: EvalArticle = { id: 2, source: "/abs/db/sample/articles/feed.jsonl#2", outlet: "Feed", storyId: 1, body: "x", chrome: [] };
const span = (t: string) => ({ start: body.indexOf(t), end: body.indexOf(t) + t.length });
const flag = (id: number, kind: EvalFlag["kind"], severity: EvalFlag["severity"], t: string, articleId = 1): EvalFlag => ({
  id, kind, severity, confidence: 0.5, text: t, ...span(t), speaker: null, articleId, storyId: 1, source: articleId === 1 ? art.source : other.source, outlet: "Post",
  explanation: "", evidence: [], status: "open", note: "",
});
const planted: Planted[] = [
  { story: "s", file: "articles/x/post.html", kind: "fact_conflict", text: "71,000 vehicles", why: "" },
  { story: "s", file: "articles/x/post.html", kind: "quote_truncated", text: "We expect to reopen by April", why: "" },
];

describe("scoreSample", () => {
  it("needs the kind, the article and a span containing the planted text", () => {
    const s = scoreSample({ articles: [art, other], flags: [
      flag(1, "fact_conflict", "high", "The bridge carries 71,000 vehicles a day."),
      flag(2, "quote_paraphrased", "medium", "We expect to reopen by April"),
      flag(3, "claim_added", "low", "Intro."),
    ] }, planted);
    expect(s.results.map((r) => r.caught?.id ?? null)).toEqual([1, null]);
    expect(s.results[1].near.map((f) => f.id)).toEqual([2]);
    expect(s.caught).toBe(1);
    // The wrong-kind medium flag is "other"; the low one is not reported.
    expect(s.others.map((f) => f.id)).toEqual([2]);
  });

  it("does not accept a flag on a span that only overlaps part of the planted text", () => {
    const s = scoreSample({ articles: [art], flags: [flag(1, "fact_conflict", "high", "71,000")] }, planted);
    expect(s.results[0].caught).toBeNull();
    expect(s.others.map((f) => f.id)).toEqual([1]);
  });

  it("finds the article by the end of its source, JSONL records included", () => {
    expect(plantedArticle({ ...planted[0], file: "articles/feed.jsonl#2" }, [art, other])?.id).toBe(2);
    expect(plantedArticle({ ...planted[0], file: "articles/feed.jsonl#1" }, [art, other])).toBeUndefined();
  });
});

describe("inChrome", () => {
  it("counts a flag as chrome when at least half of its span is boilerplate", () => {
    expect(inChrome(span("Share this article."), art.chrome)).toBe(true);
    expect(inChrome(span("Intro."), art.chrome)).toBe(false);
  });
});
