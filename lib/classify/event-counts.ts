/**
 * fact_conflict on counts of people: how many were killed, injured, displaced,
 * evacuated, rescued, arrested or are missing. These counts are told in sentences
 * of every shape, so they are compared by event across the story rather than only
 * in aligned statements: an outlet whose count no other outlet gives, against a
 * count two or more others agree on, is flagged (medium: the statements need not
 * be aligned, so the flag says what each outlet has and leaves the judgement to the editor).
 */
import type { StoryAlignment } from "@/lib/align";
import { extractEventCounts, type EventCount, type PeopleEvent } from "@/lib/text";
import type { FlagDraft } from "@/lib/types";
import { clip, counterpartsOf, evidenceFor, isFlaggableSentence, joinNames, MAX_EVIDENCE, memoPerArticle } from "./common";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

interface Located extends EventCount {
  claim: number;
}

/** Relative gap within which an approximate count and another are one count told two ways. */
const APPROXIMATE_GAP = 0.15;
/** Outlets that must agree on another count before one outlet's count is in dispute (here and in ./counted). */
export const CONSENSUS_MIN = 2;

/**
 * The one value that CONSENSUS_MIN or more outlets agree on, given each value's outlets, and those outlets;
 * null when none has that many or two values tie (here and in ./counted).
 */
export function agreedValue<K>(tally: ReadonlyMap<K, number[]>): [K, number[]] | null {
  const ranked = [...tally].sort((p, q) => q[1].length - p[1].length);
  if (!ranked.length || ranked[0][1].length < CONSENSUS_MIN || (ranked[1] && ranked[1][1].length === ranked[0][1].length)) return null;
  return ranked[0];
}

/** Event counts of every flaggable, unquoted statement of article `i` (a count inside a quote is the speaker's). */
const countsOf = memoPerArticle((al, i): Located[] => {
  const a = al.index.articles[i].analysis;
  const out: Located[] = [];
  a.claims.forEach((c, ci) => {
    if (c.quoted || !isFlaggableSentence(a.segmentation, c.sentence)) return;
    for (const e of extractEventCounts(c.text)) out.push({ ...e, claim: ci });
  });
  return out;
});

/** True when two counts can both be right: the same number, one rounding the other, or within a stated bound. */
function compatible(x: EventCount, y: EventCount): boolean {
  if (x.value === y.value) return true;
  const gap = Math.abs(x.value - y.value) / Math.max(x.value, y.value);
  if ((x.hedged || y.hedged) && gap <= APPROXIMATE_GAP) return true;
  const within = (b: EventCount, other: number) => (b.bound === "min" ? other >= b.value : b.bound === "max" ? other <= b.value : false);
  return within(x, y.value) || within(y, x.value);
}

/** fact_conflict flags for counts of people in article `ai` that the story's other outlets agree against. */
export function classifyEventCounts(al: StoryAlignment, ai: number): Draft[] {
  const arts = al.index.articles;
  const others = counterpartsOf(al, ai);
  if (others.length < CONSENSUS_MIN) return [];
  const a = arts[ai].analysis;
  const mine = countsOf(al, ai);
  const out: Draft[] = [];
  const flagged = new Set<number>();
  for (const x of mine) {
    if (flagged.has(x.claim)) continue;
    // Each other outlet's count of this event, when it gives one count only (several are several scopes or updates).
    const theirs = new Map<number, Located>();
    let carried = false;
    for (const bi of others) {
      const counts = countsOf(al, bi).filter((y) => y.event === x.event);
      if (counts.some((y) => compatible(x, y))) carried = true;
      const values = new Set(counts.map((y) => y.value));
      if (values.size === 1) theirs.set(bi, counts[0]);
    }
    if (carried) continue;
    // An article that gives the other count too tells two scopes, not a different one.
    const own = mine.filter((y) => y.event === x.event);
    const tally = new Map<number, number[]>();
    for (const [bi, y] of theirs) tally.set(y.value, [...(tally.get(y.value) ?? []), bi]);
    const agreed = agreedValue(tally);
    if (!agreed) continue;
    const holders = agreed[1];
    const consensus = theirs.get(holders[0])!;
    if (own.some((y) => compatible(y, consensus))) continue;
    flagged.add(x.claim);
    const c = a.claims[x.claim];
    const evidenceFrom = holders.slice(0, MAX_EVIDENCE).map((bi) => {
      const y = theirs.get(bi)!;
      const bc = arts[bi].analysis.claims[y.claim];
      return evidenceFor(c.text, arts[bi].analysis, { start: bc.start, end: bc.end });
    });
    out.push({
      articleId: a.article.id,
      kind: "fact_conflict",
      severity: "medium",
      confidence: Math.round((holders.length / (holders.length + 1)) * 1000) / 1000,
      start: c.start,
      end: c.end,
      text: c.text,
      speaker: null,
      explanation: `${a.article.outlet} gives ${x.text} ${EVENT_LABEL[x.event]} in "${clip(c.text, 80)}" where ${joinNames(holders.map((bi) => arts[bi].analysis.article.outlet))} ${holders.length > 1 ? "have" : "has"} ${consensus.text}.`,
      evidence: evidenceFrom,
    });
  }
  return out;
}

const EVENT_LABEL: Record<PeopleEvent, string> = {
  killed: "killed",
  injured: "injured",
  displaced: "displaced",
  evacuated: "evacuated",
  rescued: "rescued",
  arrested: "arrested",
  missing: "missing",
};
