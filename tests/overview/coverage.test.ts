import { describe, expect, it } from "vitest";
import { linkMatrix, type MatrixFlag } from "@/lib/overview";

describe("linkMatrix", () => {
  const rows = [
    { sourceArticleId: 1, start: 0, end: 50, cells: { 1: "source", 2: "reworded", 3: "verbatim" } as const },
    { sourceArticleId: 2, start: 100, end: 150, cells: { 1: "reworded", 2: "source", 3: "absent" } as const },
  ];
  const flag = (over: Partial<MatrixFlag>): MatrixFlag => ({ id: 1, articleId: 2, start: 100, end: 150, kind: "fact_conflict", status: "open", evidence: [{ articleId: 1, start: 10, end: 40 }], ...over });

  it("marks a flagged conflict as conflict on both rows and links rows and cells to the flag", () => {
    const out = linkMatrix(rows, [flag({}), flag({ id: 2, kind: "quote_paraphrased", articleId: 3, start: 0, end: 9, evidence: [{ articleId: 1, start: 0, end: 50 }] })]);
    expect(out[0].cells).toEqual({ 1: "source", 2: "conflict", 3: "verbatim" });
    expect(out[1].cells).toEqual({ 1: "conflict", 2: "source", 3: "absent" });
    expect(out[0].flagIds).toEqual([1, 2]);
    expect(out[0].cellFlags).toEqual({ 2: [1], 3: [2] });
    expect(out[1].flagIds).toEqual([1]);
    expect(out[1].cellFlags).toEqual({ 1: [1] });
  });

  it("ignores dismissed flags, and a rewording stays reworded", () => {
    expect(linkMatrix(rows, [flag({ status: "dismissed" })])[0].cells[2]).toBe("reworded");
    expect(linkMatrix(rows, [flag({ kind: "quote_paraphrased" })])[0].cells[2]).toBe("reworded");
  });
});
