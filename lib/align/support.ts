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

  // Accumulate per target sentence through the inverted index, in flat arrays
  // (story-wide sentence numbers) rather than maps: this loop runs for every
  // claim against every counterpart and dominated alignment time.
  const flat = flatIndexOf(index);
  const gen = ++flat.generation;
  const isTarget = flat.targetMark;
  for (const t of targets) isTarget[t] = gen;
  const touched: number[][] = targets.map(() => []);
  const slot = new Map<number, number>();
  targets.forEach((t, i) => slot.set(t, i));
  for (const [t, w] of weights) {
    const list = flat.postings.get(t);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const g = list[k];
      const art = flat.articleOf[g];
      if (isTarget[art] !== gen) continue;
      if (flat.stamp[g] !== gen) {
        flat.stamp[g] = gen;
        flat.acc[g] = 0 + w;
        touched[slot.get(art)!].push(g);
      } else flat.acc[g] += w;
    }
  }
  const termNames = [...weights.keys()];
  const termWeights = [...weights.values()];
  const maskWords = (termNames.length + 31) >>> 5;
  for (let ti = 0; ti < targets.length; ti++) {
    const target = targets[ti];
    const hits = touched[ti];
    if (!hits.length) continue;
    const base = flat.base[target];
    const ranked: [number, number][] = new Array(hits.length);
    for (let h = 0; h < hits.length; h++) ranked[h] = [hits[h] - base, flat.acc[hits[h]]];
    const tgt = index.articles[target];
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const seeds = ranked.slice(0, TOP_SENTENCES);
    let best: { score: number; s0: number; s1: number } | null = null;
    // No window can score more than its three best sentences together: when even that is weak,
    // the best single sentence is answer enough (and exact, since acc sums distinct terms).
    const bound = (ranked[0][1] + (ranked[1]?.[1] ?? 0) + (ranked[2]?.[1] ?? 0)) / total;
    if (bound < WINDOW_MIN) {
      best = { score: ranked[0][1] / total, s0: ranked[0][0], s1: ranked[0][0] };
    } else {
      // Each sentence's share of the unit's terms as a bit set (32 terms a word), so a
      // window's terms are an OR of at most three sets; weights are summed in term
      // order, exactly as a term-by-term scan would.
      const masks: (Uint32Array | undefined)[] = [];
      function maskOf(si: number): Uint32Array {
        let m = masks[si];
        if (!m) {
          m = new Uint32Array(maskWords);
          // Untouched sentences share no term with the unit.
          if (flat.stamp[base + si] === gen) {
            const set = tgt.sentenceTerms[si];
            for (let k = 0; k < termNames.length; k++) if (set.has(termNames[k])) m[k >>> 5] |= 1 << (k & 31);
          }
          masks[si] = m;
        }
        return m;
      }
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
            const m0 = maskOf(s0);
            const m1 = len > 1 ? maskOf(s0 + 1) : null;
            const m2 = len > 2 ? maskOf(s0 + 2) : null;
            let got = 0;
            for (let wi = 0; wi < maskWords; wi++) {
              let u = m0[wi] | (m1 ? m1[wi] : 0) | (m2 ? m2[wi] : 0);
              while (u !== 0) {
                const low = u & -u;
                got += termWeights[(wi << 5) + (31 - Math.clz32(low))];
                u ^= low;
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

/** The story index in flat arrays: story-wide sentence numbers, postings as typed arrays, reusable accumulators. */
interface FlatIndex {
  /** First story-wide sentence number of each article, and its sentence count. */
  base: Int32Array;
  count: Int32Array;
  /** Article of each story-wide sentence. */
  articleOf: Int32Array;
  postings: Map<string, Int32Array>;
  /** Per-call scratch: acc[g] is valid when stamp[g] equals the call's generation. */
  acc: Float64Array;
  stamp: Int32Array;
  targetMark: Int32Array;
  generation: number;
}

const FLAT = new WeakMap<StoryIndex, FlatIndex>();

function flatIndexOf(index: StoryIndex): FlatIndex {
  let flat = FLAT.get(index);
  if (flat) return flat;
  const n = index.articles.length;
  const base = new Int32Array(n);
  const count = new Int32Array(n);
  let total = 0;
  index.articles.forEach((p, ai) => {
    base[ai] = total;
    count[ai] = p.sentenceTokens.length;
    total += p.sentenceTokens.length;
  });
  const articleOf = new Int32Array(total);
  for (let ai = 0; ai < n; ai++) articleOf.fill(ai, base[ai], base[ai] + count[ai]);
  const postings = new Map<string, Int32Array>();
  for (const [t, refs] of index.postings) postings.set(t, Int32Array.from(refs, (r) => base[r.article] + r.sentence));
  flat = { base, count, articleOf, postings, acc: new Float64Array(total), stamp: new Int32Array(total), targetMark: new Int32Array(n), generation: 0 };
  FLAT.set(index, flat);
  return flat;
}
