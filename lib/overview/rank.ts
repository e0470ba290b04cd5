/**
 * The outlets of a story in the order an editor should look at them: the
 * article with the most statements no other outlet carries first, and a
 * one-line summary of each ("62% of X's statements are carried by no other
 * outlet; 2 added blocks; 4 reworded quotes").
 */
import type { FlagKind } from "@/lib/types";
import type { ArticleVerdict } from "./verdict";

/** One article's line in the ranking. */
export interface OutletLine<A extends { articleId: number; outlet: string }> {
  article: A;
  verdict: ArticleVerdict;
  /** Flags in the article by kind (dismissed ones left out). */
  kinds: Partial<Record<FlagKind, number>>;
  /** Open high-severity flags. */
  openHigh: number;
}

/**
 * Orders the lines: most uncarried statements first (an article with none
 * analysed last), then more open high-severity flags, then more flags, then
 * the order given.
 */
export function rankOutlets<A extends { articleId: number; outlet: string }>(lines: readonly OutletLine<A>[]): OutletLine<A>[] {
  const total = (l: OutletLine<A>) => Object.values(l.kinds).reduce((n, k) => n + (k ?? 0), 0);
  return lines
    .map((l, i) => ({ l, i }))
    .sort(
      (x, y) =>
        (y.l.verdict.uncarried ?? -1) - (x.l.verdict.uncarried ?? -1) ||
        y.l.openHigh - x.l.openHigh ||
        total(y.l) - total(x.l) ||
        x.i - y.i,
    )
    .map((x) => x.l);
}

/** "62% of X's statements are carried by no other outlet; 2 added blocks; 4 reworded quotes". */
export function summarizeOutlet(outlet: string, verdict: ArticleVerdict, kinds: Partial<Record<FlagKind, number>>): string {
  const parts: string[] = [];
  if (verdict.uncarried === null) parts.push(`too few statements in ${outlet} to compare`);
  else parts.push(`${Math.round(verdict.uncarried * 100)}% of ${outlet}’s statements are carried by no other outlet`);
  const count = (n: number | undefined, one: string, many: string) => {
    if (n) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  count(kinds.structure_added, "added block", "added blocks");
  count(kinds.quote_paraphrased, "reworded quote", "reworded quotes");
  count(kinds.quote_truncated, "cut quote", "cut quotes");
  count((kinds.fact_conflict ?? 0) + (kinds.attribution_conflict ?? 0), "conflict", "conflicts");
  return parts.join("; ");
}
