import { describe, expect, it } from "vitest";
import { generateCorpus, type SampleStory } from "@/lib/bench/corpus";
import { createRandom } from "@/lib/bench/random";
import { groupSamples } from "@/lib/bench/samples";
import { countTokensFloor, tokenizeFloor } from "@/lib/bench/floor";
import { alignStoryNaive, similarityNaive, splitSentencesNaive } from "@/lib/bench/naive";

// Two small invented stories, each told by three outlets, stand in for the sample corpus.
const samples: SampleStory[] = [
  {
    articles: [
      {
        title: "Harbour crane collapses at Vellport",
        body: "A crane collapsed at the Vellport harbour on Friday, injuring 3 workers.\n\n“We heard a terrible noise and then everything shook,” said Anika Dromsel, a dock worker.\n\nThe Vellport Harbour Authority said the crane was installed in 1998 and inspected last month.",
      },
      {
        title: "Vellport crane collapse injures three",
        body: "Three workers were hurt when a crane fell at Vellport harbour.\n\nAnika Dromsel said: “We heard a terrible noise and then everything shook.”\n\nThe authority said the crane was inspected last month and that an investigation was under way.",
      },
      {
        title: "Crane falls in Vellport",
        body: "A harbour crane in Vellport collapsed on Friday.\n\n“We heard a terrible noise,” a worker, Anika Dromsel, said.\n\nOfficials said the crane dated from 1998.",
      },
    ],
  },
  {
    articles: [
      {
        title: "Brantis council approves new tram line",
        body: "The Brantis council approved a 12-kilometre tram line on Tuesday after a debate that lasted 6 hours.\n\n“This is the most important transport decision in a generation,” said councillor Meret Okafo.\n\nConstruction is expected to start next spring.",
      },
      {
        title: "Tram line gets green light in Brantis",
        body: "Councillors in Brantis voted for a tram line of 12 kilometres.\n\n“This is the most important transport decision in a generation,” Meret Okafo said.\n\nWork should begin in the spring.",
      },
    ],
  },
];

describe("generateCorpus", () => {
  it("is deterministic for a seed and N", () => {
    const a = generateCorpus(samples, { articles: 60, random: createRandom(7) });
    const b = generateCorpus(samples, { articles: 60, random: createRandom(7) });
    expect(b).toEqual(a);
    const c = generateCorpus(samples, { articles: 60, random: createRandom(8) });
    expect(c.articles.map((x) => x.body)).not.toEqual(a.articles.map((x) => x.body));
  });

  it("makes exactly N articles in about N/10 stories, with unique keys and distinct outlets per story", () => {
    const { articles, stories } = generateCorpus(samples, { articles: 203, random: createRandom(1) });
    expect(articles).toHaveLength(203);
    expect(stories).toBe(20);
    expect(new Set(articles.map((a) => a.key)).size).toBe(203);
    expect(new Set(articles.map((a) => a.story)).size).toBe(20);
    for (let s = 0; s < stories; s++) {
      const members = articles.filter((a) => a.story === s);
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(new Set(members.map((a) => a.outlet)).size).toBe(members.length);
      expect(new Set(members.map((a) => a.body)).size).toBe(members.length);
    }
  });

  it("gives each variant family its own names and numbers, consistently within the story", () => {
    const { articles } = generateCorpus(samples, { articles: 200, random: createRandom(3), fillerShare: 0 });
    const tram = articles.filter((a) => a.family === "sample" && /tram/.test(a.body));
    const cities = new Map<number, Set<string>>();
    for (const a of tram) {
      // The speaker's surname closes the attribution line (“...,” Okafo said.) in every rendition.
      const m = a.body.match(/(\p{Lu}\p{Ll}+) (?:said|stated)\.?$/mu);
      if (!m) continue;
      const set = cities.get(a.story) ?? new Set<string>();
      set.add(m[1]);
      cities.set(a.story, set);
    }
    expect(cities.size).toBeGreaterThan(3);
    for (const set of cities.values()) expect(set.size).toBe(1); // one speaker surname per story
    const surnames = [...cities.values()].map((s) => [...s][0]);
    expect(new Set(surnames).size).toBeGreaterThan(surnames.length / 2); // stories differ
    expect(articles.some((a) => /Okafo|Brantis|Vellport|Dromsel/.test(a.body))).toBe(false);
  });

  it("applies the controlled edits: rewording, quote edits, added claims and padding blocks", () => {
    const { articles } = generateCorpus(samples, { articles: 400, random: createRandom(11) });
    const bodies = articles.map((a) => a.body).join("\n");
    expect(bodies).toMatch(/\b(stated|informed|crucial)\b/);
    expect(bodies).toMatch(/^(Frequently Asked Questions|FAQ|People Also Ask)$/m);
    expect(bodies).toMatch(/^- /m);
    expect(bodies).toMatch(/Analysts estimate|is expected to announce|A poll published|Insiders say|has faced similar|reportedly worth/);
    expect(articles.some((a) => a.family === "filler")).toBe(true);
    expect(articles.some((a) => a.family === "sample")).toBe(true);
  });

  it("uses only filler stories when there are no samples, and rejects a bad count", () => {
    const { articles } = generateCorpus([], { articles: 15, random: createRandom(2) });
    expect(articles.every((a) => a.family === "filler")).toBe(true);
    expect(() => generateCorpus(samples, { articles: 0, random: createRandom(1) })).toThrow(/positive integer/);
    expect(() => generateCorpus([{ articles: [] }], { articles: 5, random: createRandom(1) })).toThrow(/no articles/);
  });
});

describe("createRandom", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(() => createRandom(Number.NaN)).toThrow(/finite/);
  });
});

describe("groupSamples", () => {
  it("keeps folder groups and attaches ungrouped articles to the story they share words with", () => {
    const inputs = [
      { ...samples[0].articles[0], group: "crane" },
      { ...samples[1].articles[0], group: "tram" },
      { ...samples[1].articles[1], group: null },
      { ...samples[0].articles[2], group: null },
    ];
    const stories = groupSamples(inputs);
    expect(stories.map((s) => s.articles.map((a) => a.title))).toEqual([
      [samples[0].articles[0].title, samples[0].articles[2].title],
      [samples[1].articles[0].title, samples[1].articles[1].title],
    ]);
    expect(() => groupSamples([{ title: "x", body: "y", group: null }])).toThrow(/no sample article/);
  });
});

describe("floor and naive references", () => {
  it("tokenises words and counts tokens", () => {
    expect(tokenizeFloor("The Crane, in 1998: “fell”!")).toEqual(["the", "crane", "in", "1998", "fell"]);
    expect(countTokensFloor(["a b", "c"])).toBe(3);
  });

  it("splits sentences and scores word overlap", () => {
    expect(splitSentencesNaive("One two. Three four!\nFive")).toEqual(["One two.", "Three four!", "Five"]);
    expect(similarityNaive("a b c d", "a b c d")).toBe(1);
    expect(similarityNaive("a b c d", "w x y z")).toBe(0);
    expect(similarityNaive("a b c d", "a b x d")).toBeCloseTo(0.75);
  });

  it("compares every sentence with every sentence of every other article", () => {
    const r = alignStoryNaive([
      { id: 1, body: "The crane fell. Three were hurt." },
      { id: 2, body: "The crane fell. Nobody saw it coming today at all." },
    ]);
    expect(r.sentences).toBe(4);
    expect(r.comparisons).toBe(8);
    expect(r.verbatim).toBe(2);
    expect(r.absent).toBe(2);
  });
});
