/**
 * What a difference between two versions of one quote amounts to: an excerpt
 * (one version inside the other, or two overlapping excerpts of a longer
 * statement: not a rewording), a cosmetic change (spelling, transliteration,
 * editorial brackets) or a change of substance (a content word replaced, a
 * number or a negation that differs). Only substance makes a high flag.
 */
import { EDGE_SWAP_MAX, EDGE_SWAP_SHARED, type PreparedArticle, type QuoteMatch } from "@/lib/align";
import { isNegation } from "@/lib/text";

/** Words (at least) an overlapping stretch must share for two quotes to be excerpts of one statement. */
const MIN_OVERLAP = 4;
/** Longest gap (tokens) that still reads as a word swap rather than a different passage. */
const MAX_SWAP = 6;
/** Character-bigram similarity at or above which two words are one word spelled differently. */
const SPELLING_SIM = 0.5;

export interface Rewording {
  /** One version is (all but one word of) the other, or the two overlap at their ends: excerpts, not a rewording. */
  excerpt: boolean;
  /** Content words replaced by other words (not spelling variants, not inside brackets), numbers or negations that differ. */
  substantive: boolean;
  /** The first substantive change, as "old → new", for the explanation. */
  example: string | null;
}

function bigrams(w: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= w.length; i++) out.add(w.slice(i, i + 2));
  return out;
}

/** Dice similarity of two words' character bigrams: "Gadhafi" ~ "Qaddafi", "IRS" ~ "I.R.S.". */
export function spellingSimilarity(a: string, b: string): number {
  const x = a.replace(/[^\p{L}\p{N}]/gu, "");
  const y = b.replace(/[^\p{L}\p{N}]/gu, "");
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  if (!bx.size || !by.size) return 0;
  let shared = 0;
  for (const g of bx) if (by.has(g)) shared++;
  return (2 * shared) / (bx.size + by.size);
}

/**
 * Reads the difference between quote `sq` of article A and its counterpart in `m`.
 * `bracketed(article, token)` says whether a token sits inside editorial brackets.
 */
export function readRewording(
  A: PreparedArticle,
  sq: number,
  B: PreparedArticle,
  m: QuoteMatch,
  bracketed: (p: PreparedArticle, token: number) => boolean,
): Rewording {
  const best = m.best!;
  const sIdx = A.quoteTokens[sq];
  const tIdx = B.quoteTokens[best.quote];
  const nS = sIdx.length;
  const nT = tIdx.length;
  const longest = best.runs.reduce((x, r) => (r.length > x.length ? r : x), { a: 0, b: 0, length: 0 });
  // One version inside the other (give or take a word at the seam), or two excerpts of one longer
  // statement overlapping at their ends. Read from the words themselves, not from the diff's runs,
  // which may anchor a repeated phrase ("I have not ...") in the wrong place.
  // Unless both run on past it at the same end by a word or two, and those words differ in substance
  // ("interest from three parties" / "interest from three bidders"): a word swapped at the edge.
  const swap = edgeSwap(A, sIdx, B, tIdx, longest, bracketed);
  if (swap) return { excerpt: false, substantive: swap.substantive, example: swap.example };
  if (longest.length >= Math.min(nS, nT) - 1 && longest.length >= 2) return { excerpt: true, substantive: false, example: null };
  const sKeys = sIdx.map((i) => A.keys[i]);
  const tKeys = tIdx.map((j) => B.keys[j]);
  if (containsSequence(sKeys, tKeys) || containsSequence(tKeys, sKeys) || endOverlap(sKeys, tKeys) >= MIN_OVERLAP || endOverlap(tKeys, sKeys) >= MIN_OVERLAP) {
    return { excerpt: true, substantive: false, example: null };
  }

  let example: string | null = null;
  const words = (p: PreparedArticle, idx: number[], from: number, to: number) => idx.slice(from, to).map((i) => p.tokens[i].raw).join(" ");
  const isNumber = (p: PreparedArticle, i: number) => /^\d/.test(p.keys[i]);
  const negates = (p: PreparedArticle, i: number) => isNegation(p.keys[i]);
  // Gaps between agreeing runs: a word swapped for another, or a figure or negation that one
  // side has and the other lacks there. Gaps outside the first and last run are an excerpt's
  // edges, not changes.
  const runs = [...best.runs].sort((x, y) => x.a - y.a);
  for (let k = 0; k + 1 < runs.length && !example; k++) {
    const sa = runs[k].a + runs[k].length;
    const sb = runs[k + 1].a;
    const ta = runs[k].b + runs[k].length;
    const tb = runs[k + 1].b;
    if (sb - sa > MAX_SWAP || tb - ta > MAX_SWAP) continue;
    const sGap = sIdx.slice(sa, sb).filter((i) => !bracketed(A, i));
    const tGap = tIdx.slice(ta, tb).filter((j) => !bracketed(B, j));
    // A negation added or dropped is a word or two; a longer one-sided gap is a passage the diff skipped.
    const short = Math.max(sGap.length, tGap.length) <= 2 || (sGap.length > 0 && tGap.length > 0);
    if (short && sGap.some((i) => negates(A, i)) !== tGap.some((j) => negates(B, j))) {
      example = `${words(A, sIdx, sa, sb) || "—"} → ${words(B, tIdx, ta, tb) || "—"}`;
      break;
    }
    const sNum = sGap.filter((i) => isNumber(A, i)).map((i) => A.keys[i]);
    const tNum = tGap.filter((j) => isNumber(B, j)).map((j) => B.keys[j]);
    if (sNum.length && tNum.length && sNum.join(" ") !== tNum.join(" ")) {
      example = `${words(A, sIdx, sa, sb)} → ${words(B, tIdx, ta, tb)}`;
      break;
    }
    // Particles and initials ("al-", "J.") are not the words a swap is about.
    const sWords = sGap.filter((i) => A.terms[i] && A.tokens[i].norm.length > 2);
    const tWords = tGap.filter((j) => B.terms[j] && B.tokens[j].norm.length > 2);
    if (!sWords.length || !tWords.length) continue;
    // A spelling or transliteration variant is the same word.
    const cosmetic = sWords.every((i) => tWords.some((j) => spellingSimilarity(A.tokens[i].norm, B.tokens[j].norm) >= SPELLING_SIM));
    if (cosmetic) continue;
    example = `${words(A, sIdx, sa, sb)} → ${words(B, tIdx, ta, tb)}`;
  }
  if (!example && best.twin) {
    // A heavy rewording keeps no runs to compare between: compare its figures as wholes.
    const nums = (p: PreparedArticle, idx: number[]) => new Set(idx.filter((i) => isNumber(p, i)).map((i) => p.keys[i]));
    const nA = nums(A, sIdx);
    const nB = nums(B, tIdx);
    if (nA.size && nB.size && ([...nA].some((x) => !nB.has(x)) || [...nB].some((x) => !nA.has(x)))) example = "a figure";
  }
  return { excerpt: false, substantive: example !== null, example };
}

/** True when `needle` occurs in `hay` as a contiguous run. */
function containsSequence(hay: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Length of the longest suffix of `a` that is a prefix of `b`. */
function endOverlap(a: string[], b: string[]): number {
  for (let k = Math.min(a.length, b.length); k > 0; k--) {
    let ok = true;
    for (let j = 0; j < k && ok; j++) if (a[a.length - k + j] !== b[j]) ok = false;
    if (ok) return k;
  }
  return 0;
}

/**
 * "parties → bidders" when the two versions share one stretch that covers nearly all of each and both
 * go on past it at the same end by one or two words that differ (no spelling variant of each other, not
 * editorial brackets); of substance when content words differ ("three parties" / "three bidders"), minor
 * otherwise ("nowhere near done" / "nowhere near over"); otherwise null.
 */
function edgeSwap(
  A: PreparedArticle,
  sIdx: number[],
  B: PreparedArticle,
  tIdx: number[],
  run: { a: number; b: number; length: number },
  bracketed: (p: PreparedArticle, token: number) => boolean,
): { example: string; substantive: boolean } | null {
  if (run.length < EDGE_SWAP_SHARED * Math.min(sIdx.length, tIdx.length)) return null;
  const ends: [number[], number[]][] = [
    [sIdx.slice(run.a + run.length), tIdx.slice(run.b + run.length)],
    [sIdx.slice(0, run.a), tIdx.slice(0, run.b)],
  ];
  for (const [s, t] of ends) {
    if (!s.length || !t.length || s.length > EDGE_SWAP_MAX || t.length > EDGE_SWAP_MAX) continue;
    const example = `${s.map((i) => A.tokens[i].raw).join(" ")} → ${t.map((j) => B.tokens[j].raw).join(" ")}`;
    const same = (i: number, j: number) => A.keys[i] === B.keys[j] || spellingSimilarity(A.tokens[i].norm, B.tokens[j].norm) >= SPELLING_SIM;
    const sWords = s.filter((i) => A.terms[i] && A.tokens[i].norm.length > 2 && !bracketed(A, i));
    const tWords = t.filter((j) => B.terms[j] && B.tokens[j].norm.length > 2 && !bracketed(B, j));
    if (sWords.length && tWords.length && !sWords.every((i) => tWords.some((j) => same(i, j)))) return { example, substantive: true };
    // Minor words: a word of letters on each side, none of one side the other's.
    const sAll = s.filter((i) => /\p{L}/u.test(A.tokens[i].norm) && !bracketed(A, i));
    const tAll = t.filter((j) => /\p{L}/u.test(B.tokens[j].norm) && !bracketed(B, j));
    if (sAll.length && tAll.length && !sAll.some((i) => tAll.some((j) => same(i, j)))) return { example, substantive: false };
  }
  return null;
}
