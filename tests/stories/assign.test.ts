import { describe, expect, it } from "vitest";
import { assignStories, DAY_DECAY, dayGap, memberGap, mergeSignature, signArticle, similarity, storySimilarity, type AssignResult, type GroupableArticle } from "@/lib/stories";
import { bridge, certificate, election, teachers } from "./fixtures";

/** The article ids of each story formed (new stories, then existing ones by id), each sorted. */
function groups(r: AssignResult): number[][] {
  const by = new Map<string, number[]>();
  for (const a of r.assignments) {
    const k = a.storyId !== null ? `e${a.storyId}` : `n${a.newStory}`;
    by.set(k, [...(by.get(k) ?? []), a.articleId]);
  }
  return [...by.values()].map((ids) => ids.sort((x, y) => x - y)).sort((x, y) => x[0] - y[0]);
}

describe("dayGap", () => {
  it("counts whole days and is null when a day is unknown", () => {
    expect(dayGap("2026-03-01", "2026-03-04")).toBe(3);
    expect(dayGap("2026-03-04", "2026-03-01")).toBe(3);
    expect(dayGap("2026-02-28", "2026-03-01")).toBe(1);
    expect(dayGap("2026-03-01", null)).toBeNull();
    expect(dayGap(undefined, "2026-03-01")).toBeNull();
  });
});

describe("memberGap", () => {
  it("uses elapsed time when both sides give a time of day, calendar days otherwise", () => {
    const at = (time: string | null, date: string) => ({ dateMin: date, time });
    // 22:30 and 01:10 the next day (UTC): one news cycle, not two days.
    expect(memberGap(at("2026-03-04T22:30:00.000Z", "2026-03-04"), { terms: {}, names: {}, date: "2026-03-05", time: "2026-03-05T01:10:00.000Z" })).toBe(0);
    expect(memberGap(at("2026-03-04T08:00:00.000Z", "2026-03-04"), { terms: {}, names: {}, date: "2026-03-05", time: "2026-03-05T09:00:00.000Z" })).toBe(1);
    expect(memberGap(at(null, "2026-03-04"), { terms: {}, names: {}, date: "2026-03-05", time: "2026-03-05T01:10:00.000Z" })).toBe(1);
    expect(memberGap(at(null, "2026-03-04"), { terms: {}, names: {}, date: null })).toBeNull();
  });
});

describe("storySimilarity", () => {
  const idf = () => 1;
  it("discounts a member of another day by DAY_DECAY per day, and ignores it with decay 0", () => {
    const a = signArticle(teachers(1, 0));
    const same = signArticle(teachers(2, 1));
    const later = signArticle(teachers(2, 1, "2026-05-13"));
    const s0 = storySimilarity(a, same, idf);
    expect(s0).toBeGreaterThan(0.3);
    expect(storySimilarity(a, later, idf)).toBeCloseTo(s0 * DAY_DECAY ** 2, 6);
    expect(storySimilarity(a, later, idf, 0)).toBe(0);
    // An unknown day is no evidence of distance.
    expect(storySimilarity(signArticle(teachers(1, 0, null as unknown as string)), later, idf)).toBeCloseTo(s0, 6);
  });

  it("is the mean over the story's members, so one close member does not carry a story of another event", () => {
    const m = [teachers(1, 0), certificate(2, 0, "2026-05-11"), certificate(3, 1, "2026-05-11")].map((x) => signArticle(x));
    const story = mergeSignature(mergeSignature(m[0], m[1]), m[2]);
    const a = signArticle(teachers(9, 1));
    const each = m.map((x) => similarity(a, x, idf));
    expect(storySimilarity(a, story, idf)).toBeCloseTo((each[0] + each[1] + each[2]) / 3, 6);
    expect(storySimilarity(a, story, idf)).toBeLessThan(each[0]);
  });
});

describe("assignStories", () => {
  it("groups articles about one event and separates another event", () => {
    expect(groups(assignStories([bridge(1), election(2), bridge(3), election(4)], []))).toEqual([[1, 3], [2, 4]]);
  });

  it("splits two days of one running topic into two events, each day's three outlets together", () => {
    // Same country, minister and vocabulary; different events on consecutive days, interleaved.
    const arts = [teachers(1, 0), certificate(2, 0), teachers(3, 1), certificate(4, 1), teachers(5, 2), certificate(6, 2)];
    const r = assignStories(arts, []);
    expect(groups(r)).toEqual([[1, 3, 5], [2, 4, 6]]);
    // Whatever order the batch comes in.
    expect(groups(assignStories([...arts].reverse(), []))).toEqual([[1, 3, 5], [2, 4, 6]]);
    expect(groups(assignStories([arts[1], arts[3], arts[5], arts[0], arts[2], arts[4]], []))).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it("splits the days of a running topic across runs too: the next day's event starts its own story", () => {
    const first = assignStories([teachers(1, 0), teachers(3, 1), teachers(5, 2)], []);
    expect(first.newStories).toHaveLength(1);
    const existing = [{ id: 7, signature: first.newStories[0] }];
    const second = assignStories([certificate(2, 0), certificate(4, 1), certificate(6, 2)], existing);
    expect(second.updated.size).toBe(0);
    expect(groups(second)).toEqual([[2, 4, 6]]);
    // A late outlet of the first day's event still joins it.
    const third = assignStories([teachers(8, 1, "2026-05-11")], existing);
    expect(third.assignments[0].storyId).toBe(7);
  });

  it("lets an outlet that ran the event a day or two later join it when it is alone on its day", () => {
    const r = assignStories([teachers(1, 0, "2026-05-11"), teachers(2, 1, "2026-05-11"), teachers(3, 2, "2026-05-13"), election(4)], []);
    expect(groups(r)).toEqual([[1, 2, 3], [4]]);
    expect(r.assignments.find((a) => a.articleId === 3)!.score).toBeGreaterThan(0);
  });

  it("keeps an evening event whose outlets straddle midnight UTC together, next to the next day's event", () => {
    const arts = [
      teachers(1, 0, "2026-05-11T21:40:00.000Z"),
      teachers(2, 1, "2026-05-11T23:05:00.000Z"),
      teachers(3, 2, "2026-05-12T00:20:00.000Z"),
      teachers(4, 0, "2026-05-12T01:30:00.000Z"),
      certificate(5, 0, "2026-05-12T20:00:00.000Z"),
      certificate(6, 1, "2026-05-12T21:00:00.000Z"),
    ];
    expect(groups(assignStories(arts, []))).toEqual([[1, 2, 3, 4], [5, 6]]);
  });

  it("never lets a story span more than a week", () => {
    expect(assignStories([bridge(1), bridge(7, "2026-09-01")], []).newStories).toHaveLength(2);
    expect(assignStories([bridge(1, "2026-03-01"), bridge(3, "2026-03-09")], []).newStories).toHaveLength(2);
    expect(assignStories([bridge(1, "2026-03-01"), bridge(3, "2026-03-05")], []).newStories).toHaveLength(1);
  });

  it("groups undated articles with the dated story they resemble", () => {
    const r = assignStories([bridge(1, null), election(2), bridge(3), election(4, null), bridge(5, null)], []);
    expect(groups(r)).toEqual([[1, 3, 5], [2, 4]]);
  });

  it("a new article joins the matching existing story and only that story is updated", () => {
    const first = assignStories([bridge(1), election(2)], []);
    const existing = first.newStories.map((signature, i) => ({ id: 10 + i, signature }));
    const second = assignStories([bridge(5)], existing);
    expect(second.newStories).toHaveLength(0);
    expect(second.assignments[0].storyId).toBe(10);
    expect([...second.updated.keys()]).toEqual([10]);
  });

  it("reports assignments in input order, new stories numbered densely in creation order", () => {
    const arts: GroupableArticle[] = [teachers(1, 0, "2026-05-13"), election(2), teachers(3, 1, "2026-05-11"), teachers(4, 2, "2026-05-11")];
    const r = assignStories(arts, []);
    expect(r.assignments.map((a) => a.articleId)).toEqual([1, 2, 3, 4]);
    const used = new Set(r.assignments.map((a) => a.newStory));
    expect([...used].sort()).toEqual(r.newStories.map((_, i) => i));
    expect(r.newStories.reduce((n, s) => n + s.size, 0)).toBe(4);
  });

  it("is deterministic", () => {
    const input = [bridge(1), election(2), bridge(3), election(4), teachers(5, 0), certificate(6, 1)];
    expect(assignStories(input, [])).toEqual(assignStories(input, []));
  });
});
