/**
 * Pairwise precision/recall of a grouping against the truth: over all pairs of
 * items, a pair is predicted together / truly together. Counted per cluster
 * (n·(n−1)/2 sums), so scoring is linear in the number of items.
 */
export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Scores `predicted` (item → cluster) against `truth` (item → cluster) over the items present in both. */
export function scorePairwise<K, P, T>(predicted: Map<K, P>, truth: Map<K, T>): PairwiseScore {
  const pc = new Map<P, number>();
  const tc = new Map<T, number>();
  const both = new Map<string, number>();
  const keyOf = new Map<unknown, number>();
  const id = (x: unknown) => {
    let k = keyOf.get(x);
    if (k === undefined) keyOf.set(x, (k = keyOf.size));
    return k;
  };
  for (const [item, p] of predicted) {
    if (!truth.has(item)) continue;
    const t = truth.get(item) as T;
    pc.set(p, (pc.get(p) ?? 0) + 1);
    tc.set(t, (tc.get(t) ?? 0) + 1);
    const k = `${id(p)}|${id(t)}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (const n of pc.values()) predictedPairs += pairs(n);
  for (const n of tc.values()) truePairs += pairs(n);
  for (const n of both.values()) correctPairs += pairs(n);
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predictedPairs, truePairs, correctPairs };
}
