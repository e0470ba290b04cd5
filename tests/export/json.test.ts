import { describe, expect, it } from "vitest";
import { formatJson } from "../../lib/export";
import { exportJsonSchema, makeData, NOW } from "./fixture";

describe("formatJson", () => {
  it("matches the contract exactly, with generatedAt from the given clock", () => {
    const doc = JSON.parse(formatJson(makeData(), NOW));
    const parsed = exportJsonSchema.parse(doc);
    expect(parsed.generatedAt).toBe("2026-03-04T12:30:00.000Z");
    expect(Object.keys(doc)).toEqual(["generatedAt", "stories", "articles", "flags"]);
    expect(Object.keys(doc.flags[0])).toEqual([
      "id", "storyId", "articleId", "outlet", "source", "kind", "severity", "confidence", "text", "start", "end",
      "speaker", "explanation", "evidence", "status", "note", "history",
    ]);
    expect(Object.keys(doc.flags[0].history[0])).toEqual(["at", "actor", "editor", "action", "fromStatus", "toStatus", "note"]);
    expect(Object.keys(doc.articles[0])).toEqual(["id", "storyId", "outlet", "source", "url", "title", "quotes"]);
  });

  it("keeps flag order, sources as given, evidence diffs and nulls", () => {
    const doc = exportJsonSchema.parse(JSON.parse(formatJson(makeData(), NOW)));
    expect(doc.flags.map((f) => f.id)).toEqual([11, 12, 13, 14]);
    expect(doc.flags[1].source).toBe("feed.jsonl#0");
    expect(doc.flags[0].evidence[0].diff).toEqual([
      { op: "equal", text: "We will build it" },
      { op: "delete", text: ", next year" },
    ]);
    expect(doc.flags[1].speaker).toBeNull();
    expect(doc.articles[0].url).toBeNull();
    expect(doc.articles[0].quotes[0]).toEqual({ text: "We will build it", start: 10, end: 26, speaker: "Mayor Ruiz" });
  });

  it("drops fields the contract does not name", () => {
    const data = makeData();
    (data.flags[0] as unknown as Record<string, unknown>).stale = true;
    (data.articles[0] as unknown as Record<string, unknown>).body = "secret body";
    const out = formatJson(data, NOW);
    expect(out).not.toMatch(/"stale":/);
    expect(out).not.toContain("secret body");
    expect(() => exportJsonSchema.parse(JSON.parse(out))).not.toThrow();
  });

  it("marks the analysis' events as system events, with no editor name, apart from an editor who called themselves parallax", () => {
    const doc = exportJsonSchema.parse(JSON.parse(formatJson(makeData(), NOW)));
    expect(doc.flags[1].history).toEqual([
      { at: "2026-03-02T10:00:00.000Z", actor: "editor", editor: "parallax", action: "status", fromStatus: "open", toStatus: "unsupported", note: null },
      { at: "2026-03-03T08:00:00.000Z", actor: "system", editor: null, action: "stale", fromStatus: "unsupported", toStatus: "unsupported", note: null },
    ]);
    // A system event loaded with a stored name still exports without it.
    const data = makeData();
    data.flags[1].history![1].editor = "parallax";
    expect(JSON.parse(formatJson(data, NOW)).flags[1].history[1].editor).toBeNull();
  });

  it("renders an empty export", () => {
    const doc = exportJsonSchema.parse(JSON.parse(formatJson({ stories: [], articles: [], flags: [] }, NOW)));
    expect(doc.flags).toEqual([]);
  });
});
