import { describe, expect, it } from "vitest";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import { alignStory } from "@/lib/align";
import { resolveRole, resolveSpeaker } from "@/lib/classify/speakers";
import type { ArticleText } from "@/lib/types";

const art = (id: number, outlet: string, title: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title, body: paras.join("\n\n"), publishedAt: null, language: null,
});

const Q = "The board will not sell the stadium while I am its chairman";

// Outlet 1 gives the quote to "the chairman" and names Chairman Harold Brennick; outlet 2 gives it to
// Harold Brennick by name; outlet 3 gives the same words to Miriam Osei.
const ROLE = art(1, "Riverside Gazette", "Club chairman rules out stadium sale", [
  "Chairman Harold Brennick of Ashfield Rovers told supporters on Saturday that the club's ground would not be sold to property developers.",
  "The club has been in talks about its debts with two banks since the summer.",
  `“${Q},” the chairman said at the annual meeting of the supporters' trust.`,
  "The trust owns eight percent of the club's shares.",
]);
const NAMED = art(2, "County Sport", "Brennick: stadium not for sale", [
  "Ashfield Rovers will not sell their ground to property developers, the club's leadership told supporters on Saturday.",
  "The club has been discussing its debts with two banks since the summer.",
  `“${Q},” Harold Brennick said at the annual meeting of the supporters' trust.`,
  "The trust holds eight percent of the club's shares.",
]);
const WRONG = art(3, "Fan Pulse", "Rovers ground will not be sold", [
  "Ashfield Rovers supporters were told on Saturday that the club's ground would not be sold to property developers.",
  "The club has been in talks with two banks about its debts since the summer.",
  `“${Q},” Miriam Osei said at the annual meeting of the supporters' trust.`,
  "The trust owns eight percent of the club's shares.",
]);

describe("resolveRole / resolveSpeaker", () => {
  const al = alignStory([ROLE, NAMED, WRONG].map((a) => analyzeArticle(a)));

  it("resolves a role to the one person the story names in it", () => {
    expect(resolveRole(al, "the chairman")).toMatchObject({ name: "Harold Brennick", via: "role" });
    expect(resolveRole(al, "chairman")?.key).toBe(resolveRole(al, "the chairman")?.key);
  });

  it("leaves a role nobody is named in, and vague roles, unresolved", () => {
    expect(resolveRole(al, "the treasurer")).toBeNull();
    expect(resolveRole(al, "a spokesman")).toBeNull();
  });

  it("resolves each article's quote to a person: through the role, or by the name as written", () => {
    const [r, n, w] = [0, 1, 2].map((i) => resolveSpeaker(al, i, 0));
    expect(r).toMatchObject({ name: "Harold Brennick", via: "role" });
    expect(n).toMatchObject({ name: "Harold Brennick", via: "name" });
    expect(r!.key).toBe(n!.key);
    expect(w).toMatchObject({ name: "Miriam Osei", via: "name" });
    expect(w!.key).not.toBe(n!.key);
  });

  it("does not resolve a role two people are named in", () => {
    const two = art(4, "Other Paper", "Two chairmen", [
      "Chairman Harold Brennick and Chairman Peter Vance met in the town hall on Friday to discuss the stadium.",
      "Neither man would say what was agreed, but both promised a statement next week.",
    ]);
    const al2 = alignStory([ROLE, two].map((a) => analyzeArticle(a)));
    expect(resolveRole(al2, "the chairman")).toBeNull();
  });
});

describe("attribution_conflict through a role", () => {
  it("flags the outlet that gives the quote to a different person, not the ones that agree", () => {
    const { flags } = analyzeStory([ROLE, NAMED, WRONG]);
    const attr = flags.filter((f) => f.kind === "attribution_conflict");
    expect(attr.map((f) => f.articleId)).toEqual([3]);
    expect(attr[0].severity).toBe("high");
    expect(attr[0].speaker).toBe("Miriam Osei");
    expect(attr[0].text).toContain("The board will not sell the stadium");
    // The flag covers the quote and the attribution clause beside it: the wrong speaker is part of the divergence.
    expect(attr[0].text).toMatch(/chairman,” Miriam Osei said at the annual meeting of the supporters' trust$/);
    expect(attr[0].explanation).toContain("Harold Brennick");
    expect(attr[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
  });

  it("the role and the name of the same person are no conflict", () => {
    const { flags } = analyzeStory([ROLE, NAMED]);
    expect(flags.filter((f) => f.kind === "attribution_conflict")).toEqual([]);
  });

  it("the speaker's name in an attribution sentence raises no fact_conflict (who said it is the attribution check's)", () => {
    const { flags } = analyzeStory([ROLE, NAMED, WRONG]);
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });
});

describe("attribution_conflict: the attribution beside the quote decides", () => {
  const words = "We do not yet see the trend turning, and one good quarter would not make a recovery";
  const paras = (line: string) => [
    "Unemployment rose for a third straight quarter, the statistics office said on Thursday.",
    "Chief Statistician Agnes Tolliver presented the figures in Corvain: “The losses are concentrated in manufacturing.”",
    line,
    "The office will publish its next figures in June.",
  ];
  it("words another outlet's paragraph gives to someone else are flagged, though that person is named in the paragraph before", () => {
    const right = paras(`Tolliver added: “${words}.”`);
    const flags = analyzeStory([
      art(1, "Altamark Press", "Jobless rate up again", right),
      art(2, "Vale Review", "Unemployment rises", right),
      art(3, "Briefline", "Jobs: what to know", paras(`Labour Minister Dorota Halvik was blunt about the outlook: “${words}.”`)),
    ]).flags.filter((f) => f.kind === "attribution_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([3]);
    expect(flags[0].severity).toBe("high");
  });

  it("a party member described by place and party is a description, not a conflicting name", () => {
    const named = ["Senator Joe Marlin of West Virginia said he would vote against the bill.", `“${words},” Marlin said.`];
    const described = ["Senator Joe Marlin of West Virginia said he would vote against the bill.", `“${words},” the moderate West Virginia Democrat said.`];
    const flags = analyzeStory([
      art(1, "Capitol Wire", "Marlin to oppose bill", named),
      art(2, "Hill Daily", "Marlin says no", described),
    ]).flags.filter((f) => f.kind === "attribution_conflict");
    expect(flags).toEqual([]);
  });
});

describe("short quotes: a whole attributed sentence is judged, a phrase in quotation marks is not", () => {
  const base = [
    "Unemployment rose for a third straight quarter, the statistics office said on Thursday.",
    "Labour Minister Dorota Halvik defended the retraining programme in the assembly.",
    "The office will publish its next figures in June.",
  ];
  it("an invented four-word line for a real speaker is quote_unattested; a four-word scare quote is not", () => {
    const flags = analyzeStory([
      art(1, "Altamark Press", "Jobless rate up again", base),
      art(2, "Vale Review", "Unemployment rises", base),
      art(3, "Courrier", "Unemployment rises again", [...base, "– The worst is over, added the minister.", "Critics called the programme a “very expensive press release” on Thursday."]),
    ]).flags.filter((f) => f.kind === "quote_unattested");
    expect(flags.map((f) => f.text)).toEqual(["The worst is over"]);
  });
});

describe("attribution_conflict: a person named after a possessive", () => {
  it("'said the union's Callum Drysdale' names Drysdale; the flag covers the whole attribution clause", () => {
    const words = "Three hundred students chose this university because of its music school, and we will not be wound down quietly";
    const base = [
      "Kestrelby University will close its School of Music and cut 140 jobs, the vice-chancellor said on Wednesday.",
      "The university's senate backed the plan by 31 votes to 19 on Monday.",
    ];
    const right = [...base, `“${words},” said Keziah Morland, president of the Students' Union.`];
    const flags = analyzeStory([
      art(1, "Bell Wire", "Music school to close", right),
      art(2, "Kestrelby Courant", "University to shut music school", right),
      art(3, "Kulttuuriviesti", "Music school closes", [...base, `– ${words}, said the union's Callum Drysdale to the demonstrators.`]),
    ]).flags.filter((f) => f.kind === "attribution_conflict");
    expect(flags.map((f) => [f.articleId, f.severity])).toEqual([[3, "high"]]);
    expect(flags[0].text).toContain("said the union's Callum Drysdale to the demonstrators");
  });
});

describe("attribution_conflict: a long lead-in before the quote", () => {
  it("'X told the board before the vote that ...: \"...\"' is the attribution: the flag covers the lead-in and the quote", () => {
    const words = "On the lowest tides some of the ferries now scrape the bottom of the channel, and every winter it gets worse";
    const base = [
      "The Brackwater harbour board voted 5-2 on Monday to deepen the ferry channel at a cost of 12 million euros.",
      "Work is expected to begin in the spring and take about a year.",
    ];
    const right = [...base, `Harbour master Ilse Varnhagen told members: “${words}.”`];
    const flags = analyzeStory([
      art(1, "Coast Wire", "Harbour board backs channel deepening", right),
      art(2, "Brackwater Post", "Ferry channel to be deepened", right),
      art(3, "Nordsee Online", "Board votes to dredge ferry channel", [
        ...base,
        `The board's chief executive, Tomas Reijnders, told the board before the vote that the channel was running out of depth: “${words}.”`,
      ]),
    ]).flags.filter((f) => f.kind === "attribution_conflict");
    expect(flags.map((f) => [f.articleId, f.severity])).toEqual([[3, "high"]]);
    expect(flags[0].text).toContain("Tomas Reijnders, told the board before the vote that the channel was running out of depth");
    expect(flags[0].text).toContain(words);
  });
});

describe("attribution_conflict: the same words on another occasion", () => {
  const words = "Aldhaven was built by its boats and its port together, and I want it to keep both";
  const base = [
    "The Aldhaven port board voted 7-2 on Tuesday to deepen the harbour channel at a cost of 46 million pounds.",
    "Fishermen say the dredged silt will smother their crab grounds offshore.",
  ];
  const right = [...base, `Mayor Bryony Castellan told the board during the public comment period: “${words}.”`];
  it("a statement issued the next day, against words spoken to the board, is a low note on the attribution words", () => {
    const flags = analyzeStory([
      art(1, "Capstan Wire", "Port board backs dredging", right),
      art(2, "Skerrin Gazette", "Dredging approved", right),
      art(3, "Portworks Review", "Channel deepening cleared", [...base, `“${words},” Mayor Bryony Castellan said in a statement issued by the town council on Wednesday.`]),
    ]).flags.filter((f) => f.kind === "attribution_conflict");
    expect(flags.map((f) => [f.articleId, f.severity])).toEqual([[3, "low"]]);
    expect(flags[0].text).toContain("said in a statement issued by the town council on Wednesday");
    expect(flags[0].explanation).toContain("another occasion");
  });
  it("one occasion in other words ('told members at the board meeting') is no conflict", () => {
    const flags = analyzeStory([
      art(1, "Capstan Wire", "Port board backs dredging", right),
      art(2, "Skerrin Gazette", "Dredging approved", right),
      art(3, "Portworks Review", "Channel deepening cleared", [...base, `“${words},” Mayor Bryony Castellan told members at the board meeting.`]),
    ]).flags.filter((f) => f.kind === "attribution_conflict");
    expect(flags).toEqual([]);
  });
});

describe("quote_truncated: a qualifying clause cut off", () => {
  it("'..., but I cannot rule them out' dropped from the end is a cut that changes the statement (high)", () => {
    const full = "We will do everything we can to avoid compulsory redundancies, but I cannot rule them out";
    const base = [
      "Kestrelby University will close its School of Music and cut 140 jobs, the vice-chancellor said on Wednesday.",
      "The university's senate backed the plan by 31 votes to 19 on Monday.",
    ];
    const flags = analyzeStory([
      art(1, "Bell Wire", "Music school to close", [...base, `“${full},” Vice-Chancellor Elspeth Garrow said.`]),
      art(2, "Kestrelby Courant", "University to shut music school", [...base, `“${full},” Elspeth Garrow said.`]),
      art(3, "Encore Bulletin", "Music school closes", [...base, "She also had reassurance for staff: “We will do everything we can to avoid compulsory redundancies,” Garrow said."]),
    ]).flags.filter((f) => f.kind === "quote_truncated");
    expect(flags.map((f) => [f.articleId, f.severity])).toEqual([[3, "high"]]);
  });

  it("a following sentence that denies what the kept one grants ('It does not outweigh what you did') is a cut", () => {
    const base = [
      "A former mayor was jailed for four and a half years on Thursday for rigging the bridge tender.",
      "The judge said the sentence had to deter others from doing the same.",
    ];
    const full = "I accept that you have done real good for this city, and I have taken that into account. It does not outweigh what you did";
    const flags = analyzeStory([
      art(1, "Beacon Wire", "Ex-mayor jailed", [...base, `“${full},” Justice Helena Marsh said.`]),
      art(2, "Tribune", "Ex-mayor jailed over tender", [...base, `“${full},” Marsh said.`]),
      art(3, "Quayside Letter", "Four and a half years", [...base, "“I accept that you have done real good for this city, and I have taken that into account,” Marsh said."]),
    ]).flags.filter((f) => f.kind === "quote_truncated");
    expect(flags.map((f) => f.articleId)).toEqual([3]);
  });
});
