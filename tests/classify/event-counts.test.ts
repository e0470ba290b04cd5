import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText } from "@/lib/types";

const art = (id: number, outlet: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Landslide derails freight train", body: paras.join("\n\n"), publishedAt: null, language: null,
});

const common = [
  "A landslide buried the valley railway before dawn on Tuesday and a freight train ran into the debris.",
  "The line will stay closed for at least three weeks, the operator said.",
];

describe("fact_conflict on counts of people, however the statements are worded", () => {
  it("the one outlet whose count of injured no other outlet gives is flagged medium, with the agreeing outlets as evidence", () => {
    const flags = analyzeStory([
      art(1, "Bell Wire", [...common, "The derailment left two crew members injured, the operator said."]),
      art(2, "Valley Courant", [...common, "Two crew members were injured when the train left the rails."]),
      art(3, "Rail Review", [...common, "The crash injured 2 people, both of them crew."]),
      art(4, "Schienenblatt", [...common, "Three people were injured, dead there were none."]),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => [f.articleId, f.severity])).toEqual([[4, "medium"]]);
    expect(flags[0].evidence.length).toBeGreaterThanOrEqual(2);
  });

  it("no dispute when the counts agree within a bound or a rounding, or when outlets disagree among themselves", () => {
    const run = (lines: string[]) => analyzeStory(lines.map((l, i) => art(i + 1, `Outlet ${"ABCD"[i]}`, [...common, l]))).flags.filter((f) => f.kind === "fact_conflict");
    expect(run(["The crash injured 30 people.", "Thirty people were injured in the crash.", "At least 27 people were injured in the crash."])).toEqual([]);
    expect(run(["The crash injured 30 people.", "Thirty people were injured in the crash.", "About 29 people were injured in the crash."])).toEqual([]);
    expect(run(["The crash injured 30 people.", "Twelve people were injured in the crash.", "The crash injured 19 people."])).toEqual([]);
  });
});
