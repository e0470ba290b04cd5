/** Page chrome learnt from one outlet: lines that recur across its articles. */
import { normalizeLine, splitLines } from "./lines";

/**
 * Lines that recur (after `normalizeLine`) in at least two of the given bodies,
 * which must come from ONE outlet: share prompts, notices, section labels.
 */
export function collectRecurringLines(bodies: readonly string[]): Set<string> {
  if (!Array.isArray(bodies)) throw new TypeError("collectRecurringLines: bodies must be an array of strings");
  const seen = new Map<string, number>();
  for (const body of bodies) if (typeof body !== "string") throw new TypeError("collectRecurringLines: every body must be a string");
  // the same text twice (a duplicate ingest) would make every line "recurring"
  for (const body of new Set(bodies)) {
    const mine = new Set<string>();
    for (const l of splitLines(body)) {
      const n = normalizeLine(l.text);
      if (n.length >= 2) mine.add(n);
    }
    for (const n of mine) seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [n, c] of seen) if (c >= 2) out.add(n);
  return out;
}
