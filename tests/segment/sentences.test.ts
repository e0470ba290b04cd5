import { describe, expect, it } from "vitest";
import { segmentArticle } from "@/lib/segment";

/** Sentences of a one-paragraph body, as text. */
function sentences(body: string): string[] {
  const seg = segmentArticle(body);
  return seg.sentences.map((s) => body.slice(s.start, s.end));
}

describe("sentence splitting", () => {
  it("splits plain sentences and trims surrounding space", () => {
    expect(sentences("The talks ended. Both sides left!  Was it a success?")).toEqual([
      "The talks ended.",
      "Both sides left!",
      "Was it a success?",
    ]);
  });

  it("keeps titles, honorifics and months together with what follows", () => {
    const body = "Mr. Smith met Dr. Jones and Gen. Patton on Sept. 11 at St. Paul. Then they left.";
    expect(sentences(body)).toEqual(["Mr. Smith met Dr. Jones and Gen. Patton on Sept. 11 at St. Paul.", "Then they left."]);
  });

  it("does not split dotted abbreviations before a name, but does before a sentence opener", () => {
    expect(sentences("The U.S. President spoke. He left.")).toEqual(["The U.S. President spoke.", "He left."]);
    expect(sentences("Troops came from the U.S. The talks went on.")).toEqual(["Troops came from the U.S.", "The talks went on."]);
  });

  it("ends a sentence after a.m./p.m. before a spelled-out number that opens the next, not before a weekday", () => {
    expect(sentences("Two arrived between 6 a.m. and 8 a.m. Five women stayed on the ward.")).toEqual([
      "Two arrived between 6 a.m. and 8 a.m.",
      "Five women stayed on the ward.",
    ]);
    expect(sentences("The unit reopened at 8 a.m. Friday after the night closure.")).toEqual(["The unit reopened at 8 a.m. Friday after the night closure."]);
  });

  it("keeps initials, decimals and numbered references", () => {
    expect(sentences("J. R. R. Tolkien wrote it. Growth was 3.5 percent in No. 5 district. Done.")).toEqual([
      "J. R. R. Tolkien wrote it.",
      "Growth was 3.5 percent in No. 5 district.",
      "Done.",
    ]);
  });

  it("ends a sentence after a closing quote, not inside `,” he said.`", () => {
    expect(sentences("“We will win,” he said. “It is big.” Nobody answered.")).toEqual([
      "“We will win,” he said.",
      "“It is big.”",
      "Nobody answered.",
    ]);
    expect(sentences("\"Is it over?\" she asked. Nobody knew.")).toEqual(["\"Is it over?\" she asked.", "Nobody knew."]);
  });

  it("splits after an ellipsis followed by a capital", () => {
    expect(sentences("He paused... Then he spoke. It was late… Everyone left.")).toEqual([
      "He paused...",
      "Then he spoke.",
      "It was late…",
      "Everyone left.",
    ]);
  });

  it("splits a full stop glued to the next sentence but not U.S./EU or a domain", () => {
    expect(sentences("It eased tensions.These agreements matter. Bilateral U.S./EU-Ukraine deals, see cfr.org for more.")).toEqual([
      "It eased tensions.",
      "These agreements matter.",
      "Bilateral U.S./EU-Ukraine deals, see cfr.org for more.",
    ]);
  });

  it("splits inside list items after the marker and keeps 5:00 p.m. at the end", () => {
    const body = "Intro paragraph that is long enough to be prose here.\n- First point. Second point.\nThe meeting ended at 5:00 p.m.";
    expect(sentences(body)).toEqual(["Intro paragraph that is long enough to be prose here.", "First point.", "Second point.", "The meeting ended at 5:00 p.m."]);
  });
});
