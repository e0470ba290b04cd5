import { describe, expect, it } from "vitest";
import { diffText } from "@/lib/align";
import { describeChanges, sharedWords, wordKeys } from "@/lib/provenance";

const changes = (a: string, b: string) => describeChanges(diffText(a, b));

describe("describeChanges", () => {
  it("names a swapped word, a cut clause and an added word, with where they sit", () => {
    expect(changes("It is important that we act now", "It is indeed crucial that we act now")).toEqual([
      { kind: "changed", from: "important", to: "indeed crucial", where: "middle" },
    ]);
    expect(changes("We act now, and we thank everyone, before winter", "We act now, before winter")).toEqual([
      { kind: "cut", from: expect.stringContaining("we thank everyone"), to: "", where: "middle" },
    ]);
    expect(changes("We act now", "We act now and forever")[0]).toMatchObject({ kind: "added", where: "end" });
    expect(changes("Truly we act now", "We act now")[0]).toMatchObject({ kind: "cut", where: "start" });
  });

  it("does not count case, punctuation, spacing or number words as changes", () => {
    expect(changes("work with Europe, and five regions", "work with europe,and 5 regions")).toEqual([]);
  });
});

describe("wordKeys and sharedWords", () => {
  it("fold words and count the ones shared in order", () => {
    expect(wordKeys("Five Regions, ONE deal")).toEqual(["5", "regions", "1", "deal"]);
    expect(sharedWords(wordKeys("a b c d"), wordKeys("a c d e"))).toBe(3);
    expect(sharedWords([], ["a"])).toBe(0);
  });
});
