import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/analyze";
import { alignStory } from "@/lib/align";
import { COPY_SHARE, DERIVED_SHARE, carriedShares, copiedShares, findCopies, findDerivations } from "@/lib/classify/derivation";
import { classifyStory } from "@/lib/classify";
import type { ArticleText } from "@/lib/types";

const art = (id: number, outlet: string, title: string, paras: string[], publishedAt: string | null = null): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title, body: paras.join("\n\n"), publishedAt, language: null,
});

const LONG = [
  "Heavy rain flooded the lower town of Mirefield on Thursday night after the river Aske burst its banks in two places.",
  "Emergency crews evacuated residents of about 300 homes near the old mill bridge before midnight.",
  "The regional weather service said more rain was expected over the weekend across the northern valleys.",
  "Schools in Mirefield and two neighbouring villages will remain closed until Monday at the earliest.",
  "The town council opened its sports hall as a shelter for families who could not stay with relatives.",
  "Engineers will inspect the flood barriers along the river once the water level drops.",
  "Local shop owners said the water reached the counters of several businesses on the high street.",
];
// Copies four of the long article's seven sentences and adds nothing.
const SHORT = [LONG[0], LONG[1], LONG[3], LONG[4]];
const INDEPENDENT = [
  "Families in Mirefield spent the night in a sports hall after floodwater swept through the lower town.",
  "Firefighters used boats to reach elderly residents trapped on upper floors, a fire service spokesman said.",
  "Farmers upstream reported losing livestock as fields turned into lakes within hours.",
  "Insurers said claims from the area were likely to rise sharply over the coming weeks.",
];

const derive = (articles: ArticleText[]) => {
  const al = alignStory(articles.map((a) => analyzeArticle(a)));
  return { al, derivations: findDerivations(al) };
};

describe("findDerivations", () => {
  it("a short article that copies most of a longer one is derived from it; the longer one is not derived", () => {
    const { derivations } = derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(2, "Quick Wire", "Mirefield flooded", SHORT)]);
    expect(derivations[1].source).toBe(0);
    expect(derivations[1].share).toBeGreaterThanOrEqual(DERIVED_SHARE);
    expect(derivations[1].share).toBeCloseTo(1, 5);
    expect(derivations[0].source).toBeNull();
  });

  it("carriedShares is asymmetric for a copy: the source carries all of it, it carries part of the source", () => {
    const { al } = derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(2, "Quick Wire", "Mirefield flooded", SHORT)]);
    const share = carriedShares(al);
    expect(share[1][0]).toBeCloseTo(1, 5);
    expect(share[0][1]).toBeCloseTo(4 / 7, 5);
  });

  it("two independent articles about the same event are original reporting", () => {
    const { derivations } = derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(3, "Coast Echo", "Mirefield flood", INDEPENDENT)]);
    expect(derivations.map((d) => d.source)).toEqual([null, null]);
  });

  it("an independent article beside a copy stays original; the copy still points to its source", () => {
    const { derivations } = derive([
      art(1, "Dale Herald", "Flooding in Mirefield", LONG),
      art(2, "Quick Wire", "Mirefield flooded", SHORT),
      art(3, "Coast Echo", "Mirefield flood", INDEPENDENT),
    ]);
    expect(derivations.map((d) => d.source)).toEqual([null, 0, null]);
  });

  it("two identical articles: no direction without publication times; the later one is derived when times are known", () => {
    const same = derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(2, "Copy Desk", "Flooding in Mirefield", LONG)]);
    expect(same.derivations.map((d) => d.source)).toEqual([null, null]);
    const timed = derive([
      art(1, "Dale Herald", "Flooding in Mirefield", LONG, "2026-03-05T22:10:00Z"),
      art(2, "Copy Desk", "Flooding in Mirefield", LONG, "2026-03-06T07:45:00Z"),
    ]);
    expect(timed.derivations.map((d) => d.source)).toEqual([null, 0]);
  });

  it("a copy published before its supposed source is not derived from it", () => {
    const { derivations } = derive([
      art(1, "Dale Herald", "Flooding in Mirefield", LONG, "2026-03-06T09:00:00Z"),
      art(2, "Quick Wire", "Mirefield flooded", SHORT, "2026-03-05T21:00:00Z"),
    ]);
    expect(derivations[1].source).toBeNull();
  });
});

// Copies four of the long article's sentences word for word and inserts one statement the source lacks.
const INSERTED = "Volunteers collected more than two tonnes of donated food and clothing at the church on Friday.";
const COPY_WITH_INSERT = [LONG[0], LONG[1], INSERTED, LONG[3], LONG[4]];

describe("findCopies: an article that reproduces another's sentences word for word", () => {
  it("a partial copy points to the article it copies; the source and an independent article copy nothing", () => {
    const { al } = derive([
      art(1, "Dale Herald", "Flooding in Mirefield", LONG),
      art(2, "Quick Wire", "Mirefield flooded", COPY_WITH_INSERT),
      art(3, "Coast Echo", "Mirefield flood", INDEPENDENT),
    ]);
    expect(copiedShares(al)[1][0]).toBeCloseTo(4 / 5, 5);
    expect(copiedShares(al)[1][0]).toBeGreaterThanOrEqual(COPY_SHARE);
    expect(findCopies(al)).toEqual([null, 0, null]);
  });

  it("an article that carries the other whole and was published first is no copy of it: the other is it cut short", () => {
    // LONG carries all of SHORT and came first: SHORT is LONG trimmed, so LONG's own statements are not insertions.
    const { al } = derive([
      art(1, "Dale Herald", "Flooding in Mirefield", LONG, "2024-03-01T08:00:00Z"),
      art(2, "Quick Wire", "Mirefield flooded", SHORT, "2024-03-01T10:00:00Z"),
    ]);
    expect(findCopies(al)[0]).toBeNull();
    const flags = classifyStory(al);
    expect(flags.filter((f) => f.severity !== "low")).toEqual([]);
  });

  it("an article that reproduces the other whole and adds statements is a copy of it when it is later or the order is unknown", () => {
    const WITH_ADDED = [...LONG.slice(0, 4), INSERTED, "Officials said the flooding was caused by sabotage at the dam upstream."];
    const BASE = LONG.slice(0, 4);
    for (const dates of [[null, null], ["2024-03-01T08:00:00Z", "2024-03-01T10:00:00Z"]] as const) {
      const { al } = derive([art(1, "Dale Herald", "Flooding in Mirefield", BASE, dates[0]), art(2, "Quick Wire", "Mirefield flooded", WITH_ADDED, dates[1])]);
      expect(findCopies(al)[1], String(dates)).toBe(0);
      const added = classifyStory(al).filter((f) => f.articleId === 2 && f.kind === "claim_added");
      // Officials nobody else heard are medium in the copy; the background detail beside them is low.
      expect(added.filter((f) => f.text.startsWith("Officials")).map((f) => f.severity)).toEqual(["medium"]);
      expect(added.filter((f) => f.text === INSERTED).map((f) => f.severity)).toEqual(["low"]);
    }
    // Published first, the fuller article is the source: its extra statements are its own.
    const { al } = derive([
      art(1, "Dale Herald", "Flooding in Mirefield", BASE, "2024-03-01T10:00:00Z"),
      art(2, "Quick Wire", "Mirefield flooded", WITH_ADDED, "2024-03-01T08:00:00Z"),
    ]);
    expect(findCopies(al)[1]).toBeNull();
  });

  it("a voice or a judgement inserted into a copy is claim_added at medium with its source named; background detail, or the same voice in original reporting, stays low", () => {
    const VOICED = "A church volunteer said the relief effort had been badly organised and should be investigated by an inquiry.";
    const voiced = [LONG[0], LONG[1], VOICED, LONG[3], LONG[4]];
    const copy = classifyStory(derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(2, "Quick Wire", "Mirefield flooded", voiced)]).al);
    const added = copy.filter((f) => f.articleId === 2 && f.kind === "claim_added");
    expect(added).toHaveLength(1);
    expect(added[0].text).toBe(VOICED);
    expect(added[0].severity).toBe("medium");
    expect(added[0].explanation).toContain("Dale Herald");
    // A named local voice the paper got itself is reporting, whatever she judges: low.
    const NAMED = "Nell Garrow, 71, a retired market clerk, said she had never seen the river so high in her life.";
    const named = classifyStory(derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(2, "Quick Wire", "Mirefield flooded", [LONG[0], LONG[1], NAMED, LONG[3], LONG[4]])]).al);
    expect(named.filter((f) => f.articleId === 2 && f.kind === "claim_added").map((f) => f.severity)).toEqual(["low"]);
    // Background a paper adds to the copy it carries (what was collected, where) is honest detail: low.
    const background = classifyStory(derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(2, "Quick Wire", "Mirefield flooded", COPY_WITH_INSERT)]).al);
    expect(background.filter((f) => f.articleId === 2 && f.kind === "claim_added").map((f) => [f.text, f.severity])).toEqual([[INSERTED, "low"]]);
    // The source's statements the copy left out are not insertions.
    expect(copy.filter((f) => f.articleId === 1 && f.severity !== "low")).toEqual([]);
    const own = classifyStory(derive([art(1, "Dale Herald", "Flooding in Mirefield", LONG), art(3, "Coast Echo", "Mirefield flood", [...INDEPENDENT, VOICED])]).al);
    const single = own.filter((f) => f.articleId === 3 && f.kind === "claim_added" && f.text.includes("volunteer"));
    expect(single).toHaveLength(1);
    expect(single.every((f) => f.severity === "low")).toBe(true);
  });
});

describe("specifics in a derived article", () => {
  it("a figure inserted into a statement the source carries is medium; a figure that is most of a partly carried statement is the outlet's own detail (low)", () => {
    const source = art(1, "Dale Herald", "Flooding in Mirefield", LONG, "2026-03-05T08:00:00Z");
    const derived = (line: string) => art(2, "Quick Wire", "Mirefield flooded", [LONG[0], line, LONG[3], LONG[4], LONG[5]], "2026-03-05T12:00:00Z");
    const figureFlags = (line: string) =>
      classifyStory(alignStory([source, derived(line)].map((a) => analyzeArticle(a)))).filter((f) => f.articleId === 2 && f.kind === "claim_added" && f.explanation.includes("figure"));
    // The source's sentence, with a figure it does not give.
    expect(figureFlags("Emergency crews evacuated residents of about 300 homes near the old mill bridge before midnight, 1,140 people in all.").map((f) => f.severity)).toEqual(["medium"]);
    // A sentence of its own that shares a few words with the source's: the figure is what it says.
    expect(figureFlags("The old mill bridge carried about 4,200 vehicles a day before the flood.").map((f) => f.severity)).toEqual(["low"]);
  });
});
