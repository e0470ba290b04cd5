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
/** Below this bound windows are not searched (the unit is unsupported in that target anyway). */
const WINDOW_MIN = 0.3;

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
    const ranked = [...sentAcc.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const seeds = ranked.slice(0, TOP_SENTENCES);
    let best: { score: number; s0: number; s1: number } | null = null;
    // No window can score more than its three best sentences together: when even that is weak,
    // the best single sentence is answer enough (and exact, since acc sums distinct terms).
    const bound = (ranked[0][1] + (ranked[1]?.[1] ?? 0) + (ranked[2]?.[1] ?? 0)) / total;
    if (bound < WINDOW_MIN) {
      best = { score: ranked[0][1] / total, s0: ranked[0][0], s1: ranked[0][0] };
    } else {
      const termList = [...weights.entries()];
      const masks = new Map<number, Uint8Array>();
      const maskOf = (si: number) => {
        let m = masks.get(si);
        if (!m) {
          m = new Uint8Array(termList.length);
          const set = tgt.sentenceTerms[si];
          if (sentAcc.has(si)) for (let k = 0; k < termList.length; k++) m[k] = set.has(termList[k][0]) ? 1 : 0;
          masks.set(si, m);
        }
        return m;
      };
      const n = tgt.sentenceTokens.length;
      const tried = new Set<number>();
      for (const [seed] of seeds) {
        for (let len = 1; len <= MAX_WINDOW; len++) {
          for (let s0 = Math.max(0, seed - len + 1); s0 <= seed && s0 + len - 1 < n; s0++) {
            const s1 = s0 + len - 1;
            // Neighbouring seeds share windows: score each window once.
            const key = s0 * 4 + len;
            if (tried.has(key)) continue;
            tried.add(key);
            const ms: Uint8Array[] = [];
            for (let si = s0; si <= s1; si++) ms.push(maskOf(si));
            let got = 0;
            for (let k = 0; k < termList.length; k++) {
              for (const m of ms) {
                if (m[k]) {
                  got += termList[k][1];
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
