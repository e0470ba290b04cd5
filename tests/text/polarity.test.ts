import { describe, expect, it } from "vitest";
import { arePrefixOpposites, isHedge, isNegation, oppositeOf } from "@/lib/text";

describe("isNegation", () => {
  it("recognises plain negations and contractions with or without apostrophes", () => {
    for (const w of ["not", "no", "never", "nobody", "nothing", "cannot", "didn't", "didnt", "isn’t", "won't", "wouldnt"]) {
      expect(isNegation(w), w).toBe(true);
    }
  });

  it("does not take ordinary words that merely contain the letters for negations", () => {
    for (const w of ["note", "knot", "nor'easter", "now", "know", "nation", "yes", "will"]) {
      expect(isNegation(w), w).toBe(false);
    }
  });
});

describe("isHedge", () => {
  it("recognises modal and reporting hedges", () => {
    for (const w of ["may", "might", "could", "reportedly", "allegedly", "probably", "expected"]) expect(isHedge(w), w).toBe(true);
  });

  it("does not treat certainties as hedges", () => {
    for (const w of ["will", "did", "is", "confirmed", "said"]) expect(isHedge(w), w).toBe(false);
  });
});

describe("oppositeOf", () => {
  const opposite = (a: string, b: string) => {
    const x = oppositeOf(a);
    const y = oppositeOf(b);
    return !!x && !!y && x.pair === y.pair && x.side !== y.side;
  };

  it("pairs everyday antonyms on opposite sides", () => {
    expect(opposite("rose", "fell")).toBe(true);
    expect(opposite("best", "worst")).toBe(true);
    expect(opposite("more", "fewer")).toBe(true);
    expect(opposite("approved", "rejected")).toBe(true);
    expect(opposite("narrowed", "widened")).toBe(true);
    expect(opposite("guilty", "acquitted")).toBe(true);
  });

  it("puts inflections of one word on the same side", () => {
    expect(opposite("rose", "rises")).toBe(false);
    expect(oppositeOf("rose")!.side).toBe(oppositeOf("increased")!.side);
    expect(oppositeOf("fell")!.pair).toBe(oppositeOf("rose")!.pair);
  });

  it("reads only the listed forms (no stemming: it runs on every token of aligned statements)", () => {
    expect(oppositeOf("rose")!.pair).toBe(oppositeOf("fell")!.pair);
    expect(oppositeOf("rose")!.side).not.toBe(oppositeOf("fell")!.side);
    expect(oppositeOf("risings")).toBeNull();
  });

  it("words from different pairs are not opposites", () => {
    expect(opposite("rose", "worst")).toBe(false);
    expect(opposite("approved", "banned")).toBe(false);
  });

  it("returns null for words without an opposite", () => {
    expect(oppositeOf("table")).toBeNull();
    expect(oppositeOf("harbour")).toBeNull();
  });
});

describe("arePrefixOpposites", () => {
  it("recognises a word and its negating-prefix form, either way round", () => {
    for (const [a, b] of [["popular", "unpopular"], ["disproportionate", "proportionate"], ["possible", "impossible"], ["legal", "illegal"], ["regular", "irregular"], ["partisan", "nonpartisan"]]) {
      expect(arePrefixOpposites(a, b), `${a}/${b}`).toBe(true);
    }
  });

  it("does not read unrelated words or short bases as opposites", () => {
    for (const [a, b] of [["form", "inform"], ["popular", "popularity"], ["same", "same"], ["ability", "stability"]]) {
      expect(arePrefixOpposites(a, b), `${a}/${b}`).toBe(false);
    }
  });
});
