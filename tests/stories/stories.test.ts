import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignStories, mergeSignature, parseSignature, scorePairwise, signArticle } from "@/lib/stories";

const bridge = (n: number) => ({
  id: n,
  title: n % 2 ? "Dorrow closes harbour bridge after cracks found" : "Cracked beams shut Dorrow's harbour bridge",
  body: `The Dorrow city council closed the harbour bridge on Tuesday after engineers found cracks in two support beams. Mayor Anna Varga said repairs would cost 6 million euros. Ferries across the Lenn estuary will run every half hour. Report ${n}.`,
  publishedAt: "2026-03-03",
});
const election = (n: number) => ({
  id: n,
  title: n % 2 ? "Kestria votes in snap election" : "Polls open in Kestria's early election",
  body: `Voters in Kestria went to the polls on Sunday in a snap parliamentary election called by Prime Minister Tomas Ilves after his coalition collapsed. Turnout reached 58 percent by noon, the electoral commission said. Report ${n}.`,
  publishedAt: "2026-03-05",
});

describe("signArticle", () => {
  it("is deterministic, capped, and weights names and title words", () => {
    const a = signArticle(bridge(1));
    expect(signArticle(bridge(1))).toEqual(a);
    expect(Object.keys(a.terms).length).toBeLessThanOrEqual(40);
    expect(a.terms["dorrow"]).toBeGreaterThan(a.terms["run"] ?? 0);
    expect(a.dateMin).toBe("2026-03-03");
  });
  it("round-trips through JSON and reads malformed JSON as empty", () => {
    const s = mergeSignature(signArticle(bridge(1)), signArticle(bridge(3)));
    expect(parseSignature(JSON.stringify(s))).toEqual(s);
    expect(parseSignature("{not json").size).toBe(0);
    expect(parseSignature('{"terms":{"a":"x","b":2}}').terms).toEqual({ b: 2 });
  });
});

describe("assignStories", () => {
  it("groups articles about one event and separates another event", () => {
    const r = assignStories([bridge(1), election(2), bridge(3), election(4)], []);
    expect(r.newStories).toHaveLength(2);
    const story = (id: number) => r.assignments.find((a) => a.articleId === id)!.newStory;
    expect(story(1)).toBe(story(3));
    expect(story(2)).toBe(story(4));
    expect(story(1)).not.toBe(story(2));
  });

  it("a new article joins the matching existing story and only that story is updated", () => {
    const first = assignStories([bridge(1), election(2)], []);
    const existing = first.newStories.map((signature, i) => ({ id: 10 + i, signature }));
    const second = assignStories([bridge(5)], existing);
    expect(second.newStories).toHaveLength(0);
    expect(second.assignments[0].storyId).toBe(10);
    expect([...second.updated.keys()]).toEqual([10]);
  });

  it("respects the publication-date window when dates are known", () => {
    const late = { ...bridge(7), publishedAt: "2026-09-01" };
    const r = assignStories([bridge(1), late], []);
    expect(r.newStories).toHaveLength(2);
  });

  it("is deterministic", () => {
    const input = [bridge(1), election(2), bridge(3), election(4)];
    expect(assignStories(input, [])).toEqual(assignStories(input, []));
  });
});

describe("scorePairwise", () => {
  it("counts pairs per cluster", () => {
    const truth = new Map([[1, "a"], [2, "a"], [3, "a"], [4, "b"]]);
    expect(scorePairwise(new Map([[1, 1], [2, 1], [3, 1], [4, 2]]), truth)).toMatchObject({ precision: 1, recall: 1 });
    const s = scorePairwise(new Map([[1, 1], [2, 1], [3, 2], [4, 2]]), truth);
    expect(s.correctPairs).toBe(1);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(1 / 3);
  });
});

const BASIL = path.resolve(__dirname, "../../../shared/datasets/basil-dev/articles.jsonl");
describe.skipIf(!fs.existsSync(BASIL))("grouping on basil-dev (skipped: ../shared/datasets/basil-dev absent)", () => {
  it("reaches pairwise precision and recall >= 0.9, in a scrambled order", () => {
    const rows = fs.readFileSync(BASIL, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { title: string; body: string; published: string; event: string });
    // A fixed permutation so stories are not presented one after another.
    const order = rows.map((_, i) => i).sort((a, b) => ((a * 7919) % 151) - ((b * 7919) % 151));
    const arts = order.map((i) => ({ id: i, title: rows[i].title, body: rows[i].body, publishedAt: rows[i].published }));
    const r = assignStories(arts, []);
    const predicted = new Map(r.assignments.map((a) => [a.articleId, a.newStory!]));
    const truth = new Map(rows.map((row, i) => [i, row.event]));
    const s = scorePairwise(predicted, truth);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });
});
