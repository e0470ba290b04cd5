/**
 * Near-copies: a story can hold hundreds of syndicated copies of one article
 * (the same text under other mastheads, with another byline line or other page
 * chrome). Aligning and classifying every copy costs per copy and tells the
 * editor nothing the first copies do not, so copies beyond the first few are
 * not aligned: each takes the flags and alignments of a copy that was (its
 * stand-in), moved onto its own offsets. A copy is only collapsed when it is
 * interchangeable with its stand-in for every rule: the same headline,
 * language and publication time, the same statements and quotes (with the same
 * speakers) in the same order, and an outlet no other article of the story has;
 * anything it says that its stand-in does not (an added sentence, a changed
 * word) makes it a different article, aligned in full. Pure and deterministic.
 */
import type { Alignment, ArticleAnalysis, FlagDraft, Span } from "@/lib/types";

/**
 * Members of one near-copy group that stay in the alignment (the first by id).
 * Two, so the story still sees the text carried by copies as carried (a copy
 * corroborates its original, and a third outlet's version is the minority).
 */
export const NEAR_COPIES_KEPT = 2;

/** Block kinds whose text says nothing a flag could be about (a byline line differs from copy to copy). */
const NEUTRAL_BLOCKS = new Set(["byline", "dateline"]);

/** Text with case, punctuation and spacing folded away: what a copy must share with its stand-in. */
function foldForCopy(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * What must be equal for two analysed articles to be interchangeable: headline, language,
 * publication time, and the text of every block a flag could sit in, with each quote and
 * its speaker. Offsets are left out (they are each copy's own).
 */
export function copyKeyOf(a: ArticleAnalysis): string {
  const body = a.article.body;
  const seg = a.segmentation;
  const blocks = seg.blocks
    .filter((b) => !NEUTRAL_BLOCKS.has(b.kind))
    .map((b) => `${b.kind}${b.boilerplate ? "!" : ""}:${foldForCopy(body.slice(b.start, b.end))}`);
  const quotes = a.quotes.map((q) => `${foldForCopy(q.text)}|${q.speaker ?? ""}|${q.venue ?? ""}|${q.style}`);
  return JSON.stringify([foldForCopy(a.article.title), a.article.language ?? "", a.article.publishedAt ?? "", blocks, quotes, a.claims.length]);
}

export interface NearCopyPlan {
  /** Indexes (into the analyses) that are aligned and classified. */
  aligned: number[];
  /** Collapsed copies: index of the copy and of its stand-in (an aligned member of its group). */
  mapped: { copy: number; standIn: number }[];
}

/**
 * Which articles to align: all but the members of a near-copy group past the first
 * NEAR_COPIES_KEPT (by position, i.e. by id). `analyses` is in id order. Linear in
 * the story's text (one key per article, one map).
 */
export function planNearCopies(analyses: readonly ArticleAnalysis[]): NearCopyPlan {
  const outletCount = new Map<string, number>();
  for (const a of analyses) outletCount.set(a.article.outlet, (outletCount.get(a.article.outlet) ?? 0) + 1);
  const groups = new Map<string, number[]>();
  const aligned: number[] = [];
  const mapped: NearCopyPlan["mapped"] = [];
  analyses.forEach((a, i) => {
    // A copy sharing its outlet with another article would change who corroborates whom: aligned in full.
    if (outletCount.get(a.article.outlet) !== 1) {
      aligned.push(i);
      return;
    }
    const key = copyKeyOf(a);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    if (g.length < NEAR_COPIES_KEPT) {
      g.push(i);
      aligned.push(i);
    } else {
      // The last kept member stands in: like the copy, it is a copy (the first may be the original).
      mapped.push({ copy: i, standIn: g[g.length - 1] });
    }
  });
  return { aligned, mapped };
}

/**
 * Where `from.slice(span)` sits in `to`: the same text at the same occurrence (the k-th time
 * that text appears), or null when `to` does not carry it identically.
 */
export function locateSpanInCopy(from: string, to: string, span: Span): Span | null {
  const text = from.slice(span.start, span.end);
  if (!text) return span.start === span.end && span.start <= to.length ? { start: span.start, end: span.end } : null;
  let k = 0;
  for (let at = from.indexOf(text); at !== -1 && at < span.start; at = from.indexOf(text, at + 1)) k++;
  let at = to.indexOf(text);
  for (; at !== -1 && k > 0; k--) at = to.indexOf(text, at + 1);
  return at === -1 ? null : { start: at, end: at + text.length };
}

/**
 * The flags of a stand-in moved onto a copy: same kind, severity, text, speaker,
 * explanation and evidence, at the copy's own offsets, under the copy's fingerprint
 * (`fingerprintFor` rebuilds it from the copy's source). Null when any flagged text
 * is not found identically in the copy: the copy must then be aligned in full.
 */
export function moveFlagsToCopy(
  standIn: ArticleAnalysis,
  copy: ArticleAnalysis,
  flags: readonly FlagDraft[],
  fingerprintFor: (flag: FlagDraft) => string,
): FlagDraft[] | null {
  const out: FlagDraft[] = [];
  for (const f of flags) {
    if (f.articleId !== standIn.article.id) continue;
    const at = locateSpanInCopy(standIn.article.body, copy.article.body, f);
    if (!at) return null;
    const moved: FlagDraft = { ...f, articleId: copy.article.id, start: at.start, end: at.end, evidence: f.evidence.map((e) => ({ ...e })) };
    moved.fingerprint = fingerprintFor(moved);
    out.push(moved);
  }
  return out;
}

/**
 * The alignments of a stand-in moved onto a copy: the copy's units (same order, the keys
 * are equal) carried by the same counterparts. The copy is no other article's counterpart
 * (as in any story larger than MAX_COUNTERPARTS, an article is compared with some only).
 */
export function moveAlignmentsToCopy(standIn: ArticleAnalysis, copy: ArticleAnalysis, alignments: readonly Alignment[]): Alignment[] {
  const s = standIn.article.id;
  const out: Alignment[] = [];
  for (const x of alignments) if (x.sourceArticleId === s) out.push({ ...x, sourceArticleId: copy.article.id });
  return out;
}
