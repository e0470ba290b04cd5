import { describe, expect, it } from "vitest";
import { alignStory, diffText, matchRuns, toAlignments } from "@/lib/align";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import { classifyStory } from "@/lib/classify";
import { makeArticle } from "../classify/make";

const LONG = "We will rebuild the bridge stronger than before. The ferries are a stopgap and nothing more. Nobody will be left stranded";

describe("quote alignment", () => {
  it("finds a verbatim quote regardless of quotation-mark style", () => {
    const a = makeArticle(1, [`“${LONG},” said Mayor Anna Varga.`]);
    const b = makeArticle(2, [`"${LONG}," Anna Varga said.`]);
    const al = alignStory([a, b]);
    expect(al.quotes[0][0][0].coverage).toBe("verbatim");
    expect(al.quotes[1][0][0].coverage).toBe("verbatim");
  });

  it("finds a short quote inside a longer one, and marks the longer one as cut in the shorter", () => {
    const a = makeArticle(1, [`“${LONG},” said Mayor Anna Varga.`]);
    const b = makeArticle(2, ["Anna Varga said the city would act. “The ferries are a stopgap and nothing more,” she said."]);
    const al = alignStory([a, b]);
    const shortInLong = al.quotes[1][0][0];
    expect(shortInLong.best?.quote).toBe(0);
    expect(shortInLong.verbatimShare).toBe(1);
    expect(shortInLong.targetExtra.length).toBeGreaterThan(10);
    expect(al.quotes[0][0][0].coverage).toBe("cut");
  });

  it("covers a quote split into two quotations, and reordered", () => {
    const a = makeArticle(1, [`“${LONG},” said Mayor Anna Varga.`]);
    const b = makeArticle(2, [
      "“Nobody will be left stranded,” Anna Varga said on Tuesday.",
      "She added: “We will rebuild the bridge stronger than before. The ferries are a stopgap and nothing more.”",
    ]);
    const m = alignStory([a, b]).quotes[0][0][0];
    expect(m.verbatimShare).toBe(1);
    expect(m.coverage).not.toBe("absent");
  });

  it("a few words in common with another named speaker's quote are no counterpart; the same few words by the same speaker still are", () => {
    const own = "When the dikes stand, the tax goes down again. That I promise every house owner in this city";
    const other = "Homeowners in this city are being asked to pay for years of bad planning. We support the dikes, but a rise of this size in one year is too much";
    const art = (id: number, text: string) => analyzeArticle({ id, outlet: `Outlet ${id}`, source: `${id}.txt`, title: "Budget adopted", body: `The council adopted the budget on Thursday.\n\n${text}`, publishedAt: null, language: null });
    const a = art(1, `“${own},” Mayor Joanna Pellerin said.`);
    expect(alignStory([a, art(2, `“${other},” opposition leader Rutger Hallam said.`)]).quotes[0][0][0].best).toBeNull();
    expect(alignStory([a, art(2, `“${other},” Mayor Joanna Pellerin said.`)]).quotes[0][0][0].best).not.toBeNull();
  });

  it("a quote another outlet splits in two, one word swapped at the end of the first part, is reworded in that part (not a twin of the other part)", () => {
    const art = (id: number, text: string) => analyzeArticle({ id, outlet: `Outlet ${id}`, source: `${id}.txt`, title: "Factory fire", body: `A fire broke out at the Marlow paint works on Tuesday.\n\n${text}`, publishedAt: null, language: null });
    const whole = art(1, "“We are dealing with a fire involving large quantities of flammable solvents, and some drums have already exploded. My crews are protecting the neighbouring units and we have stopped the fire from spreading beyond the mixing hall into the warehouse next door,” said Nadia Pellew.");
    const split = art(2, "“We are dealing with a fire involving large quantities of flammable solvents, and some drums have already ruptured,” said Nadia Pellew.\n\n“My crews are protecting the neighbouring units and we have stopped the fire from spreading beyond the mixing hall into the warehouse next door,” she said.");
    const m = alignStory([whole, split]).quotes[0][0][0];
    expect(m.coverage).toBe("reworded");
    expect(m.best?.quote).toBe(0);
    expect(m.best?.twin).toBeFalsy();
  });

  it("counts a quote carried as indirect speech as support, not as a quote", () => {
    const a = makeArticle(1, ["“The ferries will run every half hour until the harbour bridge reopens in spring,” said Mayor Anna Varga."]);
    const b = makeArticle(2, ["Mayor Anna Varga said ferries would run every half hour until the harbour bridge reopens in spring."]);
    const m = alignStory([a, b]).quotes[0][0][0];
    expect(m.best).toBeNull();
    expect(m.coverage).toBe("reworded");
    expect(m.support!.score).toBeGreaterThan(0.6);
    const flags = classifyStory(alignStory([a, b]));
    expect(flags.filter((f) => f.kind.startsWith("quote_"))).toEqual([]);
  });

  it("carries a quote in prose only where the prose reports someone speaking: the speaker named, a pronoun or a role before the speech verb; a finding stated as fact does not", () => {
    const quote = "The inspectors told the management last spring that this curve must be renewed";
    const a = makeArticle(1, [`“${quote},” union secretary Colm Ferris said.`]);
    const prose = (text: string) => alignStory([a, makeArticle(2, [text])]).quotes[0][0][0].coverage;
    expect(prose("Last spring the inspectors recommended to the management that the curve must be renewed.")).toBe("absent");
    expect(prose("He said the inspectors told the management last spring that the curve must be renewed.")).toBe("reworded");
    expect(prose("The union official said the inspectors told the management last spring that the curve must be renewed.")).toBe("reworded");
    expect(prose("Ferris recalled that the inspectors told the management last spring that the curve must be renewed.")).toBe("reworded");
  });

  it("reports claim support across a reworded, reordered window", () => {
    const a = makeArticle(1, ["Engineers found cracks in two support beams, so the council closed the bridge on Tuesday."]);
    const b = makeArticle(2, ["The council shut the bridge on Tuesday. Engineers had discovered cracks in two support beams."]);
    const al = alignStory([a, b]);
    expect(al.claims[0][0][0].support!.score).toBeGreaterThanOrEqual(0.5);
    const rows = toAlignments(al);
    expect(rows.some((r) => r.unit === "claim" && r.sourceArticleId === 1 && r.targetArticleId === 2 && r.coverage !== "absent")).toBe(true);
  });
});

describe("bounded diffs", () => {
  it("diffText gives word-level ops that rebuild both texts", () => {
    const ops = diffText("It is important that America agrees", "It is indeed crucial that America agrees");
    expect(ops.filter((o) => o.op !== "insert").map((o) => o.text).join("")).toBe("It is important that America agrees");
    expect(ops.filter((o) => o.op !== "delete").map((o) => o.text).join("")).toBe("It is indeed crucial that America agrees");
  });

  it("matchRuns returns runs or gives up (null), never hangs", () => {
    expect(matchRuns(["a", "b", "c"], ["x", "a", "b", "c"])).toEqual([{ a: 0, b: 1, length: 3 }]);
    const x = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const y = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    const t0 = Date.now();
    const r = matchRuns(x, y);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r === null || Array.isArray(r)).toBe(true);
  });

  it("analyses a pathological 200 KB story in bounded time", () => {
    const words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split(" ");
    let s = "";
    for (let i = 0; s.length < 200_000; i++) s += words[(i * 7) % words.length] + (i % 97 === 0 ? ". " : " ");
    const quoteBody = `“${s.slice(0, 100_000)}” said Anna Varga.\n\n${s.slice(100_000)}`;
    const arts = [
      { id: 1, outlet: "A", source: "a", title: "t", body: quoteBody, publishedAt: null, language: "en" },
      { id: 2, outlet: "B", source: "b", title: "t", body: s.split("").reverse().join(""), publishedAt: null, language: "en" },
      { id: 3, outlet: "C", source: "c", title: "t", body: "x".repeat(200_000), publishedAt: null, language: "en" },
    ];
    const t0 = Date.now();
    const r = analyzeStory(arts);
    expect(Date.now() - t0).toBeLessThan(20_000);
    for (const f of r.flags) for (const e of f.evidence) expect(e.text.length).toBeLessThanOrEqual(600);
  }, 60_000);
});
