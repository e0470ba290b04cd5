import { describe, expect, it } from "vitest";
import { cutPieces } from "../../app/lib/segments";

const body = "The mayor said <b>no</b> to the bridge plan on Monday.";

describe("cutPieces", () => {
  it("splits a range at span edges and keeps every character exactly once", () => {
    const pieces = cutPieces(body, 4, 40, [{ start: 10, end: 24, key: "a" }]);
    expect(pieces.map((p) => p.text).join("")).toBe(body.slice(4, 40));
    expect(pieces.filter((p) => p.marks.includes("a")).map((p) => p.text).join("")).toBe(body.slice(10, 24));
    // Markup in the body stays text: the renderer gets strings, never HTML.
    expect(pieces.some((p) => p.text.includes("<b>"))).toBe(true);
  });

  it("handles overlapping spans, clips to the range and ignores empty or inverted spans", () => {
    const pieces = cutPieces(body, 0, body.length, [
      { start: 0, end: 9, key: "x" },
      { start: 4, end: 14, key: "y" },
      { start: 30, end: 30, key: "empty" },
      { start: 20, end: 10, key: "inverted" },
      { start: 50, end: 500, key: "tail" },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(body);
    expect(pieces.find((p) => p.start === 4)!.marks).toEqual(["x", "y"]);
    expect(pieces.flatMap((p) => p.marks)).not.toContain("empty");
    expect(pieces.flatMap((p) => p.marks)).not.toContain("inverted");
    expect(pieces.at(-1)!.marks).toEqual(["tail"]);
  });

  it("survives ranges outside the body", () => {
    expect(cutPieces("abc", -5, 99, [])).toEqual([{ text: "abc", start: 0, marks: [] }]);
    expect(cutPieces("abc", 5, 2, [])).toEqual([]);
  });
});
