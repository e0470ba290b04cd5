/**
 * Quote divergences, one file per kind: words changed inside quotation marks
 * (./quote-paraphrased), a quote cut down from a longer one (./quote-truncated),
 * a direct quote nobody else carries (./quote-unattested), and the same words
 * given to another speaker, venue or organisation (./attribution).
 */
import type { QuoteMatch } from "@/lib/align";
import { counterpartsOf, isFlaggableSentence } from "./common";
import { flagAttribution } from "./attribution";
import { foldedBody, ngramSet, type Draft, type QuoteFlagContext, type QuoteScope } from "./quote-common";
import { flagParaphrased } from "./quote-paraphrased";
import { flagTruncated } from "./quote-truncated";
import { flagUnattested } from "./quote-unattested";
import { isPersonName } from "./speakers";

export { isPersonName };
export { MIN_CUT_WORDS, MIN_QUOTE_WORDS, PARAPHRASE_REGION_MIN, PARAPHRASE_REGION_MIN_SAME_SPEAKER, venuesMatch, type QuoteFlagContext } from "./quote-common";

/** Quote flags for one article: every quote through each quote classifier. */
export function classifyQuotes(ctx: QuoteFlagContext, ai: number): Draft[] {
  const { al, corr } = ctx;
  const arts = al.index.articles;
  const A = arts[ai];
  const a = A.analysis;
  const out: Draft[] = [];
  if (!counterpartsOf(al, ai).length) return out;
  // Words A carries in any of its quotes: a "cut" that A quotes elsewhere is a split, not a cut.
  const allQuoteKeys = A.quoteTokens.map((idx) => idx.map((i) => A.keys[i]));
  const aTrigrams = ngramSet(allQuoteKeys.flat(), 3);
  // One cut flagged once, even when A's two quotes sit either side of it.
  const cutsSeen = new Set<string>();
  // Folded counterpart bodies, only when a speaker has to be looked up (folding is not free).
  let folded: string[] | null = null;
  const otherBodies = () => (folded ??= counterpartsOf(al, ai).map((i) => foldedBody(al, i)));

  a.quotes.forEach((q, qi) => {
    if (!isFlaggableSentence(a.segmentation, q.sentence)) return;
    const matches = al.quotes[ai][qi];
    const sIdx = A.quoteTokens[qi];
    const n = sIdx.length;
    if (!n) return;
    const outletOf = (m: QuoteMatch) => arts[m.article].analysis.article.outlet;
    const scope: QuoteScope = { ctx, al, corr, arts, A, a, ai, q, qi, matches, sIdx, n, outletOf, out };
    flagParaphrased(scope);
    flagTruncated(scope, aTrigrams, cutsSeen);
    flagUnattested(scope, otherBodies);
    flagAttribution(scope);
  });
  return out;
}
