import { describe, expect, it } from "vitest";
import { membersOf, mergeSignature, parseSignature, signArticle, STORY_MEMBERS } from "@/lib/stories";
import { bridge, teachers } from "./fixtures";

describe("signArticle", () => {
  it("is deterministic, capped, and weights names and title words", () => {
    const a = signArticle(bridge(1));
    expect(signArticle(bridge(1))).toEqual(a);
    expect(Object.keys(a.terms).length).toBeLessThanOrEqual(40);
    expect(a.terms["dorrow"]).toBeGreaterThan(a.terms["run"] ?? 0);
    expect(a.dateMin).toBe("2026-03-03");
  });

  it("reads the publication day from a timestamp as given, without time-zone arithmetic, and keeps the instant only when a time was given", () => {
    const timed = signArticle({ ...bridge(1), publishedAt: "2026-03-03T23:30:00.000Z" });
    expect([timed.dateMin, timed.time]).toEqual(["2026-03-03", "2026-03-03T23:30:00.000Z"]);
    expect(signArticle(bridge(1, "2026-03-03")).time).toBeNull();
    expect(signArticle({ ...bridge(1), publishedAt: null })).toMatchObject({ dateMin: null, time: null });
  });
});

describe("mergeSignature and membersOf", () => {
  it("keeps every member with its own day, the first article included", () => {
    const a = signArticle(teachers(1, 0, "2026-05-11"));
    const b = signArticle(teachers(2, 1, "2026-05-12"));
    expect(membersOf(a)).toEqual([{ terms: a.terms, names: a.names, date: "2026-05-11", time: null }]);
    const s = mergeSignature(a, b);
    expect(s.members!.map((m) => m.date)).toEqual(["2026-05-11", "2026-05-12"]);
    expect([s.dateMin, s.dateMax, s.size]).toEqual(["2026-05-11", "2026-05-12", 2]);
  });

  it("keeps only the most recent members", () => {
    let s = signArticle(bridge(0));
    for (let i = 1; i < STORY_MEMBERS + 5; i++) s = mergeSignature(s, signArticle(bridge(i)));
    expect(s.members).toHaveLength(STORY_MEMBERS);
    expect(s.size).toBe(STORY_MEMBERS + 5);
  });

  it("reads a story stored without members as one member standing for the whole story", () => {
    const legacy = parseSignature(JSON.stringify({ v: 1, terms: { dorrow: 2 }, names: {}, dateMin: "2026-03-03", dateMax: "2026-03-04", size: 3 }));
    expect(membersOf(legacy)).toEqual([{ terms: { dorrow: 2 }, names: {}, date: "2026-03-03", time: null }]);
    expect(membersOf(parseSignature("{}"))).toEqual([]);
  });
});

describe("parseSignature", () => {
  it("round-trips through JSON and reads malformed JSON as empty", () => {
    const s = mergeSignature(signArticle(bridge(1)), signArticle(bridge(3)));
    expect(parseSignature(JSON.stringify(s))).toEqual(s);
    expect(parseSignature("{not json").size).toBe(0);
    expect(parseSignature('{"terms":{"a":"x","b":2}}').terms).toEqual({ b: 2 });
  });

  it("reads a member's day and instant only when they are strings", () => {
    const s = parseSignature(
      JSON.stringify({ terms: {}, names: {}, size: 2, members: [{ terms: { a: 1 }, names: {}, date: 5, time: {} }, { terms: {}, names: {}, date: "2026-01-02", time: "2026-01-02T10:00:00Z" }] }),
    );
    expect(s.members!.map((m) => [m.date, m.time])).toEqual([[null, null], ["2026-01-02", "2026-01-02T10:00:00Z"]]);
  });

  it("round-trips a single article's signature, instant included", () => {
    const a = signArticle(bridge(1, "2026-03-03T08:15:00.000Z"));
    const back = parseSignature(JSON.stringify(a));
    expect(back.time).toBe("2026-03-03T08:15:00.000Z");
    expect(membersOf(back)).toEqual(membersOf(a));
  });
});
