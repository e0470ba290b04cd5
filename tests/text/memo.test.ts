import { describe, expect, it } from "vitest";
import { extractNumbers, extractDates } from "@/lib/text";
import { memoByText, TEXT_MEMO_MAX } from "@/lib/text/memo";

describe("memoByText", () => {
  it("reads each text once and hands every caller its own copy", () => {
    let reads = 0;
    const read = memoByText((t: string) => {
      reads++;
      return [{ text: t, n: t.length }];
    });
    const first = read("abc");
    first[0].n = 99;
    first.push({ text: "x", n: 0 });
    expect(read("abc")).toEqual([{ text: "abc", n: 3 }]);
    expect(reads).toBe(1);
  });

  it("stays bounded: past the limit it starts over and reads again", () => {
    let reads = 0;
    const read = memoByText((t: string) => {
      reads++;
      return [{ t }];
    });
    for (let i = 0; i <= TEXT_MEMO_MAX; i++) read(`text ${i}`);
    expect(reads).toBe(TEXT_MEMO_MAX + 1);
    read("text 0");
    expect(reads).toBe(TEXT_MEMO_MAX + 2);
  });

  it("leaves the readers' answers as they were: a changed copy does not leak into the next reading", () => {
    const s = "On Tuesday, 17 August, 6 million people voted.";
    const nums = extractNumbers(s);
    nums[0].value = -1;
    expect(extractNumbers(s).map((n) => n.value)).toContain(6_000_000);
    expect(extractDates(s).map((d) => d.kind)).toEqual(["weekday", "month_day"]);
    expect(extractDates(s)).toEqual(extractDates(s));
  });
});
