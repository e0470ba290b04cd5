/**
 * Derivation: how much of each article another article of the story carries,
 * and which article, if any, it was most likely derived from (a rewrite, a
 * summary, a translation). What a derived article adds, reverses or drops
 * relative to its source is the most suspicious kind of divergence; the same
 * extra detail in original reporting is ordinary.
 */
import { CLAIM_SUPPORT_MIN, type StoryAlignment } from "@/lib/align";
import { isFlaggableSentence } from "./common";
import { publishedBefore } from "./published";

/** Share of an article's statements one other article must carry for it to be derived from that one. */
export const DERIVED_SHARE = 0.5;
/** How much more one side of a pair must be carried than the other for the direction to be clear. */
export const DERIVATION_MARGIN = 0.15;
/** Statements an article needs before its derivation is judged (a two-line item is anybody's). */
const MIN_STATEMENTS = 3;

export interface Derivation {
  /** Index of the likely source article, or null for original reporting. */
  source: number | null;
  /** Share of this article's statements the source carries. */
  share: number;
}

/** share[a][b]: the share of article a's flaggable statements that article b carries. */
export function carriedShares(al: StoryAlignment): number[][] {
  return sharesAbove(al, CLAIM_SUPPORT_MIN);
}

/** Support at or above which a statement is the counterpart's sentence copied (word for word, or nearly). */
export const COPIED_SUPPORT = 0.9;
/**
 * Share of an article's statements copied from one counterpart for the article to be a copy of it
 * (cross-validated on rewrites-dev; lower values start to catch honest paraphrases).
 */
export const COPY_SHARE = 0.34;

/** share[a][b]: the share of article a's flaggable statements that article b carries word for word. */
export function copiedShares(al: StoryAlignment): number[][] {
  return sharesAbove(al, COPIED_SUPPORT);
}

/**
 * The counterpart each article copies from, or null: the one whose sentences it reproduces most,
 * when at least COPY_SHARE of its statements are that counterpart's sentences and either a larger
 * share of it than of the counterpart is shared, or it carries the counterpart whole and was not
 * published before it (the counterpart plus statements of its own). In a copy, a statement
 * the counterpart lacks was put there (an insertion), which honest rewording never needs.
 */
export function findCopies(al: StoryAlignment): (number | null)[] {
  return pickCopies(carriedShares(al), copiedShares(al), al.counterparts, al.index.articles.map((a) => a.analysis.article.publishedAt));
}

/**
 * findCopies on share matrices (carried at CLAIM_SUPPORT_MIN, copied at COPIED_SUPPORT), each
 * article's counterparts and publication times: the same rule whether the shares come from a fresh alignment or from
 * stored alignments read back later.
 */
export function pickCopies(carried: number[][], copied: number[][], counterparts: number[][], publishedAt: readonly (string | null | undefined)[]): (number | null)[] {
  return copied.map((row, ai) => {
    let bi = -1;
    for (const b of counterparts[ai]) if (bi < 0 || row[b] > row[bi]) bi = b;
    if (bi < 0 || row[bi] < COPY_SHARE) return null;
    // When the article carries all of the other, the other may as well be it cut short (a trimmed
    // wire story): then the publication order decides. Published first, the fuller article is the
    // source; otherwise (later, or order unknown) it reproduces the other whole and adds statements.
    if (carried[bi][ai] >= 1) return publishedBefore(publishedAt[ai], publishedAt[bi]) ? null : bi;
    // Otherwise the copy is the one made mostly of the shared sentences; the source has more of its own.
    return row[bi] > copied[bi][ai] ? bi : null;
  });
}

/** One statement (claim sentence) of an article: whether it can be flagged, and the support each counterpart gives it. */
export interface StatementSupport {
  flaggable: boolean;
  /** Support score (0..1) by counterpart article index. */
  support: { article: number; score: number }[];
}

function sharesAbove(al: StoryAlignment, min: number): number[][] {
  return sharesOf(
    al.claims.map((perClaim, ai) => {
      const seg = al.index.articles[ai].analysis.segmentation;
      const claims = al.index.articles[ai].analysis.claims;
      return perClaim.map((matches, ci) => ({
        flaggable: isFlaggableSentence(seg, claims[ci].sentence),
        support: matches.map((m) => ({ article: m.article, score: m.support?.score ?? 0 })),
      }));
    }),
    min,
  );
}

/**
 * share[a][b]: the share of article a's flaggable statements that article b supports at `min` or
 * more (0 for an article with fewer than MIN_STATEMENTS flaggable statements).
 */
export function sharesOf(statements: StatementSupport[][], min: number): number[][] {
  const n = statements.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  statements.forEach((list, ai) => {
    let total = 0;
    const carried = new Map<number, number>();
    for (const st of list) {
      if (!st.flaggable) continue;
      total++;
      for (const m of st.support) if (m.score >= min) carried.set(m.article, (carried.get(m.article) ?? 0) + 1);
    }
    if (total >= MIN_STATEMENTS) for (const [bi, k] of carried) out[ai][bi] = k / total;
  });
  return out;
}

/**
 * The likely source of each article: the other article that carries most of it, when that
 * share reaches DERIVED_SHARE and the direction is clear: the source was published earlier, or
 * it carries clearly more of the article than the article carries of it (a rewrite keeps
 * its source's statements and adds its own; the source does not carry the additions).
 * Only the best-carrying article is considered: an article whose closest counterpart is not its
 * source is original reporting, not a copy of a lesser one.
 */
export function findDerivations(al: StoryAlignment): Derivation[] {
  return pickDerivations(
    carriedShares(al),
    al.counterparts,
    al.index.articles.map((a) => a.analysis.article.publishedAt),
  );
}

/** findDerivations on a carried-share matrix, each article's counterparts and publication times. */
export function pickDerivations(share: number[][], counterparts: number[][], publishedAt: readonly (string | null | undefined)[]): Derivation[] {
  return share.map((row, ai) => {
    let bi = -1;
    for (const b of counterparts[ai]) if (bi < 0 || row[b] > row[bi]) bi = b;
    if (bi < 0 || row[bi] < DERIVED_SHARE) return { source: null, share: 0 };
    if (publishedBefore(publishedAt[ai], publishedAt[bi])) return { source: null, share: 0 };
    const asymmetric = row[bi] - share[bi][ai] >= DERIVATION_MARGIN;
    if (!publishedBefore(publishedAt[bi], publishedAt[ai]) && !asymmetric) return { source: null, share: 0 };
    return { source: bi, share: row[bi] };
  });
}
