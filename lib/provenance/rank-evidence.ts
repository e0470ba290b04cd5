/**
 * Which counterpart an editor sees first on a flag's page. The evidence an
 * analysis stores is in the order it found it; the editor needs the version to
 * trust first: one that is not itself flagged (when one exists), the one most
 * other outlets carry, the fullest (the one the others are excerpts of), the
 * earliest published (the original rather than its rewrites).
 */
import type { Evidence } from "@/lib/types";
import { sharedWords, wordKeys } from "./changes";

/** What the database knows about one counterpart beyond the evidence itself. */
export interface EvidenceStanding {
  /** Another flag of medium or high severity (not dismissed) covers this counterpart's span. */
  flagged: boolean;
  /** Other articles (besides the counterpart's own and the flagged one) that carry the counterpart's statement. */
  corroboration: number;
  /** The counterpart article's publication time, null when unknown. */
  publishedAt: string | null;
}

/**
 * Share of a version's words another must carry, in order, to be a fuller version of it: all of
 * them (an excerpt is all in the full quote; a rewrite that drops one word is not "fuller").
 */
export const FULLER_SHARE = 1;

/**
 * The evidence in the order an editor should read it: clean versions before
 * flagged ones, then the best corroborated, then the fullest (the one that
 * contains, in order, every word of the most other versions
 * and more words besides), then the earliest published (unknown times last),
 * then the analysis' own order. `standing` is called once per entry.
 */
export function rankEvidence<E extends Evidence>(evidence: readonly E[], standing: (e: E, index: number) => EvidenceStanding): E[] {
  const keys = evidence.map((e) => wordKeys(e.text));
  const keyed = evidence.map((e, i) => {
    const s = standing(e, i);
    let fuller = 0;
    keys.forEach((other, j) => {
      if (j !== i && keys[i].length > other.length && other.length > 0 && sharedWords(other, keys[i]) >= FULLER_SHARE * other.length) fuller++;
    });
    const t = s.publishedAt ? Date.parse(s.publishedAt) : NaN;
    return { e, i, s, fuller, time: Number.isFinite(t) ? t : Infinity };
  });
  keyed.sort(
    (a, b) =>
      Number(a.s.flagged) - Number(b.s.flagged) ||
      b.s.corroboration - a.s.corroboration ||
      b.fuller - a.fuller ||
      (a.time === b.time ? 0 : a.time < b.time ? -1 : 1) ||
      a.i - b.i,
  );
  return keyed.map((k) => k.e);
}
