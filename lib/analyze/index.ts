/**
 * The pure analysis of a story: extract (segments, quotes, claims) every
 * article, align them across outlets, classify the divergences. No I/O, no
 * clock: the database layer loads, calls this, and saves.
 */
import { alignStory, toAlignments } from "@/lib/align";
import { extractClaims } from "@/lib/claims";
import { classifyStory } from "@/lib/classify";
import { extractQuotes } from "@/lib/quotes";
import { segmentArticle } from "@/lib/segment";
import type { Alignment, ArticleAnalysis, ArticleText, FlagDraft } from "@/lib/types";
import { MAX_ANALYSED_CHARS } from "./limit";

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
  const al = alignStory(analyses);
  return { analyses, alignments: toAlignments(al, { diffs: opts.alignmentDiffs ?? true }), flags: classifyStory(al) };
}
