/**
 * Shared pieces of the classifier: fingerprints, evidence, explanations, and
 * the per-article "corroboration" used to decide which side of a two-outlet
 * disagreement to flag.
 */
import { createHash } from "node:crypto";
import { diffText, tokenRange, type ClaimMatch, type StoryAlignment } from "@/lib/align";
import { measureSimilarity, scoreSupport } from "@/lib/align/similarity";
import { SUPPORT_MODEL } from "@/lib/align/support-weights";
import { foldText, normalizeForFingerprint } from "@/lib/text";
import { publishedBefore } from "./published";
import type { ArticleAnalysis, Evidence, FlagKind, Segmentation, Span } from "@/lib/types";

/** Longest flagged or evidence text kept (characters): evidence stays small per flag. */
export const MAX_FLAG_TEXT = 2000;
export const MAX_EVIDENCE_TEXT = 600;
/** Counterparts kept as evidence per flag (the closest first): evidence stays small in large stories. */
export const MAX_EVIDENCE = 5;

/** sha256 of (source, kind, normalised text): survives re-analysis, revisions and offset shifts. */
export function fingerprintOf(source: string, kind: FlagKind, text: string): string {
  return createHash("sha256").update(`${source}\n${kind}\n${normalizeForFingerprint(text)}`).digest("hex");
}

/** Block kinds that never carry a flaggable statement. */
const UNFLAGGABLE_BLOCKS = new Set(["boilerplate", "byline", "dateline", "headline", "heading"]);

/** True when the sentence sits in ordinary content (not chrome, byline, dateline or heading). */
export function isFlaggableSentence(seg: Segmentation, sentence: number): boolean {
  const s = seg.sentences[sentence];
  if (!s) return false;
  const b = seg.blocks[s.block];
  return !!b && isFlaggableBlock(b.kind, b.boilerplate);
}

/**
 * True when claim `ci` of `a` sits in an FAQ answer: its predicate is in the question ("Who voted
 * against?" / "Three of the board's nine members."), so its own words say little of what it counts.
 */
export function isFaqAnswer(a: ArticleAnalysis, ci: number): boolean {
  const s = a.segmentation.sentences[a.claims[ci]?.sentence ?? -1];
  return !!s && a.segmentation.blocks[s.block]?.kind === "faq_answer";
}

/** True when a block of this kind (chrome or not) holds ordinary content whose sentences can be flagged. */
export function isFlaggableBlock(kind: string, boilerplate: boolean): boolean {
  return !boilerplate && !UNFLAGGABLE_BLOCKS.has(kind);
}

/** Shortens a text for an explanation sentence. */
export function clip(text: string, max = 90): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : t.slice(0, max - 1).replace(/\s+\S*$/, "") + " …";
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  const u = [...new Set(names)];
  if (u.length <= 1) return u[0] ?? "";
  return `${u.slice(0, -1).join(", ")} and ${u[u.length - 1]}`;
}

/** Evidence entry for a counterpart span in another article. */
export function evidenceFor(flagText: string, target: ArticleAnalysis, span: Span): Evidence {
  const text = target.article.body.slice(span.start, span.end).slice(0, MAX_EVIDENCE_TEXT);
  return {
    articleId: target.article.id,
    outlet: target.article.outlet,
    start: span.start,
    end: span.end,
    text,
    diff: diffText(flagText.slice(0, MAX_EVIDENCE_TEXT), text),
  };
}

/**
 * Share of an article's flaggable claims that at least one other outlet
 * supports. Used only to break ties: when two outlets disagree and nothing
 * else decides, the clearly less corroborated article is the one flagged.
 */
export function corroboration(al: StoryAlignment): number[] {
  return al.claims.map((perClaim, ai) => {
    const seg = al.index.articles[ai].analysis.segmentation;
    let total = 0;
    let ok = 0;
    perClaim.forEach((matches, ci) => {
      const c = al.index.articles[ai].analysis.claims[ci];
      if (!isFlaggableSentence(seg, c.sentence)) return;
      total++;
      if (matches.some((m) => m.coverage !== "absent" && m.coverage !== "cut")) ok++;
    });
    return total ? ok / total : 1;
  });
}

/** Corroboration difference below which two articles count as equally corroborated. */
export const TIE_MARGIN = 0.02;

/**
 * In a disagreement between `a` and outlets `others` that nothing else decides,
 * should `a` carry the flag? One flag per divergence: the less corroborated
 * side carries it. Equally corroborated, the side published later carries it: the
 * earlier account is the likelier original, the later one had it to work from.
 * Only a tie in both (or unknown times) flags both sides.
 */
export function flagThisSide(al: StoryAlignment, corr: number[], a: number, others: number[]): boolean {
  if (!others.length) return false;
  const at = (i: number) => al.index.articles[i].analysis.article.publishedAt;
  return others.some((b) => {
    if (corr[a] > corr[b] + TIE_MARGIN) return false;
    if (corr[a] < corr[b] - TIE_MARGIN) return true;
    return !publishedBefore(at(a), at(b));
  });
}

/** Indexes of the articles article `ai` was compared with (other outlets; see alignStory). */
export function counterpartsOf(al: StoryAlignment, ai: number): number[] {
  return al.counterparts[ai];
}

/** Number of distinct outlets in the story: divergence needs at least two. */
export function outletCount(al: StoryAlignment): number {
  return new Set(al.index.articles.map((p) => p.analysis.article.outlet)).size;
}

/**
 * A per-article computation remembered for one story alignment (weakly, so it goes with the story):
 * the classifiers ask for the same article facts many times, once per counterpart.
 */
export function memoPerArticle<T>(compute: (al: StoryAlignment, i: number) => T): (al: StoryAlignment, i: number) => T {
  const cache = new WeakMap<StoryAlignment, Map<number, T>>();
  return (al, i) => {
    let m = cache.get(al);
    if (!m) cache.set(al, (m = new Map()));
    if (!m.has(i)) m.set(i, compute(al, i));
    return m.get(i)!;
  };
}

/** Distinct content terms of every claim of article `i` (from the story's prepared tokens), once per story. */
export const claimTermSets = memoPerArticle((al, i): Set<string>[] => {
  const p = al.index.articles[i];
  return p.analysis.claims.map((c) => {
    const [x, y] = tokenRange(p.tokens, c.start, c.end);
    const set = new Set<string>();
    for (let k = x; k < y; k++) if (p.terms[k]) set.add(p.terms[k]);
    return set;
  });
});

/** Dice overlap of two statements' content terms (claimTermSets): shared terms over their mean count. */
export function termDice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return (2 * shared) / (x.size + y.size || 1);
}

/** The folded body of article `i`, once per story. */
export const foldedBody = memoPerArticle((al, i) => foldText(al.index.articles[i].analysis.article.body));

/** A literal string for use inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * True when the fitted support model (lib/align/similarity, trained on MRPC) reads one of a statement's
 * counterpart windows as the same statement reworded, however few words they share: then it is carried.
 */
export function readAsRewording(text: string, matches: readonly ClaimMatch[]): boolean {
  return matches.some((m) => m.support && scoreSupport(measureSimilarity(text, m.support.text)) >= SUPPORT_MODEL.threshold);
}
