import { describe, expect, it } from "vitest";
import { extractNumbers, tokenize, wordKey } from "@/lib/text";
import { foldNumberPhrases } from "@/lib/text/number-phrases";

/** The keys a quote is compared by, without the later words of a number phrase. */
function quoteKeys(text: string): string[] {
  const tokens = tokenize(text);
  const { keys, continuation } = foldNumberPhrases(text, tokens, tokens.map((t) => wordKey(t.norm)));
  return keys.filter((_, i) => !continuation[i]);
}

describe("foldNumberPhrases", () => {
  it.each([
    ["in twenty-five days", "in 25 days"],
    ["in twenty five days", "in 25 days"],
    ["Twenty-Five days", "25 days"],
    ["one hundred and twenty days", "120 days"],
    ["three hundred days", "300 days"],
    ["two hundred fifty-two seats", "252 seats"],
    ["the fifth time", "the 5th time"],
    ["the twenty-first century", "the 21st century"],
    ["FIVE inspections", "5 inspections"],
  ])("%j meets %j", (words, digits) => {
    expect(quoteKeys(words)).toEqual(quoteKeys(digits));
  });

  it.each([
    ["twenty-five days", "twenty-six days"],
    ["the fifth time", "the sixth time"],
    ["one hundred days", "one thousand days"],
    ["twenty five", "twenty, five"],
  ])("keeps %j and %j apart", (a, b) => {
    expect(quoteKeys(a)).not.toEqual(quoteKeys(b));
  });

  it("leaves words that are not numbers, and the keys it was given, alone", () => {
    const text = "One of the reasons, said one official";
    const tokens = tokenize(text);
    const given = tokens.map((t) => wordKey(t.norm));
    const before = given.slice();
    const folded = foldNumberPhrases(text, tokens, given);
    expect(given).toEqual(before);
    expect(folded.continuation.every((c) => !c)).toBe(true);
  });
});

describe("extractNumbers with compound number words", () => {
  it("reads twenty-five as one number, with its scale", () => {
    expect(extractNumbers("in twenty-five days").map((n) => n.value)).toEqual([25]);
    expect(extractNumbers("ninety nine million people").map((n) => n.value)).toEqual([99e6]);
    expect(extractNumbers("twenty or five").map((n) => n.value)).toEqual([20, 5]);
  });
});

describe("extractNumbers with thousands grouped by spaces", () => {
  it("reads '850 000' and '1 250 000' as one number each, as European outlets write them", () => {
    expect(extractNumbers("The buses will cost about 850 000 marks.").map((n) => n.value)).toEqual([850000]);
    expect(extractNumbers("It cost 1 250 000 euros.").map((n) => n.value)).toEqual([1250000]);
  });

  it("keeps a year and a count apart, and a day of the month and a count", () => {
    expect(extractNumbers("In 2019 300 people applied.").map((n) => n.value)).toEqual([2019, 300]);
    expect(extractNumbers("On May 5 100 people marched.").map((n) => n.value)).toEqual([5, 100]);
  });
});

describe("extractNumbers with thousands grouped by a point", () => {
  it("reads one group ending in '00' after a point as thousands ('21.000 members', '4.200 million'), other decimals as decimals", () => {
    expect(extractNumbers("The fund has about 21.000 members.").map((n) => n.value)).toEqual([21000]);
    expect(extractNumbers("It manages assets of 4.200 million pounds.").map((n) => n.value)).toEqual([4.2e9]);
    expect(extractNumbers("Rates rose 3.125 percent, about 2.5 million people.").map((n) => n.value)).toEqual([3.125, 2.5e6]);
    expect(extractNumbers("Bonds paid 0.500 percent.").map((n) => n.value)).toEqual([0.5]);
  });
});
