/**
 * Which counterpart an editor sees first on a flag's page. The evidence an
 * analysis stores is in the order it found it; the editor needs the version to
 * trust first: a version that is not itself flagged (when one exists), the one
 * most other outlets carry (the wire, the original), the fullest.
 */
import type { Evidence } from "@/lib/types";
import { wordKeys } from "./changes";

/** What the database knows about one counterpart beyond the evidence itself. */
export interface EvidenceStanding {
  /** A flag other than the one shown (not dismissed) covers this counterpart's span. */
  flagged: boolean;
  /** Other articles (besides the counterpart's own and the flagged one) that carry the counterpart's statement. */
  corroboration: number;
}

/**
 * The evidence in the order an editor should read it: clean versions before
 * flagged ones, then the best corroborated, then the fullest (most words),
 * then the analysis' own order. `standing` is called once per entry.
 */
export function rankEvidence<E extends Evidence>(evidence: readonly E[], standing: (e: E, index: number) => EvidenceStanding): E[] {
  const keyed = evidence.map((e, i) => ({ e, i, s: standing(e, i), words: wordKeys(e.text).length }));
  keyed.sort(
    (a, b) =>
      Number(a.s.flagged) - Number(b.s.flagged) ||
      b.s.corroboration - a.s.corroboration ||
      b.words - a.words ||
      a.i - b.i,
  );
  return keyed.map((k) => k.e);
}
