/**
 * The pure analysis of a loaded story, as the main thread and the worker thread both
 * run it. No database here: the worker imports this module and nothing heavier.
 */
import { analyzeStory, type StoryAnalysis } from "@/lib/analyze";
import type { AnalysedStory, LoadedStory } from "./types";

/** Analyses a loaded story (its chrome lines set aside), timing the analysis. */
export function analyzeLoaded(story: LoadedStory): AnalysedStory {
  const t0 = performance.now();
  const chromeById = new Map(story.texts.map((t, i) => [t.id, story.chrome[i]]));
  const result = analyzeStory(story.texts, { recurringLines: (a) => chromeById.get(a.id), alignmentDiffs: false });
  return { result, ms: performance.now() - t0 };
}

/**
 * Only what saveStory reads of an analysis: what the worker sends back (copying bodies
 * and matched texts between threads costs both of them). The cast is the contract:
 * the save reads no other field.
 */
export function slimAnalysis(full: StoryAnalysis): StoryAnalysis {
  const slim = {
    analyses: full.analyses.map((a) => ({
      article: { id: a.article.id },
      segmentation: { blocks: a.segmentation.blocks, sentences: a.segmentation.sentences, structures: a.segmentation.structures },
      quotes: a.quotes,
      claims: a.claims.map((c) => ({ start: c.start, end: c.end })),
    })),
    alignments: full.alignments.map((x) => ({ ...x, target: x.target && { start: x.target.start, end: x.target.end } })),
    flags: full.flags,
  };
  return slim as unknown as StoryAnalysis;
}
