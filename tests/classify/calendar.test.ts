import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText } from "@/lib/types";

const art = (id: number, outlet: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Ferry crews strike at Orwen harbour", body: paras.join("\n\n"), publishedAt: null, language: null,
});

const strike = (day: string) => [
  `The Ferry Crews Union, which represents about 900 deckhands at the harbour, called the stoppage after talks with the operator broke down on ${day}.`,
  "The crews will be back at work at six on Thursday morning, the union said.",
  "Passengers were told to check the operator's website before travelling to the terminal.",
];

const rollout = (first: string) => [
  `The regional health board ${first}`,
  "Clinics will open at eight each morning in the three largest towns of the valley.",
  "Family doctors will write to every eligible patient in the first phase of the campaign.",
];

describe("fact_conflict: days named for several events", () => {
  it("a day disputed in the aligned statements is flagged on the one outlet that gives it, though the others name that day for another event", () => {
    const flags = analyzeStory([
      art(1, "Harbour Wire", strike("Friday")),
      art(2, "Orwen Courier", strike("Friday")),
      art(3, "Coastal Ledger", strike("Friday")),
      art(4, "Porto Notizie", strike("Thursday")),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([4]);
    expect(flags[0].text).toMatch(/broke down on Thursday/);
  });

  it("a weekday pinned to a date the other outlet also gives is another event, not a dispute", () => {
    const flags = analyzeStory([
      art(1, "Valley Wire", [...rollout("approved the new winter vaccine on Tuesday and set out a three-phase rollout for the valley."), "The first phase starts on Monday, September 28, with care homes."]),
      art(2, "Valley Courier", [...rollout("approved the new winter vaccine on Tuesday and set out a three-phase rollout for the valley."), "The first phase starts on Monday, September 28, with care homes."]),
      art(3, "Clinic Weekly", [...rollout("has approved the new winter vaccine, with a three-phase rollout for the valley that begins on Monday, September 28."), "Care homes come first."]),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags).toEqual([]);
  });

  it("a day told beside other figures belongs to another clause's event", () => {
    const deal = (last: string) => [
      "Harrier Air agreed to buy its rival Kestrel Airways for 2.1 billion crowns, the two carriers said.",
      last,
      "Regulators said they would review the deal closely before the summer.",
    ];
    const wire = "Harrier is paying 8.40 crowns for each Kestrel share, a premium of 31 percent to Kestrel's closing price on Tuesday.";
    const flags = analyzeStory([
      art(1, "Harbour Wire", deal(wire)),
      art(2, "Orwen Courier", deal(wire)),
      art(3, "Flight Diaries", deal("Harrier is paying 8.40 crowns a Kestrel share, and Kestrel's shares shot up 26.4 percent on Wednesday.")),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags).toEqual([]);
  });
});

describe("fact_conflict: each value of a statement is its own dispute", () => {
  it("a stray pairing of one figure does not hide the disputed one", () => {
    const base = (share: string) => [
      `The Progress Party won 27 of the 61 seats in the assembly, down from 34, with ${share} percent of the vote.`,
      "Turnout was the lowest since independence, the electoral commission said.",
      "Coalition talks are expected to begin next week in the capital.",
    ];
    // Only the wire gives the share; the brief's FAQ answer pairs the seat count with another figure.
    const flags = analyzeStory([
      art(1, "Isles Wire", base("37.8")),
      art(2, "Capital Gazette", ["Voters punished the governing party on Thursday.", "Its share was 37.8 percent.", ...base("37.8").slice(1)]),
      art(3, "Atlantic Ledger", base("35.8")),
      art(4, "Daily Brief", [...base("37.8").slice(1), "How many seats make a majority?", "A: 31 of the 61 seats in the assembly."]),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([3]);
    expect(flags[0].explanation).toContain("35.8");
  });
});

describe("fact_conflict: a clock time told in other shapes elsewhere", () => {
  it("when only two statements align, the time more articles give anywhere is the majority's: the other side is flagged", () => {
    const wire = [
      "A wildfire on the ridge above Orrin forced the whole town to leave on Monday evening.",
      "The provincial emergency office ordered the whole town to leave at 5:30 p.m. as the flames crossed the road.",
      "About 2,600 residents spent the night in two shelters in the city.",
    ];
    const ledger = [...wire.slice(0, 1), "The provincial emergency office ordered the town evacuated at 6:30 p.m. as the flames crossed the road.", wire[2]];
    const other = (line: string) => [wire[0], line, wire[2]];
    const flags = analyzeStory([
      art(1, "Ridge Wire", wire),
      art(2, "City Ledger", ledger),
      art(3, "National Times", other("At 5:30 p.m., with smoke over the main street, officials told everyone to go.")),
      art(4, "Evening Digest", other("Residents began leaving soon after the office issued its order at 5:30 p.m.")),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([2]);
  });

  it("the story's one day: an outlet naming one day where the others each name one other, and a statement that carries its own gives that other, is flagged however the statements are worded; several days in one of the others are several events", () => {
    const open = "The Orwen city council adopted next year's budget after a debate of almost nine hours.";
    const close = "The property tax rises by 7.5 percent from January, and the dikes get 48 million.";
    const wire = [open, "The city council of Orwen, capital of the delta province, voted through the budget and its tax rise late on Thursday.", close];
    const courier = [open, "Councillors backed the plan on Thursday night after amendments from the opposition failed.", close];
    const translated = [open, "The city council of Orwen, capital of the delta province, has on Wednesday evening decided the household for next year.", close];
    const run = (a: string[]) => analyzeStory([art(1, "Harbour Wire", a), art(2, "Orwen Courier", courier), art(3, "Porto Notizie", translated)]).flags.filter((f) => f.kind === "fact_conflict");
    const flags = run(wire);
    expect(flags.map((f) => [f.articleId, f.severity])).toEqual([[3, "medium"]]);
    expect(flags[0].explanation).toContain("Thursday");
    expect(run([...wire, "The mayor will present the plan to residents on Monday."])).toEqual([]);
  });
});

describe("fact_conflict: a clock time with its zone", () => {
  it("reads 'local time' as part of the time, so a translation's hour is compared with the others' in the same slot", () => {
    const crash = (when: string, tail: string) => [
      "A delivery lorry and a number 9 bus collided in the old town on Wednesday, and eleven passengers were taken to hospital.",
      `The bus, carrying about 40 passengers from the station towards the university, was hit ${when} ${tail}`,
      "The lorry driver was arrested at the scene and later released on bail, police said.",
    ];
    const said = "as it turned from Mill Road into Quay Lane, police said.";
    const flags = analyzeStory([
      art(1, "Harbour Wire", crash("at about 6:40 a.m.", said)),
      art(2, "Orwen Courier", crash("at about 6:40 a.m.", said)),
      art(3, "Coastal Ledger", crash("at about 6:40 a.m.", said)),
      art(4, "Porto Notizie", [
        "A delivery lorry and a bus of the line 9 collided in the old town on Wednesday, and eleven passengers came in the hospital.",
        "The accident happened at 7.40 a.m. local time in the curve from the Mill Road into the Quay Lane, in the middle of the old town.",
        "The driver of the lorry was arrested at the place and later released on bail, said the police.",
      ]),
    ]).flags.filter((f) => f.kind === "fact_conflict");
    expect(flags.map((f) => f.articleId)).toEqual([4]);
    expect(flags[0].text).toMatch(/7\.40 a\.m\. local time/);
  });
});

describe("fact_conflict: two days of two events", () => {
  it("a day swapped with the words around it, by an article that gives the other day itself, is another event's day", () => {
    const marina = (id: number, outlet: string, paras: string[]) => ({ id, outlet, source: `${outlet}.txt`, title: "Gale wrecks marina pontoons", body: paras.join("\n\n"), publishedAt: null, language: null });
    const open = "A gale drove heavy seas into the Saltby marina overnight on Sunday, and the harbour master closed the slipway until further notice.";
    const wire = [open, "The Saltby marina, a sheltered basin behind the north pier, lost two pontoons, and 12 of its 40 berths were damaged. Owners moved about 30 boats to the inner harbour before dawn."];
    const digest = [open, "Boat owners at the Saltby marina were counting the cost on Monday after the gale broke two pontoons on the north pier side, damaging 12 of its 40 berths and forcing them to move 30 boats."];
    const flags = analyzeStory([marina(1, "Wire", wire), marina(2, "Radio", wire), marina(3, "Paper", wire), marina(4, "Digest", digest)]).flags;
    expect(flags.filter((f) => f.kind === "fact_conflict")).toEqual([]);
  });
});
