import { describe, expect, it } from "vitest";
import { segmentArticle } from "@/lib/segment";
import { extractQuotes } from "@/lib/quotes";

function quotes(body: string) {
  return extractQuotes(body, segmentArticle(body));
}
function who(body: string) {
  return quotes(body).map((q) => ({ text: q.spokenText, speaker: q.speaker, cue: q.cue, venue: q.venue }));
}

describe("speakers", () => {
  it("attribution after the quote: subject then verb", () => {
    expect(who("“We will not back down,” Mayor Ana Ruiz said on Monday.")[0]).toMatchObject({ speaker: "Ana Ruiz", cue: "said" });
  });

  it("attribution after the quote: verb then subject", () => {
    expect(who("“We will not back down,” said Mr. Witkoff, the envoy.")[0]).toMatchObject({ speaker: "Mr. Witkoff", cue: "said" });
  });

  it("attribution before the quote, with a title-laden name", () => {
    const q = quotes("U.S. special envoy Steve Witkoff said the deal was “a breakthrough for everyone involved.”")[0];
    expect(q.speaker).toBe("Steve Witkoff");
    expect(q.speakerKey).toBe("witkoff");
    expect(q.cue).toBe("said");
  });

  it("names with particles and roles", () => {
    const q = quotes("European Commission President Ursula von der Leyen said Europe is “ready to do its share.”")[0];
    expect(q.speaker).toBe("Ursula von der Leyen");
    expect(q.speakerKey).toBe("leyen");
  });

  it("appositive and parenthetical between the name and the verb", () => {
    expect(who("“We are ready,” Flynn, a top campaign surrogate, said Thursday.")[0].speaker).toBe("Flynn");
    expect(who("“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.")[0].speaker).toBe("Gwen Moore");
  });

  it("pronouns resolve to the last named person", () => {
    const body = "Mr. Zelensky arrived in Brussels on Sunday for talks with European leaders.\n\n“The details matter,” he said.";
    const q = quotes(body)[0];
    expect(q.speaker).toBe("Mr. Zelensky");
    expect(body.slice(q.mention!.start, q.mention!.end)).toBe("he");
    expect(body.slice(q.speakerSpan!.start, q.speakerSpan!.end)).toBe("Mr. Zelensky");
  });

  it("a pronoun prefers the last named speaker over an earlier one", () => {
    const body = "Anna Berg said the vote was close.\n\nLater, Tom Hale said the count was fair.\n\n“We accept the result,” he added.";
    expect(who(body)[0].speaker).toBe("Tom Hale");
  });

  it("'they' never resolves to a single person, but may take a plural group", () => {
    const one = "Mitt Romney spoke on Tuesday about the race.\n\n“The issues at stake are too big,” they said.";
    expect(who(one)[0].speaker).toBeNull();
    const group = "Senior officials said the talks had stalled again.\n\n“We need more time,” they said.";
    expect(who(group)[0].speaker).toMatch(/officials$/);
  });

  it("according to", () => {
    expect(who("According to Steve Witkoff, Russia agreed to “robust security guarantees.”")[0]).toMatchObject({ speaker: "Steve Witkoff", cue: "according to" });
    expect(who("The talks were “productive,” according to a senior official.")[0]).toMatchObject({ speaker: "a senior official", cue: "according to" });
  });

  it("according to a described name", () => {
    expect(who("According to conservative talk radio host Rush Limbaugh, the move reeks of “fear and desperation.”")[0].speaker).toBe("Rush Limbaugh");
    expect(who("“The rationales are unfounded,” said 9/11 widow Terry Strada.")[0].speaker).toBe("Terry Strada");
  });

  it("colon introductions", () => {
    expect(who("Regarding Donetsk, Witkoff said: \"There is an important discussion to be had.\"")[0]).toMatchObject({ speaker: "Witkoff", cue: "said" });
    expect(who("Støre: “We stand with Ukraine and will keep our support.”")[0]).toMatchObject({ speaker: "Støre" });
  });

  it("venues: told X, on a programme, in an interview with X", () => {
    expect(who("“There are five regions here,” Witkoff told CNN.")[0]).toMatchObject({ speaker: "Witkoff", venue: "CNN" });
    expect(who("“We made progress,” the envoy said in an interview with Fox News on Sunday.")[0].venue).toBe("Fox News");
    expect(who("“We made progress,” Mr. Witkoff said on “Fox News Sunday.”")[0]).toMatchObject({ speaker: "Mr. Witkoff", venue: "Fox News Sunday" });
    expect(who("“We made progress,” Mr. Witkoff said on Sunday.")[0].venue).toBeNull();
  });

  it("a quote continuing the previous paragraph's speaker", () => {
    const body = "“You try to move one side towards the middle,” Mr. Witkoff said.\n\n“The president achieved that beyond expectations.”";
    expect(who(body).map((q) => q.speaker)).toEqual(["Mr. Witkoff", "Mr. Witkoff"]);
  });

  it("an attribution that opens the next sentence after a question", () => {
    expect(who("“Who would have believed it?” Trump said, looking at the crowd.")[0].speaker).toBe("Trump");
  });

  it("a dash and a name after a quote", () => {
    expect(who("“The most unqualified candidate ever.” ― Maria Lopez")[0].speaker).toBe("Maria Lopez");
  });

  it("transcripts: an all-capitals name and a colon inside the quote", () => {
    expect(who("\"WALLACE: Let us start with the news of the day.\"")[0].speaker).toBe("WALLACE");
  });

  it("the subject of a participle clause speaks", () => {
    expect(who("Clinton mocked the complaint, saying anybody who complains “is not having a good night.”")[0].speaker).toBe("Clinton");
  });

  it("a time phrase between subject and verb", () => {
    expect(who("Mr. Obama on Thursday said, “I can assure the public that nothing improper took place.”")[0].speaker).toBe("Mr. Obama");
  });

  it("a long appositive after the name", () => {
    const body = "“The ban is a low priority,” Matt Bennett, a spokesman for Third Way, a left-leaning research group in Washington, said.";
    expect(who(body)[0].speaker).toBe("Matt Bennett");
  });

  it("an interruption with a verb outside the known list still joins the parts and names the speaker", () => {
    const body = "Paul Ryan spoke at the dinner on Friday night in the capital.\n\n“It is still morning in America,” he mused aloud, “and it is a fine one.”\n\n“It is still morning,” he posited, “it just happens to be cloudy.”";
    const q = quotes(body);
    expect(q[q.length - 1].parts).toHaveLength(2);
    expect(q[q.length - 1].speaker).toBe("Paul Ryan");
    expect(q[q.length - 1].cue).toBe("posited");
  });

  it("the named speaker of the previous sentence goes on speaking", () => {
    const body = "Lenahan says he sees a bigger issue at work here. “There is kind of a culture war going on.”";
    expect(who(body)[0]).toMatchObject({ speaker: "Lenahan", cue: "says" });
  });

  it("the previous sentence ending in an attribution", () => {
    const body = "The talks will continue while the envoy negotiates with Russia over Syria, Schiff said. “The other factor may be the timing.”";
    expect(who(body)[0].speaker).toBe("Schiff");
  });

  it("no attribution → null speaker", () => {
    expect(who("The so-called “coalition of the willing” met again.")[0].speaker).toBeNull();
  });

  it("reads title-case speech verbs in headlines only, and never 'States' of United States as a verb", () => {
    const body = "Chris Christie Calls Rival ‘A Disgrace’ Over Comments\n\n\"The United States is prepared to give guarantees,\" he told Fox News.\n\nThe United States and Russia have agreed on “robust” guarantees.";
    const q = quotes(body);
    expect(q[0].speaker).toBe("Chris Christie");
    expect(q[1].speaker).toBe("Chris Christie"); // "he" → the last named person
    expect(q[1].venue).toBe("Fox News");
    expect(q[2].speaker).toBeNull();
  });
});
