import { describe, expect, it } from "vitest";
import {
  canonicalTerm, contentTerms, extractDates, extractNames, extractNumbers, extractValues, foldText, isStopword, normalizeForFingerprint,
  stem, surnameKey, termKey, tokenize, wordKey,
} from "@/lib/text";

describe("foldText / tokenize", () => {
  it("folds case, diacritics, typographic apostrophes and keeps offsets on the raw text", () => {
    const text = "Zelenskyy’s “Café” plan, Gahr Støre said";
    const toks = tokenize(text, 10);
    expect(toks.map((t) => t.norm)).toEqual(["zelenskyy", "cafe", "plan", "gahr", "store", "said"]);
    for (const t of toks) expect(text.slice(t.start - 10, t.end - 10)).toBe(t.raw);
    expect(foldText("ÉLAN – “x”")).toBe('elan - "x"');
  });

  it("keeps numbers with separators, dotted acronyms and contractions as one token", () => {
    expect(tokenize("6,000,000 people, 1.5% of I.R.S. staff don't").map((t) => t.norm)).toEqual(["6,000,000", "people", "1.5%", "of", "irs", "staff", "don't"]);
  });
});

describe("wordKey", () => {
  it("makes number words, digits and British/American spellings meet", () => {
    expect(wordKey("five")).toBe(wordKey("5"));
    expect(wordKey("6,000,000")).toBe("6000000");
    for (const [a, b] of [["colour", "color"], ["defence", "defense"], ["organised", "organized"], ["centre", "center"], ["travelled", "traveled"], ["analyse", "analyze"]])
      expect(wordKey(a)).toBe(wordKey(b));
    expect(wordKey("four")).not.toBe(wordKey("for"));
    expect(wordKey("hour")).toBe("hour");
  });
});

describe("stem", () => {
  it("conflates inflections of one word", () => {
    expect(stem("agreed")).toBe(stem("agrees"));
    expect(stem("agreeing")).toBe(stem("agree"));
    expect(stem("guarantees")).toBe(stem("guarantee"));
    expect(stem("negotiations")).toBe(stem("negotiate"));
    expect(stem("running")).toBe(stem("runs"));
    expect(stem("hoping")).toBe(stem("hoped"));
  });
  it("leaves short words and numbers alone and does not merge unrelated words", () => {
    expect(stem("is")).toBe("is");
    expect(stem("2025")).toBe("2025");
    expect(stem("united")).not.toBe(stem("unity"));
    expect(stem("news")).not.toBe(stem("new"));
  });
});

describe("synonyms", () => {
  it("merges common near-synonyms of news writing", () => {
    expect(termKey("crucial")).toBe(termKey("important"));
    expect(termKey("stated")).toBe(termKey("said"));
    expect(termKey("accepted")).toBe(termKey("agreed"));
    expect(termKey("large")).toBe(termKey("big"));
    expect(termKey("assurances")).toBe(termKey("guarantees"));
  });
  it("does not read 'States' (United States) as 'stated' nor merge unrelated words", () => {
    expect(termKey("states")).not.toBe(termKey("stated"));
    expect(termKey("important")).not.toBe(termKey("big"));
    expect(canonicalTerm("ukraine")).toBeNull();
  });
  it("content terms skip stopwords", () => {
    expect(isStopword("the")).toBe(true);
    expect(contentTerms("The envoy said that it is crucial")).toEqual([termKey("envoy"), termKey("crucial")]);
  });
});

describe("facts", () => {
  it("reads numbers with scales and words, and years", () => {
    const n = extractNumbers("more than 6 million people, 6,000,000 others, five regions, 12.5% and 3 percent in 2022");
    expect(n.map((x) => [x.value, x.unit, x.year])).toEqual([
      [6e6, "", false], [6e6, "", false], [5, "", false], [12.5, "%", false], [3, "%", false], [2022, "", true],
    ]);
    expect(extractNumbers("one of the reasons")).toEqual([]);
  });
  it("reads a compound amount written with hyphens ('a 390-million-crown plan') with its scale and its unit", () => {
    expect(extractNumbers("a ten-year, 390-million-crown plan").map((x) => [x.value, x.text])).toEqual([[10, "ten"], [390e6, "390-million"]]);
    expect(extractValues("a ten-year, 390-million-kroner plan").filter((v) => v.kind !== "count").map((v) => [v.kind, v.key, v.unit])).toEqual([["money", "390000000", "crown"]]);
    // (Not a range or a name: "COVID-19", "2-3 million".)
    expect(extractNumbers("2-3 million people").map((x) => x.value)).toEqual([2, 3e6]);
  });
  it("reads weekdays, month-day dates and years", () => {
    const d = extractDates("On Sunday, August 17, 2025 and 17 Aug.");
    expect(d.map((x) => [x.kind, x.value])).toEqual([["weekday", "6"], ["month_day", "08-17"], ["year", "2025"], ["month_day", "08-17"]]);
  });
  it("finds capitalised names but not a lone sentence-initial word", () => {
    const names = extractNames("European Union President Ursula von der Leyen said in Brussels that Mr. Witkoff spoke. The end.").map((n) => n.text);
    expect(names).toEqual(["European Union President Ursula von der Leyen", "Brussels", "Witkoff"]);
  });
  it("compares speakers by surname", () => {
    expect(surnameKey("Mr. Witkoff")).toBe(surnameKey("Steve Witkoff"));
    expect(surnameKey("Zelenskyy")).toBe(surnameKey("Volodymyr Zelensky's"));
    expect(surnameKey("Ms. Varga")).not.toBe(surnameKey("Karl Brenner"));
  });
  it("fingerprint normalisation ignores case, marks and spacing", () => {
    expect(normalizeForFingerprint("It’s  “BIG”,\nreally")).toBe(normalizeForFingerprint("it's big really"));
  });
});
