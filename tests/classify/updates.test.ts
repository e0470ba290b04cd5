import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText } from "@/lib/types";

const art = (id: number, outlet: string, publishedAt: string | null, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Storm closes harbour road", body: paras.join("\n\n"), publishedAt, language: null,
});

const base = (toll: string) => [
  `A storm that swept across the Lindmoor coast on Tuesday left ${toll} people injured and closed the harbour road for the night, police said.`,
  "Council crews were clearing fallen trees from the coast road on Wednesday morning.",
  "The harbour master said the ferry service would resume once the wind dropped below gale force.",
];

describe("fact_conflict: a later figure is an update, an earlier one a conflict", () => {
  it("a different figure published a day after the others is medium and says it may be an update", () => {
    const flags = analyzeStory([
      art(1, "Coast Herald", "2026-03-03T08:00:00Z", base("14")),
      art(2, "Lindmoor Post", "2026-03-03T09:00:00Z", base("14")),
      art(3, "Evening Wire", "2026-03-04T10:00:00Z", base("19")),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([3]);
    expect(flags[0].severity).toBe("medium");
    expect(flags[0].explanation).toMatch(/possibly an update/);
  });

  it("the same figure published at the same time is a high conflict", () => {
    const flags = analyzeStory([
      art(1, "Coast Herald", "2026-03-03T08:00:00Z", base("14")),
      art(2, "Lindmoor Post", "2026-03-03T09:00:00Z", base("14")),
      art(3, "Evening Wire", "2026-03-03T09:30:00Z", base("19")),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([3]);
    expect(flags[0].severity).toBe("high");
  });
});
