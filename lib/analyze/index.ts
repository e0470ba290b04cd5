/**
 * The pure analysis of a story: extract (segments, quotes, claims) every
 * article, align them across outlets, classify the divergences. No I/O, no
 * clock: the database layer loads, calls this, and saves.
 */
import { alignStory, MAX_COUNTERPARTS, toAlignments } from "@/lib/align";
import { extractClaims } from "@/lib/claims";
import { classifyStory, fingerprintOf } from "@/lib/classify";
import { extractQuotes } from "@/lib/quotes";
import { segmentArticle } from "@/lib/segment";
import type { Alignment, ArticleAnalysis, ArticleText, FlagDraft } from "@/lib/types";
import { MAX_ANALYSED_CHARS } from "./limit";
import { moveAlignmentsToCopy, moveFlagsToCopy, planNearCopies } from "./near-copies";

export { MAX_ANALYSED_CHARS };
export { describeAnalysisLimit } from "./limit";

export interface AnalyzeArticleContext {
  /** Lines recurring across this outlet's articles (page chrome), from `collectRecurringLines`. */
  recurringLines?: ReadonlySet<string>;
}

/**
 * Segments an article and extracts its quotes and claims. Only the first
 * MAX_ANALYSED_CHARS characters of the body are analysed, so memory and time
 * stay bounded; offsets still point into the stored body.
 */
export function analyzeArticle(article: ArticleText, ctx: AnalyzeArticleContext = {}): ArticleAnalysis {
  if (typeof article?.body !== "string") throw new Error(`analyzeArticle: article ${article?.id} has no body text`);
  const body = article.body.length > MAX_ANALYSED_CHARS ? article.body.slice(0, MAX_ANALYSED_CHARS) : article.body;
  const segmentation = segmentArticle(body, { title: article.title, recurringLines: ctx.recurringLines });
  const quotes = extractQuotes(body, segmentation);
  const claims = extractClaims(body, segmentation, quotes);
  return { article, segmentation, quotes, claims };
}

export interface AnalyzeStoryOptions {
  /** Page-chrome lines per article (usually per outlet). */
  recurringLines?: (article: ArticleText) => ReadonlySet<string> | undefined;
  /** Compute word diffs for every alignment (default true; the database does not store them). */
  alignmentDiffs?: boolean;
  /**
   * Align only the first copies of a near-copy group and move their flags onto the others
   * (see near-copies.ts). Default: only in a story larger than one article and
   * MAX_COUNTERPARTS, where every article is compared with its nearest counterparts only
   * anyway; there the flags are the same divergences (article, kind, severity, span, text,
   * fingerprint) but an explanation names, and a confidence counts, only the aligned copies.
   * True collapses in any story, false never.
   */
  collapseNearCopies?: boolean;
}

export interface StoryAnalysis {
  analyses: ArticleAnalysis[];
  alignments: Alignment[];
  flags: FlagDraft[];
}

/**
 * Analyses one story: every article (current revisions, any order; processed
 * by id so the result is deterministic), their alignment across outlets and
 * the flags. A story with one outlet yields no flags.
 */
export function analyzeStory(articles: readonly ArticleText[], opts: AnalyzeStoryOptions = {}): StoryAnalysis {
  const ids = new Set<number>();
  for (const a of articles) {
    if (ids.has(a.id)) throw new Error(`analyzeStory: article ${a.id} given twice`);
    ids.add(a.id);
  }
  const sorted = [...articles].sort((x, y) => x.id - y.id);
  const analyses = sorted.map((a) => analyzeArticle(a, { recurringLines: opts.recurringLines?.(a) }));
  const diffs = opts.alignmentDiffs ?? true;
  const collapse = opts.collapseNearCopies ?? analyses.length > MAX_COUNTERPARTS + 1;
  const plan = collapse ? planNearCopies(analyses) : null;
  if (!plan?.mapped.length) {
    const al = alignStory(analyses);
    return { analyses, alignments: toAlignments(al, { diffs }), flags: classifyStory(al) };
  }
  // Align the articles that are not collapsed copies; a copy whose stand-in's flags it does not
  // carry word for word joins them and the story is aligned again (once: then nothing is moved).
  let aligned = new Set(plan.aligned);
  let mapped = plan.mapped;
  for (;;) {
    const al = alignStory(analyses.filter((_, i) => aligned.has(i)));
    const flags = classifyStory(al);
    const alignments = toAlignments(al, { diffs });
    const failed: number[] = [];
    const movedFlags: FlagDraft[] = [];
    const movedAlignments: Alignment[] = [];
    for (const { copy, standIn } of mapped) {
      const own = moveFlagsToCopy(analyses[standIn], analyses[copy], flags, (f) => copyFingerprint(analyses[standIn], analyses[copy], f, flags));
      if (!own || own.some((f) => !f.fingerprint)) {
        failed.push(copy);
        continue;
      }
      movedFlags.push(...own);
      movedAlignments.push(...moveAlignmentsToCopy(analyses[standIn], analyses[copy], alignments));
    }
    if (failed.length && mapped.length) {
      aligned = new Set([...aligned, ...failed]);
      mapped = mapped.filter((m) => !failed.includes(m.copy));
      if (mapped.length === 0 || aligned.size === analyses.length) mapped = [];
      continue;
    }
    // Flags in article order (each article's own order kept), as classifyStory gives them.
    const all = [...flags, ...movedFlags].map((f, i) => ({ f, i }));
    all.sort((x, y) => x.f.articleId - y.f.articleId || x.i - y.i);
    return { analyses, alignments: [...alignments, ...movedAlignments], flags: all.map((x) => x.f) };
  }
}

/**
 * The fingerprint a stand-in's flag has on a copy: the same text under the copy's source,
 * with the same occurrence suffix as on the stand-in ("" when the scheme is not recognised,
 * and the copy is then aligned in full).
 */
function copyFingerprint(standIn: ArticleAnalysis, copy: ArticleAnalysis, moved: FlagDraft, flags: readonly FlagDraft[]): string {
  const original = flags.find((f) => f.articleId === standIn.article.id && f.kind === moved.kind && f.text === moved.text && f.explanation === moved.explanation && f.fingerprint === moved.fingerprint);
  if (!original) return "";
  const text = standIn.article.body.slice(original.start, original.end);
  for (const t of [text, original.text]) {
    if (fingerprintOf(standIn.article.source, original.kind, t) === original.fingerprint) return fingerprintOf(copy.article.source, original.kind, t);
    for (let k = 1; k <= 64; k++) {
      if (fingerprintOf(standIn.article.source, original.kind, `${t}\u0000${k}`) === original.fingerprint)
        return fingerprintOf(copy.article.source, original.kind, `${t}\u0000${k}`);
    }
  }
  return "";
}
