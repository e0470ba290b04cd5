import { describe, expect, it } from "vitest";
import { withinEdits } from "@/lib/text";

describe("withinEdits", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(withinEdits("parris island", "paris island", 1)).toBe(true);
    expect(withinEdits("paris island", "parris island", 0)).toBe(false);
    expect(withinEdits("kitten", "sitting", 3)).toBe(true);
    expect(withinEdits("kitten", "sitting", 2)).toBe(false);
    expect(withinEdits("", "abc", 3)).toBe(true);
    expect(withinEdits("abc", "", 2)).toBe(false);
    expect(withinEdits("same", "same", 0)).toBe(true);
  });

  it("different names are far apart", () => {
    expect(withinEdits("hethermouth", "rooksby", 3)).toBe(false);
  });

  it("bounds its work: past the longest name compared, different strings are different", () => {
    const long = "a".repeat(10_000);
    expect(withinEdits(long, long + "b", 1)).toBe(false);
    expect(withinEdits(long, long, 0)).toBe(true);
  });

  it("throws on a meaningless limit", () => {
    expect(() => withinEdits("a", "b", -1)).toThrow(/edits must be/);
    expect(() => withinEdits("a", "b", 0.5)).toThrow(/edits must be/);
  });
});
