import { describe, expect, it } from "vitest";
import { scorePairwise } from "@/lib/stories";

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
