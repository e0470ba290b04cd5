import { describe, expect, it } from "vitest";
import { segmentArticle } from "@/lib/segment";
import { extractQuotes } from "@/lib/quotes";
import { extractClaims } from "@/lib/claims";

function claims(body: string) {
  const seg = segmentArticle(body);
  return extractClaims(body, seg, extractQuotes(body, seg));
}

describe("claims", () => {
  it("keeps declarative sentences and drops questions, headings and fragments", () => {
    const body = [
      "Council Passes Budget After Long Debate",
      "The council passed the budget on Tuesday by a vote of seven to two. Was it fair? Yes.",
      "What Comes Next",
      "Spending on schools will rise by 4 percent next year, officials said.",
    ].join("\n");
    expect(claims(body).map((c) => c.text)).toEqual([
      "The council passed the budget on Tuesday by a vote of seven to two.",
      "Spending on schools will rise by 4 percent next year, officials said.",
    ]);
  });

  it("skips boilerplate and tables of contents but keeps list items and FAQ answers", () => {
    const body = [
      "Budget Explained",
      "Contents",
      "- 1. Where the money goes in the new plan",
      "- 2. Who decides on the spending plan",
      "The council passed the budget on Tuesday by a vote of seven to two.",
      "Key changes:",
      "- Schools receive an extra ten million dollars next year.",
      "FAQ",
      "- Who votes on the budget? The nine council members vote on it every year.",
      "Share this article with your friends",
    ].join("\n");
    expect(claims(body).map((c) => c.text)).toEqual([
      "The council passed the budget on Tuesday by a vote of seven to two.",
      "Schools receive an extra ten million dollars next year.",
      "The nine council members vote on it every year.",
    ]);
  });

  it("skips key-term lists", () => {
    const body = "The council passed the budget on Tuesday by a vote of seven to two.\nKey Terms:\n- municipal capital spending plan for schools\n- property tax levy and its annual review";
    expect(claims(body).map((c) => c.text)).toEqual(["The council passed the budget on Tuesday by a vote of seven to two."]);
  });

  it("marks a sentence that is mostly a quote as quoted", () => {
    const body = "“We will balance the budget without raising any taxes at all,” the mayor said. The mayor took office in 2021 after a close race.";
    const c = claims(body);
    expect(c.map((x) => [x.text, x.quoted])).toEqual([
      ["“We will balance the budget without raising any taxes at all,” the mayor said.", true],
      ["The mayor took office in 2021 after a close race.", false],
    ]);
    expect(c[0].sentence).toBe(0);
    expect(c[0].block).toBe(0);
  });

  it("throws a precise error on misuse", () => {
    expect(() => extractClaims("x", segmentArticle("x"), null as never)).toThrow(/extractClaims: quotes must be an array/);
  });
});
