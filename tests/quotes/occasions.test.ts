import { describe, expect, it } from "vitest";
import { findOccasion, occasionsAgree } from "@/lib/quotes/occasions";

const occasion = (t: string) => findOccasion(t);

describe("findOccasion: the kind of occasion and the place an attribution names", () => {
  it("reads the kind of occasion", () => {
    expect(occasion("she said in a statement issued by the town council on Wednesday")?.kind).toBe("written");
    expect(occasion("In a letter he sent to the court last week, Arden wrote")?.kind).toBe("written");
    expect(occasion("Fenwick said in an interview with Vale Radio One")?.kind).toBe("interview");
    expect(occasion("hit back during question time in the Vale Assembly")?.kind).toBe("chamber");
    expect(occasion("the mayor, who addressed the board during the public comment period, said")?.kind).toBe("chamber");
    expect(occasion("Marchetti spoke to reporters after the vote")?.kind).toBe("press");
    expect(occasion("speaking at a news conference on Wednesday morning")?.kind).toBe("press");
  });

  it("reads where the words were said after a speech verb or an occasion word, not in any 'at' of the sentence", () => {
    expect(occasion("speaking at a news conference at Fennick Lane on Wednesday morning")).toMatchObject({ kind: "press", place: ["fennick", "lane"] });
    expect(occasion("Orlo said at IPP headquarters on Almont Street")?.place).toEqual(["ipp", "headquart"]);
    expect(occasion("Marchetti told reporters outside the council chamber afterwards")?.place).toEqual(["council", "chamber"]);
    // An occasion or a time after "at" is not a place; nor is an "at" the speech verb does not govern.
    expect(occasion("he told reporters at an off-camera briefing")?.place).toEqual([]);
    expect(occasion("she said at 2 p.m. on Tuesday")).toBeNull();
    expect(occasion("He argued that staying at the old ground was not an option.")).toBeNull();
    expect(occasion("said the mayor")).toBeNull();
  });
});

describe("occasionsAgree", () => {
  const at = (t: string) => findOccasion(t)!;
  it("one occasion told two ways agrees; another kind or another place does not", () => {
    expect(occasionsAgree(at("said at a news conference at Harbour House"), at("told reporters at Harbour House"))).toBe(true);
    expect(occasionsAgree(at("said at a news conference"), at("told reporters at Harbour House"))).toBe(true);
    expect(occasionsAgree(at("she said in a statement"), at("she said during question time"))).toBe(false);
    expect(occasionsAgree(at("speaking at the count centre"), at("said at IPP headquarters"))).toBe(false);
  });
});
