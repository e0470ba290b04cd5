import { describe, expect, it } from "vitest";
import { MAX_STATEMENT_VALUES } from "@/lib/classify/values";
import { findAlignedValueConflicts, findValueConflicts } from "@/lib/classify/values";
import { alignStory } from "@/lib/align";
import { analyzeArticle, analyzeStory } from "@/lib/analyze";
import { extractValues } from "@/lib/text";

describe("findValueConflicts: the same slot with a different value", () => {
  it("a different clock time for the same event", () => {
    const c = findValueConflicts(
      "The fire at the Corran paper mill was reported to emergency services at 5:40 a.m. on Monday.",
      "The fire at the Corran paper mill was reported to emergency services at 6:40 a.m. on Monday.",
    );
    expect(c).toHaveLength(1);
    expect(c[0].kind).toBe("time");
    expect(c[0].mine.text).toBe("5:40 a.m.");
    expect(c[0].theirs.text).toBe("6:40 a.m.");
  });

  it("a different vote, whichever way each side writes it", () => {
    const c = findValueConflicts(
      "The Halden city council approved the harbour budget by 5 to 2 votes on Tuesday.",
      "The Halden city council approved the harbour budget 4-3 on Tuesday.",
    );
    expect(c.map((x) => [x.kind, x.mine.key, x.theirs.key])).toEqual([["score", "5-2", "4-3"]]);
  });

  it("a different count of the same thing", () => {
    const c = findValueConflicts(
      "The flood forced 3,200 residents of the Merrow valley from their homes.",
      "The flood forced 2,100 residents of the Merrow valley from their homes.",
    );
    expect(c).toHaveLength(1);
    expect(c[0].kind).toBe("count");
    expect(c[0].theirs.text).toBe("2,100 residents");
  });

  it("a different amount of money and a different percentage", () => {
    expect(findValueConflicts(
      "The city of Brell spent £2.4 million on the new library roof last year.",
      "The city of Brell spent £3.1 million on the new library roof last year.",
    ).map((x) => x.kind)).toEqual(["money"]);
    expect(findValueConflicts(
      "Unemployment in the province rose to 7.5 percent in March, the statistics office said.",
      "Unemployment in the province rose to 6.1 percent in March, the statistics office said.",
    ).map((x) => x.kind)).toEqual(["percent"]);
  });
});

describe("findValueConflicts: one of several figures in a clause, singled out by its own words", () => {
  const two = "Judge Ilse Marsh fined Arden, 61, $350,000 and ordered him to forfeit the $612,000 he received as consultancy fees.";
  it("a lone fine answers the fine of 'fined ... and ordered him to forfeit ...', not the forfeiture", () => {
    const c = findValueConflicts("Judge Ilse Marsh sentenced Arden on Thursday, and also fined him $530,000.", two);
    expect(c.map((x) => [x.mine.text, x.theirs.text])).toEqual([["$530,000", "$350,000"]]);
  });
  it("a figure whose own words lead to none of the several (a total) contests none of them", () => {
    expect(findValueConflicts("Judge Ilse Marsh said Arden must pay $962,000 to the city.", two)).toEqual([]);
  });
});

describe("findValueConflicts: no conflict", () => {
  it("the same value written two ways", () => {
    expect(findValueConflicts(
      "The city of Brell spent £2.4 million on the new library roof last year.",
      "The city of Brell spent 2,400,000 pounds on the new library roof last year.",
    )).toEqual([]);
  });

  it("figures told of two different stretches of time ('last year' / 'overnight') are two figures", () => {
    expect(findValueConflicts("About 1,400 babies were born at the unit last year.", "Three babies were born at the unit overnight.")).toEqual([]);
    // The same stretch, or one side silent about it, still compares.
    expect(findValueConflicts("About 1,400 babies were born at the unit last year.", "About 1,900 babies were born at the unit last year.")).toHaveLength(1);
    expect(findValueConflicts("Eleven women were diverted from the unit overnight.", "Fourteen women were diverted from the unit.")).toHaveLength(1);
  });

  it("a statement that carries both values disagrees with neither", () => {
    const both = "The central bank raised its main rate from 4.25 to 4.75 percent on Thursday.";
    const one = "The central bank raised its main rate to 4.75 percent on Thursday.";
    expect(findValueConflicts(both, one)).toEqual([]);
    expect(findValueConflicts(one, both)).toEqual([]);
  });

  it("a round figure and a precise one close to it (rounding)", () => {
    expect(findValueConflicts(
      "The government announced a $700 billion package for highway repairs.",
      "The government announced a $716 billion package for highway repairs.",
    )).toEqual([]);
  });

  it("an enumeration of several values contests none of them", () => {
    const list = "Turnout was 8% in Vellmar, 6% in Ostra and 5% in Kessingen, election officials said.";
    const single = "Turnout was 9% in Vellmar, election officials said.";
    expect(findValueConflicts(list, single)).toEqual([]);
    expect(findValueConflicts(single, list)).toEqual([]);
  });

  it("values about different subjects", () => {
    expect(findValueConflicts(
      "The new stadium in Brell will hold 40,000 fans, the club said.",
      "The old airport in Tasso handled 12,000 passengers last month, the ministry said.",
    )).toEqual([]);
    expect(findValueConflicts(
      "Police said 14 people were arrested after the match in Dorrow.",
      "Officials in Dorrow said 14 schools would close for the holiday on Friday.",
    )).toEqual([]);
  });

  it("bounds that can both hold: two lower bounds, or a figure inside the other's bound", () => {
    expect(findValueConflicts(
      "More than 180 people were killed in storms across the region over the holiday, officials said.",
      "At least 150 people were killed in storms across the region over the holiday, officials said.",
    )).toEqual([]);
    expect(findValueConflicts(
      "Officials reported 189 people killed in storms across the region over the holiday.",
      "Officials reported at least 150 people killed in storms across the region over the holiday.",
    )).toEqual([]);
    expect(findValueConflicts(
      "The council said fewer than 40 families had applied for the housing grant so far.",
      "The council said 35 families had applied for the housing grant so far.",
    )).toEqual([]);
  });

  it("a figure outside the other's bound, and two different limits, still disagree", () => {
    expect(findValueConflicts(
      "Officials reported 120 people killed in storms across the region over the holiday.",
      "Officials reported at least 150 people killed in storms across the region over the holiday.",
    )).toHaveLength(1);
    expect(findValueConflicts(
      "Landlords who ignore the rule face fines of up to $2,500 a day, the council said.",
      "Landlords who ignore the rule face fines of up to $2,000 a day, the council said.",
    )).toHaveLength(1);
  });

  it("figures for different periods are different figures (a decade's spending against one year's budget)", () => {
    expect(findValueConflicts(
      "The governor will propose $5 billion in new state spending over the next decade, aides said on Friday.",
      "The governor will propose a $6 billion state budget on Friday that raises spending, aides said.",
    )).toEqual([]);
    expect(findValueConflicts(
      "The governor will propose $5 billion in new state spending a year, aides said on Friday.",
      "The governor will propose $6 billion in new state spending a year, aides said on Friday.",
    )).toHaveLength(1);
  });

  it("a part of a counted whole is a count of those things; the whole both give is common ground", () => {
    expect(findValueConflicts(
      "On the first morning of the strike, 31 of the group's 58 wards were running on reduced staffing.",
      "Forty-one of its 58 wards were running with reduced staffing on Tuesday.",
    )).toHaveLength(1);
    // A part against the whole is no conflict.
    expect(findValueConflicts(
      "On the first morning of the strike, 31 of the group's 58 wards were running on reduced staffing.",
      "The group runs 58 wards, which were running on reduced staffing during the strike.",
    )).toEqual([]);
  });

  it("a statement dense with figures is compared when all its other figures agree", () => {
    expect(findValueConflicts(
      "The breach affects 412,000 household accounts, about 63 percent of the company's 780,000 household accounts.",
      "Hackers stole the records of 412,000 household customers, about 53 percent of its 780,000 household accounts.",
    )).toHaveLength(1);
  });

  it("a unit of measure in another spelling is the same unit (km, kilometres)", () => {
    const [km] = extractValues("A 23 km stretch of the river was polluted.");
    const [kilometres] = extractValues("It polluted 32 kilometres of the river.");
    expect(km.unit).toBe("km");
    expect(kilometres.unit).toBe("km");
  });

  it("a figure the other statement gives too, in another construction, is not in dispute", () => {
    expect(findValueConflicts(
      "The club's current stadium, Fennick Road, has 16,500 seats.",
      "It will have 28,000 seats, compared with 16,500 at Fennick Road, the club's current ground.",
    )).toEqual([]);
  });

  it("the date of a dateline is the filing date, not a fact of the statement", () => {
    expect(findValueConflicts(
      "A researcher told the agency she had seen a listing on a criminal forum on 8 June offering customer records.",
      "TOLLCASTER, June 11 (Halyard Press) - A criminal forum listing was offering customer records, a researcher said.",
    )).toEqual([]);
  });

  it("the day something ends is not a version of the day it starts", () => {
    expect(findValueConflicts(
      "The nurses of the hospital group walked out at 7 a.m. on Tuesday for 48 hours at three hospitals.",
      "The nurses' stoppage at the hospital group runs until 7 a.m. on Thursday at three hospitals.",
    )).toEqual([]);
    expect(findValueConflicts(
      "The nurses of the hospital group walked out at 7 a.m. on Tuesday for 48 hours at three hospitals.",
      "The nurses of the hospital group walked out at 7 a.m. on Wednesday for 48 hours at three hospitals.",
    )).toHaveLength(1);
  });

  it("a day in another clause of the statement belongs to that clause's event", () => {
    const one = "Four passengers were taken by ambulance to the city hospital with severe dehydration on Sunday.";
    expect(findValueConflicts(one, "Four passengers were taken by ambulance to the city hospital with severe dehydration; two remained there on Monday.")).toEqual([]);
    expect(findValueConflicts(one, "Four passengers were taken by ambulance to the city hospital with severe dehydration, and two were still being treated on Monday.")).toEqual([]);
    expect(findValueConflicts(one, "Four passengers were taken by ambulance to the city hospital with severe dehydration on Monday.")).toHaveLength(1);
  });

  it("a figure given for comparison is not the statement's own: the share now is compared, not the share four years ago", () => {
    const won = "The Progress Party won 27 of the 61 seats in the assembly, down from 34, with 35.8 percent of the vote.";
    const fell = "The Progress Party's share of the vote fell to 37.8 percent from 44.1 percent four years ago, while the Renewal party climbed to 34.2 percent.";
    const c = findValueConflicts(won, fell);
    expect(c.map((x) => [x.mine.text, x.theirs.text])).toEqual([["35.8 percent", "37.8 percent"]]);
    // The same share on both sides: nothing to dispute, whatever the earlier figure.
    expect(findValueConflicts(won.replace("35.8", "37.8"), fell)).toEqual([]);
  });

  it("a plus sign after a figure makes it a floor ('$1 trillion+' does not dispute '$6 trillion')", () => {
    expect(findValueConflicts(
      "The president will present his third $1 trillion+ spending package to Congress on Wednesday.",
      "The president will present another spending package to Congress, bringing the total to $6 trillion.",
    )).toEqual([]);
    expect(extractValues("a $1 trillion+ package")[0].bound).toBe("min");
  });

  it("in statements already aligned (a translation), the one value of its kind on each side fills the same slot, few shared words or not; a part of a total does not", () => {
    const wire = "Youth unemployment, for people aged 15 to 24, rose to 16.8 percent from 15.1 percent.";
    const translated = "The unemployment of the young of 15 to 24 years climbs to 18.6 %, against 15.1 % in the third trimester.";
    expect(findValueConflicts(translated, wire)).toEqual([]);
    expect(findValueConflicts(translated, wire, { aligned: true }).map((c) => [c.mine.text, c.theirs.text])).toEqual([["18.6 %", "16.8 percent"]]);
    expect(findValueConflicts(
      "The ministry released 40 million crowns in aid, of which 15 million crowns is for housing.",
      "The ministry has allocated 40 million crowns of aid, the province another 6 million crowns.",
      { aligned: true },
    )).toEqual([]);
  });

  it("a tally in words disputes another tally of the same vote; the same tally told from the losing side does not", () => {
    const won = "The assembly adopted the 2027 budget by 24 votes to 15 late on Thursday.";
    expect(findValueConflicts("The assembly adopted the 2027 budget by 25 votes to 14 late on Thursday.", won).map((c) => [c.kind, c.mine.key, c.theirs.key])).toEqual([["score", "25-14", "24-15"]]);
    expect(findValueConflicts("The amendment to cap the rise failed with 15 to 24 votes.", "The amendment to cap the rise was defeated by 24 votes to 15.")).toEqual([]);
  });

  it("two figures changed from the same figure fill one slot, however many figures the other statement lists ('from 12 to 15' / 'from 12 to 14')", () => {
    const mine = "The Varnholm day pass goes up from 12 to 15 florins (roughly from 1.10 to 1.40 euros).";
    const theirs = "The single fare will rise from 1.80 to 2.10 florins and the day ticket from 12 to 14 florins.";
    expect(findValueConflicts(mine, theirs).map((c) => [c.mine.text, c.theirs.text])).toEqual([["15 florins", "14 florins"]]);
    expect(findValueConflicts(mine, "A day ticket will cost 14 florins, up from 12, and a single fare 2.10 florins.").map((c) => c.theirs.text)).toEqual(["14 florins"]);
    // The same change told twice, and a change from another figure (another ticket, few shared words), dispute nothing.
    expect(findValueConflicts(mine, theirs.replace("to 14", "to 15"))).toEqual([]);
    expect(findValueConflicts(mine, "The single fare will rise from 1.80 to 2.10 florins and the weekly pass from 40 to 45 florins.")).toEqual([]);
  });

  it("two times within half an hour, one approximate, are one time; a year completing a date is no version of a bare year", () => {
    expect(findValueConflicts("Ashgrove spoke to supporters at the Old Customs House shortly before 3 a.m.", "Ashgrove told supporters at the Old Customs House at about 2:45 a.m.")).toEqual([]);
    expect(findValueConflicts("Ashgrove spoke to supporters at the Old Customs House at 4 a.m.", "Ashgrove told supporters at the Old Customs House at 2:45 a.m.")).toHaveLength(1);
    expect(findValueConflicts("The islands woke up to a hung parliament on Friday, August 7, 2026.", "The last hung parliament, in 1998, produced a coalition that lasted 14 months.")).toEqual([]);
  });

  it("'by' and 'until' both mark where something ends: two such days for one deadline disagree", () => {
    expect(findValueConflicts(
      "By the constitution, the new House of Assembly must meet at the latest until 17 August.",
      "The new House of Assembly must meet by 27 August, under the constitution.",
    )).toHaveLength(1);
  });

  it("a statement without values", () => {
    expect(findValueConflicts("The council met on a rainy evening.", "The council met at 7 p.m.")).toEqual([]);
  });
});

describe("findSlotConflicts: an FAQ answer takes its predicate from its question", () => {
  it("'Three of the board's nine members' answering 'Who voted against?' is no version of 'names four of nine members of the board'", async () => {
    const { analyzeStory } = await import("@/lib/analyze");
    const art = (id: number, outlet: string, paras: string[]) => ({
      id, outlet, source: `${outlet}.txt`, title: "Fares rise", body: paras.join("\n\n"), publishedAt: null, language: null,
    });
    const base = ["The transit board voted 6-3 on Thursday to raise the single fare and cut two night routes.", "The new fares take effect on April 1."];
    const flags = analyzeStory([
      art(1, "Wire", [...base, "The mayor, who names four of the nine members of the board, criticised the vote."]),
      art(2, "Paper", [...base, "The mayor, who names four of the nine members of the board, criticised the vote."]),
      art(3, "Pulse", [...base, "Frequently Asked Questions", "Who voted against?", "Three of the board's nine members, including Sabine Roche."]),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags).toEqual([]);
  });
});

describe("statements too crowded to read slot by slot", () => {
  it("a statement with more figures than MAX_STATEMENT_VALUES is a table: its figures are not compared; a short one's are", () => {
    const statement = (extra: number, first: string) =>
      `Repairs to the ring road will cost ${first} and take eight weeks, the council said${Array.from({ length: extra }, (_, k) => `, with ${k + 2} crews`).join("")}.`;
    expect(findValueConflicts(statement(0, "£4.5 million"), statement(0, "£6.2 million"))).toHaveLength(1);
    expect(findValueConflicts(statement(MAX_STATEMENT_VALUES, "£4.5 million"), statement(MAX_STATEMENT_VALUES, "£6.2 million"))).toEqual([]);
  });
});

/** Articles of one story for analyzeStory: each outlet's paragraphs under the story's title. */
const outletsOf = (title: string) => (id: number, outlet: string, paras: string[]) => ({ id, outlet, source: `${outlet}.txt`, title, body: paras.join("\n\n"), publishedAt: null, language: null });

describe("fact_conflict by slot: a counterpart that holds both figures", () => {
  it("gives this figure elsewhere, so its other figure matched by a few shared words is no dispute ('costs 390 million in total' / 'total spending rises to 1.46 billion')", () => {
    const art = outletsOf("Orrel council adopts budget");
    const open = "The Orrel city council adopted the 2027 budget late on Thursday after a debate of nine hours.";
    const paper = [open, "The 48 million crowns for the dikes next year is the first phase of a ten-year, 390-million-crown programme to strengthen the city's flood defences.", "Total spending rises to 1.46 billion crowns, from 1.40 billion this year."];
    const wire = [open, "The dikes along the river get 48 million crowns next year.", "The budget sets overall expenditure for 2027 at 1.46 billion crowns, up 4.1 percent."];
    const digest = [open, "The dikes get 48 million crowns next year.", "It is the first stage of a flood protection programme over ten years, which costs 390 million crowns in total."];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Radio", wire), art(3, "Paper", paper), art(4, "Digest", digest)]).flags;
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });

  it("a figure of theirs that this article gives in another statement is common ground, so their other figure is the one this statement's answers", () => {
    const art = outletsOf("Orrel council adopts budget");
    const open = "The Orrel city council adopted the 2027 budget late on Thursday after a debate of nine hours.";
    const wire = [open, "The budget puts 48 million crowns into reinforcing the river dikes next year, the first part of a ten-year, 390-million-crown flood programme."];
    const digest = [open, "Of the money, 84 million crowns flow next year into the strengthening of the river dikes.", "It is the first stage of a flood programme over ten years, which costs 390 million crowns in total."];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Radio", wire), art(3, "Digest", digest)]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => [f.articleId, f.text.slice(0, 40)])).toEqual([[3, "Of the money, 84 million crowns flow nex"]]);
    expect(flags[0].explanation).toContain("48 million");
  });

  it("an age told as a translation tells it ('Bellamy, of 31 years') is not a stretch of years another outlet gives ('worked there for 24 years')", () => {
    const art = outletsOf("City stables' oldest horse dies");
    const wire = ["Bellamy, the draught horse who worked at the Kettering Road city stables for 24 years, died on Monday at the age of 31.", "Vets had treated her for arthritis since the spring, the stables said."];
    const paper = ["For 24 years, Bellamy the draught horse worked at the Kettering Road city stables. She died on Monday, at the age of 31.", "Vets had treated her for arthritis since the spring, the stables said."];
    const letter = ["Bellamy, the draught horse who worked at the Kettering Road city stables for 24 years, died on Monday. She was 31.", "Vets had treated her for arthritis since the spring, the stables said."];
    const translated = ["The draught horse Bellamy, of 31 years and the oldest of the Kettering Road city stables, died this Monday.", "The veterinarians treated her for arthritis since the spring, said the stables."];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Paper", paper), art(3, "Letter", letter), art(4, "Translated", translated)]).flags;
    expect(flags.filter((f) => f.kind === "fact_conflict").map((f) => f.text)).toEqual([]);
  });

  it("two parts of the same whole fill one slot ('damaging 18 of its 40 berths' / '12 of its 40 berths were damaged'), even with little else around them", () => {
    const art = outletsOf("Gale wrecks marina pontoons");
    const open = "A gale drove heavy seas into the Saltby marina overnight on Sunday, and the harbour master closed the slipway until further notice.";
    const wire = [open, "The Saltby marina, a sheltered basin behind the north pier, lost two pontoons, and 12 of its 40 berths were damaged. Owners moved about 30 boats to the inner harbour before dawn."];
    const digest = [open, "Boat owners at the Saltby marina were counting the cost after the gale broke two pontoons on the north pier side, damaging 18 of its 40 berths and forcing them to move 30 boats."];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Radio", wire), art(3, "Paper", wire), art(4, "Digest", digest)]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([4]);
    expect(flags[0].explanation).toContain("12");
  });

  it("a bound written 'more than 32,000' is the outlet's figure, not one given for comparison: it disputes 'about 23,000' in the same slot", () => {
    const art = outletsOf("Storm cuts power across the valley");
    const open = "Storm Idris brought gusts of up to 80 mph to the Tarran valley overnight, bringing down trees across the main roads.";
    const wire = [open, "About 23,000 homes and businesses across the valley lost power during the storm, the network operator said."];
    const digest = [open, "Across the valley, more than 32,000 homes and businesses lost power."];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Radio", wire), art(3, "Paper", wire), art(4, "Digest", digest)]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([4]);
    expect(flags[0].explanation).toContain("23,000");
  });

  it("a lone figure of a kind on each side of a paired statement still shares a word besides its unit ('pay £8,400 towards the costs' does not answer 'a fine of 120,000 pounds')", () => {
    const art = (id: number, text: string) => analyzeArticle({ id, outlet: `O${id}`, source: `${id}.txt`, title: "Club fined", body: text, publishedAt: null, language: null });
    const costs = art(1, "The commission, which heard the case on Tuesday, also ordered Rovers to pay £8,400 towards the costs of the proceedings.");
    const pair = (text: string) => findAlignedValueConflicts(alignStory([costs, art(2, text)]), 0, 0, 1, 0).map((c) => `${c.mine.text}/${c.theirs.text}`);
    expect(pair("The disciplinary commission imposed to the club a fine of 120,000 pounds for the incidents of the derby.")).toEqual([]);
    expect(pair("The commission, which heard the case on Tuesday, also obliged Rovers to pay 4,800 pounds for the costs of the procedure.")).toEqual(["£8,400/4,800 pounds"]);
  });

  it("a small count the other article gives only as a count of something else does not make it hold this figure ('four masked men' / 'three masked men' beside 'four display cabinets')", () => {
    const art = outletsOf("Jewellery shop raided");
    const tail = ["Two of the men smashed four display cabinets with sledgehammers while another kept watch at the door.", "Police said the gang escaped in a grey estate car that was later found burnt out near the ring road."];
    const wire = ["Three masked men raided the Pell & Daughter jewellery shop on Mercer Street in Hallam on Thursday morning and escaped with watches worth about $200,000.", ...tail];
    const digest = ["Four masked men stormed the Pell & Daughter jewellery shop on Mercer Street in Hallam on Thursday morning, escaping with watches worth about $200,000.", ...tail];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Radio", wire), art(3, "Paper", wire), art(4, "Digest", digest)]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([4]);
  });

  it("nor does the other statement, or this article, give it when it counts something else there ('two parked cars ..., and three terraced houses' against 'three parked cars' beside 'two weeks')", () => {
    const art = outletsOf("Church spire falls in storm");
    const head = "The top of a church spire crashed into Fennick Street in Tallowmere late on Tuesday as a storm swept across the region.";
    const wire = [head, "Falling stone crushed two parked cars, and three terraced houses opposite the church had their windows smashed."];
    // Told in other words (the slot reading, not the sentence alignment, pairs the two), beside the digest's own
    // "two weeks": that is no more the "two parked cars" than the wire's "three terraced houses" is its three cars.
    const digest = [head, "A section of the spire came down on the street, crushing three parked cars and leaving a pedestrian in hospital.", "Fennick Street is expected to stay closed for two weeks."];
    const flags = analyzeStory([art(1, "Wire", wire), art(2, "Radio", wire), art(3, "Paper", wire), art(4, "Digest", digest)]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([4]);
    expect(flags[0].explanation).toMatch(/three parked.*two parked/);
  });
});
