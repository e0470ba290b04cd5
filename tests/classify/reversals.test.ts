import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText, FlagDraft } from "@/lib/types";

const art = (id: number, outlet: string, title: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title, body: paras.join("\n\n"), publishedAt: null, language: null,
});

const BASE = [
  "A recycling plant on the edge of Corvale will close in the spring after its owner lost the municipal waste contract, the company said on Monday.",
  "The plant sorts glass, paper and plastic collected from households across the district.",
  "Forty-two workers will be offered jobs at the company's other site in Brannock.",
  "The district council said a new contractor would take over collections from April.",
];
const swap = (i: number, text: string) => BASE.map((p, k) => (k === i ? text : p));

function flags(c: string[]): FlagDraft[] {
  return analyzeStory([
    art(1, "North Ledger", "Corvale recycling plant to close", BASE),
    art(2, "Valley Times", "Recycling plant in Corvale shuts in spring", BASE),
    art(3, "Quick News", "Corvale plant closing", c),
  ]).flags;
}
const conflicts = (fs: FlagDraft[]) => fs.filter((f) => f.kind === "fact_conflict");

describe("reversals: the same statement with its meaning turned", () => {
  it("a negation added in an otherwise identical sentence is a high fact_conflict on that sentence", () => {
    const negated = "The district council said a new contractor would not take over collections from April.";
    const f = conflicts(flags(swap(3, negated))).filter((x) => x.articleId === 3);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("high");
    expect(f[0].text).toBe(negated);
    expect(f[0].explanation).toContain("would not take");
    expect(f[0].explanation).toMatch(/negation/);
    expect(f[0].evidence.map((e) => e.articleId)).toContain(1);
  });

  it("a 'without' phrase left out is a qualifier dropped, not a negation; 'with' turned into 'without' is", () => {
    const base = "Forty-two workers will be offered jobs without conditions at the company's other site in Brannock.";
    const three = (c: string) => conflicts(analyzeStory([
      art(1, "North Ledger", "Corvale recycling plant to close", swap(2, base)),
      art(2, "Valley Times", "Recycling plant in Corvale shuts in spring", swap(2, base)),
      art(3, "Quick News", "Corvale plant closing", swap(2, c)),
    ]).flags).filter((x) => x.articleId === 3);
    expect(three("Forty-two workers will be offered jobs at the company's other site in Brannock.")).toEqual([]);
    expect(three("Forty-two workers will be offered jobs with conditions at the company's other site in Brannock.").map((x) => x.severity)).toEqual(["high"]);
  });

  it("a negation one outlet of three adds is flagged only on that outlet, not on the two that agree", () => {
    const negated = "The district council said a new contractor would not take over collections from April.";
    const f = conflicts(flags(swap(3, negated)));
    expect(f.map((x) => x.articleId)).toEqual([3]);
  });

  it("a word swapped for its opposite is a fact_conflict", () => {
    const c = swap(0, "A recycling plant on the edge of Corvale will open in the spring after its owner lost the municipal waste contract, the company said on Monday.");
    const f = conflicts(flags(c)).filter((x) => x.articleId === 3);
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toMatch(/opposite/);
  });

  it("a word swapped for its negating-prefix form (\"regular\" / \"irregular\") is a fact_conflict", () => {
    const base = swap(1, "The plant sorts glass, paper and plastic on a regular schedule for households across the district.");
    const c = swap(1, "The plant sorts glass, paper and plastic on an irregular schedule for households across the district.");
    const f = analyzeStory([
      art(1, "North Ledger", "Corvale recycling plant to close", base),
      art(2, "Valley Times", "Recycling plant in Corvale shuts in spring", base),
      art(3, "Quick News", "Corvale plant closing", c),
    ]).flags.filter((x) => x.kind === "fact_conflict");
    expect(f.map((x) => x.articleId)).toEqual([3]);
    expect(f[0].explanation).toMatch(/opposite/);
  });

  it("identical sentences yield no fact_conflict", () => {
    expect(conflicts(flags(BASE))).toEqual([]);
  });

  it("rewording that keeps the meaning yields no fact_conflict", () => {
    const c = swap(3, "From April a new contractor would take over the collections, the district council said.");
    expect(conflicts(flags(c))).toEqual([]);
  });
});

describe("reversals: a statement ruled untrue in the writer's own voice", () => {
  const ruled = "The claim that forty-two workers will be offered jobs at the company's other site in Brannock is completely false.";

  it("a statement the other outlets give as fact, ruled false crediting nobody, is a medium fact_conflict on the ruling outlet, citing a carrier", () => {
    const fs = flags(swap(2, ruled));
    const f = conflicts(fs).filter((x) => x.articleId === 3);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("medium");
    expect(f[0].text).toBe(ruled);
    expect(f[0].explanation).toContain("completely false");
    expect(f[0].evidence[0].text).toContain("Forty-two workers will be offered jobs");
    expect(conflicts(fs).filter((x) => x.articleId !== 3)).toEqual([]);
  });

  it("a ruling credited to someone is reporting, and a ruling the carrying outlet makes too is shared: neither is flagged", () => {
    const credited = "The claim that forty-two workers will be offered jobs at the company's other site in Brannock is false, the union's regional secretary said.";
    expect(conflicts(flags(swap(2, credited)))).toEqual([]);
    const both = "The claim that forty-two workers will be offered jobs at the company's other site in Brannock is false.";
    const shared = analyzeStory([
      art(1, "North Ledger", "Corvale recycling plant to close", swap(2, "Reports that forty-two workers will be offered jobs at the company's other site in Brannock are untrue.")),
      art(3, "Quick News", "Corvale plant closing", swap(2, both)),
    ]).flags;
    expect(conflicts(shared)).toEqual([]);
  });
});
