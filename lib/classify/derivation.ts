/**
 * Derivation: how much of each article another article of the story carries,
 * and which article, if any, it was most likely derived from (a rewrite, a
 * summary, a translation). What a derived article adds, reverses or drops
 * relative to its source is the most suspicious kind of divergence; the same
 * extra detail in original reporting is ordinary.
 */
import { CLAIM_SUPPORT_MIN, type StoryAlignment } from "@/lib/align";
import { isFlaggableSentence } from "./common";

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
  const carried = carriedShares(al);
  const copied = copiedShares(al);
  return copied.map((row, ai) => {
    let bi = -1;
    for (const b of al.counterparts[ai]) if (bi < 0 || row[b] > row[bi]) bi = b;
    if (bi < 0 || row[bi] < COPY_SHARE) return null;
    // When the article carries all of the other, the other may as well be it cut short (a trimmed
    // wire story): then the publication order decides. Published first, the fuller article is the
    // source; otherwise (later, or order unknown) it reproduces the other whole and adds statements.
    if (carried[bi][ai] >= 1) return publishedBefore(al, ai, bi) ? null : bi;
    // Otherwise the copy is the one made mostly of the shared sentences; the source has more of its own.
    return row[bi] > copied[bi][ai] ? bi : null;
  });
}

function sharesAbove(al: StoryAlignment, min: number): number[][] {
  const n = al.index.articles.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  al.claims.forEach((perClaim, ai) => {
    const seg = al.index.articles[ai].analysis.segmentation;
    const claims = al.index.articles[ai].analysis.claims;
    let total = 0;
    const carried = new Map<number, number>();
    perClaim.forEach((matches, ci) => {
      if (!isFlaggableSentence(seg, claims[ci].sentence)) return;
      total++;
      for (const m of matches) if ((m.support?.score ?? 0) >= min) carried.set(m.article, (carried.get(m.article) ?? 0) + 1);
    });
    if (total >= MIN_STATEMENTS) for (const [bi, k] of carried) out[ai][bi] = k / total;
  });
  return out;
}

/** Publication time, and whether it is known to the minute or only to the day. */
function time(al: StoryAlignment, i: number): { t: number; dayOnly: boolean } | null {
  const p = al.index.articles[i].analysis.article.publishedAt;
  const t = p ? Date.parse(p) : NaN;
  return Number.isFinite(t) ? { t, dayOnly: !/T\d/.test(p!) } : null;
}

const DAY = 86_400_000;

/** True when article `b` was certainly published before `a` (a date without a time only counts a day earlier). */
function publishedBefore(al: StoryAlignment, b: number, a: number): boolean {
  const ta = time(al, a);
  const tb = time(al, b);
  if (!ta || !tb) return false;
  if (ta.dayOnly || tb.dayOnly) return Math.floor(tb.t / DAY) < Math.floor(ta.t / DAY);
  return tb.t < ta.t;
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
  const share = carriedShares(al);
  return share.map((row, ai) => {
    let bi = -1;
    for (const b of al.counterparts[ai]) if (bi < 0 || row[b] > row[bi]) bi = b;
    if (bi < 0 || row[bi] < DERIVED_SHARE) return { source: null, share: 0 };
    if (publishedBefore(al, ai, bi)) return { source: null, share: 0 };
    const asymmetric = row[bi] - share[bi][ai] >= DERIVATION_MARGIN;
    if (!publishedBefore(al, bi, ai) && !asymmetric) return { source: null, share: 0 };
    return { source: bi, share: row[bi] };
  });
}
