/**
 * Spelling variants: two writings of one name ("Parris Island" / "Paris Island", "Post-ABC" /
 * "Post- ABC") differ by an edit or two, two different names by more.
 */

/** Longest names compared; past it two names are simply different (bounded work on hostile text). */
const MAX_LENGTH = 80;

/**
 * True when `a` and `b` are at most `edits` insertions, deletions or substitutions apart
 * (Levenshtein distance, computed in a band of width `edits` so the cost is O(length × edits)).
 */
export function withinEdits(a: string, b: string, edits: number): boolean {
  if (!Number.isInteger(edits) || edits < 0) throw new RangeError(`withinEdits: edits must be a whole number >= 0, got ${edits}`);
  if (Math.abs(a.length - b.length) > edits) return false;
  if (a === b) return true;
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return false;
  const big = edits + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= edits ? j : big;
  for (let i = 1; i <= a.length; i++) {
    cur.fill(big);
    if (i <= edits) cur[0] = i;
    let best = cur[0];
    const lo = Math.max(1, i - edits);
    const hi = Math.min(b.length, i + edits);
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1, big);
      if (cur[j] < best) best = cur[j];
    }
    if (best > edits) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] <= edits;
}
