import { describe, expect, it } from "vitest";
import { segmentArticle } from "@/lib/segment";
import { extractQuotes } from "@/lib/quotes";

function quotes(body: string) {
  return extractQuotes(body, segmentArticle(body));
}
function texts(body: string) {
  return quotes(body).map((q) => [q.style, q.spokenText ?? q.text]);
}

describe("quote styles", () => {
  it("curly and straight double quotes", () => {
    expect(texts("“We will win,” she said. He replied: \"Not this time.\"")).toEqual([
      ["double", "We will win,"],
      ["double", "Not this time."],
    ]);
  });

  it("single quotes with apostrophes inside and around", () => {
    expect(texts("He called it 'a deal that doesn't hold' and Russia's envoy agreed.")).toEqual([["single", "a deal that doesn't hold"]]);
    expect(texts("Officials spoke of ‘the ’90s mistakes’ in the Russians’ view.")).toEqual([["single", "the ’90s mistakes"]]);
    expect(texts("It's the '90s again, isn't it? Rock 'n' roll.")).toEqual([]);
  });

  it("guillemets, low-high and single guillemets", () => {
    expect(texts("Le ministre a dit: «Nous allons gagner», puis il est parti.")).toEqual([["guillemet", "Nous allons gagner"]]);
    expect(texts("Der Minister sagte: „Wir werden gewinnen“, und ging.")).toEqual([["low", "Wir werden gewinnen"]]);
    expect(texts("Il a cité ‹ la paix › hier soir.")).toEqual([["guillemet", "la paix"]]);
  });

  it("keeps a nested quote inside the outer quote", () => {
    expect(texts("“They told me ‘never again,’ and I believed it,” she said.")).toEqual([["double", "They told me ‘never again,’ and I believed it,"]]);
  });

  it("returns scare quotes as fragments", () => {
    const q = quotes("The deal brought “epic” concessions, the envoy said.");
    expect(q).toHaveLength(1);
    expect(q[0].text).toBe("epic");
    expect(q[0].fragment).toBe(true);
  });

  it("joins a quote that spans paragraphs into one quote with parts", () => {
    const body = "Intro line that is long enough to be a paragraph of prose here.\n\n“We came to talk about peace. We will stay until it is done.\n\n“Nobody leaves before then,” the minister said.";
    const q = quotes(body);
    expect(q).toHaveLength(1);
    expect(q[0].parts).toHaveLength(2);
    expect(body.slice(q[0].parts[0].start, q[0].parts[0].end)).toBe("We came to talk about peace. We will stay until it is done.");
    expect(body.slice(q[0].parts[1].start, q[0].parts[1].end)).toBe("Nobody leaves before then,");
    expect(q[0].speaker).toBe("the minister");
  });

  it("does not run a quote on into a paragraph that another named person closes", () => {
    const body = "Intro line that is long enough to be a paragraph of prose here.\n\n“It is a dog whistle,” Gwen Moore said. “If indeed he is not legitimate, then nothing is.\n\n“I have been thinking about where we are as a country,” added Jim Clyburn.";
    const q = quotes(body);
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ["It is a dog whistle,", "Gwen Moore"],
      ["If indeed he is not legitimate, then nothing is.", "Gwen Moore"],
      ["I have been thinking about where we are as a country,", "Jim Clyburn"],
    ]);
  });

  it("closes an unbalanced quote at the paragraph end", () => {
    const body = "“This is not over, the mayor said at the rally.\n\nThe crowd cheered loudly for a long time after that.";
    const q = quotes(body);
    expect(q).toHaveLength(1);
    expect(q[0].text).toBe("This is not over, the mayor said at the rally.");
  });

  it("joins a quote interrupted by its attribution", () => {
    const body = "“It is important,” Mr. Zelensky said, “but there are no details.”";
    const q = quotes(body);
    expect(q).toHaveLength(1);
    expect(q[0].parts).toHaveLength(2);
    expect(q[0].spokenText).toBe("It is important, but there are no details.");
    expect(q[0].speaker).toBe("Mr. Zelensky");
  });

  it("treats a stray closing mark as the end of a quote that started its sentence", () => {
    const body = "“It means a lot,” Mr. Witkoff said on “Fox News Sunday.” That is big, really big.”";
    const q = quotes(body);
    expect(q.map((x) => x.text)).toEqual(["It means a lot,", "That is big, really big."]);
    expect(q.every((x) => x.speaker === "Mr. Witkoff")).toBe(true);
  });

  it("reads dash-led paragraphs as quotes up to the attribution", () => {
    const body = "Leaders met on Sunday to discuss the peace plan for the region.\n– We want to strengthen cooperation. It is crucial that we continue, says Støre after the meeting.\n– There are few signs of will for peace, Støre added.";
    const q = quotes(body);
    expect(q.map((x) => [x.style, x.text, x.speaker, x.cue])).toEqual([
      ["dash", "We want to strengthen cooperation. It is crucial that we continue", "Støre", "says"],
      ["dash", "There are few signs of will for peace", "Støre", "added"],
    ]);
  });

  it("a dash-led quote ends where a long attribution begins (verb, name, role and occasion)", () => {
    const body = "The city closed three schools.\n\n– We stopped work and sealed the rooms. I will not ask a single child to sit under a ceiling we have not cleared, says Simone Achterberg, director of education of the city, at the press conference in the town hall.";
    const q = quotes(body)[0];
    expect(q.style).toBe("dash");
    expect(q.text).toBe("We stopped work and sealed the rooms. I will not ask a single child to sit under a ceiling we have not cleared");
    expect(q.speaker).toBe("Simone Achterberg");
  });

  it("a speech verb, an occasion phrase, then the speaker (a translation's word order): the quote ends at the verb; a name after a preposition is the occasion's, not the speaker", () => {
    const body =
      "The mill burned overnight.\n\n– All forty workers of the night shift are safe, and we will rebuild, said in a statement the director and owner Petra Holm.\n\n– We do not yet know what caught fire, said at a meeting in Marlow the mayor Anna Berg.";
    const q = quotes(body);
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ["All forty workers of the night shift are safe, and we will rebuild", "Petra Holm"],
      ["We do not yet know what caught fire", "Anna Berg"],
    ]);
  });

  it("a present-tense cue the lexicon keeps out as a possible noun ('confides') attributes a dash-led quote; the speaker stops at the sentence's end", () => {
    const body =
      "Hail struck the valley on Saturday.\n\n– It took twenty minutes to lose a year of work, confides Ana Verel, owner of the Brisa estate (12 hectares), who estimates she lost most of her crop.\n\n– The state will help growers once the damage is assessed, says the minister. Inspectors need about three weeks to assess it.";
    const q = quotes(body);
    expect(q.map((x) => [x.text, x.speaker, x.cue])).toEqual([
      ["It took twenty minutes to lose a year of work", "Ana Verel", "confides"],
      ["The state will help growers once the damage is assessed", "the minister", "says"],
    ]);
  });

  it("a dash signature under a quote names its speaker and is not itself a quote", () => {
    const body = "Readers wrote in after the debate on Monday night in large numbers.\n“The most unqualified candidate ever to run for office.”\n— Maria Lopez\n– We want to strengthen cooperation, says Støre.";
    const q = quotes(body);
    expect(q.map((x) => [x.style, x.text, x.speaker])).toEqual([
      ["double", "The most unqualified candidate ever to run for office.", "Maria Lopez"],
      ["dash", "We want to strengthen cooperation", "Støre"],
    ]);
  });

  it("reads a colon-introduced block quote and an inline colon quote", () => {
    const body = "The minister said in a statement on Sunday:\n\nThe budget will be balanced by next year and no taxes will rise.\n\nThe mayor told reporters: We are ready for the storm and the shelters are open.";
    const q = quotes(body);
    expect(q.map((x) => [x.style, x.text, x.speaker])).toEqual([
      ["colon", "The budget will be balanced by next year and no taxes will rise.", "The minister"],
      ["colon", "We are ready for the storm and the shelters are open.", "The mayor"],
    ]);
  });

  it("a speech-verb spelling used as a noun before a colon introduces no quote ('has had its say:'), while 'says:' still does", () => {
    expect(quotes("The commission has had its say: a £120,000 fine, and the Marsh Road End shut for the Halsey City game.")).toEqual([]);
    expect(quotes("Residents will have their say:\n\nThe council will hold a public meeting on the plans in March.")).toEqual([]);
    expect(texts("The commission chair says: the fine is fair and the stand will stay shut for one game.")).toEqual([["colon", "the fine is fair and the stand will stay shut for one game."]]);
  });

  it("does not return a programme title in quotes as a quote; it becomes the venue", () => {
    const body = "“We are close to a deal,” Mr. Witkoff said on “Fox News Sunday.” Speaking on CNN’s “State of the Union,” he said the talks were “productive.”";
    const q = quotes(body);
    expect(q.map((x) => x.text)).toEqual(["We are close to a deal,", "productive."]);
    expect(q[0].venue).toBe("Fox News Sunday");
    expect(q[1].venue).toBe("CNN’s State of the Union");
    expect(q[1].speaker).toBe("Mr. Witkoff");
  });

  it("skips quotes in boilerplate blocks", () => {
    const body = "Council Passes Budget After a Long Debate\nThe council passed the budget on Tuesday after a debate that lasted nine hours.\nRelated: “Why budgets matter”";
    expect(quotes(body)).toEqual([]);
  });

  it("throws a precise error on misuse", () => {
    expect(() => extractQuotes(1 as unknown as string, segmentArticle(""))).toThrow(/extractQuotes: body must be a string/);
    expect(() => extractQuotes("x", {} as never)).toThrow(/extractQuotes: seg must be a Segmentation/);
  });
});
