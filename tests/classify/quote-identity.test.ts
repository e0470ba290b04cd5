import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import { spellingSimilarity } from "@/lib/classify/rewording";
import type { ArticleText, FlagDraft } from "@/lib/types";

describe("spellingSimilarity", () => {
  it("is 1 for the same word and for the same letters with punctuation", () => {
    expect(spellingSimilarity("harbour", "harbour")).toBe(1);
    expect(spellingSimilarity("IRS", "I.R.S.")).toBe(1);
  });

  it("is high for transliterations and spelling variants, at or above the 0.5 threshold", () => {
    expect(spellingSimilarity("Gadhafi", "Qaddafi")).toBeGreaterThanOrEqual(0.5);
    expect(spellingSimilarity("Zelenskyy", "Zelensky")).toBeGreaterThan(0.8);
    expect(spellingSimilarity("organisation", "organization")).toBeGreaterThan(0.7);
  });

  it("is low for different words", () => {
    expect(spellingSimilarity("tunnel", "bridge")).toBe(0);
    expect(spellingSimilarity("inspection", "check")).toBeLessThan(0.5);
  });

  it("is symmetric", () => {
    expect(spellingSimilarity("colour", "color")).toBe(spellingSimilarity("color", "colour"));
  });

  it("is 0 when a side has no bigram", () => {
    expect(spellingSimilarity("a", "b")).toBe(0);
    expect(spellingSimilarity("", "tunnel")).toBe(0);
  });
});

const art = (id: number, outlet: string, title: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title, body: paras.join("\n\n"), publishedAt: null, language: null,
});

const QUOTE = "We will not reopen the northern tunnel until every inspection has been completed";

function story(quote: string): string[] {
  return [
    "The northern rail tunnel under the Varn estuary will stay closed for at least another month, the transport ministry announced on Wednesday.",
    "Inspectors found water leaking through the concrete lining near the southern portal last week.",
    `“${quote},” Transport Minister Elena Dravik told reporters in the capital.`,
    "About 22,000 commuters used the tunnel every weekday before it was closed.",
    "Replacement buses are running between the two stations every ten minutes.",
  ];
}

/** Two outlets carry QUOTE verbatim; a third carries `third`. */
function flagsWithThird(third: string): FlagDraft[] {
  return analyzeStory([
    art(1, "Harbor Daily", "Tunnel stays shut for another month", story(QUOTE)),
    art(2, "Coast Wire", "Estuary tunnel closure extended", story(QUOTE)),
    art(3, "Metro Post", "Varn tunnel closed until inspections end", story(third)),
  ]).flags;
}
const paraphrased = (flags: FlagDraft[]) => flags.filter((f) => f.kind === "quote_paraphrased");

describe("quote identity: which versions are one quote reworded", () => {
  it("a one-word swap inside the quote by the same named speaker is quote_paraphrased, high, on the outlet that changed it", () => {
    const flags = flagsWithThird("We will not reopen the northern tunnel until every check has been completed");
    const p = paraphrased(flags);
    expect(p).toHaveLength(1);
    expect(p[0].articleId).toBe(3);
    expect(p[0].severity).toBe("high");
    expect(p[0].text).toContain("every check");
    expect(p[0].speaker).toBe("Elena Dravik");
    expect(p[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
  });

  it("one outlet against one, nothing showing which version is the original: each side is flagged, medium, and says so", () => {
    const flags = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut for another month", story(QUOTE)),
      art(3, "Metro Post", "Varn tunnel closed until inspections end", story("We will not reopen the northern tunnel until every check has been completed")),
    ]).flags;
    const p = paraphrased(flags);
    expect(p.map((f) => [f.articleId, f.severity])).toEqual([[1, "medium"], [3, "medium"]]);
    for (const f of p) expect(f.explanation).toContain("no other outlet shows which version is the original");
    // Publication order decides: the later version is the changed one, high.
    const dated = analyzeStory([
      { ...art(1, "Harbor Daily", "Tunnel stays shut for another month", story(QUOTE)), publishedAt: "2026-03-04T09:00:00Z" },
      { ...art(3, "Metro Post", "Varn tunnel closed until inspections end", story("We will not reopen the northern tunnel until every check has been completed")), publishedAt: "2026-03-04T15:00:00Z" },
    ]).flags;
    expect(paraphrased(dated).map((f) => [f.articleId, f.severity])).toEqual([[3, "high"]]);
  });

  it("a heavy rewording by the same named speaker, against a wording two outlets carry, is quote_paraphrased", () => {
    // Most words changed and many added; the content (reopen, northern, tunnel, inspection) kept in its order.
    const reworded = "Nobody in this ministry reopens that northern tunnel of ours for a single passenger train before the very last inspection team has finished its report and signed it off";
    const p = paraphrased(flagsWithThird(reworded));
    expect(p).toHaveLength(1);
    expect(p[0].articleId).toBe(3);
    // With only one outlet carrying the original, the two could be different passages: not paired.
    const two = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut for another month", story(QUOTE)),
      art(3, "Metro Post", "Varn tunnel closed until inspections end", story(reworded)),
    ]).flags;
    expect(paraphrased(two)).toEqual([]);
    // The same words in another order are another statement on the subject, not this one reworded.
    const other = "Every inspection so far has been completed on time, and the northern tunnel will not reopen by itself";
    expect(paraphrased(flagsWithThird(other)).filter((f) => f.severity === "high")).toEqual([]);
  });

  it("in a quote of several sentences, the flag marks the sentence whose words changed", () => {
    const second = "Passengers will be told the new date as soon as we have it";
    const two = (first: string) => `${first}. ${second}`;
    const flags = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut for another month", story(two(QUOTE))),
      art(2, "Coast Wire", "Estuary tunnel closure extended", story(two(QUOTE))),
      art(3, "Metro Post", "Varn tunnel closed until inspections end", story(two("We will not reopen the northern tunnel until every check has been completed"))),
    ]).flags;
    const p = paraphrased(flags);
    expect(p).toHaveLength(1);
    expect(p[0].text).toBe("We will not reopen the northern tunnel until every check has been completed.");
    expect(p[0].text).not.toContain("Passengers");
  });

  it("the same quote verbatim everywhere yields no quote flag", () => {
    const flags = flagsWithThird(QUOTE);
    expect(flags.filter((f) => f.kind.startsWith("quote_") || f.kind === "attribution_conflict")).toEqual([]);
  });

  it("an excerpt (a shorter piece of the same quote) is not a paraphrase", () => {
    const { analyses, flags } = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut for another month", story(QUOTE)),
      art(2, "Coast Wire", "Estuary tunnel closure extended", story("until every inspection has been completed")),
    ]);
    // Both outlets quote the same named speaker: the excerpt is a real candidate.
    expect(analyses.map((a) => a.quotes.map((q) => q.speaker))).toEqual([["Elena Dravik"], ["Elena Dravik"]]);
    expect(paraphrased(flags)).toEqual([]);
  });

  it("an excerpt of the opening words is not a paraphrase either", () => {
    const flags = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut for another month", story(QUOTE)),
      art(2, "Coast Wire", "Estuary tunnel closure extended", story("We will not reopen the northern tunnel")),
    ]).flags;
    expect(paraphrased(flags)).toEqual([]);
  });

  it("a heavily reworded version by the same speaker is quote_paraphrased on the outlet that reworded it", () => {
    const flags = flagsWithThird("We are not going to reopen the tunnel in the north before the inspections are all complete");
    const p = paraphrased(flags);
    expect(p).toHaveLength(1);
    expect(p[0].articleId).toBe(3);
    expect(p[0].text).toContain("We are not going to reopen the tunnel in the north");
  });

  it("a reordered version that keeps most words (back-translation) is quote_paraphrased", () => {
    const p = paraphrased(flagsWithThird("We will not open the northern tunnel again before every inspection is finished"));
    expect(p.map((f) => f.articleId)).toEqual([3]);
  });

  it("a passive back-translation sharing only a 3-word run is recognised as the same quote reworded (quote_paraphrased)", () => {
    const p = paraphrased(flagsWithThird("The northern tunnel will not be reopened by us until all inspections have been carried out"));
    expect(p.map((f) => f.articleId)).toEqual([3]);
  });

  it("a different quote by the same speaker on another subject is not a paraphrase", () => {
    const flags = flagsWithThird("Our ministry is buying forty new electric buses for the coastal towns next year");
    expect(paraphrased(flags)).toEqual([]);
    // It is a quote nobody else carries instead.
    expect(flags.filter((f) => f.kind === "quote_unattested").map((f) => f.articleId)).toEqual([3]);
  });
});

describe("quote identity: numbers and capitals written differently", () => {
  const base = "We will reopen the northern tunnel in twenty-five days once all five inspections have been completed";
  it.each([
    ["digits for number words", "We will reopen the northern tunnel in 25 days once all 5 inspections have been completed"],
    ["capitals only", "We Will Reopen the Northern Tunnel in Twenty-Five Days once all Five inspections have been completed"],
    ["number words spaced instead of hyphenated", "We will reopen the northern tunnel in twenty five days once all five inspections have been completed"],
  ])("%s is not a rewording", (_what, other) => {
    const flags = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut", story(base)),
      art(2, "Coast Wire", "Tunnel closure extended", story(other)),
    ]).flags;
    expect(flags.filter((f) => f.kind === "quote_paraphrased" || f.kind === "claim_added" || f.kind === "fact_conflict")).toEqual([]);
  });

  it("a different number in words is still a change of substance", () => {
    const flags = analyzeStory([
      art(1, "Harbor Daily", "Tunnel stays shut", story(base)),
      art(2, "Coast Wire", "Tunnel closure extended", story(base)),
      art(3, "Metro Post", "Tunnel closed", story(base.replace("twenty-five", "thirty-five"))),
    ]).flags;
    const changed = flags.filter((f) => f.kind === "quote_paraphrased" || f.kind === "fact_conflict");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((f) => f.text.includes("thirty-five"))).toBe(true);
  });
});

describe("quote identity: the forms of one word and of one stem count as shared content", () => {
  it("a heavy rewording by the same named speaker that keeps 'ask' as 'asking' and 'province' as 'provincial' is the same quote, reworded", () => {
    const said = (q: string) => [
      "The city council voted 8-5 on Tuesday to close two branch libraries to fill a hole in next year's budget.",
      `${q} Mayor Hester Quillon told reporters after the vote.`,
      "About 4,900 residents had signed a petition against the closures.",
    ];
    const original = "“This is not the decision I wanted to make, but it is the responsible one. If the province restores our funding, I will ask this council to reopen those doors,”";
    const reworded = "“This was never the outcome I hoped for, but it was the responsible call, and the moment provincial money comes back I'll be asking council to reopen those branches,”";
    const { flags } = analyzeStory([
      art(1, "North Wire", "Libraries to close", said(original)),
      art(2, "City Ledger", "Two libraries will close", said(original)),
      art(3, "Daily Digest", "Council shuts libraries", said(reworded)),
    ]);
    const p = flags.filter((f) => f.kind === "quote_paraphrased");
    // (Every fact kept, its figures unchanged: a heavy rewording of phrasing is medium.)
    expect(p.map((f) => [f.articleId, f.severity])).toEqual([[3, "medium"]]);
    expect(flags.filter((f) => f.articleId === 3 && f.kind === "quote_unattested")).toEqual([]);
  });
});
