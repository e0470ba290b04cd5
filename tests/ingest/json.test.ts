import { describe, expect, it } from "vitest";
import { parseJsonFile, parseJsonLines } from "@/lib/ingest";

describe("parseJsonFile", () => {
  it("reads a single object; source is the path", () => {
    const out = parseJsonFile(
      JSON.stringify({ headline: "Rates held", publisher: { name: "Money Times" }, link: "https://mt.example/r", datePublished: "2025-05-01", author: "K. Lee", lang: "en", text: "Rates held.\r\nMore text." }),
      "one.json",
    );
    expect(out.problems).toEqual([]);
    expect(out.articles[0]).toMatchObject({
      source: "one.json",
      title: "Rates held",
      outlet: "Money Times",
      url: "https://mt.example/r",
      publishedAt: "2025-05-01",
      byline: "K. Lee",
      language: "en",
      body: "Rates held.\nMore text.",
    });
  });

  it("reads an array of objects with path#N sources, paragraph arrays, and reports bad records", () => {
    const out = parseJsonFile(
      JSON.stringify([
        { title: "A", outlet: "X", content: ["First paragraph.", "Second paragraph."] },
        "not a record",
        { title: "C", site: "Y", url: "https://www.y.example/c" },
        { article: "Untitled story body line\nand more", source: "Z" },
      ]),
      "many.json",
    );
    expect(out.articles.map((a) => [a.source, a.title, a.outlet])).toEqual([
      ["many.json#1", "A", "X"],
      ["many.json#4", "Untitled story body line", "Z"],
    ]);
    expect(out.articles[0].body).toBe("First paragraph.\n\nSecond paragraph.");
    expect(out.problems.map((p) => p.message)).toEqual([
      "many.json[2]: expected an object, got a string",
      "many.json[3]: no body text (expected a body, text, content or article field)",
    ]);
  });

  it("reports malformed JSON", () => {
    const out = parseJsonFile("{oops", "bad.json");
    expect(out.articles).toEqual([]);
    expect(out.problems[0].message).toMatch(/^bad\.json: malformed JSON \(/);
  });

  it("falls back to the url host, then the file name, for the outlet", () => {
    const out = parseJsonFile(JSON.stringify([{ title: "a", body: "b", url: "https://www.host.example/x" }, { title: "c", body: "d" }]), "dir/feed-dump.json");
    expect(out.articles.map((a) => a.outlet)).toEqual(["host.example", "feed-dump"]);
  });
});

describe("parseJsonLines", () => {
  it("stores good lines and reports a malformed line by its number", () => {
    const text = [
      JSON.stringify({ title: "One", outlet: "X", body: "Body one." }),
      "",
      "{not json",
      JSON.stringify({ title: "Two", outlet: "Y", body: "Body two." }),
    ].join("\n");
    const out = parseJsonLines(text, "in.jsonl");
    expect(out.articles.map((a) => [a.source, a.title])).toEqual([
      ["in.jsonl#1", "One"],
      ["in.jsonl#4", "Two"],
    ]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].source).toBe("in.jsonl#3");
    expect(out.problems[0].message).toMatch(/^in\.jsonl:3: malformed JSON \(.+\)$/);
  });
});
