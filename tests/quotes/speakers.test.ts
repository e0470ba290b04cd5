import { describe, expect, it } from "vitest";
import { segmentArticle } from "@/lib/segment";
import { extractQuotes } from "@/lib/quotes";
import { pastAndParticiple, SPEECH_VERB } from "@/lib/quotes/lexicon";

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

  it("'Club owner Gideon Marchetti' as a sentence's subject is the person a later 'he said' means", () => {
    const body = [
      "Maria Okonjo, who leads the Eastbank tenants' group, handed in a petition before the meeting. Speaking during public comment, she said residents had heard such promises before.",
      "“Eastbank has been promised new housing for ten years. What we get instead is traffic on every match day,” she said.",
      "When the result was read out, Leader Ashdown said she respected the anger in the room, adding: “But a city that stops building stops growing.”",
      "What happens next",
      "Club owner Gideon Marchetti, who bought the club in 2022, spoke to reporters after the vote.",
      "“We will pay back every penny, with interest,” he said.",
    ].join("\n\n");
    expect(who(body).map((q) => q.speaker)).toEqual(["Maria Okonjo", "Ashdown", "Gideon Marchetti"]);
  });

  it("'he said' in a paragraph whose sentence before the quote opens with another person is that person, not the previous quote's speaker", () => {
    const body = [
      "Owner Ambrose Lattimer, 71, was behind the counter when three masked men came in.",
      "“My father opened this shop in 1958 and nobody ever pointed a gun at us,” he said. The shop will stay closed until Monday.",
      "Delivery driver Ravi Sethna was parked across the road. “I heard the glass going and then three of them came running out,” he said.",
      "The vicar of the parish church, the Rev Canon Miriam Alder, said the street would recover. “We have seen worse winters than this one,” she said.",
    ].join("\n\n");
    expect(who(body).map((q) => q.speaker)).toEqual(["Owner Ambrose Lattimer", "Ravi Sethna", "Rev Canon Miriam Alder"]);
  });

  it("a possessive, a role word and a name ('Velmora's boss Jonas Ferrand made the pitch: ...'): the name is the subject, with any verb", () => {
    const body = "The basics first. Velmora's boss Jonas Ferrand made the pitch at the press conference in Santerre: “Together we will be big enough to compete.” I get the logic.";
    expect(who(body)[0]).toMatchObject({ speaker: "Jonas Ferrand" });
    expect(who("The agency's chief inspector Ana Ruiz told staff: “We will look at every site.”")[0]).toMatchObject({ speaker: "Ana Ruiz" });
  });

  it("a name with its organisation and a relative clause holding a figure ('..., which collected 8,400 signatures, told the board: ...')", () => {
    const body = "Mirela Santi of the Corvain Riders' Alliance, which collected 8,400 signatures against the cuts, told the board: “We are balancing the budget on the backs of the people with the fewest choices.”";
    expect(who(body)[0]).toMatchObject({ speaker: "Mirela Santi", cue: "told" });
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

  it("a sentence opening with a conjunction and no comma still has its named subject for pronouns", () => {
    const body = "“The plan is illegal,” Attorney General Tom Hale said in a statement.\n\nBut Attorney General Ana Ruiz isn't backing down. In a statement, she said she intends to defend the law.\n\n“We are not surprised by this action, and we will win.”";
    expect(who(body)[1].speaker).toBe("Ana Ruiz");
  });

  it("pronouns resolve to the last named person", () => {
    const body = "Mr. Zelensky arrived in Brussels on Sunday for talks with European leaders.\n\n“The details matter,” he said.";
    const q = quotes(body)[0];
    expect(q.speaker).toBe("Mr. Zelensky");
    expect(body.slice(q.mention!.start, q.mention!.end)).toBe("he");
    expect(body.slice(q.speakerSpan!.start, q.speakerSpan!.end)).toBe("Mr. Zelensky");
  });

  it("a pronoun finds the subject after a long fronted phrase, titles such as 'chief executive' included", () => {
    const body = "“We will take the company to court if we must,” agency director Anna Selwood said.\n\nIn a video posted on the company’s website late on Monday evening, chief executive Callum Dreyer apologised.\n\n“We are truly sorry,” he said.";
    expect(who(body).map((q) => q.speaker)).toEqual(["Anna Selwood", "Callum Dreyer"]);
  });

  it("a clause whose verb is 'had' or 'was' introduces a quote after a colon: its subject speaks", () => {
    expect(who("The schools closed on Monday.\n\nMayor Tobias Wren also had a go at the builders: “These buildings were put up in a hurry.”")[0].speaker).toBe("Tobias Wren");
    expect(who("The schools closed on Monday.\n\nAchterberg was blunt: “We should have tested every room years ago.”")[0].speaker).toBe("Achterberg");
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

  it("a cue inside a clause that an earlier subject reports belongs to the reporter", () => {
    expect(who("The mayor's aides said Lee called the budget “a total mess” at the hearing.")[0].speaker).toBe("The mayor's aides");
    expect(who("Ana Ruiz said that Lee called the budget “a total mess” at the hearing.")[0].speaker).toBe("Ana Ruiz");
    expect(who("Lee called the budget “a total mess” at the hearing.")[0].speaker).toBe("Lee");
    expect(who("Ana Ruiz told reporters that Lee called the budget “a total mess” at the hearing.")[0].speaker).toBe("Ana Ruiz");
    expect(who("Union leaders said Ana Ruiz said Lee called the budget “a total mess” at the hearing.")[0].speaker).toBe("Union leaders");
  });

  it("adjectives coordinated by a comma stay inside a descriptive speaker, nouns do not", () => {
    expect(who("“We will hold firm,” the soft-spoken, 64-year-old mediator said on Friday.")[0].speaker).toBe("the soft-spoken, 64-year-old mediator");
    expect(who("“We will hold firm,” the tall, bespectacled mediator said.")[0].speaker).toBe("the tall, bespectacled mediator");
    expect(who("“Not again,” shouted the band, angry neighbours said.")[0].speaker).not.toBe("the band, angry neighbours");
  });

  it("a participle phrase between the subject and its verb qualifies the subject", () => {
    expect(who("The vote was close. A council aide speaking to the Gazette said, “We counted twice.”")[0].speaker).toBe("A council aide");
    expect(who("The vote was close. Two organisers travelling with Ana Ruiz said the count was “a farce.”")[0].speaker).toBe("Two organisers");
    expect(who("The vote was close. A morning meeting with Ana Ruiz ended. Ana Ruiz said the count was “a farce.”")[0].speaker).toBe("Ana Ruiz");
  });

  it("a role noun keeps its 'to' complement, and a description after an opening prepositional phrase is the subject", () => {
    expect(who("The vote was close. Aides to the mayor called the recount “pointless.”")[0].speaker).toBe("Aides to the mayor");
    expect(who("The vote was close. A letter to the mayor called the recount “pointless.”")[0].speaker).not.toBe("A letter to the mayor");
    expect(who("The vote was close. At one point the audience chanted “count them all” in unison.")[0].speaker).toBe("the audience");
    expect(who("Ana Ruiz said, “We will fix the roads” - at which point the audience chanted “fix them now!” - “and the bridges too.”")[1].speaker).toBe("the audience");
  });

  it("an irregular past verb ('sought', 'swept') makes a clause whose subject a later participle cue takes", () => {
    expect(who("The vote was close. The Iowa mayor sought to calm the room, and took the heckling in stride, saying the critics would “have their turn” soon.")[0].speaker).toBe("The Iowa mayor");
    expect(who("The vote was close. The challenger swept the rural counties, declaring the result “a mandate” for change.")[0].speaker).toBe("The challenger");
  });

  it("a participle after a subordinate clause belongs to that clause's subject", () => {
    expect(who("The rally began at noon. The first disruption came at the college, when students interrupted the mayor, shouting “we want change!” from the back.")[0].speaker).toBe("students");
    expect(who("The rally began at noon. Ana Ruiz spoke at the college, when asked about it, saying “we want change” soon.")[0].speaker).toBe("Ana Ruiz");
  });

  it("a counted or bare plural subject opens its clause", () => {
    expect(who("The rally began at noon. About 300 marchers crossed the bridge, singing “we shall not be moved” together.")[0].speaker).toBe("About 300 marchers");
    expect(who("The rally began at noon. Since then, 60 percent of voters backed the plan as “the right call” in polls.")[0].speaker).toBe("60 percent of voters");
  });

  it("a person described by role who acts in the sentence before introduces the quote", () => {
    expect(who("The hall fell silent. The chairman then turned to the witness. “Are you ready?”")[0].speaker).toBe("The chairman");
    expect(who("The hall fell silent. The verdict then came down. “Are you ready?”")[0].speaker).not.toBe("The verdict");
  });
});

describe("speakers: the grammar of the attribution", () => {
  it("a long apposition whose role comes second ('branch secretary of ...') stands between the name and its verb", () => {
    const body = 'Callum Drysdale, branch secretary of the University and College Staff Union (UCSU) at Kestrelby University, told a lunchtime staff meeting: "Staff are being asked to pay for years of bad decisions."';
    expect(who(body).map((q) => q.speaker)).toEqual(["Callum Drysdale"]);
  });

  it("'she said' after a sentence whose subject is a role resolves to that role, not to a name in the paragraph before", () => {
    const body = [
      "Roland Caddick, the contractor's former managing director, pleaded guilty in March. He will be sentenced in November.",
      "The judge stressed that the case was about the tender, not the bridge. “There is no evidence that the bridge itself is unsafe,” she said.",
    ].join("\n\n");
    expect(who(body).map((q) => q.speaker)).toEqual(["The judge"]);
  });

  it("a title and a place after 'of' name the person, not the place", () => {
    expect(who("Gov. Lena Marsh of Vermont said the bill was “a disgrace to the state.”")[0]).toMatchObject({ speaker: "Lena Marsh", cue: "said" });
    expect(who("“We are done here,” Sen. Paul Ortiz of Nevada told reporters.")[0]).toMatchObject({ speaker: "Paul Ortiz", cue: "told" });
    const q = quotes("“We are done here,” Sen. Paul Ortiz of Nevada told reporters.")[0];
    expect(q.speakerKey).toBe("ortiz");
  });

  it("an adverbial phrase between the subject and the verb is not the speaker", () => {
    expect(who("“We are done here,” Ana Ruiz in a low voice said.")[0].speaker).toBe("Ana Ruiz");
    expect(who("“It is over,” the coach, with a shrug, said.")[0].speaker).toBe("the coach");
  });

  it("cue verbs outside the lexicon, recognised by form right after a quote", () => {
    expect(who("“We are done here,” Ana Ruiz interjected.")[0]).toMatchObject({ speaker: "Ana Ruiz", cue: "interjected" });
    expect(who("“What a night this was,” gushed Ana Ruiz.")[0]).toMatchObject({ speaker: "Ana Ruiz", cue: "gushed" });
    const body = "Carla Mendes took the stage late.\n\n“Nobody saw that coming,” she marveled to the crowd.";
    expect(who(body)[0]).toMatchObject({ speaker: "Carla Mendes", cue: "marveled" });
  });

  it("a verb-like word after a plain noun phrase is not taken as a cue", () => {
    // "points" is a noun here; the quote has no speaker
    expect(who("The “fair share” of the points went unclaimed.")[0].speaker).toBeNull();
  });

  it("descriptive speakers keep the descriptive phrase, keyed on its head noun", () => {
    const q = quotes("“We are done here,” the spokesman said.")[0];
    expect(q.speaker).toBe("the spokesman");
    expect(q.speakerKey).toBe("spokesman");
    expect(who("“We are shocked,” one company employee told local television.")[0].speaker).toBe("one company employee");
    expect(who("“The results are in,” the report stated.")[0]).toMatchObject({ speaker: "the report", cue: "stated" });
    expect(who("“What if he had lessons?” the 43-year-old asked in the video.")[0].speaker).toBe("the 43-year-old");
    expect(who("Donald Okafor’s campaign manager says he is “gratified” by the ruling.")[0].speaker).toBe("Donald Okafor’s campaign manager");
    expect(quotes("A spokeswoman for the mayor said the plan was “dead on arrival.”")[0].speakerKey).toBe("spokeswoman");
  });

  it("a bare plural does not swallow the verb before it", () => {
    expect(who("Tanlen Ruiz informed reporters: “The bridge stays shut for the winter.”")[0].speaker).toBe("Tanlen Ruiz");
  });

  it("a noun phrase whose last word is a past-tense verb is no speaker", () => {
    expect(who("Mia Cole sent out an email as the committee meeting began vowing to “fight for every vote.”")[0].speaker).toBe("Mia Cole");
  });

  it("no cue verb: the subject of the clause the quote sits in", () => {
    expect(who("The longtime senator called the plan “reckless and unworkable.”")[0]).toMatchObject({ speaker: "The longtime senator", cue: "called" });
    expect(who("Rubén Ortega bemoaned a climate in which neighbours “simply hate each other.”")[0].speaker).toBe("Rubén Ortega");
    expect(who("Hours later, Ortega returned the compliment, telling a local radio station, “We are friends.”")[0].speaker).toBe("Ortega");
    const body = "Nora Lind spoke for an hour on Tuesday.\n\nShe then offered “my thoughts and prayers” to the families.";
    expect(who(body)[0].speaker).toBe("Nora Lind");
  });

  it("a participle after an object: the clause subject speaks, not the object", () => {
    expect(who("The mayor’s office issued a statement saying the plan “has no future.”")[0].speaker).toBe("The mayor’s office");
    expect(who("Ada Stone opened the debate saying “of course” she would run.")[0].speaker).toBe("Ada Stone");
  });

  it("a participle that introduces the content is not a verb-first attribution", () => {
    const q = who("Ada Stone defended “small towns,” saying the region embodied the “grit of the state.”");
    expect(q.map((x) => x.speaker)).toEqual(["Ada Stone", "Ada Stone"]);
  });

  it("the subject before comma-delimited adjuncts and appositions", () => {
    expect(who("Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to win.”")[0].speaker).toBe("Clinton");
    expect(who("After winning Ohio in the primary, Gov. Ana Ruiz (R-Ohio), said, “I am getting ready to rent a wagon.”")[0].speaker).toBe("Ana Ruiz");
    expect(who("Rep. Ana Ruiz (D-Ore.), chair of the platform panel, said that it was “open to every view.”")[0].speaker).toBe("Ana Ruiz");
    expect(who("Ana Ruiz, the communications director for Rep. Tom Hale (R-Tenn.), wrote that they should “try showing a little class.”")[0].speaker).toBe("Ana Ruiz");
    expect(who("The ad ends with Perry saying, “Faith made this town strong.”")[0].speaker).toBe("Perry");
    expect(quotes("Sen. Ana Ruiz’s campaign, for example, said she would “support the nominee” but no more.")[0].speakerKey).toBe("campaign");
    expect(who("“It was a long day,” Ramón Carr, 31, a freelance photographer, said.")[0].speaker).toBe("Ramón Carr");
  });

  it("roundups: 'Name, Outlet:' and 'HEADLINE - Name:' lines give the person", () => {
    const body = "Tom Hale, Example Weekly: “Nobody expected this.”\n\nAna Ruiz, Metro Radio: “It was a long night.”";
    expect(who(body).map((q) => q.speaker)).toEqual(["Tom Hale", "Ana Ruiz"]);
    expect(who("TURNOUT SURGES IN OHIO - Dana Reyes: “Turnout was high across the state.” [Example.]")[0].speaker).toBe("Dana Reyes");
    expect(who("EARLY POLLS - Jo Park and Lee Moss, Example Post: “The polls were early.”")[0].speaker).toBe("Jo Park and Lee Moss");
  });

  it("steps back over adjuncts, time spans and relative clauses to the subject", () => {
    expect(who("Lena Park, who has in the past described the plan as “a pathological fantasy,” spoke first.")[0].speaker).toBe("Lena Park");
    expect(who("The Interior Ministry less than two weeks ago said for the first time that “classified” files were lost.")[0].speaker).toBe("Interior Ministry");
    expect(who("The mayor was criticized at one point calling the auditor a “liar” in public.")[0].speaker).toBe("The mayor");
  });

  it("a participle that names rather than attributes gives no speaker", () => {
    expect(who("Buyers prefer to pay a premium for goods labeled “Made at Home” in stores.")[0].speaker).toBeNull();
  });

  it("a speech-verb spelling inside a noun phrase is a noun", () => {
    const body = "Ravi Menon spoke in Dayton.\n\nHe is looking ahead to the contest in his home state because he will have “a lot of delegates” there.";
    expect(who(body)[0]).toMatchObject({ speaker: "Ravi Menon", cue: "looking" });
  });

  it("a quote opening a paragraph is introduced by the person the previous sentence is about", () => {
    const body = "After the vote, Marta Quinn offered her own approach.\n\n“Look, how about a simple budget? How about that?”";
    expect(who(body)[0].speaker).toBe("Marta Quinn");
    // a thing, or a person only described, introduces nobody
    expect(who("The agreement is reportedly worth more than 95 billion.\n\n“Half of our shops rely on the bridge.”")[0].speaker).toBeNull();
    expect(who("Dana Ruiz has faced similar criticism before.\n\n“Half of our shops rely on the bridge.”")[0].speaker).toBeNull();
  });

  it("headlines: the opening name before a verb by its form, an auxiliary or an adverb", () => {
    expect(who("Dana Ruiz Endorses Tom Hale: I Am ‘Thrilled’ By His Plan\n\nThe endorsement came on Monday.")[0].speaker).toBe("Dana Ruiz");
    expect(who("Tom Hale Is Now Calling The Plan ‘A Total Disaster’ For Farmers\n\nHale spoke in Ohio.")[0].speaker).toBe("Tom Hale");
    // a lone word that is no known name is no speaker
    expect(who("Summit Produces ‘Robust’ Guarantees\n\nThe talks ended late.")[0].speaker).toBeNull();
  });

  it("the clause subject past auxiliaries, a prepositional complement, an introductory phrase or an aside", () => {
    expect(who("Ortega did not name his rivals, but told his supporters, “our town is in real trouble.”")[0].speaker).toBe("Ortega");
    expect(who("The former secretary of state mocked Hale for calling himself the “king of debt,” and moved on.")[0].speaker).toBe("The former secretary of state");
    expect(who("With the second contest set for Tuesday, Ruiz referred to Hale as “a bright, charismatic leader” today.")[0].speaker).toBe("Ruiz");
    expect(who("Former Gov. Ana Ruiz, for her part, is labeling the plan “a blatant abuse of power.”")[0].speaker).toBe("Ana Ruiz");
    expect(who("The Harbor Workers Foundation did not want to address “that person” at all.")[0].speaker).toBe("Harbor Workers Foundation");
  });

  it("a partial quote that is the predicate of a named subject", () => {
    expect(who("Ruiz “drew well from working-class voters” in the state.")[0].speaker).toBe("Ruiz");
    // a quote inside a determiner phrase has no speaker
    expect(who("The so-called “coalition of the willing” met again.")[0].speaker).toBeNull();
  });

  it("coordinated names, sentence adverbs and rubrics", () => {
    expect(who("Ruiz and Hale issued a statement describing the talks as a “very positive step” forward.")[0].speaker).toBe("Ruiz and Hale");
    expect(who("Clearly, Ruiz emphasized the threat that “rising seas” pose to the coast.")[0].speaker).toBe("Ruiz");
    expect(who("The Latest: Ruiz delivers a defense of ‘small-town values’ in Ohio")[0].speaker).not.toBe("The Latest");
  });

  it("a participle after the object of a preposition: the clause subject speaks", () => {
    expect(who("Her campaign quickly sent an email to supporters stating, “The speaker has joined the list.”")[0].speaker).toBe("Her campaign");
  });

  it("a verb-first cue before a quote needs a name after the verb", () => {
    expect(who("A source close to the team says the group is spending “substantial” sums on it.")[0].speaker).toBe("A source close to the team");
    expect(quotes("“It is over,” people familiar with the talks said.")[0].speakerKey).toBe("people");
  });

  it("a capitalised cue verb opening the sentence, then the name", () => {
    expect(who("Said Dora Pine, who grew up with him, “We were all so proud.”")[0].speaker).toBe("Dora Pine");
    expect(who("Continued Pine: “So I think the count is wrong.”")[0].speaker).toBe("Pine");
  });

  it("the next paragraph's quote goes on after the previous quote's own attribution", () => {
    const body = "“It is everything but him,” Mara Quill told a radio station when asked whom she would back.\n“It is everything but him because he is bad for us.”";
    expect(who(body).map((q) => q.speaker)).toEqual(["Mara Quill", "Mara Quill"]);
  });

  it("cue verbs from the broadened lexicon, inflected by spelling rules", () => {
    const body = "Nora Lind and Paul Ek met the press after the vote.\n\nLind quipped that the count was “a photo finish.” Ek murmured that it was “too close to call.”";
    expect(who(body).map((q) => [q.speaker, q.cue])).toEqual([["Lind", "quipped"], ["Ek", "murmured"]]);
    // "agreed to" is an action, not speech
    expect(SPEECH_VERB.test("agreed")).toBe(false);
    expect(SPEECH_VERB.test("interjected") && SPEECH_VERB.test("gushed") && SPEECH_VERB.test("bristled")).toBe(true);
  });

  it("a clause-final attribution after the last comma covers the sentence's quote", () => {
    const body = "Hale is an “articulate conservative” who has won two elections in the state, the editorial board writes.";
    expect(who(body)[0]).toMatchObject({ speaker: "the editorial board", cue: "writes" });
    const long = "Nora Lind spoke in Ohio.\n\nDemocrats had “put the biggest crack” yet in the glass ceiling for women and for everyone who ever hoped for it, she said in a speech.";
    expect(who(long)[0].speaker).toBe("Nora Lind");
    expect(who("Here’s Ruiz in December 1992: “Our new direction must rest on work.”")[0].speaker).toBe("Ruiz");
  });

  it("reflexive intensifiers, indefinite pronouns and a parenthesised sentence", () => {
    expect(who("Ruiz herself said Tuesday that “the only way to win is hard work.”")[0].speaker).toBe("Ruiz");
    expect(who("“It was close,” one voter said. Yet another said, “Hale is in a five-way battle.”").map((q) => q.speaker)).toEqual(["one voter", "another"]);
    expect(who("(Hale's spokeswoman challenged the claim that Hale had ever “attacked” her.)")[0].speaker).toBe("Hale's spokeswoman");
  });

  it("verb first: an organisation and a role noun before the person", () => {
    const body = "“She drew well from working-class voters,” said Lakeside University professor Ana Ruiz. “That was more her base than his.”";
    expect(who(body).map((q) => q.speaker)).toEqual(["Ana Ruiz", "Ana Ruiz"]);
  });

  it("a sentence adverb is no name", () => {
    const body = "Nora Lind was asked about a running mate.\n\n“Absolutely,” she said. “And I am not ruling anybody out.”";
    expect(who(body).map((q) => q.speaker)).toEqual(["Nora Lind", "Nora Lind"]);
  });

  it("a possessive pronoun before a speech noun is resolved like a subject pronoun", () => {
    const body = "Mara Quill, a council member, spoke on Monday.\n\nThe union is unlikely to back her after her March comment that, “We are going to close a lot of mines.”";
    const q = quotes(body)[0];
    expect(q.speaker).toBe("Mara Quill");
    expect(body.slice(q.mention!.start, q.mention!.end)).toBe("her");
  });

  it("the clause ending in a colon right before the quote, whatever its verb", () => {
    expect(who("After the vote, Ruiz fired back forcefully: “If they sue us in a court in Ohio, they lose.”")[0]).toMatchObject({ speaker: "Ruiz", cue: "fired" });
    expect(who("Jared Potts, 17, echoed:\n\n“He speaks his mind, and I like that.”")[0]).toMatchObject({ speaker: "Jared Potts", cue: "echoed" });
  });

  it("a participle after a comma belongs to the clause right before it", () => {
    const body = "Comey cannot say that “from his perspective,” Ortega added, saying it should be “up to the prosecutor.”";
    expect(who(body).map((q) => q.speaker)).toEqual(["Ortega", "Ortega"]);
  });

  it("a descriptive phrase followed by the person's name in apposition gives the name", () => {
    expect(who("“We are ready,” her top aide, Dana Ruiz, said.")[0].speaker).toBe("Dana Ruiz");
    expect(who("In a statement to the Courier, her senior adviser, Jake Sol, said: “Ruiz believes in the alliance.”")[0].speaker).toBe("Jake Sol");
    expect(who("“We are ready,” the spokesman, who asked not to be named, said.")[0].speaker).toBe("the spokesman");
  });

  it("a connective adverb between subject and verb, and an -s verb before a particle", () => {
    expect(who("Ortega however said he would welcome a “principled security network” for the region.")[0].speaker).toBe("Ortega");
    expect(who("Ruiz last week invited rivals to dig up thousands of “missing” emails.")[0].speaker).toBe("Ruiz");
    expect(who("For now, the administration waves off the delay as having “minimal” impact.")[0].speaker).toBe("the administration");
  });

  it("verb-first after the last comma, a role-introduced name before a colon, a capitalised cue ending the previous paragraph", () => {
    expect(who("“We’re extremely happy” about the decision, said Ana Ruiz, executive director of the union.")[0].speaker).toBe("Ana Ruiz");
    expect(who("The timing of the surge doesn’t surprise Republican pollster Dana Shaw: “Lesser-known candidates rise late.”")[0].speaker).toBe("Dana Shaw");
    expect(who("Ruiz spoke on the radio.\n\nStated Pine:\n\n“I think that the stakes are so high.”")[0].speaker).toBe("Pine");
  });

  it("a 'Name, Affiliation.' paragraph under a quote signs it; a photo credit does not", () => {
    const body = "His views are incoherent.\n\n“I worry that we may see a resurgence of the crisis.”\n\nTom Hale, Center for Economic Research.\n\nWhether he wins is unclear.";
    expect(who(body)[0].speaker).toBe("Tom Hale");
    const credit = "His views are incoherent.\n\n“I worry that we may see a resurgence of the crisis.”\n\nExample Images.\n\nWhether he wins is unclear.";
    expect(who(credit)[0].speaker).toBeNull();
  });

  it("a relative clause without commas between the subject and its verb", () => {
    expect(who("A city official who spoke anonymously to discuss the plan said Wednesday, “Certainly there are talks.”")[0].speaker).toBe("A city official");
    // an object with a relative clause is no subject
    expect(who("Ruiz is disavowing remarks made by a campaign surrogate who said voters shouldn’t “keep electing the same people.”")[0].speaker).not.toBe("a campaign surrogate");
  });
});

describe("pastAndParticiple", () => {
  it("inflects cue verbs by English spelling rules", () => {
    expect(pastAndParticiple("quip")).toEqual(["quipped", "quipping"]);
    expect(pastAndParticiple("argue")).toEqual(["argued", "arguing"]);
    expect(pastAndParticiple("reply")).toEqual(["replied", "replying"]);
    expect(pastAndParticiple("murmur")).toEqual(["murmured", "murmuring"]);
    expect(pastAndParticiple("concur")).toEqual(["concurred", "concurring"]);
    expect(pastAndParticiple("swear")).toEqual(["swore", "swearing"]);
  });

  it("a sentence-initial prepositional phrase is never the subject: the pronoun after it resolves to the person", () => {
    const body = "Kieran Doyle, who runs the under-21s, takes over for now. At the training ground on Monday he said: “It's a sad day for everyone here.”";
    expect(quotes(body)[0]).toMatchObject({ speaker: "Kieran Doyle", cue: "said" });
    const q = quotes("Kieran Doyle, who runs the under-21s, takes over for now. At the training ground on Monday he said it was “a sad day for everyone here.”")[0];
    expect(q.speaker).toBe("Kieran Doyle");
  });

  it("a curly opener closed by a straight mark or a second opener is interrupted by its attribution", () => {
    const a = who("Trump won.\n\n“We are going to win so much,\" Trump said at his victory party. \"You are going to be so happy.”");
    expect(a.map((q) => [q.text, q.speaker])).toEqual([["We are going to win so much,", "Trump"], ["You are going to be so happy.", "Trump"]]);
    expect(who("“It's unusual,“ said Larry Noble, an attorney. “We see it rarely.”")[0]).toMatchObject({ text: "It's unusual,", speaker: "Larry Noble" });
  });

  it("a quote closed by a full stop, then a sentence that only attributes it", () => {
    expect(who("Clinton says the mails were personal.\n\n“I hope you are able to find the emails.” Trump said.")[0].speaker).toBe("Trump");
  });

  it("an adverb set off by commas between the subject and the verb", () => {
    expect(who("The two lawmakers, however, argue that “there is precedent for prosecution.”")[0].speaker).toMatch(/two lawmakers/);
  });

  it("a cue coordinated with an earlier verb takes that verb's subject", () => {
    const body = "Mark Hale ran the campaign. Asked whether Ana Ruiz would debate, he laughed and said, “We’ll see.”";
    expect(quotes(body)[0]).toMatchObject({ speaker: "Mark Hale", cue: "said" });
    const q = quotes("Mark Hale is back. Eight years ago, he supported Ana Ruiz over Tom Bell and said, “Bell has never done anything for us.”")[0];
    expect(q.speaker).toBe("Mark Hale");
  });

  it("an -s verb right before the quote ends the descriptive subject", () => {
    expect(quotes("They met. The Florida senator likes “The Walking Dead,” while his rival prefers comedies.")[0].speaker).toBe("The Florida senator");
  });

  it("a descriptive speaker with a complement: 'a spokesman for committee Democrats'", () => {
    expect(who("He spoke.\n\n\"The facts haven't changed,\" a spokesman for committee Democrats said.")[0].speaker).toBe("a spokesman for committee Democrats");
  });

  it("an apposition that lost its closing comma keeps the name as the speaker", () => {
    expect(who("Sam Lau, the communications director for the Iowa Democratic Party said in a statement. “There are no paper ballots to recount.”")[0].speaker).toBe("Sam Lau");
  });

  it("'has since' before the verb of the clause that introduces a quote", () => {
    expect(who("Clinton has since apologized for what happened: “Yes, I should have used two addresses.”")[0].speaker).toBe("Clinton");
  });

  it("an attribution after a quote that ends in an inner quotation ('…?’” Weaver said')", () => {
    expect(who("Intro.\n\n“She asked us, ‘What can I do?’” Weaver said.")[0].speaker).toBe("Weaver");
  });

  it("a participle after an object whose verb is an -ed form: the clause subject speaks", () => {
    expect(who("The town released a statement Wednesday saying the comments “are based on his opinion.”")[0].speaker).toBe("The town");
  });

  it("a comma-closed quote followed at once by its speaker and verb is attributed there, not to an earlier verb", () => {
    expect(who("Members are asked to rank their choices, and the group is less likely to be “overrun with social conservatives,” Hoover said.")[0].speaker).toBe("Hoover");
    // a new clause with an object is no attribution of the quote before it
    expect(who("When Maddow pointed out that Sanders calls it “Medicare for all,” Clinton seized upon the reference.")[0].speaker).not.toBe("Clinton");
  });

  it("headlines: 'Name on Topic: ‘quote’' and a four-word 'Name:' lead", () => {
    expect(who("Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’\n\nFriday on CNN’s “New Day,” Sen. Kristen Gillibrand spoke.")[0].speaker).toBe("Gillibrand");
    expect(who("McCain Challenger Kelli Ward: Impeach the Attorney General, ‘Stop DC at the Door.’\n\nShe spoke on Friday.")[0].speaker).toBe("McCain Challenger Kelli Ward");
  });

  it("a cue after 'by' takes the subject of the verb before it", () => {
    expect(who("Judge Ann Roe returned. When she returned she began by saying, “I don’t think that it’s necessary.”")[0].speaker).toBe("Ann Roe");
  });

  it("descriptive subjects joined by 'and', and a role given by an agent noun", () => {
    expect(who("He left.\n\nThe influential delegate and conservative activist, who backs Cruz, warned of a “ferocious” battle.")[0].speaker).toBe("The influential delegate and conservative activist");
    expect(who("He left. Former Obama speechwriter Jon Favreau published a column, entitled, “Why It Matters.”")[0].speaker).toBe("Jon Favreau");
  });

  it("a short adverbial between commas after a pronoun, and a quote inside a 'who' clause", () => {
    expect(quotes("Ana Ruiz spoke last. She, once again, pledged a “political revolution” to the crowd.")[0].mention).toBeDefined();
    expect(quotes("Ana Ruiz spoke last. She, once again, pledged a “political revolution” to the crowd.")[0].speaker).toBe("Ana Ruiz");
    expect(who("He joined in 2012. Chrabaszcz, who goes by “Vito,” was among the party’s staff.")[0].speaker).toBe("Chrabaszcz");
  });

  it("'Transcript as follows:' is the source of the quote after it, unless the quote names its own speaker", () => {
    expect(who("He spoke in Cleveland.\n\nTranscript as follows:\n\n\"Tonight we arrived in Cleveland.\"")[0].speaker).toBe("Transcript");
    expect(who("He spoke in Cleveland.\n\nPartial transcript as follows:\n\n\"RAMOS: Secretary, on the night of the attack.\"")[0].speaker).toBe("RAMOS");
  });

  it("no speaker from a verb outside the lexicon without a real subject, and a span of time opening the sentence is no subject", () => {
    expect(who("Trump told CNN he would “go after them.”\n\nWhat “go after them” actually means is left to the imagination of voters.")[1].speaker).not.toBe("actually means");
    const body = "Hillary Clinton spoke in Iowa. Thirteen years earlier, she had voted for the war from “the perspective of a senator.”";
    const q = quotes(body)[0];
    expect(body.slice(q.mention!.start, q.mention!.end)).toBe("she");
    expect(q.speaker).toBe("Hillary Clinton");
  });

  it("a capitalised rubric and colon before a clause: the clause subject speaks", () => {
    expect(who("The Latest: Trump delivers defense of ‘New York values.’\n\nWASHINGTON (AP) — The Latest on the campaign.")[0].speaker).toBe("Trump");
  });

  it("a plural possessive name owns the head after it", () => {
    expect(who("The count went on.\nSanders’ campaign called the report a “rush to judgment,” because delegates can change.")[0].speaker).toBe("Sanders’ campaign");
  });
});
