import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";

/** Which side of a two-outlet disagreement carries the flag, when no third outlet decides it. */
const art = (id: number, outlet: string, paras: string[], publishedAt: string | null) => ({
  id,
  outlet,
  source: `${outlet}.txt`,
  title: "Harbour ferry service cut",
  body: paras.join("\n\n"),
  publishedAt,
  language: null,
});

const lead = "The Kestrel Bay ferry company will cut its winter timetable to four crossings a day from next month.";
const close = "The company carried about 310,000 passengers last year, most of them in the summer months.";

describe("flag sides: a tie between two outlets", () => {
  it("goes to the one published later: the earlier account is the likelier original", () => {
    const quote = (word: string) => `"We cannot run empty boats through the winter, and we will not ${word} the summer service," chief executive Mara Lindqvist said.`;
    const first = art(1, "Wire", [lead, quote("touch"), close], "2026-10-20T08:00:00Z");
    const later = art(2, "Paper", [lead, quote("reduce"), close], "2026-10-20T13:00:00Z");
    const flags = analyzeStory([first, later]).flags.filter((f) => f.kind === "quote_paraphrased");
    expect(flags.map((f) => f.articleId)).toEqual([2]);
    // Without publication times there is nothing to decide by: both sides carry it.
    const undated = analyzeStory([{ ...first, publishedAt: null }, { ...later, publishedAt: null }]).flags.filter((f) => f.kind === "quote_paraphrased");
    expect(undated.map((f) => f.articleId).sort()).toEqual([1, 2]);
  });

  it("of a weekday written beside its date goes to the day the calendar contradicts, whichever was published first", () => {
    // November 12, 2026 is a Thursday.
    const hearing = (day: string) => `The harbour committee will question the company's managers at a hearing on ${day}, Nov. 12, its chair said.`;
    const wrong = art(1, "Wire", [lead, hearing("Tuesday"), close], "2026-10-20T08:00:00Z");
    const right = art(2, "Paper", [lead, hearing("Thursday"), close], "2026-10-20T13:00:00Z");
    const flags = analyzeStory([wrong, right]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([1]);
  });
});
