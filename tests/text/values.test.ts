import { describe, expect, it } from "vitest";
import { extractValues, frameOf, sameMeasure, sameSlotKind, termKey, type ValueMention } from "@/lib/text";

const only = (text: string, kind: ValueMention["kind"]) => extractValues(text).filter((v) => v.kind === kind);

describe("extractValues: clock times", () => {
  it("reads \"5:40 a.m.\" and \"5.40am\" as the same time", () => {
    const a = only("The ferry left the pier at 5:40 a.m. with forty cars aboard.", "time");
    const b = only("The ferry left the pier at 5.40am with forty cars aboard.", "time");
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0].text).toBe("5:40 a.m.");
    expect(b[0].text).toBe("5.40am");
    expect(a[0].key).toBe(b[0].key);
  });

  it("reads a continental time after a hedge ('at around 11.50', 'at about 17.50'), hedged, and still no rate", () => {
    const [t] = extractValues("The raid happened at around 11.50 o'clock in the morning.");
    expect([t.kind, t.key, t.hedged]).toEqual(["time", String(11 * 60 + 50), true]);
    expect(extractValues("Seats sold at about 2.50 a ticket.").filter((v) => v.kind === "time")).toEqual([]);
  });

  it("reads a continental time after 'at', 'until' or 'the' ('at 17.50', 'the 6.05 from Kestrelby'), not an amount, a range or a rate", () => {
    const at = only("At 17.50 the avalanche hit the road below the pass.", "time");
    expect(at.map((v) => v.text)).toEqual(["17.50"]);
    // 17.50 is 5:50 p.m.: another time than 4:50 p.m., the same as 5:50 p.m.
    expect(at[0].key).not.toBe(only("The avalanche hit at 4:50 p.m. on Sunday.", "time")[0].key);
    expect(at[0].key).toBe(only("The avalanche hit at 5:50 p.m. on Sunday.", "time")[0].key);
    expect(only("Passengers on the 6.05 from Kestrelby waited for hours.", "time").map((v) => v.key)).toEqual([String(6 * 60 + 5)]);
    expect(only("Shares closed at 14.50 euros on Friday.", "time")).toEqual([]);
    expect(only("The single fare rises from 2.40 to 2.90 florins.", "time")).toEqual([]);
    expect(only("Tickets are sold at 2.50 a ride.", "time")).toEqual([]);
    expect(only("Rates rose by 0.25 on Thursday.", "time")).toEqual([]);
  });

  it("compares a time without a.m./p.m. on a 12-hour dial", () => {
    const bare = only("Firefighters reached the warehouse at 3:20 this afternoon.", "time");
    const pm = only("Firefighters reached the warehouse at 3:20 p.m. on Friday.", "time");
    const am = only("Firefighters reached the warehouse at 3:20 a.m. on Friday.", "time");
    expect(bare).toHaveLength(1);
    expect(bare[0].key).toBe(pm[0].key);
    expect(bare[0].key).toBe(am[0].key);
  });

  it("keeps different times apart", () => {
    const a = only("The polls closed at 7 p.m. across the county.", "time");
    const b = only("The polls closed at 8 p.m. across the county.", "time");
    expect(a[0].key).not.toBe(b[0].key);
  });

  it("gives offsets into the text", () => {
    const text = "Doors open at 6:15 p.m. for the concert.";
    const [t] = only(text, "time");
    expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("extractValues: the 24-hour clock with 'hours'", () => {
  it("reads 'at 9.10 hours' as a time, and '9.5 hours' or 'waited 2.30 hours' as a stretch of time", () => {
    const [t] = extractValues("At 9.10 hours the vets decided to put her to sleep.");
    expect([t.kind, t.key, t.text]).toEqual(["time", String(9 * 60 + 10), "9.10 hours"]);
    expect(extractValues("Crews work shifts of 9.5 hours.").map((v) => v.kind)).toEqual(["count"]);
    expect(extractValues("Passengers waited 2.30 hours.").map((v) => v.kind)).toEqual(["count"]);
  });
});

describe("extractValues: a time's zone", () => {
  it("takes 'local time' or a zone after a clock time into the time, and nothing else", () => {
    expect(extractValues("It happened at 9.25 a.m. local time in the curve.").map((v) => v.text)).toEqual(["9.25 a.m. local time"]);
    expect(extractValues("Talks resume at 14:00 GMT.").map((v) => v.text)).toEqual(["14:00 GMT"]);
    expect(extractValues("It ended at 5 p.m. Local residents cheered.").map((v) => v.text)).toEqual(["5 p.m."]);
  });
});

describe("extractValues: scores and votes", () => {
  it("reads a hyphenated score", () => {
    const s = only("Rovers beat the visitors 4-0 in front of a packed stand.", "score");
    expect(s.map((v) => v.key)).toEqual(["4-0"]);
  });

  it("reads \"5 to 2 votes\" as the same result as \"5-2\"", () => {
    const words = only("The planning board passed the zoning change by 5 to 2 votes.", "score");
    const dash = only("The planning board passed the zoning change 5-2.", "score");
    expect(words).toHaveLength(1);
    expect(words[0].text).toBe("5 to 2 votes");
    expect(words[0].key).toBe(dash[0].key);
  });

  it("reads a tally in words ('by 112 votes to 96', '112 votes in favour, 96 against', '112 to 96' in a statement about a vote) as one result, whichever side comes first", () => {
    const key = (t: string) => only(t, "score").map((v) => v.key);
    expect(key("The assembly passed the levy by 112 votes to 96 on Friday.")).toEqual(["112-96"]);
    expect(key("The assembly passed the levy with 112 votes in favour, 96 against and 4 abstentions.")).toEqual(["112-96"]);
    expect(key("The assembly voted for the levy, 112 to 96, after a long debate.")).toEqual(["112-96"]);
    // Told from the losing side: the same result.
    expect(key("The motion to scrap the levy failed with 96 to 112 votes.")).toEqual(["112-96"]);
    // A change, a range of ages: no tally, even beside a vote.
    expect(key("After the vote the levy rises from 58 to 68 florins.")).toEqual([]);
    expect(key("Residents aged 18 to 25 voted in greater numbers.")).toEqual([]);
  });

  it("does not read a range of dates as a score", () => {
    expect(only("The lantern festival runs June 11-13 along the river.", "score")).toEqual([]);
  });
});

describe("extractValues: percentages and money", () => {
  it("reads 62% and 62 percent as one percentage", () => {
    const a = only("Turnout in the district reached 62% this spring.", "percent");
    const b = only("Turnout in the district reached 62 percent this spring.", "percent");
    expect(a).toHaveLength(1);
    expect(a[0].key).toBe("62");
    expect(b[0].key).toBe("62");
  });

  it("scales and tags money with its currency", () => {
    const [m] = only("The county spent £2.4 million repairing the old library roof.", "money");
    expect(m.key).toBe("2400000");
    expect(Number(m.key)).toBe(2_400_000);
    expect(m.unit).toBe("gbp");
    expect(m.text).toBe("£2.4 million");
  });

  it("reads a currency word after the number as the same amount as the sign", () => {
    const [sign] = only("The county spent £2.4 million repairing the roof.", "money");
    const [word] = only("The county spent 2,400,000 pounds repairing the roof.", "money");
    expect(word.key).toBe(sign.key);
    expect(word.unit).toBe(sign.unit);
  });

  it("distinguishes currencies", () => {
    const [usd] = only("The grant was worth $5 million to the port.", "money");
    const [eur] = only("The grant was worth €5 million to the port.", "money");
    expect(usd.unit).toBe("usd");
    expect(eur.unit).toBe("eur");
    expect(sameSlotKind(usd, eur)).toBe(false);
  });
});

describe("extractValues: counts of things", () => {
  it("counts the word after the number, with thousands separators", () => {
    const [c] = only("The flood forced 3,200 residents of the Merrow valley from their homes.", "count");
    expect(c.key).toBe("3200");
    expect(c.unit).toBe(termKey("residents"));
    expect(c.text).toBe("3,200 residents");
  });

  it("reads past a capitalised modifier to the counted noun and reads number words", () => {
    const [c] = only("Drones struck five Ukrainian regions overnight, the air force said.", "count");
    expect(c.key).toBe("5");
    expect(c.unit).toBe(termKey("regions"));
    expect(c.text).toBe("five Ukrainian regions");
  });

  it("counts of different things are not the same slot; of the same thing they are", () => {
    const [a] = only("The shelter took in 40 dogs last week.", "count");
    const [b] = only("The shelter took in 55 dogs last week.", "count");
    const [c] = only("The shelter took in 40 cats last week.", "count");
    expect(sameSlotKind(a, b)).toBe(true);
    expect(sameSlotKind(a, c)).toBe(false);
  });

  it("a lone 'one' counts a unit of time after it ('one week of salary' is the 'two weeks' pay' of another outlet), never a pronoun", () => {
    const [w] = only("The dismissed workers will receive an indemnity of one week of salary for each year worked.", "count");
    const [x] = only("Laid-off workers will receive two weeks' pay for each year of service.", "count");
    expect([w.key, w.text]).toEqual(["1", "one week"]);
    expect(sameSlotKind(w, x)).toBe(true);
    expect(only("One of the workers said the pay was fair.", "count")).toEqual([]);
    expect(only("One day the mine will reopen, he said.", "count")).toEqual([]);
  });
});

describe("sameMeasure: one measure in two units", () => {
  const count = (text: string) => extractValues(text).find((v) => v.kind === "count")!;
  it("converts kilometres and miles within rounding, and keeps different measures apart", () => {
    expect(sameMeasure(count("The route is 31 kilometres long."), count("The route is 19 miles long."))).toBe(true);
    expect(sameMeasure(count("The route is 40 kilometres long."), count("The route is 19 miles long."))).toBe(false);
  });

  it("reads a ton as any of its sizes (metric, short, long), a tonne as a tonne", () => {
    expect(sameMeasure(count("Traders threw away 30 tons of fish."), count("Traders threw away around 27 tonnes of fish."))).toBe(true);
    expect(sameMeasure(count("Traders threw away 30 tons of fish."), count("Traders threw away 30.5 tonnes of fish."))).toBe(true);
    expect(sameMeasure(count("Traders threw away 30 tons of fish."), count("Traders threw away 24 tonnes of fish."))).toBe(false);
    expect(sameMeasure(count("Traders threw away 30 tonnes of fish."), count("Traders threw away 27 tonnes of fish."))).toBe(false);
  });
});

describe("extractValues: ages", () => {
  it("reads an age however it is written, in a slot of its own (not a stretch of years)", () => {
    for (const text of [
      "Bellamy, 31, the oldest horse of the city stables, died on Monday.",
      "The horse died on Monday at the age of 31.",
      "The 31-year-old horse died on Monday.",
      "The horse, aged 31, died on Monday.",
      "The horse died at 31 after a short illness.",
      "The horse died on Monday. She was 31. Keepers found her lying down.",
      "The old horse Bellamy, of 31 years and the oldest of the city stables, died on Monday.",
    ]) {
      const [age] = only(text, "count");
      expect({ text, key: age.key, unit: age.unit }).toEqual({ text, key: "31", unit: "age" });
    }
    const [stretch] = only("The horse worked at the city stables for 24 years.", "count");
    expect(stretch.unit).not.toBe("age");
  });

  it("reads no age in a clock time, a range of ages or a lease", () => {
    const ages = (text: string) => extractValues(text).filter((v) => v.unit === "age");
    expect(ages("The horse died at 9:40 on Monday.")).toEqual([]);
    expect(ages("Riders aged 15 to 24 pay half.")).toEqual([]);
    expect(ages("The stables signed a lease of 25 years.")).toEqual([]);
  });
});

describe("extractValues: names and hedges", () => {
  it("ignores digits inside names (G7, COVID-19)", () => {
    expect(extractValues("Leaders of the G7 met to discuss COVID-19 vaccines for poorer nations.")).toEqual([]);
  });

  it("marks hedged values and leaves exact ones unmarked", () => {
    const [about] = only("About 400 volunteers cleaned the beach on Sunday.", "count");
    const [least] = only("The storm damaged at least 70 houses near the coast.", "count");
    const [exact] = only("The storm damaged 70 houses near the coast.", "count");
    expect(about.hedged).toBe(true);
    expect(least.hedged).toBe(true);
    expect(exact.hedged).toBeFalsy();
  });

  it("returns values in text order", () => {
    const vs = extractValues("At 9:15 a.m. on Tuesday, 120 passengers boarded a ferry that cost $3 million.");
    expect(vs.map((v) => v.kind)).toEqual(["time", "weekday", "count", "money"]);
    for (let i = 1; i < vs.length; i++) expect(vs[i].start).toBeGreaterThan(vs[i - 1].start);
  });
});

describe("extractValues bounds and periods", () => {
  it("reads lower and upper bounds from the words before a figure; 'up to' states a limit", () => {
    const [more] = extractValues("More than 180 people were killed.");
    const [under] = extractValues("Under 50 percent of voters turned out.");
    const [upTo] = extractValues("Fines of up to $2,500 apply.");
    const [exact] = extractValues("Some 12 people were hurt.");
    expect(more.bound).toBe("min");
    expect(under.bound).toBe("max");
    expect(upTo.bound).toBeUndefined();
    expect(exact.bound).toBeUndefined();
  });

  it("reads the period a figure covers: a rate or a span, not 'a day after'", () => {
    const period = (s: string) => extractValues(s)[0].period;
    expect(period("It costs $2 million a year to run.")).toBe("per-year");
    expect(period("Rents rose 3 percent annually.")).toBe("per-year");
    expect(period("They will spend $5 trillion over the next decade.")).toBe("span-10-year");
    expect(period("They spent $40 billion over five years.")).toBe("span-5-year");
    expect(period("Police arrested 5 people a day after the vote.")).toBeUndefined();
    expect(period("The plan costs $6 trillion.")).toBeUndefined();
  });
});

describe("extractValues: days that mark a boundary", () => {
  it("reads until/from/by before a day or time, but not 'shortly after'", () => {
    const b = (s: string) => extractValues(s).map((v) => [v.kind, v.boundary ?? null]);
    expect(b("The stoppage runs until 7 a.m. on Thursday, May 14.")).toEqual([["time", "end"], ["weekday", "end"], ["month_day", "end"]]);
    expect(b("Applications are open from Monday.")).toEqual([["weekday", "start"]]);
    expect(b("The nurses walked out at 7 a.m. on Tuesday.")).toEqual([["time", null], ["weekday", null]]);
    expect(b("The fire started shortly after 6.40 a.m.")).toEqual([["time", null]]);
  });
});

describe("sameSlotKind", () => {
  it("requires the same kind as well as the same unit", () => {
    const [pct] = only("Prices rose 12% in March.", "percent");
    const [time] = only("The shop opened at 12:00 on Monday.", "time");
    expect(sameSlotKind(pct, pct)).toBe(true);
    expect(sameSlotKind(pct, time)).toBe(false);
  });
});

describe("frameOf: the stretch of time a clause is told of", () => {
  it("reads relative periods, nights and days", () => {
    expect(frameOf("were born at the unit last year")).toBe("last-year");
    expect(frameOf("in the past month alone")).toBe("last-month");
    expect(frameOf("three babies were born overnight")).toBe("night");
    expect(frameOf("what happened in the town last night")).toBe("night");
    expect(frameOf("the council will vote next week")).toBe("next-week");
    expect(frameOf("the figures published yesterday")).toBe("yesterday");
    expect(frameOf("the unit has 14 beds")).toBeNull();
  });
});
