/**
 * Added clauses: a reason, purpose or consequence riding on a statement that other
 * outlets carry ("A rescue deal collapsed on 3 September after the investor balked
 * at the cost of replacing the ageing fleet", where every other outlet says only that
 * the deal fell through). The clause brings words no other outlet uses anywhere in the
 * story: flagged as claim_added on the clause itself, with the outlets that carry the
 * rest of the statement as evidence. Low, like any single-source detail: a motive is
 * what an editor checks first, not proof of invention.
 */
import { CLAIM_PARTIAL_MIN, CLAIM_SUPPORT_MIN, tokenRange, type ClaimMatch, type StoryAlignment } from "@/lib/align";
import type { FlagDraft } from "@/lib/types";
import { clip, counterpartsOf, evidenceFor, isFlaggableSentence, MAX_EVIDENCE, memoPerArticle, readAsRewording } from "./common";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/**
 * Words that open a clause giving a reason, a purpose or a consequence (general English): "because",
 * "after" (a cause told as a sequence), "in a bid to", "in order to", "so that", "prompting", "amid".
 * ("Since" is left out: in news copy it mostly dates something, "since 1979".)
 */
const MOTIVE_LEAD =
  /(?:,\s*|\s)(because(?: of)?|after|amid|due to|owing to|in (?:a bid|an effort|an attempt|order) to|so (?:as to|that)|for fear (?:of|that)|prompting|sparking|fuelling|fueling)\s/giu;
/** Content words of its own a clause must bring that no other outlet uses anywhere in the story. */
const MIN_NOVEL_TERMS = 3;
/** Share of the clause's own content words (those the rest of its sentence lacks) that must be new to the story. */
const MIN_NOVEL_SHARE = 0.5;

/** Other outlets that must all lack a partly carried statement's own words before they read as added. */
const NOVEL_WITNESSES = 2;

/** Every content term of article `i`, once per story. */
const termsOf = memoPerArticle((al, i) => new Set(al.index.articles[i].terms.filter(Boolean)));

/**
 * A statement only partly carried (support below CLAIM_SUPPORT_MIN) whose own words, those its best
 * counterpart lacks, are mostly new to the story: an event or a reaction no other outlet reports, told
 * beside what they do report ("A crowd of students waiting outside the Senate House cheered when the
 * result was read out" / "spoke outside the Senate House after the result"). Low, on the statement.
 */
function partlyCarriedAddition(al: StoryAlignment, ai: number, ci: number, best: ClaimMatch): Draft | null {
  // (Words one other outlet lacks are only its wording; words two or more lack are news of this outlet's own.)
  const others = counterpartsOf(al, ai);
  if (best.support!.score >= CLAIM_SUPPORT_MIN || others.length < NOVEL_WITNESSES) return null;
  const arts = al.index.articles;
  const A = arts[ai];
  const a = A.analysis;
  const c = a.claims[ci];
  const B = arts[best.article];
  const window = new Set<string>();
  const [t0, t1] = tokenRange(B.tokens, best.support!.span.start, best.support!.span.end);
  for (let i = t0; i < t1; i++) if (B.terms[i]) window.add(B.terms[i]);
  const [s0, s1] = tokenRange(A.tokens, c.start, c.end);
  const own = new Set<string>();
  for (let i = s0; i < s1; i++) if (A.terms[i] && !window.has(A.terms[i])) own.add(A.terms[i]);
  const novel = [...own].filter((t) => !others.some((bi) => termsOf(al, bi).has(t)));
  if (novel.length < MIN_NOVEL_TERMS || novel.length < MIN_NOVEL_SHARE * own.size) return null;
  // The same statement in the outlet's own words is carried.
  if (readAsRewording(c.text, al.claims[ai][ci])) return null;
  const outlet = B.analysis.article.outlet;
  return {
    articleId: a.article.id,
    kind: "claim_added",
    severity: "low",
    confidence: Math.round(best.support!.score * 1000) / 1000,
    start: c.start,
    end: c.end,
    text: c.text,
    speaker: null,
    explanation: `${a.article.outlet} says "${clip(c.text, 80)}"; ${outlet} carries part of it, and the rest is in no other outlet.`,
    evidence: [evidenceFor(c.text, B.analysis, best.support!.span)],
  };
}

/** claim_added flags on the added clauses of article `ai`'s supported statements. */
export function classifyAddedClauses(al: StoryAlignment, ai: number): Draft[] {
  const others = counterpartsOf(al, ai);
  if (!others.length) return [];
  const arts = al.index.articles;
  const A = arts[ai];
  const a = A.analysis;
  const out: Draft[] = [];
  a.claims.forEach((c, ci) => {
    if (c.quoted || !isFlaggableSentence(a.segmentation, c.sentence)) return;
    const best = al.claims[ai][ci].filter((m) => m.support && m.support.score >= CLAIM_PARTIAL_MIN).sort((x, y) => y.support!.score - x.support!.score || x.article - y.article);
    // A statement nobody carries is flagged whole elsewhere; here only clauses of carried ones.
    if (!best.length) return;
    MOTIVE_LEAD.lastIndex = 0;
    const m = MOTIVE_LEAD.exec(c.text);
    if (!m) {
      const added = partlyCarriedAddition(al, ai, ci, best[0]);
      if (added) out.push(added);
      return;
    }
    // The clause runs from its opening word to the sentence's end, or to the next comma or semicolon.
    const from = m.index + m[0].lastIndexOf(m[1]);
    const after = from + m[1].length;
    const stop = c.text.slice(after).search(/[,;:()]/);
    const to = stop >= 0 ? after + stop : c.text.replace(/[.!?"”’]+\s*$/u, "").length;
    const [x, y] = tokenRange(A.tokens, c.start + from, c.start + to);
    const [s0, s1] = tokenRange(A.tokens, c.start, c.end);
    const clause = new Set<string>();
    for (let i = x; i < y; i++) if (A.terms[i]) clause.add(A.terms[i]);
    const main = new Set<string>();
    for (let i = s0; i < s1; i++) if ((i < x || i >= y) && A.terms[i]) main.add(A.terms[i]);
    const own = [...clause].filter((t) => !main.has(t));
    const novel = own.filter((t) => !others.some((bi) => termsOf(al, bi).has(t)));
    if (novel.length < MIN_NOVEL_TERMS || novel.length < MIN_NOVEL_SHARE * own.length) return;
    const start = c.start + from;
    const end = c.start + to;
    const text = a.article.body.slice(start, end);
    const carriers = [...new Set(best.map((b) => arts[b.article].analysis.article.outlet))];
    out.push({
      articleId: a.article.id,
      kind: "claim_added",
      severity: "low",
      confidence: Math.round(best[0].support!.score * 1000) / 1000,
      start,
      end,
      text,
      speaker: null,
      explanation: `${a.article.outlet} adds "${clip(text, 80)}" to a statement ${carriers.join(", ")} ${carriers.length > 1 ? "carry" : "carries"} without it; no other outlet gives that reason or consequence.`,
      evidence: best.slice(0, MAX_EVIDENCE).map((b) => evidenceFor(c.text, arts[b.article].analysis, b.support!.span)),
    });
  });
  return out;
}
