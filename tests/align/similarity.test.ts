import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  measureSimilarity, scoreInputs, scoreSupport, supportInputs, supportTerms, SUPPORT_INPUTS, SUPPORT_TERMS,
} from "@/lib/align/similarity";
import { SUPPORT_MODEL } from "@/lib/align/support-weights";
import { evalMrpc, readMrpc, wordOverlap } from "../../scripts/eval-mrpc";

const score = (a: string, b: string) => scoreSupport(measureSimilarity(a, b));

const PROFITS = "The company said profits rose 12 percent to $3.4 billion in the third quarter.";
const PROFITS_REWORDED = "Profits climbed 12 percent to $3.4 billion in the third quarter, the company said.";
const PROFITS_OTHER_FIGURES = "Profits climbed 15 percent to $4.1 billion in the third quarter, the company said.";

describe("measureSimilarity", () => {
  it("gives identical sentences full overlap on every measure", () => {
    const f = measureSimilarity(PROFITS, PROFITS);
    for (const k of ["unigramPrecision", "unigramRecall", "unigramF", "bigramF", "charF", "synonymF", "lcsF", "lengthRatio", "bleuAB", "bleuBA"] as const)
      expect(f[k], k).toBeCloseTo(1, 10);
    expect(f.contentUnmatchedA + f.contentUnmatchedB + f.numbersUnmatched + f.namesUnmatched + f.negationMismatch).toBe(0);
    expect(f.numbersAgree).toBe(1);
  });

  it("measures coverage in both directions: a sentence inside a longer one", () => {
    const short = "The bridge will reopen on Monday.";
    const long = "The bridge will reopen on Monday after three weeks of repairs, the mayor said.";
    const f = measureSimilarity(short, long);
    expect(f.unigramPrecision).toBe(1);
    expect(f.unigramRecall).toBeCloseTo(6 / 14, 10);
    expect(f.bigramPrecision).toBe(1);
    expect(f.lcsF).toBeCloseTo((2 * 6) / (6 + 14), 10);
    expect(f.contentUnmatchedA).toBe(0);
    expect(f.contentUnmatchedB).toBeGreaterThanOrEqual(4); // weeks, repairs, mayor, three (said is a function word)
    expect(f.lengthRatio).toBeCloseTo(6 / 14, 10);
  });

  it("counts figures one sentence has and the other lacks, with scale words applied", () => {
    expect(measureSimilarity(PROFITS, PROFITS_REWORDED).numbersUnmatched).toBe(0);
    expect(measureSimilarity(PROFITS, PROFITS_REWORDED).numbersAgree).toBe(1);
    expect(measureSimilarity("It cost $6 million.", "It cost 6,000,000 dollars.").numbersUnmatched).toBe(0);
    const f = measureSimilarity(PROFITS, PROFITS_OTHER_FIGURES);
    expect(f.numbersUnmatched).toBe(4); // 12% and 3.4e9 against 15% and 4.1e9
    expect(f.numbersAgree).toBe(0);
  });

  it("merges synonyms for synonymF but not for the plain stem overlaps", () => {
    const f = measureSimilarity("Officials said the vital talks would start next week.", "Officials said the crucial negotiations would begin next week.");
    expect(f.synonymF).toBe(1);
    expect(f.unigramF).toBeLessThan(1);
    expect(f.contentUnmatchedA).toBe(0);
  });

  it("counts capitalised names missing from the other sentence, ignoring the sentence's first word", () => {
    const f = measureSimilarity("The report was written by Anna Varga and Peter Hall.", "The report was written by Anna Varga and Ruth Klein.");
    expect(f.namesUnmatched).toBe(4); // Peter, Hall / Ruth, Klein
    expect(measureSimilarity("Yesterday the mayor spoke.", "Today the mayor spoke.").namesUnmatched).toBe(0);
  });

  it("notices a negation that only one sentence has", () => {
    expect(measureSimilarity("The plan will work.", "The plan won't work.").negationMismatch).toBe(1);
    expect(measureSimilarity("The plan will not work.", "The plan won't work.").negationMismatch).toBe(0);
  });

  it("character n-grams see inflections that split stems", () => {
    const f = measureSimilarity("He was hospitalised after the crash.", "He was hospitalized after the crash.");
    expect(f.charF).toBeGreaterThan(0.9);
  });

  it("handles paragraph-long text with many repeated words", () => {
    const a = "the cat and the dog and the bird ".repeat(40);
    const b = "the bird and the cat and the dog ".repeat(40);
    const f = measureSimilarity(a, b);
    expect(f.lengthA).toBe(320);
    expect(f.unigramF).toBe(1);
    expect(f.bigramF).toBeGreaterThan(0.5);
    expect(f.bigramF).toBeLessThan(1);
    expect(f.lcsF).toBeGreaterThan(0.7);
  });

  it("reads accented text and curly apostrophes like tokenize does", () => {
    const f = measureSimilarity("Le président José Martínez a dit qu’il partirait.", "Le président José Martínez a dit qu'il partirait.");
    expect(f.unigramF).toBe(1);
    expect(f.namesUnmatched).toBe(0);
    expect(measureSimilarity("Die Rede von Ursula Müller war kurz.", "Die Rede von Ursula Schmidt war kurz.").namesUnmatched).toBe(2);
  });

  it("copes with empty and punctuation-only text", () => {
    const f = measureSimilarity("", "...");
    expect(f.lengthA).toBe(0);
    expect(Number.isFinite(score("", "..."))).toBe(true);
    expect(Number.isFinite(score("Hello.", ""))).toBe(true);
  });

  it("is deterministic and symmetric in its model inputs", () => {
    const a = "Oracle shares rose 14 cents to $13.62 in Nasdaq trading.";
    const b = "Shares of Oracle were up 12 cents at $13.60.";
    expect(measureSimilarity(a, b)).toEqual(measureSimilarity(a, b));
    expect(supportInputs(measureSimilarity(a, b))).toEqual(supportInputs(measureSimilarity(b, a)));
    expect(score(a, b)).toBeCloseTo(score(b, a), 12);
  });
});

describe("scoreSupport", () => {
  it("uses committed weights that match the model's terms", () => {
    expect(SUPPORT_MODEL.terms).toEqual(SUPPORT_TERMS);
    expect(SUPPORT_MODEL.inputMin).toHaveLength(SUPPORT_INPUTS.length);
    expect(SUPPORT_MODEL.inputMax).toHaveLength(SUPPORT_INPUTS.length);
    expect(SUPPORT_TERMS.length).toBe(SUPPORT_INPUTS.length + (SUPPORT_INPUTS.length * (SUPPORT_INPUTS.length + 1)) / 2);
    expect(supportTerms(supportInputs(measureSimilarity(PROFITS, PROFITS_REWORDED)))).toHaveLength(SUPPORT_TERMS.length);
    expect(SUPPORT_MODEL.threshold).toBeGreaterThan(0.2);
    expect(SUPPORT_MODEL.threshold).toBeLessThan(0.8);
  });

  it("scores a reworded sentence above the threshold and an unrelated one far below", () => {
    const s = score(PROFITS, PROFITS_REWORDED);
    expect(s).toBeGreaterThan(SUPPORT_MODEL.threshold);
    expect(s).toBeLessThanOrEqual(1);
    const unrelated = score(PROFITS, "The weather in the capital was cold and rainy all week.");
    expect(unrelated).toBeGreaterThanOrEqual(0);
    expect(unrelated).toBeLessThan(SUPPORT_MODEL.threshold);
    expect(unrelated).toBeLessThan(s - 0.5);
  });

  it("lowers the score when the figures differ", () => {
    expect(score(PROFITS, PROFITS_OTHER_FIGURES)).toBeLessThan(score(PROFITS, PROFITS_REWORDED));
  });

  it("lowers the score when a negation appears", () => {
    const negated = "The company said profits did not rise 12 percent to $3.4 billion in the third quarter.";
    expect(score(PROFITS, negated)).toBeLessThan(score(PROFITS, PROFITS));
  });

  it("lowers the score when a name is swapped", () => {
    const a = "The report was written by Anna Varga for the city council.";
    expect(score(a, "The report was written by Ruth Klein for the city council.")).toBeLessThan(score(a, "The report for the city council was written by Anna Varga."));
  });

  it("scores a paraphrase with synonyms above a sentence that shares only the frame", () => {
    const a = "Officials said the vital talks would start next week.";
    const para = score(a, "Officials said the crucial negotiations would begin next week.");
    const frame = score(a, "Officials said the school would close its library next week.");
    expect(para).toBeGreaterThan(frame);
    expect(para).toBeGreaterThan(SUPPORT_MODEL.threshold);
  });

  it("does not extrapolate: unrelated long sentences stay far below the threshold", () => {
    const a = "In a long statement released late on Friday evening, the ministry of health said that the new vaccination programme, which will cover some 4 million children in 12 regions across the north of the country, would begin in early September and would be funded by a mix of national and regional budgets.";
    const b = "Farmers in the southern valley have complained for years that water rationing, imposed after the drought of 2018 and extended twice since, has forced many of them to abandon orchards their families have tended for generations, and several cooperatives now plan to sue the regional authority.";
    const f = measureSimilarity(a, b);
    // Far outside the training range (MRPC pairs always share a topic), so clamped.
    expect(supportInputs(f)[SUPPORT_INPUTS.indexOf("contentUnmatchedMax")]).toBeGreaterThan(SUPPORT_MODEL.inputMax[SUPPORT_INPUTS.indexOf("contentUnmatchedMax")]);
    expect(scoreSupport(f)).toBeLessThan(SUPPORT_MODEL.threshold / 2);
    expect(scoreInputs(supportInputs(f))).toBe(scoreSupport(f));
  });

  it("scores an added clause below the plain rewording", () => {
    const a = "The justices ruled that the police supervisor did not violate his rights.";
    const reworded = "The justices held that the police supervisor had not violated his rights.";
    const added = "The justices ruled that the police supervisor, who questioned him as he screamed in pain at the hospital, did not violate his rights.";
    expect(score(a, added)).toBeLessThan(score(a, reworded));
  });
});

const MRPC = path.resolve(__dirname, "../../../shared/datasets/mrpc-train/pairs.tsv");
const HAS_MRPC = fs.existsSync(MRPC);
if (!HAS_MRPC) console.warn(`skipping the MRPC accuracy test: ${MRPC} is absent`);

describe.skipIf(!HAS_MRPC)("MRPC training split (skipped when ../shared/datasets/mrpc-train is absent)", () => {
  it("reads every pair, splitting on tabs only", () => {
    const pairs = readMrpc(MRPC);
    expect(pairs.length).toBe(4076);
    expect(pairs.every((p) => p.a.length > 0 && p.b.length > 0)).toBe(true);
  });

  it("reaches 77% 10-fold cross-validated accuracy and beats word overlap", { timeout: 180_000 }, () => {
    const r = evalMrpc(MRPC);
    expect(r.pairs).toBe(4076);
    expect(r.foldAccuracies).toHaveLength(10);
    expect(r.cvAccuracy).toBeGreaterThanOrEqual(0.77);
    expect(r.overlapAccuracy).toBeGreaterThan(0.7);
    expect(r.cvAccuracy).toBeGreaterThan(r.overlapAccuracy + 0.03);
  });
});

describe("wordOverlap baseline", () => {
  it("is the F-score of shared lower-cased words", () => {
    expect(wordOverlap("The cat sat.", "the cat sat")).toBe(1);
    expect(wordOverlap("a b c d", "a b x y")).toBeCloseTo(0.5, 10);
  });
});
