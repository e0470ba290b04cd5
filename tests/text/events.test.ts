import { describe, expect, it } from "vitest";
import { extractEventCounts } from "@/lib/text";

const counts = (t: string) => extractEventCounts(t).map((e) => [e.event, e.value]);

describe("extractEventCounts", () => {
  it("ties each count of people to the nearest event word of its phrase, in sentences of any shape", () => {
    expect(counts("The quake struck on Wednesday, killing at least 27 people, injuring 163 and forcing about 4,800 from homes that collapsed.")).toEqual([
      ["killed", 27], ["injured", 163], ["displaced", 4800],
    ]);
    expect(counts("Three people were injured, dead there were none.")).toEqual([["injured", 3]]);
    expect(counts("The defect is linked to 37 crashes and 11 injuries.")).toEqual([["injured", 11]]);
    expect(counts("The quake has driven about 8,400 people from their homes.")).toEqual([["displaced", 8400]]);
  });

  it("a comma after the event word ends its clause: 'hurt, and all four' counts nobody hurt", () => {
    expect(counts("None was seriously hurt, and all four were said to be stable.")).toEqual([]);
    expect(counts("Two crew members were hurt, and 200 passengers were stranded.")).toEqual([["injured", 2]]);
  });

  it("reads floors, ceilings and approximations", () => {
    const [floor] = extractEventCounts("The blast killed at least 27 people.");
    expect(floor.bound).toBe("min");
    const [about] = extractEventCounts("About 4,800 people have been displaced.");
    expect(about.hedged).toBe(true);
  });

  it("a measure, a time or the agents of an event are no count of people", () => {
    expect(counts("Report dead fish to the agency's 24-hour incident hotline.")).toEqual([]);
    expect(counts("Toward the 16 the rescuers pulled a child alive from a collapsed house.")).toEqual([]);
    expect(counts("The train was stranded for 5 hours before two passengers were injured.")).toEqual([["injured", 2]]);
  });
});
