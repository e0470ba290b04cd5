import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText, FlagDraft } from "@/lib/types";

const art = (id: number, outlet: string, title: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title, body: paras.join("\n\n"), publishedAt: null, language: null,
});

const BASE = [
  "A recycling plant on the edge of Corvale will close in the spring after its owner lost the municipal waste contract, the company said on Monday.",
  "The plant sorts glass, paper and plastic collected from households across the district.",
  "Forty-two workers will be offered jobs at the company's other site in Brannock.",
  "The district council said a new contractor would take over collections from April.",
];
const WITH_FIGURE = BASE.map((p, i) => (i === 1 ? "The plant sorts about 18,000 tons of glass, paper and plastic collected from households across the district." : p));

function flags(a: string[], b: string[], c: string[]): FlagDraft[] {
  return analyzeStory([
    art(1, "North Ledger", "Corvale recycling plant to close", a),
    art(2, "Valley Times", "Recycling plant in Corvale shuts in spring", b),
    art(3, "Quick News", "Corvale plant closing", c),
  ]).flags;
}
const added = (fs: FlagDraft[], id: number) => fs.filter((f) => f.articleId === id && f.kind === "claim_added");

describe("specifics: a figure no other outlet gives", () => {
  it("a figure invented inside an otherwise carried sentence is claim_added on that statement, naming the figure", () => {
    const fs = flags(BASE, BASE, WITH_FIGURE);
    const f = added(fs, 3);
    expect(f).toHaveLength(1);
    expect(f[0].text).toBe(WITH_FIGURE[1]);
    const body = WITH_FIGURE.join("\n\n");
    expect(body.slice(f[0].start, f[0].end)).toBe(WITH_FIGURE[1]);
    expect(f[0].explanation).toContain('the figure "about 18,000 tons"');
    expect(f[0].explanation).toContain("North Ledger");
    expect(f[0].explanation).toContain("Valley Times");
    // The rest of the sentence is carried: the counterparts are the evidence.
    expect(f[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
    expect(fs.filter((x) => x.articleId !== 3)).toEqual([]);
  });

  it("a figure in brackets after another is that figure converted, not an added one", () => {
    const converted = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", about 8 km (5 miles) from the town centre.") : p));
    const plain = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", about 8 km from the town centre.") : p));
    const fs = flags(plain, plain, converted);
    expect(added(fs, 3).filter((f) => f.severity !== "low" || f.explanation.includes("5 miles"))).toEqual([]);
  });

  it("a measure converted to other units ('three miles' / '4.8 kilometres', 'the 19-mile route' / '31 kilometres') or after a comma and a hedge ('45 million crowns, about 4 million euros') is carried", () => {
    const miles = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", which lie within three miles of the plant.") : p));
    const km = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", which lie within 4.8 kilometres of the plant.") : p));
    expect(added(flags(miles, miles, km), 3)).toEqual([]);
    const route = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, " along the 19-mile route to the coast.") : p));
    const routeKm = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, " along the route to the coast, which is 31 kilometres long.") : p));
    expect(added(flags(route, route, routeKm), 3)).toEqual([]);
    // Not a conversion: 12 miles is not 4.8 kilometres.
    const far = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", which lie within twelve miles of the plant.") : p));
    expect(added(flags(far, far, km), 3).map((f) => f.text)).toEqual([km[1]]);
    const crowns = BASE.map((p, i) => (i === 3 ? "The district council said a new contractor, paid 45 million crowns, would take over collections from April." : p));
    const both = BASE.map((p, i) => (i === 3 ? "The district council said a new contractor, paid 45 million crowns, about 4 million euros, would take over collections from April." : p));
    expect(added(flags(crowns, crowns, both), 3)).toEqual([]);
  });

  it("a place of its own where the statements that carry this one name another place, which the article never names, is a fact_conflict", () => {
    // (No person or body in the statement: the slot is the place of the thing itself.)
    const withDepot = BASE.map((p, i) => (i === 2 ? "The sorted bales are stored in sheds at Brannock, on the eastern edge of the district, until they are sold." : p));
    const moved = BASE.map((p, i) => (i === 2 ? "The sorted bales are stored in sheds of Kettleby, on the edge of the district, until they are sold." : p));
    const fs = flags(withDepot, withDepot, moved);
    const c = fs.filter((f) => f.articleId === 3 && f.kind === "fact_conflict");
    expect(c.map((f) => [f.text, f.severity])).toEqual([[moved[2], "medium"]]);
    expect(c[0].explanation).toContain('places it at "Kettleby"');
    expect(c[0].explanation).toContain('"Brannock"');
    expect(added(fs, 3)).toEqual([]);
    // When the article names the others' place elsewhere, its own place is another place, added (a note).
    const both = [...moved, "Brannock has a second depot that opened in 2019."];
    const fs2 = flags(withDepot, withDepot, both);
    expect(fs2.filter((f) => f.articleId === 3 && f.kind === "fact_conflict")).toEqual([]);
    expect(added(fs2, 3).filter((f) => f.text === "Kettleby").map((f) => f.severity)).toEqual(["low"]);
  });

  it("a numbered designator ('Route 19') where two carrying statements give the same word with another number ('Route 9') is a fact_conflict; one the others also give is not", () => {
    const road = (n: string) => BASE.map((p, i) => (i === 3 ? `The district council said a new contractor would take over collections from April, and Route ${n} to the plant will close.` : p));
    const c = flags(road("9"), road("9"), road("19")).filter((f) => f.articleId === 3 && f.kind === "fact_conflict");
    expect(c.map((f) => f.severity)).toEqual(["medium"]);
    expect(c[0].explanation).toContain('"Route 19"');
    expect(c[0].explanation).toContain('"Route 9"');
    // An article that also names Route 9 elsewhere gives two roads.
    const both = [...road("19"), "Route 9 stays open for residents."];
    expect(flags(road("9"), road("9"), both).filter((f) => f.articleId === 3 && f.kind === "fact_conflict")).toEqual([]);
  });

  it("a date or a clock time no other outlet gives, where two carrying statements give another that the article never gives, is a fact_conflict", () => {
    const from = (date: string) => BASE.map((p, i) => (i === 3 ? `The district council said a new contractor would take over collections from Monday, ${date}.` : p));
    // Worded apart from the others' statement, so that its words around the date are not theirs.
    const mine = BASE.map((p, i) => (i === 3 ? "The council said the new contractor starts the collections on 13 April." : p));
    const c = flags(from("April 6"), from("April 6"), mine).filter((f) => f.articleId === 3 && f.kind === "fact_conflict");
    expect(c.map((f) => f.severity)).toEqual(["medium"]);
    expect(c[0].explanation).toContain('"13 April"');
    expect(c[0].explanation).toContain('"April 6"');
    // An article that gives the others' date elsewhere gives two dates: no dispute.
    const both = [...mine, "The old contract ends on Monday, April 6."];
    expect(flags(from("April 6"), from("April 6"), both).filter((f) => f.articleId === 3 && f.kind === "fact_conflict")).toEqual([]);
    // A clock time likewise.
    const at = (time: string) => BASE.map((p, i) => (i === 3 ? `The district council said a new contractor would take over collections from ${time} on Monday.` : p));
    const mineTime = BASE.map((p, i) => (i === 3 ? "The council said the new contractor starts the collections at 11:30." : p));
    const t = flags(at("9:30 a.m."), at("9:30 a.m."), mineTime).filter((f) => f.articleId === 3 && f.kind === "fact_conflict");
    expect(t.map((f) => f.explanation.includes('"11:30"') && f.explanation.includes('"9:30 a.m."'))).toEqual([true]);
  });

  it("a bare amount with a scale word that no other outlet gives is an added figure; small bare numbers are not", () => {
    const withAmount = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", about 30 million of it from one contract, according to people briefed on the plan.") : p));
    const f = added(flags(BASE, BASE, withAmount), 3);
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toContain('"30 million"');
    const withSmall = BASE.map((p, i) => (i === 1 ? p.replace(/\.$/, ", on an 11-story site.") : p));
    expect(added(flags(BASE, BASE, withSmall), 3).filter((x) => x.explanation.includes('"11'))).toEqual([]);
  });

  it("a hedged quantity the value reading cannot type ('about 1,150 of them', 'one of about 14 such plants') is an added figure", () => {
    const part = BASE.map((p, i) => (i === 1 ? "The plant sorts glass, paper and plastic collected from households across the district, with the glass line alone handling about 1,150 of them." : p));
    const f = added(flags(BASE, BASE, part), 3);
    expect(f).toHaveLength(1);
    expect(f[0].explanation).toContain('"about 1,150"');
    const such = BASE.map((p, i) => (i === 1 ? "The plant sorts glass, paper and plastic collected from households across the district, one of about 14 such plants in the region." : p));
    expect(added(flags(BASE, BASE, such), 3).map((x) => x.explanation)).toEqual([expect.stringContaining('"about 14"')]);
  });

  it("a hedged quantity is carried by the same number told as a count elsewhere, not by a measure ('a 14-mile road') or a near number", () => {
    const such = BASE.map((p, i) => (i === 1 ? "The plant sorts glass, paper and plastic collected from households across the district, one of about 14 such plants in the region." : p));
    const count = BASE.map((p, i) => (i === 3 ? "The district council, which runs 14 plants, said a new contractor would take over collections from April." : p));
    expect(added(flags(count, BASE, such), 3)).toEqual([]);
    const measure = BASE.map((p, i) => (i === 3 ? "The district council said a new contractor would take over collections on the 14-mile ring road from April." : p));
    expect(added(flags(measure, measure, such), 3).map((x) => x.explanation)).toEqual([expect.stringContaining('"about 14"')]);
    const near = BASE.map((p, i) => (i === 3 ? "The district council said a new contractor would take over collections about 14.5 kilometres out of town from April." : p));
    expect(added(flags(near, near, such), 3).map((x) => x.explanation)).toEqual([expect.stringContaining('"about 14"')]);
  });

  it("the same figure carried by another outlet is not flagged", () => {
    const fs = flags(WITH_FIGURE, BASE, WITH_FIGURE);
    expect(fs.filter((f) => f.kind === "claim_added" && f.text.includes("18,000"))).toEqual([]);
  });

  it("the same figure written another way by another outlet is not flagged", () => {
    const other = BASE.map((p, i) => (i === 1 ? "Roughly 18000 tons of glass, paper and plastic from households across the district are sorted at the plant each year." : p));
    const fs = flags(other, BASE, WITH_FIGURE);
    expect(fs.filter((f) => f.kind === "claim_added" && f.text.includes("18,000"))).toEqual([]);
  });

  it("a conversion after a figure with a scale and a unit word ('45 million crowns (about 22.5 million euros)') is no added figure", () => {
    const plain = BASE.map((p, i) => (i === 3 ? "The district council said a new contractor, paid 45 million crowns, would take over collections from April." : p));
    const converted = BASE.map((p, i) => (i === 3 ? "The district council said a new contractor, paid 45 million crowns (about 22.5 million euros), would take over collections from April." : p));
    expect(added(flags(plain, plain, converted), 3).filter((f) => f.explanation.includes("22.5"))).toEqual([]);
  });

  it("a figure where the supporting outlets give another in the same place is a fact_conflict, not an added figure", () => {
    const wire = BASE.map((p, i) => (i === 1 ? "The plant sorts 18,000 tons of glass, paper and plastic collected from households across the district." : p));
    // A translation: few words shared, the same statement by the support alignment, another figure in its place.
    const translated = BASE.map((p, i) => (i === 1 ? "The installation treats 21,000 tons of glass, paper and plastic of the households of the whole district." : p));
    const fs = flags(wire, wire, translated);
    expect(added(fs, 3).filter((f) => f.text.includes("21,000"))).toEqual([]);
    expect(fs.filter((f) => f.articleId === 3 && f.kind === "fact_conflict")).toHaveLength(1);
  });

  it("identical coverage yields no claim_added", () => {
    expect(flags(BASE, BASE, BASE).filter((f) => f.kind === "claim_added")).toEqual([]);
  });
});
