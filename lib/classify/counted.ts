/**
 * fact_conflict on how many of a thing there are ("nineteen streets" against "nine streets"), across
 * the story rather than only in aligned statements: a translation or a rewrite tells the count in a
 * sentence of its own shape. Compared only for things each outlet counts once (a single-valued fact of
 * the story, such as the streets cleared), so that counts of different groups of one noun ("300
 * people came", "6,200 people work there") are never set against each other. Flagged medium on the
 * outlet whose count no other outlet gives, against one count two or more others agree on.
 */
import type { StoryAlignment } from "@/lib/align";
import { extractNumbers, hasMeasureUnit, termKey, type ValueMention } from "@/lib/text";
import type { FlagDraft } from "@/lib/types";
import { claimTermSets, clip, counterpartsOf, evidenceFor, isFlaggableSentence, joinNames, MAX_EVIDENCE, memoPerArticle } from "./common";
import { agreedValue, CONSENSUS_MIN } from "./event-counts";
import { claimValueLists } from "./values";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** Content words (besides the counted one) a holder's statement must share with ours to count the same group. */
const SHARED_TERMS_MIN = 2;

/**
 * Counted words that measure time or repeat ("three days", "two times"), or that count too many groups
 * in one story to name one ("people", "votes": the counts of people have their own reading, lib/text/events).
 */
const NOT_THINGS = new Set(
  ["year", "day", "hour", "minute", "second", "week", "month", "time", "night", "morning", "decade", "century", "season", "people", "person", "vote"].flatMap((w) => [termKey(w), termKey(`${w}s`)]),
);

interface Count {
  value: number;
  claim: number;
  mention: ValueMention;
}

/**
 * Counts of things in article `i`, by unit: every count in its flaggable, unquoted statements (a count
 * inside a quote is the speaker's), and every value it gives anywhere for that unit (quotes included),
 * once per story.
 */
const countsOf = memoPerArticle((al, i): { told: Map<string, Count[]>; any: Map<string, Set<number>>; bounded: Map<string, boolean>; numbers: Set<number> } => {
  const a = al.index.articles[i].analysis;
  const lists = claimValueLists(al, i);
  const told = new Map<string, Count[]>();
  const any = new Map<string, Set<number>>();
  const bounded = new Map<string, boolean>();
  // Every number the article mentions, whatever follows it ("16,500 at the old ground" carries "16,500 seats").
  const numbers = new Set(extractNumbers(a.article.body).map((n) => n.value));
  a.claims.forEach((c, ci) => {
    const flaggable = !c.quoted && isFlaggableSentence(a.segmentation, c.sentence);
    for (const v of lists[ci]) {
      if (v.kind !== "count" || !v.unit || NOT_THINGS.has(v.unit) || hasMeasureUnit(v)) continue;
      const value = Number(v.key);
      if (!Number.isInteger(value) || value <= 0) continue;
      const seen = any.get(v.unit) ?? new Set<number>();
      seen.add(value);
      any.set(v.unit, seen);
      if (v.bound) bounded.set(v.unit, true);
      if (!flaggable) continue;
      const list = told.get(v.unit) ?? [];
      list.push({ value, claim: ci, mention: v });
      told.set(v.unit, list);
    }
  });
  return { told, any, bounded, numbers };
});

/** fact_conflict flags for article `ai`: a count of a thing the other outlets agree against. */
export function classifyCountedThings(al: StoryAlignment, ai: number): Draft[] {
  const arts = al.index.articles;
  const others = counterpartsOf(al, ai);
  if (others.length < CONSENSUS_MIN) return [];
  const a = arts[ai].analysis;
  const mine = countsOf(al, ai);
  const out: Draft[] = [];
  for (const [unit, told] of mine.told) {
    // The article tells one count of this thing in its own voice.
    const values = new Set(told.map((x) => x.value));
    if (values.size !== 1) continue;
    const [value] = values;
    // (A floor or a ceiling holds a count within it: "more than 540 shootings" and "400 shootings" are not
    // compared, whichever side gives the bound.)
    if (told.some((x) => x.mention.bound)) continue;
    // Each other outlet that counts this thing, with the one count it gives; one that gives ours carries it.
    const holders = new Map<number, number[]>();
    let carried = false;
    for (const bi of others) {
      const b = countsOf(al, bi);
      const theirs = b.any.get(unit);
      if (!theirs) continue;
      if (theirs.has(value) || b.numbers.has(value) || b.bounded.has(unit)) carried = true;
      // (Several counts of the noun are several groups: that outlet says nothing about this one.)
      if (theirs.size === 1) {
        const [y] = theirs;
        holders.set(y, [...(holders.get(y) ?? []), bi]);
      }
    }
    if (carried) continue;
    // A holder counts when the statement that gives its count shares words with one of ours beyond the
    // counted word ("clear nine streets within half a mile of the factory, in Brindle Flats" / "from nineteen
    // streets around the factory ... in Brindle Flats"): the same group of things, not another of the noun.
    const ours = told.map((x) => claimTermSets(al, ai)[x.claim]);
    for (const [y, list] of holders) {
      const related = list.filter((bi) =>
        claimValueLists(al, bi).some((vs, cj) => {
          if (!vs.some((v) => v.kind === "count" && v.unit === unit && Number(v.key) === y)) return false;
          const terms = claimTermSets(al, bi)[cj];
          return ours.some((o) => [...o].filter((t) => t !== unit && terms.has(t)).length >= SHARED_TERMS_MIN);
        }),
      );
      if (related.length) holders.set(y, related);
      else holders.delete(y);
    }
    const agreed = agreedValue(holders);
    if (!agreed) continue;
    const [theirValue, outlets] = agreed;
    // (A quote this article carries may give their count: its own voice still says another, which the flag shows.)
    const first = told[0];
    const c = a.claims[first.claim];
    const evidence = outlets.slice(0, MAX_EVIDENCE).map((bi) => {
      const b = arts[bi].analysis;
      const lists = claimValueLists(al, bi);
      const ci = lists.findIndex((list) => list.some((v) => v.kind === "count" && v.unit === unit && Number(v.key) === theirValue));
      const bc = b.claims[Math.max(0, ci)];
      return evidenceFor(c.text, b, { start: bc.start, end: bc.end });
    });
    out.push({
      articleId: a.article.id,
      kind: "fact_conflict",
      severity: "medium",
      confidence: Math.round((outlets.length / (outlets.length + 1)) * 1000) / 1000,
      start: c.start,
      end: c.end,
      text: c.text,
      speaker: null,
      explanation: `${a.article.outlet} gives "${first.mention.text}" in "${clip(c.text, 80)}" where ${joinNames(outlets.map((bi) => arts[bi].analysis.article.outlet))} ${outlets.length > 1 ? "give" : "gives"} ${theirValue} and no other outlet gives ${value}.`,
      evidence,
    });
  }
  return out;
}
