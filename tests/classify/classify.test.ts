import { describe, expect, it } from "vitest";
import { alignStory } from "@/lib/align";
import { classifyStory, fingerprintOf, venuesMatch } from "@/lib/classify";
import { isWritersAside, rulesOnTruth } from "@/lib/classify/claim-added";
import type { FlagDraft } from "@/lib/types";
import { makeArticle, type Para } from "./make";

const QUOTE = "We cannot take risks with public safety, but the closure will be as short as we can make it";

const A: (string | Para)[] = [
  "The city council of Dorrow voted on Tuesday to close the old harbour bridge after engineers found cracks in two support beams.",
  "About 3,400 drivers cross the bridge every day, according to the transport office.",
  `“${QUOTE},” said Mayor Anna Varga.`,
  "Repairs are expected to cost 6 million euros and to take four months.",
  "Ferries will run every half hour while the bridge is shut.",
];
const B: (string | Para)[] = [
  "Dorrow's council decided on Tuesday to shut the old harbour bridge once engineers discovered cracks in two of its support beams.",
  "Some 3,400 drivers use the bridge daily, the transport office said.",
  `"${QUOTE}," Mayor Anna Varga said.`,
  "The repairs should cost 6,000,000 euros and take four months.",
  "While the bridge is shut, ferries will run every half hour.",
];

function run(c: (string | Para)[], opts: Parameters<typeof makeArticle>[2] = {}): FlagDraft[] {
  const analyses = [makeArticle(1, A), makeArticle(2, B), makeArticle(3, c, opts)];
  return classifyStory(alignStory(analyses));
}
const on = (flags: FlagDraft[], id: number, kind?: string) => flags.filter((f) => f.articleId === id && (!kind || f.kind === kind));
const QUOTE_KINDS = ["quote_paraphrased", "quote_truncated", "quote_unattested", "attribution_conflict"];

describe("classifyStory: honest coverage stays quiet", () => {
  it("three outlets carrying the same quote verbatim (curly vs straight marks) yield no quote flags", () => {
    const flags = run(A);
    expect(flags.filter((f) => QUOTE_KINDS.includes(f.kind))).toEqual([]);
    expect(flags.filter((f) => f.severity !== "low")).toEqual([]);
  });

  it("honest rewording outside the quotation marks yields no quote flag and no fact conflict", () => {
    const c = [
      "Engineers found cracks in two support beams, and on Tuesday the Dorrow city council voted to close the old harbour bridge.",
      "Roughly 3,400 drivers depend on the crossing every day, the transport office said.",
      `"${QUOTE}," Mayor Anna Varga said.`,
      "Fixing the bridge will take four months and cost six million euros.",
      "Ferries are to run every half hour during the closure.",
    ];
    const flags = run(c);
    expect(flags.filter((f) => QUOTE_KINDS.includes(f.kind) || f.kind === "fact_conflict")).toEqual([]);
  });

  it("British/American spelling and case inside a quote are not a rewording", () => {
    const a = [...A.slice(0, 2), "“The harbour centre will stay open and the colour of the bridge will not change,” said Mayor Anna Varga.", ...A.slice(3)];
    const b = [...B.slice(0, 2), "\"The harbor center will stay open and the color of the bridge will not change,\" Mayor Anna Varga said.", ...B.slice(3)];
    const flags = classifyStory(alignStory([makeArticle(1, a), makeArticle(2, b)]));
    expect(flags.filter((f) => f.kind === "quote_paraphrased")).toEqual([]);
  });

  it("a story with a single article yields no flags", () => {
    expect(classifyStory(alignStory([makeArticle(1, A)]))).toEqual([]);
  });

  it("two articles of one outlet do not corroborate or contradict each other", () => {
    const c = [...A, "The mayor also promised a new cycling lane by next summer across the river."];
    const flags = classifyStory(alignStory([makeArticle(1, A, { outlet: "Same" }), makeArticle(2, c, { outlet: "Same" })]));
    expect(flags).toEqual([]);
  });
});

describe("quote_paraphrased", () => {
  it("flags the outlet that changes a content word inside the quote, with the counterparts as evidence", () => {
    const c = [...A.slice(0, 2), "“We cannot gamble with public safety, but the closure will be as short as we can make it,” said Mayor Anna Varga.", ...A.slice(3)];
    const flags = run(c);
    const p = on(flags, 3, "quote_paraphrased");
    expect(p).toHaveLength(1);
    expect(p[0].severity).toBe("high");
    expect(p[0].text).toContain("gamble");
    expect(p[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
    expect(p[0].evidence[0].diff.some((d) => d.op === "delete" && d.text.includes("gamble"))).toBe(true);
    expect(p[0].explanation).toMatch(/Outlet 3 quotes Anna Varga as "We cannot gamble/);
    expect(flags.filter((f) => f.kind === "quote_paraphrased" && f.articleId !== 3)).toEqual([]);
  });

  it("grades a change of minor words only as medium", () => {
    const c = [...A.slice(0, 2), "“We cannot take risks with public safety, and the closure will be as short as we can make it,” said Mayor Anna Varga.", ...A.slice(3)];
    const p = on(run(c), 3, "quote_paraphrased");
    expect(p).toHaveLength(1);
    expect(p[0].severity).toBe("medium");
  });

  it("flags a word swapped at the quote's edge ('three parties' / 'three bidders'), where both versions run on past the shared words; a version that only lacks the last word is no rewording", () => {
    const said = (end: string) =>
      `“The remaining network will keep running while we look for a buyer, and we have already had interest from ${end},” administrator Gillian Sowerby said.`;
    const story = (end: string) => ["The bus operator went into administration on Tuesday and withdrew half of its routes.", said(end), "Drivers have not been paid their August wages."];
    const flagsOf = (end: string) => classifyStory(alignStory([makeArticle(1, story("three parties")), makeArticle(2, story("three parties")), makeArticle(3, story(end))]));
    const p = on(flagsOf("three bidders"), 3, "quote_paraphrased");
    expect(p.map((f) => f.severity)).toEqual(["high"]);
    expect(p[0].explanation).toContain("bidders → parties");
    expect(on(flagsOf("three"), 3, "quote_paraphrased")).toEqual([]);
    // Minor words swapped at the edge are a rewording too, of no substance: medium.
    expect(on(flagsOf("them"), 3, "quote_paraphrased").map((f) => f.severity)).toEqual(["medium"]);
  });

  it("does not flag an editorial insertion in brackets", () => {
    const c = [...A.slice(0, 2), "“We cannot take risks with [the] public safety, but the closure will be as short as we can make it,” said Mayor Anna Varga.", ...A.slice(3)];
    expect(on(run(c), 3, "quote_paraphrased")).toEqual([]);
  });
});

describe("quote_truncated", () => {
  it("flags a quote cut before a contrasting clause as high, once", () => {
    const c = [...A.slice(0, 2), "“We cannot take risks with public safety,” said Mayor Anna Varga.", ...A.slice(3)];
    const flags = run(c);
    const t = on(flags, 3, "quote_truncated");
    expect(t).toHaveLength(1);
    expect(t[0].severity).toBe("high");
    expect(t[0].explanation).toContain("but the closure");
    expect(on(flags, 3, "quote_paraphrased")).toEqual([]);
  });

  it("a quote split in two around the attribution is not a cut", () => {
    const c = [...A.slice(0, 2), "“We cannot take risks with public safety,” said Mayor Anna Varga, “but the closure will be as short as we can make it.”", ...A.slice(3)];
    const flags = run(c);
    expect(on(flags, 3, "quote_truncated")).toEqual([]);
    expect(on(flags, 3, "quote_paraphrased")).toEqual([]);
  });
});

describe("quote_unattested", () => {
  const expert: Para = { text: "Expert Opinion: “Bridges of this age usually hide far more damage than the first inspection reveals,” said Dr. Lena Holt.", kind: "callout", structure: { id: 1, kind: "callout", label: "Expert Opinion" } };

  it("grades a quote from an unknown speaker inside an added call-out in a padded article as high", () => {
    const c: (string | Para)[] = [...A, expert, { text: "Frequently Asked Questions", kind: "heading", structure: { id: 2, kind: "faq", label: "Frequently Asked Questions" } },
      { text: "Will your commute change? Yes, you should plan for longer trips across the city.", kind: "faq_answer", structure: { id: 2, kind: "faq" } }];
    const u = on(run(c), 3, "quote_unattested");
    expect(u).toHaveLength(1);
    expect(u[0].severity).toBe("high");
    expect(u[0].speaker).toBe("Dr. Lena Holt");
  });

  it("grades original reporting (a quote nobody else has, speaker named elsewhere, plain paragraph) as low", () => {
    const c = [...A, "“The ferry timetable has been tested over the last two weekends with good results,” said Mayor Anna Varga."];
    const u = on(run(c), 3, "quote_unattested");
    expect(u).toHaveLength(1);
    expect(u[0].severity).toBe("low");
  });

  it("does not flag a short scare quote or a quote carried as indirect speech", () => {
    const c = [...A.slice(0, 4), "Officials called the plan “workable”.", "“Ferries will run every half hour while the bridge is shut,” said a spokesman for the port."];
    expect(on(run(c), 3, "quote_unattested")).toEqual([]);
  });
});

describe("claim_added", () => {
  it("flags an unsupported statement as low and groups adjacent ones of a paragraph", () => {
    const EXTRA = "Local shops expect to lose a fifth of their customers. Several restaurants near the harbour plan to close for the winter.";
    // Original reporting of the same event, in its own words.
    const own = [
      "Councillors in Dorrow chose on Tuesday to shut the harbour crossing when inspectors spotted cracks in two beams.",
      "Roughly 3,400 motorists use it each day, figures from the transport office show.",
      "Fixing it will take four months and cost 6 million euros.",
      EXTRA,
    ];
    const added = on(run(own), 3, "claim_added");
    expect(added).toHaveLength(1);
    expect(added[0].severity).toBe("low");
    expect(added[0].text).toContain("Local shops");
    expect(added[0].text).toContain("restaurants");
    // The same paragraph in an article that reproduces another whole (order unknown) was added to the
    // copy: a forecast nobody else reported stays low as background, a judgement added to it is medium.
    const copy = on(run([...A, EXTRA]), 3, "claim_added");
    expect(copy).toHaveLength(1);
    expect(copy[0].severity).toBe("low");
    const JUDGED = "Local shops say the council should have repaired the bridge years ago.";
    const judged = on(run([...A, JUDGED]), 3, "claim_added");
    expect(judged.map((f) => f.severity)).toEqual(["medium"]);
  });

  it("in a copy, the writer's own voice stays low: an update note, the first person, the outlet's own name", () => {
    const asides = [
      "This story will be updated as inspectors publish their findings.",
      "I crossed that bridge every morning for twenty years, so forgive me if this feels personal.",
      "The Harbour Letter is written by a retired engineer and goes out every Friday.",
    ];
    for (const aside of asides) {
      const flags = on(run([...A, aside], { outlet: "The Harbour Letter" }), 3, "claim_added");
      expect(flags, aside).toHaveLength(1);
      expect(flags[0].severity, aside).toBe("low");
    }
    expect(isWritersAside('She said: "I will not resign."', "Dorrow Post")).toBe(false);
    expect(isWritersAside("Officials said the crossing would reopen in May.", "Dorrow Post")).toBe(false);
    // A signpost telling the reader what the text holds is the writer's voice too; advice to the reader is not.
    expect(isWritersAside("Here is everything you need to know.", "Dorrow Post")).toBe(true);
    expect(isWritersAside("Read on to find out what changes for commuters.", "Dorrow Post")).toBe(true);
    expect(isWritersAside("If you live near the river, you need to boil your tap water before drinking it.", "Dorrow Post")).toBe(false);
    expect(isWritersAside("You need to know that 4,000 homes lost power on Tuesday.", "Dorrow Post")).toBe(false);
  });

  it("in a padded article, a scene-setting line with only the story's own names is a note; a new specific or a judgement is medium", () => {
    const faq = [
      { text: "Frequently Asked Questions", kind: "heading" as const, structure: { id: 9, kind: "faq" as const, label: "Frequently Asked Questions" } },
      { text: "Will your commute change? Yes, plan for longer trips across the city.", kind: "faq_answer" as const, structure: { id: 9, kind: "faq" as const } },
    ];
    const padded = (line: string) => on(run([line, ...A, ...faq]), 3, "claim_added").filter((f) => f.text === line);
    expect(padded("Big changes are coming to Dorrow's harbour.").map((f) => f.severity)).toEqual(["low"]);
    expect(padded("A second crossing at Kessel Point has been studied since the winter.").map((f) => f.severity)).toEqual(["medium"]);
    expect(padded("Residents should brace themselves for a long winter of queues.").map((f) => f.severity)).toEqual(["medium"]);
    // A bare denial is no judgement: it sets the scene.
    expect(padded("Not everyone in the harbour district was pleased.").map((f) => f.severity)).toEqual(["low"]);
  });

  it("a verdict on what is true in the writer's own voice that no other outlet makes is medium in any article; credited or descriptive, it stays low", () => {
    // Original reporting (not a copy, not padded): only the verdict lifts the note.
    const own = (line: string) =>
      on(run(["Councillors in Dorrow chose on Tuesday to shut the harbour crossing when inspectors spotted cracks in two beams.", "Fixing it will take four months and cost 6 million euros.", line]), 3, "claim_added").filter((f) => f.text === line);
    expect(own("The mayor's claim that the bridge was inspected last spring is simply not true.").map((f) => f.severity)).toEqual(["medium"]);
    expect(own("Reports that the beams were cut deliberately have been thoroughly debunked.").map((f) => f.severity)).toEqual(["medium"]);
    expect(own("The mayor's claim that the bridge was inspected last spring is false.")[0].explanation).toContain("rules on what is true");
    // Someone else's verdict, reported: the reporter credits it.
    expect(own("The opposition leader said the mayor's account of the inspections was false.").map((f) => f.severity)).toEqual(["low"]);
    expect(own("According to the engineers' union, the inspection records are inaccurate.").map((f) => f.severity)).toEqual(["low"]);
    // The word as a description of the story's subject, not a ruling.
    expect(own("Shopkeepers blamed misleading signs for the queues at the ferry pier on Wednesday.").map((f) => f.severity)).toEqual(["low"]);
    expect(rulesOnTruth("So far, no evidence has emerged that the beams were cut deliberately.")).toBe(false);
    expect(rulesOnTruth("Inspectors found a past incorrect reading in the 2019 report.")).toBe(false);
    expect(rulesOnTruth("That is simply not true.")).toBe(true);
    expect(rulesOnTruth('The union called the figures "false and misleading".')).toBe(false);
  });

  it("the outlet's own name as one distinctive word, even from a file name ('dam-5-briefloop'), is its own voice", () => {
    expect(isWritersAside("Briefloop compiles reporting from multiple sources.", "dam-5-briefloop")).toBe(true);
    expect(isWritersAside("Briefloop Daily compiles reporting from multiple sources.", "Briefloop Daily")).toBe(true);
    expect(isWritersAside("Officials said the briefloop crossing would reopen in May.", "dam-5-briefloop")).toBe(false);
    expect(isWritersAside("Officials said the crossing would reopen in May.", "dam-5-briefloop")).toBe(false);
  });

  it("a statement leaning on a counterpart sentence another statement of the article carries is unsupported (low); a split sentence is not", () => {
    const REACTION = "Commuters complained that half-hourly ferries would not be enough while the bridge is shut.";
    // The ferry sentence is the article's own (A's last one): the complaint's partial support is taken.
    const leaning = on(run([...A, REACTION]), 3, "claim_added").filter((f) => f.text.startsWith("Commuters"));
    expect(leaning.map((f) => f.severity)).toEqual(["low"]);
    expect(leaning[0].explanation).toContain("carried by another sentence of this article");
    // Without the article's own ferry sentence the counterpart's carries part of it, but the complaint's own
    // words are in no other outlet: a low note that says so, not the leaning finding.
    const partly = on(run([...A.slice(0, 4), REACTION]), 3, "claim_added").filter((f) => f.text.startsWith("Commuters"));
    expect(partly.map((f) => f.severity)).toEqual(["low"]);
    expect(partly[0].explanation).toContain("carries part of it");
    // One counterpart sentence told in two: each half has words of it the other lacks, so neither is added.
    const split = [...A.slice(0, 4), "The bridge will stay shut for four months.", "Ferries will run every half hour in that time."];
    expect(on(run(split), 3, "claim_added").filter((f) => /^(The bridge will stay|Ferries will run every half hour in)/.test(f.text))).toEqual([]);
  });

  it("never flags boilerplate", () => {
    const c = [...A, { text: "Subscribe to our newsletter for the latest updates from the region every morning.", boilerplate: true, kind: "boilerplate" as const }];
    expect(on(run(c), 3).filter((f) => f.text.includes("newsletter"))).toEqual([]);
  });
});

describe("structure_added", () => {
  it("flags an FAQ no other outlet has as high, one flag per structure", () => {
    const faq = { id: 5, kind: "faq" as const, label: "Frequently Asked Questions" };
    const c = [...A,
      { text: "Frequently Asked Questions", kind: "heading" as const, structure: faq },
      { text: "How long will the bridge stay closed? Officials say the closure could last well into next year.", kind: "faq_answer" as const, structure: faq },
      { text: "Who pays for the repairs? The national government will cover most of the bill.", kind: "faq_answer" as const, structure: faq }];
    const s = on(run(c), 3, "structure_added");
    expect(s).toHaveLength(1);
    expect(s[0].severity).toBe("high");
    expect(s[0].text.startsWith("Frequently Asked Questions")).toBe(true);
  });

  it("a list of facts the other outlets report as prose is flagged low (only its form is added), not medium", () => {
    const list = { id: 6, kind: "list" as const };
    const c = [...A.slice(0, 2),
      { text: "The council voted on Tuesday to close the old harbour bridge.", kind: "list_item" as const, structure: list },
      { text: "Engineers found cracks in two support beams of the bridge.", kind: "list_item" as const, structure: list },
      { text: "Ferries will run every half hour while the bridge is shut.", kind: "list_item" as const, structure: list }];
    const f = on(run(c), 3, "structure_added");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("low");
    expect(f[0].explanation).toContain("3 of its items supported elsewhere");
    // When another outlet has a list too, a list is that story's way of telling it: nothing is added.
    const withList = classifyStory(alignStory([makeArticle(1, c), makeArticle(2, B), makeArticle(3, c)]));
    expect(on(withList, 3, "structure_added")).toEqual([]);
  });
});

describe("structure_added: navigation and furniture", () => {
  it("a contents list of the article's own section headings is low (the sections are flagged for what they say)", () => {
    const toc = { id: 7, kind: "toc" as const, label: "Table of Contents" };
    const c = [
      { text: "Table of Contents", kind: "heading" as const, structure: toc },
      { text: "1. What Happened", kind: "list_item" as const, structure: toc },
      { text: "2. What Comes Next", kind: "list_item" as const, structure: toc },
      { text: "What Happened", kind: "heading" as const },
      ...A.slice(0, 3),
      { text: "What Comes Next", kind: "heading" as const },
      ...A.slice(3),
    ];
    const f = on(run(c), 3, "structure_added");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("low");
  });

  it("a list whose items share no words with the story is page furniture, not an added block", () => {
    const links = { id: 8, kind: "list" as const, label: "You might also like" };
    const c = [...A,
      { text: "You might also like", kind: "heading" as const, structure: links },
      { text: "How to keep a garden alive in a drought", kind: "list_item" as const, structure: links },
      { text: "Ten quick dinners for busy weeknights", kind: "list_item" as const, structure: links }];
    expect(on(run(c), 3, "structure_added")).toEqual([]);
    // An unsupported list on the story's subject is still added.
    const claims = { id: 9, kind: "list" as const, label: "Key Takeaways" };
    const d = [...A,
      { text: "Key Takeaways", kind: "heading" as const, structure: claims },
      { text: "The bridge cracks were caused by salt water in the support beams.", kind: "list_item" as const, structure: claims },
      { text: "The council expects drivers to switch to the ferries for good.", kind: "list_item" as const, structure: claims }];
    expect(on(run(d), 3, "structure_added").map((x) => x.severity)).toEqual(["medium"]);
  });
});

describe("claim_added: the outlet's own promotion", () => {
  it("a call to action naming a word of the outlet's name is the outlet's voice (low)", () => {
    expect(isWritersAside("Get the Ledger Briefing every weekday morning.", "Harbour Ledger")).toBe(true);
    expect(isWritersAside("Get Wexbrief daily: the stories that matter, explained in five minutes.", "wexbrief")).toBe(true);
    expect(isWritersAside("Get ready for delays on the coast road, police warned.", "Harbour Ledger")).toBe(false);
  });
});

describe("fact_conflict", () => {
  it("flags the outlet with a different figure (minority side), high", () => {
    const c = [...A.slice(0, 1), "About 4,300 drivers cross the bridge every day, according to the transport office.", ...A.slice(2)];
    const flags = run(c);
    const f = on(flags, 3, "fact_conflict");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("high");
    expect(f[0].explanation).toContain("4,300");
    expect(flags.filter((x) => x.kind === "fact_conflict" && x.articleId !== 3)).toEqual([]);
  });

  it("flags a different weekday in an aligned statement", () => {
    const c = ["The city council of Dorrow voted on Thursday to close the old harbour bridge after engineers found cracks in two support beams.", ...A.slice(1)];
    expect(on(run(c), 3, "fact_conflict")).toHaveLength(1);
  });

  it("ignores number format differences (6 million = 6,000,000 = six million)", () => {
    const c = [...A.slice(0, 3), "Repairs are expected to cost six million euros and to take 4 months.", ...A.slice(4)];
    expect(run(c).filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });
});

describe("attribution_conflict", () => {
  it("flags the same words given to another speaker (high)", () => {
    const c = [...A.slice(0, 2), `“${QUOTE},” said Deputy Mayor Karl Brenner.`, ...A.slice(3)];
    const flags = run(c);
    const a = on(flags, 3, "attribution_conflict");
    expect(a).toHaveLength(1);
    expect(a[0].severity).toBe("high");
    expect(a[0].explanation).toContain("Anna Varga");
  });

  it("treats Mr./full name of one surname as one speaker", () => {
    const c = [...A.slice(0, 2), `“${QUOTE},” said Ms. Varga.`, ...A.slice(3)];
    expect(on(run(c), 3, "attribution_conflict")).toEqual([]);
  });

  it("flags a different venue as medium", () => {
    const v = { venues: { "We cannot": "CNN" } };
    const a = classifyStory(alignStory([makeArticle(1, A, { venues: { "We cannot": "Fox News Sunday" } }), makeArticle(2, B, { venues: { "We cannot": "Fox News" } }), makeArticle(3, A, v)]));
    const f = on(a, 3, "attribution_conflict");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("medium");
    expect(venuesMatch("Fox News Sunday", "Fox News")).toBe(true);
    expect(venuesMatch("CNN’s State of the Union", "Fox News")).toBe(false);
  });
});

describe("fingerprints", () => {
  it("survive offset changes and differ by kind and source", () => {
    const c = [...A, "Local shops expect to lose a fifth of their customers this winter."];
    const before = on(run(c), 3, "claim_added")[0];
    const after = on(run(["Updated at noon.", ...c], { source: "file-3.txt" }), 3, "claim_added").find((f) => f.text.includes("Local shops"))!;
    expect(after.start).not.toBe(before.start);
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(fingerprintOf("a.txt", "claim_added", "x")).not.toBe(fingerprintOf("b.txt", "claim_added", "x"));
    expect(fingerprintOf("a.txt", "claim_added", "x")).not.toBe(fingerprintOf("a.txt", "quote_unattested", "x"));
    expect(fingerprintOf("a.txt", "claim_added", "It’s “big”")).toBe(fingerprintOf("a.txt", "claim_added", "it's big"));
  });
});
