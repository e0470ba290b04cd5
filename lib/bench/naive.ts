/**
 * The naive reference aligner the benchmark compares Parallax against: every
 * sentence of every article against every sentence of every other article of
 * its story, scored with a plain word diff (jsdiff `diffWords`). Quadratic in
 * the sentences of a story, with no index and no pruning: what a first
 * attempt costs.
 */
import { diffWords } from "diff";

export interface NaiveArticle {
  id: number;
  body: string;
}

export interface NaiveStoryResult {
  sentences: number;
  /** Sentence pairs diffed. */
  comparisons: number;
  /** Sentences whose best counterpart in another article is identical. */
  verbatim: number;
  /** Best counterpart shares at least half its words. */
  reworded: number;
  /** No counterpart shares half its words. */
  absent: number;
}

/** Sentences: split after . ! ? followed by space, and at line breaks; blanks dropped. */
export function splitSentencesNaive(body: string): string[] {
  return body
    .split(/\n+|(?<=[.!?]["”’]?)\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Word-level similarity in [0, 1]: 2 × shared words / (words of a + words of b), from a word diff. */
export function similarityNaive(a: string, b: string): number {
  let shared = 0;
  let total = 0;
  for (const part of diffWords(a, b)) {
    const words = part.value.split(/\s+/).filter(Boolean).length;
    if (!part.added && !part.removed) {
      shared += words;
      total += 2 * words;
    } else total += words;
  }
  return total === 0 ? 1 : (2 * shared) / total;
}

/** Aligns one story the naive way: for each sentence, its best match in each other article. */
export function alignStoryNaive(articles: readonly NaiveArticle[]): NaiveStoryResult {
  const split = articles.map((a) => splitSentencesNaive(a.body));
  const result: NaiveStoryResult = { sentences: 0, comparisons: 0, verbatim: 0, reworded: 0, absent: 0 };
  for (let i = 0; i < split.length; i++) {
    for (const sentence of split[i]) {
      result.sentences++;
      for (let j = 0; j < split.length; j++) {
        if (j === i) continue;
        let best = 0;
        for (const other of split[j]) {
          result.comparisons++;
          const s = similarityNaive(sentence, other);
          if (s > best) best = s;
        }
        if (best === 1) result.verbatim++;
        else if (best >= 0.5) result.reworded++;
        else result.absent++;
      }
    }
  }
  return result;
}
