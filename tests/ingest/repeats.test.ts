import { describe, expect, it } from "vitest";
import { foldRepeats, formatCount, problemKind, problemReason, repeatLine, SHOWN_PER_KIND } from "@/lib/ingest/repeats";

describe("problemReason", () => {
  it("strips the naming source or input with its position", () => {
    expect(problemReason("a.jsonl:3: malformed JSON (Unexpected token)", ["a.jsonl#3", "a.jsonl"])).toBe("malformed JSON (Unexpected token)");
    expect(problemReason("a.json[2]: record has no body", ["a.json#2", "a.json"])).toBe("record has no body");
    expect(problemReason("https://h.example/x: timed out after 10 ms", ["https://h.example/x", "https://h.example/feed"])).toBe("timed out after 10 ms");
    expect(problemReason("something else", ["a.txt"])).toBe("something else");
  });
});

describe("foldRepeats", () => {
  it("shows the first few of each kind and counts the rest", () => {
    const reasons = [
      ...Array.from({ length: 5000 }, (_, i) => `malformed JSON (Unexpected token at position ${i})`),
      "record has no body",
      "record has no body",
    ];
    const { show, groups } = foldRepeats(reasons);
    expect(show.filter(Boolean).length).toBe(SHOWN_PER_KIND + 2);
    expect(show.slice(0, 4)).toEqual([true, true, true, false]);
    expect(groups).toEqual([{ kind: "malformed JSON ()", reason: "malformed JSON (Unexpected token at position 0)", count: 5000, hidden: 4997 }]);
    expect(repeatLine(groups[0], "records")).toBe("… and 4,997 more records failed for the same reason: malformed JSON (…)");
  });

  it("treats reasons differing only in numbers and details as one kind", () => {
    expect(problemKind("file is 6.0 MB, over the 5.0 MB limit (--max-bytes)")).toBe(problemKind("file is 7.5 MB, over the 5.0 MB limit (--max-bytes)"));
    expect(problemKind("HTTP 404 Not Found")).not.toBe(problemKind("timed out after 10 ms"));
  });

  it("formats counts with thousands separators", () => {
    expect([0, 999, 1000, 4995, 1234567].map(formatCount)).toEqual(["0", "999", "1,000", "4,995", "1,234,567"]);
  });
});
