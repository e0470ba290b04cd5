/**
 * Support: how well another article carries a statement, whatever the wording.
 * Stems and near-synonyms are compared, weighted by story-level rarity, over
 * the best sentence or window of up to three sentences in the target — quoted
 * or not, so indirect speech supports a claim too.
 */
import type { Span } from "@/lib/types";
import { termWeight, type StoryIndex } from "./prepare";

export interface SupportMatch {
  /** Index of the target article in the story. */
  article: number;
  /** 0..1 weighted share of the unit's content terms found in the window. */
  score: number;
  /** First and last sentence of the window. */
  sentences: [number, number];
  span: Span;
  text: string;
}

/** Candidate sentences examined per target article. */
const TOP_SENTENCES = 6;
const MAX_WINDOW = 3;

/**
 * Best supporting window in every article of `targets` for a unit of article
 * `source` made of token indexes `unit`, in one pass over the story index.
 * A target sharing no content term gets null.
 */
export function findSupportAll(index: StoryIndex, source: number, unit: number[], targets: readonly number[]): Map<number, SupportMatch | null> {
  const out = new Map<number, SupportMatch | null>();
  for (const t of targets) out.set(t, null);
  const src = index.articles[source];
  const weights = new Map<string, number>();
  for (const i of unit) {
    const t = src.terms[i];
    if (t && !weights.has(t)) weights.set(t, termWeight(index, t));
  }
  if (!weights.size) return out;
  let total = 0;
  for (const w of weights.values()) total += w;

  // Accumulate per target sentence through the inverted index.
  const acc = new Map<number, Map<number, number>>();
  for (const t of targets) acc.set(t, new Map());
  for (const [t, w] of weights) {
    for (const ref of index.postings.get(t) ?? []) {
      const m = acc.get(ref.article);
      if (m) m.set(ref.sentence, (m.get(ref.sentence) ?? 0) + w);
    }
  }
  for (const target of targets) {
    const sentAcc = acc.get(target)!;
    if (!sentAcc.size) continue;
    const tgt = index.articles[target];
    const seeds = [...sentAcc.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TOP_SENTENCES);
    let best: { score: number; s0: number; s1: number } | null = null;
    const n = tgt.sentenceTokens.length;
    for (const [seed] of seeds) {
      for (let len = 1; len <= MAX_WINDOW; len++) {
        for (let s0 = Math.max(0, seed - len + 1); s0 <= seed && s0 + len - 1 < n; s0++) {
          const s1 = s0 + len - 1;
          let got = 0;
          for (const [t, w] of weights) {
            for (let s = s0; s <= s1; s++) {
              if (tgt.sentenceTerms[s].has(t)) {
                got += w;
                break;
              }
            }
          }
          // A longer window must earn its length: small penalty per extra sentence.
          const score = (got / total) * (1 - 0.04 * (len - 1));
          if (!best || score > best.score + 1e-9) best = { score, s0, s1 };
        }
      }
    }
    if (!best) continue;
    const sents = tgt.analysis.segmentation.sentences;
    const span = { start: sents[best.s0].start, end: sents[best.s1].end };
    out.set(target, {
      article: target,
      score: Math.max(0, Math.min(1, best.score)),
      sentences: [best.s0, best.s1],
      span,
      text: tgt.analysis.article.body.slice(span.start, span.end),
    });
  }
  return out;
}

/** Best supporting window in one target article (see findSupportAll). */
export function findSupport(index: StoryIndex, source: number, unit: number[], target: number): SupportMatch | null {
  return findSupportAll(index, source, unit, [target]).get(target) ?? null;
}
