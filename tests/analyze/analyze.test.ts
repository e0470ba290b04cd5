import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import type { ArticleText } from "@/lib/types";

const art = (id: number, outlet: string, body: string): ArticleText => ({ id, outlet, source: `${outlet}.txt`, title: body.split("\n")[0], body, publishedAt: null, language: "en" });

describe("analyzeArticle / analyzeStory", () => {
  it("extracts segments, quotes and claims with offsets into the body", () => {
    const body = "Bridge closed\n\nThe council closed the bridge on Tuesday after engineers found cracks.\n\n“We cannot take risks with public safety,” said Mayor Anna Varga.";
    const a = analyzeArticle(art(1, "A", body));
    expect(a.segmentation.sentences.length).toBeGreaterThan(0);
    for (const q of a.quotes) expect(body.slice(q.start, q.end)).toBe(q.text);
    for (const c of a.claims) expect(body.slice(c.start, c.end)).toBe(c.text);
  });

  it("a single-article story yields no flags, and results do not depend on input order", () => {
    const x = art(1, "A", "Bridge closed\n\nThe council closed the bridge on Tuesday after engineers found cracks in two beams.");
    const y = art(2, "B", "Bridge shut\n\nEngineers found cracks in two beams, so the council shut the bridge on Tuesday. Shops nearby fear a long winter.");
    expect(analyzeStory([x]).flags).toEqual([]);
    expect(analyzeStory([y, x])).toEqual(analyzeStory([x, y]));
  });

  it("refuses the same article twice with a precise message", () => {
    const x = art(1, "A", "Text body here.");
    expect(() => analyzeStory([x, x])).toThrow(/article 1 given twice/);
  });
});

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
describe.skipIf(!fs.existsSync(SEEDS))("the five seed articles (skipped: ../shared/seeds absent)", () => {
  const files = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort() : [];
  const arts = files.map((f, i) => {
    const body = fs.readFileSync(path.join(SEEDS, f), "utf8");
    return { id: i + 1, outlet: f.slice(0, 3), source: f, title: body.split("\n")[0], body, publishedAt: null, language: "en" };
  });
  const result = files.length ? analyzeStory(arts) : { flags: [], analyses: [], alignments: [] };
  const flags = result.flags;
  const on = (outlet: string, kind: string) => flags.filter((f) => f.kind === kind && arts.find((a) => a.id === f.articleId)!.outlet === outlet);

  it("004: the call-out expert quote is unattested at medium or high, and the reader-advice list is an added structure", () => {
    const u = on("004", "quote_unattested");
    expect(u.some((f) => f.severity !== "low")).toBe(true);
    const s = on("004", "structure_added");
    expect(s.some((f) => /means for you/i.test(f.text) && f.severity === "high")).toBe(true);
  });

  it("003: the reworded Zelensky quote is one high quote_paraphrased flag that also names the cut", () => {
    const para = on("003", "quote_paraphrased").filter((f) => /indeed crucial/.test(f.text));
    expect(para).toHaveLength(1);
    expect(para[0].severity).toBe("high");
    expect(para[0].explanation).toMatch(/cut short/);
    // One flag per divergence: the cut is not flagged again on the same words.
    expect(on("003", "quote_truncated").some((f) => /indeed crucial/.test(f.text))).toBe(false);
    // The side carrying the other wording is better corroborated and is not flagged for it.
    expect(on("000", "quote_paraphrased").some((f) => /It is important that America/.test(f.text))).toBe(false);
  });

  it("000/001: the Fox News sentence quoted with different words is flagged", () => {
    const p = [...on("000", "quote_paraphrased"), ...on("001", "quote_paraphrased")];
    expect(p.some((f) => /potentially prepared/.test(f.text))).toBe(true);
  });

  it("003 and 004 add FAQ-style blocks (high)", () => {
    expect(on("003", "structure_added").some((f) => /^Frequently Asked Questions/.test(f.text) && f.severity === "high")).toBe(true);
    expect(on("004", "structure_added").some((f) => /^People Also Ask/.test(f.text) && f.severity === "high")).toBe(true);
  });

  it("nothing is flagged in page chrome, and the honest outlets carry no high flag except the disputed quote", () => {
    for (const f of flags) expect(f.text).not.toMatch(/Source link|Related Posts|1 of 82|Bu haberi|Please contact us for subscription|The case is being updated/);
    for (const a of result.analyses) {
      for (const f of flags.filter((x) => x.articleId === a.article.id)) {
        const blocks = a.segmentation.blocks.filter((b) => b.start < f.end && f.start < b.end);
        expect(blocks.every((b) => !b.boilerplate)).toBe(true);
      }
    }
    const honestHigh = flags.filter((f) => ["000", "001", "002"].includes(arts.find((a) => a.id === f.articleId)!.outlet) && f.severity === "high");
    expect(honestHigh.every((f) => f.kind === "quote_paraphrased")).toBe(true);
  });

  it("every flag has a readable explanation, a 0..1 confidence and a unique fingerprint", () => {
    const fps = new Set(flags.map((f) => f.fingerprint));
    expect(fps.size).toBe(flags.length);
    for (const f of flags) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.explanation.length).toBeGreaterThan(20);
      const body = arts.find((a) => a.id === f.articleId)!.body;
      expect(body.slice(f.start, f.end).startsWith(f.text.slice(0, 50))).toBe(true);
    }
  });
});
