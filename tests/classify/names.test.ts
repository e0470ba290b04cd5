import { describe, expect, it } from "vitest";
import { alignStory } from "@/lib/align";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import { findNameConflicts, MAX_STATEMENT_NAMES } from "@/lib/classify/names";
import type { ArticleText, FlagDraft } from "@/lib/types";

const art = (id: number, outlet: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Mill fire", body: paras.join("\n\n"), publishedAt: null, language: null,
});

// Every outlet names both towns (the fire was in Millbridge, the fire station is in Oakhurst).
const common = [
  "Fire crews from Oakhurst fought a blaze at the Harlow paper mill in Millbridge for six hours on Tuesday night.",
  "The mill employs 140 people and has stood on the river since 1911.",
];
const owner = (town: string, said: boolean) =>
  `Peter Lindqvist, who runs a bakery in ${town} and has lived beside the mill for 30 years, ${said ? 'said: "I have never seen smoke like it."' : "watched the fire from his doorstep."}`;

const names = (flags: FlagDraft[], id: number) => flags.filter((f) => f.articleId === id && f.kind === "fact_conflict");

describe("name slots: places the story names elsewhere", () => {
  it("a story place put in another's slot, in a statement about the same person, is a conflict on the minority side, even beside a quotation", () => {
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, owner("Oakhurst", false)]),
      art(2, "County Post", [...common, owner("Oakhurst", false)]),
      art(3, "River Daily", [...common, owner("Millbridge", true)]),
    ]);
    const f = names(flags, 3);
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toMatch(/"Millbridge".*"Oakhurst"/);
    expect(names(flags, 1)).toEqual([]);
    expect(names(flags, 2)).toEqual([]);
  });

  it("one outlet against one, the third silent on it, is a dispute without a majority: medium on each side, each citing the other", () => {
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, owner("Oakhurst", false)]),
      art(2, "River Daily", [...common, owner("Millbridge", false)]),
      art(3, "County Post", [...common, "Peter Lindqvist, who runs a bakery near the mill, watched the fire from his doorstep."]),
    ]);
    for (const [id, mine, theirs] of [[1, "Oakhurst", "Millbridge"], [2, "Millbridge", "Oakhurst"]] as const) {
      const f = names(flags, id);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("medium");
      expect(f[0].explanation).toContain(`"${mine}" in`);
      expect(f[0].explanation).toContain(`has "${theirs}"`);
    }
    expect(names(flags, 3)).toEqual([]);
  });

  it("two places named together in a statement like it are one description, not rivals", () => {
    const hearing = (where: string) => `Judge Alma Reyes set the hearing for 10 a.m. on Friday in ${where}.`;
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, hearing("Courtroom 2 of the Crown Court in Millbridge")]),
      art(2, "County Post", [...common, hearing("Courtroom 2 in Millbridge")]),
      art(3, "River Daily", [...common, hearing("the Crown Court in Millbridge")]),
    ]);
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });

  it("two spellings of one name are not a conflict", () => {
    const served = (where: string) => `Lindqvist served for six months at ${where} and two years in the reserves, his office said.`;
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, served("Fort Kessling")]),
      art(2, "County Post", [...common, served("Fort Kessling")]),
      art(3, "River Daily", [...common, served("Fort Kesling")]),
    ]);
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });

  it("where a quoted speaker is from identifies the speaker: a town against a country is no conflict", () => {
    const from = (where: string) => `Ines Marlow, a retired teacher from ${where}, described the night: "We could see the flames from the bridge."`;
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, from("Eastwick")]),
      art(2, "County Post", [...common, from("Eastwick")]),
      art(3, "River Daily", [...common, from("Norland")]),
    ]);
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });
});

describe("name slots: prepositions of place", () => {
  it("'a junction in X' and 'a junction on Y' fill one slot", () => {
    const crash = (where: string) => `The van failed to stop at a junction ${where} and hit a parked lorry, police said.`;
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, crash("on Harbour Street")]),
      art(2, "County Post", [...common, crash("on Harbour Street")]),
      art(3, "River Daily", [...common, crash("in Redfern")]),
    ]);
    const f = names(flags, 3);
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toMatch(/"Redfern".*"Harbour Street"/);
  });
});

describe("name slots: a route told the other way round", () => {
  // The lorry came off the road at the corner of two streets every outlet names; one outlet moves the
  // corner one street along.
  const turn = (route: string) => `The lorry overturned at about 7:40 a.m. on Friday as it turned ${route}, police said.`;

  it("'from X into Y' against 'from Y into Z' is a conflict on the minority side, though every article names Y", () => {
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, turn("from Orchard Lane into Bridge Street")]),
      art(2, "County Post", [...common, turn("from Orchard Lane into Bridge Street")]),
      art(3, "Harbour Times", [...common, turn("out of Orchard Lane into Bridge Street")]),
      art(4, "River Daily", [...common, turn("from Bridge Street into Quarry Road")]),
    ]);
    const f = names(flags, 4);
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toMatch(/"Bridge Street".*"Orchard Lane"|"Quarry Road".*"Bridge Street"/);
    for (const id of [1, 2, 3]) expect(names(flags, id)).toEqual([]);
  });

  it("a route driven the other way ('from Y into X' against 'from X into Y') is a conflict on the minority side", () => {
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, turn("from Orchard Lane into Bridge Street")]),
      art(2, "County Post", [...common, turn("from Orchard Lane into Bridge Street")]),
      art(3, "River Daily", [...common, turn("from Bridge Street into Orchard Lane")]),
    ]);
    expect(names(flags, 3)).toHaveLength(1);
    for (const id of [1, 2]) expect(names(flags, id)).toEqual([]);
  });

  it("the same route told in another order ('into Y from X') is no conflict", () => {
    const { flags } = analyzeStory([
      art(1, "Valley Wire", [...common, turn("from Orchard Lane into Bridge Street")]),
      art(2, "County Post", [...common, turn("from Orchard Lane into Bridge Street")]),
      art(3, "River Daily", [...common, turn("into Bridge Street from Orchard Lane")]),
    ]);
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });
});

describe("statements too crowded to read slot by slot", () => {
  it("a statement naming more than MAX_STATEMENT_NAMES is a list: no slot of it is read; a short one's are", () => {
    const towns = (n: number) => Array.from({ length: n }, (_, k) => `Town${String.fromCharCode(65 + (k % 26))}${String.fromCharCode(65 + Math.floor(k / 26))}ville`);
    const listed = (n: number, first: string) => `Peter Lindqvist, who runs a bakery in ${[first, ...towns(n)].join(" and in ")}, watched the fire from his doorstep.`;
    const conflicts = (n: number) => {
      const arts = [listed(n, "Eastwick"), listed(n, "Eastwick"), listed(n, "Redfern")].map((s, i) => analyzeArticle(art(i + 1, `Outlet ${i}`, [...common, s])));
      const al = alignStory(arts);
      const ci = arts[2].claims.findIndex((c) => c.text.includes("Redfern"));
      return findNameConflicts(al, 2, ci, [0, 1]);
    };
    expect(conflicts(0).map((c) => [c.mine, c.theirs])).toEqual([["Redfern", "Eastwick"], ["Redfern", "Eastwick"]]);
    expect(conflicts(MAX_STATEMENT_NAMES)).toEqual([]);
  });
});
