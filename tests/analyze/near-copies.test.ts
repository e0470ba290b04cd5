import { describe, expect, it } from "vitest";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import { locateSpanInCopy, planNearCopies } from "@/lib/analyze/near-copies";
import type { ArticleText, FlagDraft } from "@/lib/types";

const QUOTE = "Nobody crosses that bridge until I am satisfied it is safe, and I am not satisfied today";
const original = [
  "The Tessel River Bridge was closed to all traffic on Monday after inspectors found corrosion in 14 of its 96 main suspension cables.",
  "The bridge opened in 1958 and carries about 41,000 vehicles a day. Police closed the approaches on both banks.",
  `“${QUOTE},” Mayor Corinne Halvard said at City Hall.`,
  "The repairs are expected to cost $18 million, according to the transit board. Halvard said the city would ask the regional government to pay half.",
  "Free shuttle buses between the two banks will run every 10 minutes starting on Wednesday, the board said.",
  "The city council will meet in emergency session on Thursday to discuss the closure and the cost of the repairs.",
].join("\n\n");
// Another outlet: a reworded quote, a different figure, an added claim.
const rewrite = [
  "Marrowby shut the Tessel River Bridge on Monday once inspectors found corrosion in 14 of its 96 main cables.",
  "The 1958 crossing carries about 71,000 vehicles a day. Police closed the approaches on both banks.",
  `“Nobody crosses that bridge until I am sure it is safe, and I am not sure today,” Mayor Corinne Halvard said.`,
  "Repairs will cost $18 million, the transit board said. The mayor will ask the regional government to pay half.",
  "Engineers warned last year that the cables were at risk, according to documents seen by the paper.",
].join("\n\n");

/** Sentences a copy adds, each its own (so no other outlet carries it). */
const ADDED = [
  "The shuttle will also stop at the hospital on Quay Street, where 300 patients a week arrive from the west bank.",
  "Tolls on the Gannet Street crossing will be suspended for 12 weeks while the bridge is repaired.",
];

/** Copies of the original: a byline line, a dateline, doubled spacing, and one with an added sentence. */
function copies(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) out.push(`By Staff Writer ${i + 1}\n\n${original}`);
    else if (i % 3 === 1) out.push(original.replace(/\n\n/g, "\n\n\n"));
    else out.push(`${original}\n\n${ADDED[(i - 2) / 3 % ADDED.length]}`);
  }
  return out;
}

function story(n: number): ArticleText[] {
  const at = "2026-03-02T11:40:00Z";
  const arts: ArticleText[] = [
    { id: 1, outlet: "Marrowby Courier", source: "courier.md", title: "Tessel River Bridge closed", body: original, publishedAt: at, language: "en" },
    { id: 2, outlet: "Meridian Press", source: "meridian.txt", title: "Bridge shut over corroded cables", body: rewrite, publishedAt: "2026-03-02T12:10:00Z", language: "en" },
  ];
  copies(n).forEach((body, i) => arts.push({ id: 3 + i, outlet: `Partner ${i + 1}`, source: `partner-${i + 1}.md`, title: "Tessel River Bridge closed", body, publishedAt: at, language: "en" }));
  return arts;
}

/** What makes a flag the same divergence: where, what kind, how severe, its text and identity. */
const identity = (f: FlagDraft) => ({ articleId: f.articleId, kind: f.kind, severity: f.severity, start: f.start, end: f.end, text: f.text, speaker: f.speaker, fingerprint: f.fingerprint });

describe("near-copy collapsing", () => {
  it("groups copies that differ only in byline and spacing, not one with an added sentence", () => {
    const arts = story(6).map((a) => analyzeArticle(a));
    const plan = planNearCopies(arts);
    // The original (id 1) and the byline and spacing copies (ids 3, 4, 6, 7) are one group:
    // the first two are aligned, the rest collapsed.
    expect(plan.mapped.map((m) => arts[m.copy].article.id)).toEqual([4, 6, 7]);
    expect(plan.mapped.every((m) => plan.aligned.includes(m.standIn))).toBe(true);
    // The copies with an added sentence (ids 5 and 8) are aligned in full.
    expect(plan.aligned.map((i) => arts[i].article.id)).toEqual([1, 2, 3, 5, 8]);
  });

  it("gives the same flags as aligning every copy (a small story), each at the copy's own offsets", () => {
    const arts = story(6);
    const full = analyzeStory(arts, { collapseNearCopies: false, alignmentDiffs: false });
    const collapsed = analyzeStory(arts, { collapseNearCopies: true, alignmentDiffs: false });
    expect(full.flags.length).toBeGreaterThan(0);
    // The added sentence is flagged on the copies that carry it, as without collapsing.
    expect(full.flags.some((f) => f.articleId === 5 && f.text.includes("hospital"))).toBe(true);
    expect(full.flags.some((f) => f.articleId === 8 && f.text.includes("Tolls"))).toBe(true);
    expect(collapsed.flags.map(identity)).toEqual(full.flags.map(identity));
    const byId = new Map(arts.map((a) => [a.id, a]));
    for (const f of collapsed.flags) expect(byId.get(f.articleId)!.body.slice(f.start, f.end)).toBe(f.text.slice(0, f.end - f.start));
    // Every copy still has its own segments, quotes and claims.
    expect(collapsed.analyses.map((a) => a.article.id)).toEqual(arts.map((a) => a.id));
    expect(collapsed.analyses.map((a) => a.quotes.length)).toEqual(full.analyses.map((a) => a.quotes.length));
  });

  it("analyses 400 copies of an article in well under the time of aligning each", () => {
    const arts = story(400);
    const t0 = performance.now();
    const r = analyzeStory(arts, { alignmentDiffs: false });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(r.analyses).toHaveLength(402);
    // The rewrite's divergences are flagged, as in the small story.
    const small = analyzeStory(story(6), { collapseNearCopies: false, alignmentDiffs: false });
    const onRewrite = (fs: FlagDraft[]) => fs.filter((f) => f.articleId === 2).map((f) => `${f.kind}:${f.text}`);
    expect(onRewrite(r.flags)).toEqual(onRewrite(small.flags));
  }, 60_000);

  it("finds a span in a copy at the same occurrence, or says it is not there", () => {
    expect(locateSpanInCopy("a b a b", "x a b a b", { start: 4, end: 7 })).toEqual({ start: 6, end: 9 });
    expect(locateSpanInCopy("said no", "said  no", { start: 0, end: 7 })).toBeNull();
  });
});
