import { describe, expect, it } from "vitest";
import { words, wordsUpTo } from "@/lib/quotes/util";

describe("wordsUpTo", () => {
  it("agrees with words() up to its limit and stops one past it", () => {
    for (const s of ["", "  ", "Mayor Ruiz said", "— “", "one, two; three — four 5"]) {
      for (const max of [0, 1, 2, 3, 10]) expect(wordsUpTo(s, max), `${s} / ${max}`).toBe(Math.min(words(s), max + 1));
    }
  });

  it("reads a long text only as far as it needs", () => {
    const long = "word ".repeat(200_000);
    expect(wordsUpTo(long, 1)).toBe(2);
    expect(wordsUpTo(long, 25)).toBe(26);
  });
});
