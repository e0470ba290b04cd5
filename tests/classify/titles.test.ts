import { describe, expect, it } from "vitest";
import { analyzeStory } from "@/lib/analyze";
import type { ArticleText, FlagDraft } from "@/lib/types";

const art = (id: number, outlet: string, paras: string[]): ArticleText => ({
  id, outlet, source: `${outlet.toLowerCase().replace(/\s+/g, "-")}.txt`, title: "Nurses strike at Tarnwick hospitals", body: paras.join("\n\n"), publishedAt: null, language: null,
});

const story = (who: string): string[] => [
  "Nurses at the Tarnwick hospitals began a two-day strike on Tuesday over staffing levels on the wards.",
  `${who} apologised to patients whose operations had been postponed because of the walkout.`,
  "About 3,000 nurses took part, and emergency departments stayed open with reduced teams.",
  "Talks between the union and the hospitals broke down last Friday after nine hours.",
];

const conflicts = (flags: FlagDraft[]) => flags.filter((f) => f.kind === "fact_conflict");

describe("titles: one person, another office in the same body", () => {
  it("flags the outlet alone in giving another office, medium, with the agreeing outlets as evidence", () => {
    const flags = analyzeStory([
      art(1, "North Wire", story("Health board chief executive Graham Tolliver")),
      art(2, "Valley Courier", story("Health board chief executive Graham Tolliver")),
      art(3, "Ward Report", story("Graham Tolliver, chair of the Tarnwick Health Board,")),
    ]).flags;
    const f = conflicts(flags);
    expect(f).toHaveLength(1);
    expect(f[0].articleId).toBe(3);
    expect(f[0].severity).toBe("medium");
    expect(f[0].text).toBe("Graham Tolliver, chair of the Tarnwick Health Board");
    expect(f[0].evidence.map((e) => e.articleId).sort()).toEqual([1, 2]);
    expect(f[0].explanation).toContain("chief executive");
  });

  it("a member of the body and its representative there hold one seat told two ways", () => {
    const three = (a: string, b: string, c: string) =>
      conflicts(analyzeStory([art(1, "North Wire", story(a)), art(2, "Valley Courier", story(b)), art(3, "Ward Report", story(c))]).flags);
    expect(three("Graham Tolliver, the union's representative on the Tarnwick Health Board,", "Graham Tolliver, the union's representative on the Tarnwick Health Board,", "Graham Tolliver, member of the Tarnwick Health Board,")).toEqual([]);
  });

  it("a verb and its object after a name's comma is the sentence going on, not a role", () => {
    const board = (s: string) => [
      "Nurses at the Tarnwick hospitals began a two-day strike on Tuesday over staffing levels on the wards.",
      s,
      "About 3,000 nurses took part, and emergency departments stayed open with reduced teams.",
    ];
    expect(conflicts(analyzeStory([
      art(1, "North Wire", board("The health board, chaired by Graham Tolliver, accepted the union's claim and named Professor Ada Lusk as mediator.")),
      art(2, "Valley Courier", board("The health board, chaired by Graham Tolliver, accepted the union's claim and named Professor Ada Lusk as mediator.")),
      art(3, "Ward Report", board("The board of health, presided by Graham Tolliver, accepted the claim of the union and named as mediator the deputy director Ada Lusk.")),
    ]).flags)).toEqual([]);
  });

  it("an office's remit ('for research' / 'for education') is part of it, whatever other title the outlets share", () => {
    const three = (a: string, b: string, c: string) =>
      conflicts(analyzeStory([art(1, "North Wire", story(a)), art(2, "Valley Courier", story(b)), art(3, "Ward Report", story(c))]).flags);
    const f = three("Professor Ines Carrow, the vice-rector for education,", "Professor Ines Carrow, vice-rector for education,", "Professor Ines Carrow, vice-rector for research,");
    expect(f.map((x) => [x.articleId, x.text])).toEqual([[3, "Ines Carrow, vice-rector for research"]]);
    expect(three("Professor Ines Carrow, the vice-rector for education,", "Professor Ines Carrow, vice-rector for education,", "Professor Ines Carrow, vice-rector for education and students,")).toEqual([]);
  });

  it("a minister's portfolio is the office: another ministry is a conflict, the same one written two ways is not; a union's branch or local secretary names no portfolio", () => {
    const three = (a: string, b: string, c: string) =>
      conflicts(analyzeStory([art(1, "North Wire", story(a)), art(2, "Valley Courier", story(b)), art(3, "Ward Report", story(c))]).flags);
    const f = three("Health Minister Ines Carrow", "Health Minister Ines Carrow", "Environment Minister Ines Carrow");
    expect(f.map((x) => [x.articleId, x.text])).toEqual([[3, "Environment Minister Ines Carrow"]]);
    expect(three("Health Minister Ines Carrow", "Health Minister Ines Carrow", "Ines Carrow, the minister of health,")).toEqual([]);
    expect(three("Union branch secretary Ines Carrow", "Union branch secretary Ines Carrow", "Local secretary Ines Carrow")).toEqual([]);
  });

  it("a hyphenated office counts by its parts (director-general against chair)", () => {
    const flags = analyzeStory([
      art(1, "North Wire", story("Health board chair Graham Tolliver")),
      art(2, "Valley Courier", story("Health board chair Graham Tolliver")),
      art(3, "Ward Report", story("Graham Tolliver, director-general of the Tarnwick Health Board,")),
    ]).flags;
    expect(conflicts(flags).map((f) => f.articleId)).toEqual([3]);
  });

  it("the same office in other words is no conflict (chairman, chair)", () => {
    const flags = analyzeStory([
      art(1, "North Wire", story("Health board chairman Graham Tolliver")),
      art(2, "Valley Courier", story("Health board chairman Graham Tolliver")),
      art(3, "Ward Report", story("Graham Tolliver, chair of the Tarnwick Health Board,")),
    ]).flags;
    expect(conflicts(flags)).toEqual([]);
  });

  it("offices in different bodies are a person's different hats, not a dispute", () => {
    const flags = analyzeStory([
      art(1, "North Wire", story("Former union president Graham Tolliver")),
      art(2, "Valley Courier", story("Former union president Graham Tolliver")),
      art(3, "Ward Report", story("Graham Tolliver, a member of the regional assembly,")),
    ]).flags;
    expect(conflicts(flags)).toEqual([]);
  });

  it("a generic head word ('union chief') fits any leading office; a relative clause after a role is no office", () => {
    const generic = analyzeStory([
      art(1, "North Wire", story("Union general secretary Marta Obenaye")),
      art(2, "Valley Courier", story("Union general secretary Marta Obenaye")),
      art(3, "Dock Dispatch", story("Union chief Marta Obenaye")),
    ]).flags;
    expect(conflicts(generic)).toEqual([]);
    const relative = analyzeStory([
      art(1, "North Wire", story("Radu Fenwick, the Civic Union's finance spokesman,")),
      art(2, "Valley Courier", story("Radu Fenwick, the Civic Union's finance spokesman,")),
      art(3, "Press", story("Radu Fenwick, an economist who speaks on finance for the opposition Civic Union,")),
    ]).flags;
    expect(conflicts(relative)).toEqual([]);
  });

  it("one outlet against one other decides nothing", () => {
    const flags = analyzeStory([
      art(1, "North Wire", story("Health board chief executive Graham Tolliver")),
      art(3, "Ward Report", story("Graham Tolliver, chair of the Tarnwick Health Board,")),
    ]).flags;
    expect(conflicts(flags)).toEqual([]);
  });

  it("a rank makes another office: 'chief inspector' is not 'principal inspector', 'Chief Justice' not 'Justice'", () => {
    const ranked = analyzeStory([
      art(1, "North Wire", story("Dr. Amira Holt, a principal inspector at the health inspectorate,")),
      art(2, "Valley Courier", story("Dr. Amira Holt, a principal inspector at the health inspectorate,")),
      art(3, "Ward Report", story("Dr. Amira Holt, the health inspectorate's chief inspector,")),
    ]).flags;
    expect(conflicts(ranked).map((f) => f.articleId)).toEqual([3]);
    const bench = analyzeStory([
      art(1, "North Wire", story("Justice Helena Marsh")),
      art(2, "Valley Courier", story("Justice Helena Marsh")),
      art(3, "Ward Report", story("Chief Justice Helena Marsh")),
    ]).flags;
    expect(conflicts(bench).map((f) => f.articleId)).toEqual([3]);
    // Without a rank the same office in other words still agrees ("Judge" / "Justice").
    const same = analyzeStory([
      art(1, "North Wire", story("Justice Helena Marsh")),
      art(2, "Valley Courier", story("Justice Helena Marsh")),
      art(3, "Ward Report", story("Judge Helena Marsh")),
    ]).flags;
    expect(conflicts(same)).toEqual([]);
  });

  it("another time's office ('former', 'then-') is no dispute about the present one", () => {
    const flags = analyzeStory([
      art(1, "North Wire", story("Health board chief executive Graham Tolliver")),
      art(2, "Valley Courier", story("Health board chief executive Graham Tolliver")),
      art(3, "Ward Report", story("Graham Tolliver, the former deputy chair of the Tarnwick Health Board,")),
    ]).flags;
    expect(conflicts(flags)).toEqual([]);
  });
});
