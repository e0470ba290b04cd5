import { describe, expect, it } from "vitest";
import { alignStory, MAX_COUNTERPARTS, selectCounterparts } from "@/lib/align";
import { classifyStory } from "@/lib/classify";
import { makeArticle } from "../classify/make";

describe("counterparts", () => {
  it("never compares an outlet with itself and caps comparisons in a very large story", () => {
    const body = ["The council closed the harbour bridge on Tuesday after engineers found cracks in two support beams.", "“We cannot take risks with public safety,” said Mayor Anna Varga."];
    const many = Array.from({ length: 40 }, (_, i) => makeArticle(i + 1, body, { outlet: `Outlet ${i % 20}` }));
    const al = alignStory(many);
    for (let ai = 0; ai < many.length; ai++) {
      expect(al.counterparts[ai].length).toBeLessThanOrEqual(MAX_COUNTERPARTS);
      for (const bi of al.counterparts[ai]) expect(many[bi].article.outlet).not.toBe(many[ai].article.outlet);
      expect(al.quotes[ai][0]).toHaveLength(al.counterparts[ai].length);
    }
    // The nearest articles are chosen, deterministically.
    expect(selectCounterparts(many, 0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    // Identical coverage everywhere: nothing to flag.
    expect(classifyStory(al).filter((f) => f.severity !== "low")).toEqual([]);
  });
});
