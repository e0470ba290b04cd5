import { describe, expect, it } from "vitest";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import { alignStory } from "@/lib/align";
import { classifyCountedThings } from "@/lib/classify/counted";
import type { ArticleText, FlagDraft } from "@/lib/types";

const art = (id: number, outlet: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Fire at Marlow paint works", body: paras.join("\n\n"), publishedAt: null, language: null,
});
const OPEN = "A fire broke out at the Marlow paint works before dawn on Tuesday, and black smoke spread over the valley.";
const CLOSE = "The fire service said the cause was not yet known and that an investigation had begun.";
const story = (counted: string) => [OPEN, counted, CLOSE];
const conflicts = (flags: FlagDraft[]) => flags.filter((f) => f.kind === "fact_conflict");

describe("counted things: how many of a thing, across the story", () => {
  it("flags the outlet whose count of a thing no other outlet gives, against one count two others agree on, medium, however the statements are worded", () => {
    const f = conflicts(analyzeStory([
      art(1, "North Wire", story("Police went door to door to clear nine streets within half a mile of the paint works, in Brindle Flats.")),
      art(2, "Valley Courier", story("Nine streets in Brindle Flats around the paint works were cleared by police.")),
      art(3, "Ward Report", story("About 1,100 inhabitants from nineteen streets around the paint works in Brindle Flats had to leave their homes.")),
    ]).flags);
    expect(f.map((x) => [x.articleId, x.severity])).toEqual([[3, "medium"]]);
    expect(f[0].explanation).toContain("nineteen streets");
    expect(f[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
  });

  it("leaves alone a count the others give in other words, a bound, another group of the noun, and counts of people or of time", () => {
    const three = (c: string, a = "Police went door to door to clear nine streets within half a mile of the paint works, in Brindle Flats.") =>
      conflicts(analyzeStory([art(1, "North Wire", story(a)), art(2, "Valley Courier", story(a)), art(3, "Ward Report", story(c))]).flags);
    // The same count as a bare number elsewhere ("19 of them").
    expect(three("Residents of nineteen streets around the paint works in Brindle Flats left.", "Police cleared nine streets within half a mile of the paint works in Brindle Flats, 19 of them in all by noon.")).toEqual([]);
    // A floor holds the other count.
    expect(three("Residents of more than six streets around the paint works in Brindle Flats had to leave.")).toEqual([]);
    // Another group of streets, in a statement that shares nothing with theirs.
    expect(three("The town has twelve streets of listed cottages, a museum said.")).toEqual([]);
  });

  it("people and days are not things counted once (counts of people have their own reading)", () => {
    const people = "About 300 people near the paint works in Brindle Flats had to leave for three days.";
    const arts = [art(1, "North Wire", story(people)), art(2, "Valley Courier", story(people)), art(3, "Ward Report", story("About 400 people near the paint works in Brindle Flats had to leave for four days."))];
    const al = alignStory(arts.map((a) => analyzeArticle(a)));
    expect(classifyCountedThings(al, 2)).toEqual([]);
    const streets = "Police cleared nine streets near the paint works in Brindle Flats.";
    const al2 = alignStory([art(1, "North Wire", story(streets)), art(2, "Valley Courier", story(streets)), art(3, "Ward Report", story("Police cleared eleven streets near the paint works in Brindle Flats."))].map((a) => analyzeArticle(a)));
    expect(classifyCountedThings(al2, 2)).toHaveLength(1);
  });
});
