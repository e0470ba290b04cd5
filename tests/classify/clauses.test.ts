import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText, FlagDraft } from "@/lib/types";

const art = (id: number, outlet: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Bus operator collapses", body: paras.join("\n\n"), publishedAt: null, language: null,
});

const BASE = [
  "Harrow Coast Buses went into administration on Tuesday and withdrew half of its routes overnight.",
  "A rescue deal with an outside investor fell through last week, the company said.",
  "Drivers have not been paid their August wages, according to their union.",
];
const withLine = (line: string) => BASE.map((p, i) => (i === 1 ? line : p));

function clauseFlags(third: string[]): FlagDraft[] {
  const { flags } = analyzeStory([art(1, "North Wire", BASE), art(2, "Valley Courier", BASE), art(3, "Transit Letter", third)]);
  return flags.filter((f) => f.articleId === 3 && f.kind === "claim_added");
}

describe("added clauses: a reason or consequence riding on a carried statement", () => {
  it("flags the clause (low) when its words are new to the story, with the carrying outlets as evidence", () => {
    const line = "A rescue deal with an outside investor fell through last week after the investor balked at replacing the ageing fleet, the company said.";
    const f = clauseFlags(withLine(line));
    expect(f.map((x) => [x.text, x.severity])).toEqual([["after the investor balked at replacing the ageing fleet", "low"]]);
    expect(f[0].explanation).toContain("North Wire");
    expect(f[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
  });

  it("leaves a clause in the story's own words, and a clause that only dates something, alone", () => {
    expect(clauseFlags(withLine("A rescue deal with an outside investor fell through last week after the company withdrew half of its routes, the company said."))).toEqual([]);
    expect(clauseFlags(withLine("A rescue deal with an outside investor fell through last week, the first since the founders retired in 1998, the company said."))).toEqual([]);
  });
});

describe("a partly carried statement whose own words are new to the story", () => {
  const CARRIED = [
    "Harrow Coast Buses went into administration on Tuesday and withdrew half of its routes overnight.",
    "The union's regional organiser spoke to drivers outside the Harrow depot after the announcement.",
    "Drivers have not been paid their August wages, according to their union.",
  ];
  it("is a low claim_added on the statement, with the outlet that carries part of it as evidence, when two or more others lack those words", () => {
    const added = "A crowd of angry passengers waiting outside the Harrow depot jeered when the announcement was read out.";
    const { flags } = analyzeStory([art(1, "North Wire", CARRIED), art(2, "Valley Courier", CARRIED), art(3, "Transit Letter", CARRIED.map((p, i) => (i === 1 ? added : p)))]);
    const f = flags.filter((x) => x.articleId === 3 && x.kind === "claim_added");
    expect(f.map((x) => [x.text, x.severity])).toEqual([[added, "low"]]);
    expect(f[0].evidence).toHaveLength(1);
  });

  it("says nothing when only one other outlet covers the story: its own words may be only its wording", () => {
    const added = "A crowd of angry passengers waiting outside the Harrow depot jeered when the announcement was read out.";
    const { flags } = analyzeStory([art(1, "North Wire", CARRIED), art(3, "Transit Letter", CARRIED.map((p, i) => (i === 1 ? added : p)))]);
    expect(flags.filter((x) => x.articleId === 3 && x.kind === "claim_added")).toEqual([]);
  });
});
