/**
 * Cross-outlet alignment of a story: every quote and claim of every article
 * against every other article, through the story's inverted index.
 */
import type { Alignment, ArticleAnalysis, Coverage } from "@/lib/types";
import { diffText } from "./diff";
import { prepareStory, tokenRange, type StoryIndex } from "./prepare";
import { alignQuote, type QuoteMatch } from "./quotes";
import { findSupportAll, type SupportMatch } from "./support";

export { diffText, matchRuns, MAX_DIFF_CHARS, MAX_DIFF_TOKENS, type MatchRun } from "./diff";
export { prepareStory, prepareArticle, tokenRange, tokenAt, termWeight, MAX_ANALYSED_CHARS, type StoryIndex, type PreparedArticle } from "./prepare";
export { alignQuote, quoteContentShare, sameSpeakerKey, speakersCompatible, EDGE_SWAP_MAX, EDGE_SWAP_SHARED, QUOTE_REGION_MIN, QUOTE_SUPPORT_MIN, QUOTE_TWIN_MIN, QUOTE_TWIN_MIN_SHARED, type QuoteMatch, type QuoteCounterpart } from "./quotes";
export { findSupport, findSupportAll, type SupportMatch } from "./support";

/** Support at or above which a claim counts as carried by the target. */
export const CLAIM_SUPPORT_MIN = 0.5;
/** Support at or above which a claim counts as partly carried. */
export const CLAIM_PARTIAL_MIN = 0.3;

export interface ClaimMatch {
  article: number;
  coverage: Coverage;
  support: SupportMatch | null;
}

/** Counterparts compared per article: in a very large story, the nearest ones (by id order) only, so cost stays linear. */
export const MAX_COUNTERPARTS = 16;

export interface StoryAlignment {
  index: StoryIndex;
  /** [article] → indexes of the articles it is compared with (other outlets, at most MAX_COUNTERPARTS). */
  counterparts: number[][];
  /** [article][quote] → one match per other article. */
  quotes: QuoteMatch[][][];
  /** [article][claim] → one match per other article. */
  claims: ClaimMatch[][][];
}

/** Token indexes of a claim. */
export function claimTokens(index: StoryIndex, article: number, claim: number): number[] {
  const p = index.articles[article];
  const c = p.analysis.claims[claim];
  const [a, b] = tokenRange(p.tokens, c.start, c.end);
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

function claimCoverage(s: SupportMatch | null): Coverage {
  if (!s) return "absent";
  if (s.score >= 0.95) return "verbatim";
  if (s.score >= CLAIM_SUPPORT_MIN) return "reworded";
  if (s.score >= CLAIM_PARTIAL_MIN) return "cut";
  return "absent";
}

/**
 * True when article `b` can corroborate article `a`: a different article from
 * a different outlet (an outlet does not corroborate itself).
 */
export function isCounterpart(analyses: readonly ArticleAnalysis[], a: number, b: number): boolean {
  return a !== b && analyses[a].article.outlet !== analyses[b].article.outlet;
}

/** The articles article `ai` is compared with: other outlets, nearest first when there are too many. */
export function selectCounterparts(analyses: readonly ArticleAnalysis[], ai: number, max = MAX_COUNTERPARTS): number[] {
  const all: number[] = [];
  for (let bi = 0; bi < analyses.length; bi++) if (isCounterpart(analyses, ai, bi)) all.push(bi);
  if (all.length <= max) return all;
  return all
    .sort((x, y) => Math.abs(x - ai) - Math.abs(y - ai) || x - y)
    .slice(0, max)
    .sort((x, y) => x - y);
}

/** Aligns every quote and claim of every article with the articles of the story from other outlets. */
export function alignStory(analyses: ArticleAnalysis[]): StoryAlignment {
  const index = prepareStory(analyses);
  const counterparts = analyses.map((_, ai) => selectCounterparts(analyses, ai));
  const quotes = analyses.map((a, ai) =>
    a.quotes.map((_, qi) => counterparts[ai].map((bi) => alignQuote(index, ai, qi, bi))),
  );
  const claims = analyses.map((a, ai) => {
    const targets = counterparts[ai];
    return a.claims.map((_, ci) => {
      const found = findSupportAll(index, ai, claimTokens(index, ai, ci), targets);
      return targets.map((bi): ClaimMatch => {
        const support = found.get(bi) ?? null;
        return { article: bi, coverage: claimCoverage(support), support };
      });
    });
  });
  return { index, counterparts, quotes, claims };
}

/**
 * The stored form of a story alignment: one row per unit and target article.
 * Word diffs are the costly part; `diffs: false` leaves them empty (the
 * database stores spans only).
 */
export function toAlignments(al: StoryAlignment, opts: { diffs?: boolean } = {}): Alignment[] {
  const withDiffs = opts.diffs ?? true;
  const out: Alignment[] = [];
  const arts = al.index.articles;
  al.quotes.forEach((perQuote, ai) =>
    perQuote.forEach((matches, qi) =>
      matches.forEach((m) => {
        const src = arts[ai].analysis;
        out.push({
          unit: "quote",
          unitIndex: qi,
          sourceArticleId: src.article.id,
          targetArticleId: arts[m.article].analysis.article.id,
          coverage: m.coverage,
          score: round(m.score),
          target: m.span ? { ...m.span, text: m.text } : null,
          diff: m.span && withDiffs ? diffText(src.quotes[qi].text, m.text) : [],
        });
      }),
    ),
  );
  al.claims.forEach((perClaim, ai) =>
    perClaim.forEach((matches, ci) =>
      matches.forEach((m) => {
        const src = arts[ai].analysis;
        const has = m.coverage !== "absent" && m.support;
        out.push({
          unit: "claim",
          unitIndex: ci,
          sourceArticleId: src.article.id,
          targetArticleId: arts[m.article].analysis.article.id,
          coverage: m.coverage,
          score: round(m.support?.score ?? 0),
          target: has ? { ...m.support!.span, text: m.support!.text } : null,
          diff: has && withDiffs ? diffText(src.claims[ci].text, m.support!.text) : [],
        });
      }),
    ),
  );
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
