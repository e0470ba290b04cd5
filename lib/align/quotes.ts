/**
 * Quote alignment: for a quote of one article, its counterpart among another
 * article's quotes (word by word, so a changed word inside quotation marks
 * shows), allowing for a short quote sitting inside a longer one and for
 * quotes split or reordered across several quotation spans. When no quote
 * matches, the quote may still be carried as indirect speech (plain support).
 */
import type { Coverage, Span } from "@/lib/types";
import { canonicalTerm } from "@/lib/text/synonyms";
import { foldText, speakerKeyOf } from "@/lib/text";
import { LOWER_ROLE, LOWER_ROLE_WORD, PRONOUNS, SPEECH_VERB } from "@/lib/quotes/lexicon";
import { matchRuns, type MatchRun } from "./diff";
import type { StoryIndex } from "./prepare";
import { findSupport, type SupportMatch } from "./support";

/** Words each version may run on past the shared ones at one end and still be read as a swap there. */
export const EDGE_SWAP_MAX = 2;
/** Share of the shorter version the shared words must cover for an edge to be read as a swap. */
export const EDGE_SWAP_SHARED = 0.8;

export interface QuoteCounterpart {
  /** Index of the counterpart quote in the target article. */
  quote: number;
  /** Accepted equal runs (a = position in source quote, b = position in target quote). */
  runs: MatchRun[];
  matched: number;
  /** Aligned regions [from, to) in source and target quote positions. */
  source: [number, number];
  target: [number, number];
  /** 2·matched / (source region + target region): how alike the overlapping parts are. */
  regionSimilarity: number;
  /**
   * True when the counterpart was recognised as the same quote by speaker and content
   * (a heavy rewording or a back-translation) rather than by shared word runs.
   */
  twin?: boolean;
  /** Dice overlap of the two quotes' content terms (stems, synonyms merged). */
  contentShare?: number;
}

export interface QuoteMatch {
  /** Target article index in the story. */
  article: number;
  coverage: Coverage;
  score: number;
  /** Best counterpart quote, or null when the quote is not carried as a quote. */
  best: QuoteCounterpart | null;
  /** Share of source-quote tokens found verbatim in any of the target's quotes. */
  verbatimShare: number;
  /** Source-quote positions inside the best region that the target lacks or changed. */
  changedSource: number[];
  /** Target-quote positions inside the best region that the source lacks or changed. */
  changedTarget: number[];
  /** Target-quote positions outside the aligned region (words the source quote does not carry). */
  targetExtra: number[];
  /** Source-quote positions outside the aligned region. */
  sourceExtra: number[];
  /** Plain-text support (indirect speech or unquoted wording), when computed. */
  support: SupportMatch | null;
  /** Counterpart span in the target body, when any. */
  span: Span | null;
  text: string;
}

/** Minimum region similarity for two quotes to be versions of one another. */
export const QUOTE_REGION_MIN = 0.55;
/** Plain support at or above which a quote counts as carried (indirectly). */
export const QUOTE_SUPPORT_MIN = 0.5;
/**
 * Content-term overlap (Dice over stems and synonyms) at which two quotes by one speaker are
 * the same statement reworded, however few words they share verbatim; and the fewest shared
 * content terms that can show it (the speaker's own name never counts).
 */
export const QUOTE_TWIN_MIN = 0.45;
export const QUOTE_TWIN_MIN_SHARED = 4;
/**
 * The overlap that suffices when both quotes name the same person: a heavy rewording of one
 * statement keeps its names and key nouns while its verbs and adjectives change.
 */
export const QUOTE_TWIN_MIN_NAMED = 0.3;

/**
 * Could two quotes come from one speaker? Unknown or descriptive speakers ("a spokesman")
 * could be anyone; two named speakers must share their key.
 */
export function speakersCompatible(a: { speaker: string | null; speakerKey?: string }, b: { speaker: string | null; speakerKey?: string }): boolean {
  if (!a.speaker || !b.speaker || !a.speakerKey || !b.speakerKey) return true;
  if (!isNamed(a.speaker) || !isNamed(b.speaker)) return true;
  return sameSpeakerKey(a.speakerKey, b.speakerKey);
}

/** Two speaker keys name one person, allowing for transliteration's doubled letters ("Zelenskyy" / "Zelensky"). */
export function sameSpeakerKey(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return a === b || a.replace(/(\p{L})\1+/gu, "$1") === b.replace(/(\p{L})\1+/gu, "$1");
}

/** A speaker written as a name ("Mr. Rydell", "Ursula von der Leyen"), not a description ("the city's finance minister"). */
function isNamed(speaker: string): boolean {
  const words = speaker.replace(/[’']s\b/g, "").split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:von|van|der|den|de|del|da|di|du|la|le|bin|al|el|ibn)$/.test(w));
}

/** Distinct content terms of a quote (stems, synonyms merged), without its speaker's name. */
function quoteTerms(p: StoryIndex["articles"][number], q: number): Set<string> {
  const quote = p.analysis.quotes[q];
  const skip = quote.speakerKey ?? "";
  const out = new Set<string>();
  for (const i of p.quoteTokens[q]) {
    const t = p.terms[i];
    if (t && p.keys[i] !== skip) out.add(inGroup(t));
  }
  return out;
}

/**
 * A stem in its synonym group when a listed word has that stem ("asking" → "ask" → "~ask"): the
 * table lists surface forms only, and a reworded quote changes the form as often as the word.
 */
function inGroup(term: string): string {
  return term.startsWith("~") ? term : (canonicalTerm(term) ?? term);
}

/** Dice overlap of two quotes' content terms (stems, synonyms merged; speakers' names left out) and the count shared. */
export function quoteContentShare(index: StoryIndex, source: number, sq: number, target: number, tq: number): { dice: number; shared: number } {
  const a = quoteTerms(index.articles[source], sq);
  const b = quoteTerms(index.articles[target], tq);
  const shared = sharedTerms(a, b);
  return { dice: (2 * shared) / (a.size + b.size || 1), shared };
}

/** Shortest stem that may stand for a longer one it begins ("provinc" for "provinci": province, provincial). */
const DERIVED_STEM_MIN = 6;
/** Most distinct terms a quote may have for derivations of its stems to be looked for. */
const DERIVED_SCAN_MAX = 200;

/**
 * Terms of `a` that `b` has, or has as a derivation of one stem: one stem the start of the other and
 * DERIVED_STEM_MIN letters or more ("provinc" / "provinci", "financ" / "financi"), as a reworded quote
 * turns "if the province restores our funding" into "the moment provincial money comes back".
 */
function sharedTerms(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  // (Derivations are looked for only between quotes of ordinary length: the scan is |a| × |b|.)
  const derive = a.size <= DERIVED_SCAN_MAX && b.size <= DERIVED_SCAN_MAX;
  for (const t of a) {
    if (b.has(t)) shared++;
    else if (derive && t.length >= DERIVED_STEM_MIN) {
      for (const u of b) {
        if (u.length >= DERIVED_STEM_MIN && (u.startsWith(t) || t.startsWith(u))) {
          shared++;
          break;
        }
      }
    }
  }
  return shared;
}

/** Content overlap at which a third outlet's quote is the same words as the target's (corroborating it). */
const CORROBORATED_MIN = 0.8;

/**
 * The looser twin test (QUOTE_TWIN_MIN_NAMED): both quotes name the same person, and the target's
 * version is carried by a third outlet too, so there is an established wording to have departed
 * from; two outlets quoting two different passages of one statement are then not taken for one.
 */
function namedTwin(index: StoryIndex, source: number, sq: number, target: number, tq: number): boolean {
  const a = index.articles[source].analysis.quotes[sq];
  const b = index.articles[target].analysis.quotes[tq];
  if (!a.speaker || !b.speaker || !isNamed(a.speaker) || !isNamed(b.speaker) || !sameSpeakerKey(a.speakerKey, b.speakerKey)) return false;
  // A reworded statement keeps its content in its order ("X have ... answers from G, not ..."); two
  // statements on one subject share words in any order.
  const runs = matchRuns(termSequence(index.articles[source], sq), termSequence(index.articles[target], tq)) ?? [];
  if (runs.reduce((n, r) => n + r.length, 0) < QUOTE_TWIN_MIN_SHARED) return false;
  return index.articles.some((p, k) => {
    if (k === source || k === target) return false;
    for (let oq = 0; oq < p.quoteTokens.length; oq++) if (quoteContentShare(index, target, tq, k, oq).dice >= CORROBORATED_MIN) return true;
    return false;
  });
}

/** A quote's content terms in order, each once (speaker's name left out). */
function termSequence(p: StoryIndex["articles"][number], q: number): string[] {
  const skip = p.analysis.quotes[q].speakerKey ?? "";
  const seen = new Set<string>();
  const out: string[] = [];
  for (const i of p.quoteTokens[q]) {
    const t = p.terms[i] ? inGroup(p.terms[i]) : "";
    if (t && p.keys[i] !== skip && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

/**
 * The quote of `target` that is the same statement as quote `sq` of `source` by speaker and
 * content, when no quote shares enough word runs with it: the best content-term overlap among
 * the target's quotes by a compatible speaker, at or above QUOTE_TWIN_MIN (QUOTE_TWIN_MIN_NAMED
 * when namedTwin holds).
 */
function findTwin(index: StoryIndex, source: number, sq: number, target: number): QuoteCounterpart | null {
  const src = index.articles[source];
  const tgt = index.articles[target];
  const sq0 = src.analysis.quotes[sq];
  const sTerms = quoteTerms(src, sq);
  if (sTerms.size < QUOTE_TWIN_MIN_SHARED) return null;
  let best: { tq: number; dice: number } | null = null;
  for (let tq = 0; tq < tgt.quoteTokens.length; tq++) {
    if (!speakersCompatible(sq0, tgt.analysis.quotes[tq])) continue;
    const tTerms = quoteTerms(tgt, tq);
    const shared = sharedTerms(sTerms, tTerms);
    if (shared < QUOTE_TWIN_MIN_SHARED) continue;
    const dice = (2 * shared) / (sTerms.size + tTerms.size);
    if (best && dice <= best.dice) continue;
    if (dice >= QUOTE_TWIN_MIN || (dice >= QUOTE_TWIN_MIN_NAMED && namedTwin(index, source, sq, target, tq))) best = { tq, dice };
  }
  if (!best) return null;
  const sKeys = src.quoteKeys[sq];
  const tKeys = tgt.quoteKeys[best.tq];
  const runs = (matchRuns(sKeys, tKeys) ?? []).filter((r) => r.length >= 2 || src.terms[src.quoteTokens[sq][r.a]] !== "");
  const matched = runs.reduce((n, r) => n + r.length, 0);
  return {
    quote: best.tq,
    runs,
    matched,
    // A twin is aligned as a whole: every word of either version is inside the compared region.
    source: [0, sKeys.length],
    target: [0, tKeys.length],
    regionSimilarity: (2 * matched) / (sKeys.length + tKeys.length),
    twin: true,
    contentShare: best.dice,
  };
}

function compare(index: StoryIndex, source: number, sq: number, target: number, tq: number): QuoteCounterpart | null {
  const src = index.articles[source];
  const tgt = index.articles[target];
  const sIdx = src.quoteTokens[sq];
  const tIdx = tgt.quoteTokens[tq];
  if (!sIdx.length || !tIdx.length) return null;
  const sKeys = src.quoteKeys[sq];
  const tKeys = tgt.quoteKeys[tq];
  // Cheap filter before diffing: versions of one quote share a good part of their content words.
  const sc = src.quoteContent[sq];
  const tc = tgt.quoteContent[tq];
  if (sc.size && tc.size) {
    let shared = 0;
    for (const k of sc) if (tc.has(k)) shared++;
    if (shared < Math.min(2, sc.size) || shared < 0.25 * Math.min(sc.size, tc.size)) return null;
  } else {
    const tSet = new Set(tKeys);
    let shared = 0;
    for (const k of sKeys) if (tSet.has(k)) shared++;
    if (shared < Math.min(2, sKeys.length)) return null;
  }
  const runs = matchRuns(sKeys, tKeys);
  if (!runs) return null;
  // A lone shared function word is chance, not alignment.
  const accepted = runs.filter((r) => r.length >= 2 || src.terms[sIdx[r.a]] !== "").map((r) => ({ ...r }));
  // The diff may have spent an equal word elsewhere ("the" of another clause): grow each run over
  // equal neighbours that no other accepted run uses.
  for (let k = 0; k < accepted.length; k++) {
    const r = accepted[k];
    const prev = accepted[k - 1];
    const next = accepted[k + 1];
    while (r.a > (prev ? prev.a + prev.length : 0) && r.b > (prev ? prev.b + prev.length : 0) && sKeys[r.a - 1] === tKeys[r.b - 1]) {
      r.a--;
      r.b--;
      r.length++;
    }
    while (r.a + r.length < (next ? next.a : sKeys.length) && r.b + r.length < (next ? next.b : tKeys.length) && sKeys[r.a + r.length] === tKeys[r.b + r.length]) r.length++;
  }
  const matched = accepted.reduce((n, r) => n + r.length, 0);
  if (!accepted.length || (matched < 2 && sKeys.length > 1)) return null;
  const first = accepted[0];
  const last = accepted[accepted.length - 1];
  const sRegion: [number, number] = [first.a, last.a + last.length];
  const tRegion: [number, number] = [first.b, last.b + last.length];
  const regionSimilarity = (2 * matched) / (sRegion[1] - sRegion[0] + (tRegion[1] - tRegion[0]));
  return { quote: tq, runs: accepted, matched, source: sRegion, target: tRegion, regionSimilarity };
}

/**
 * True when counterpart `c` changes a content word inside its aligned region: a source word
 * that no counterpart quote of the target carries, or a target word the source lacks there.
 */
function contentChangedIn(index: StoryIndex, source: number, sq: number, target: number, c: QuoteCounterpart, covered: Uint8Array): boolean {
  const src = index.articles[source];
  const tgt = index.articles[target];
  const sIdx = src.quoteTokens[sq];
  const tIdx = tgt.quoteTokens[c.quote];
  const inS = new Uint8Array(sIdx.length);
  const inT = new Uint8Array(tIdx.length);
  for (const r of c.runs) {
    inS.fill(1, r.a, r.a + r.length);
    inT.fill(1, r.b, r.b + r.length);
  }
  for (let i = c.source[0]; i < c.source[1]; i++) if (!inS[i] && !covered[i] && src.terms[sIdx[i]]) return true;
  for (let j = c.target[0]; j < c.target[1]; j++) if (!inT[j] && tgt.terms[tIdx[j]]) return true;
  // A word swapped at the part's edge ("... have already ruptured," / "... have already exploded. My crews"):
  // the part runs on by a word or two of substance where the quote, uncovered by any part, runs on too.
  if (c.matched < EDGE_SWAP_SHARED * tIdx.length) return false;
  const tail = tIdx.length - c.target[1];
  if (tail >= 1 && tail <= EDGE_SWAP_MAX && c.source[1] < sIdx.length && !covered[c.source[1]]) {
    for (let j = c.target[1]; j < tIdx.length; j++) if (tgt.terms[tIdx[j]]) return true;
  }
  const head = c.target[0];
  if (head >= 1 && head <= EDGE_SWAP_MAX && c.source[0] > 0 && !covered[c.source[0] - 1]) {
    for (let j = 0; j < head; j++) if (tgt.terms[tIdx[j]]) return true;
  }
  return false;
}

/** Words before a speech verb searched for who speaks ("he said", "the official also told"). */
const SPEAKER_REACH = 3;
/** A whole word that is a speech verb. */
const SPEECH_WORD = new RegExp(`^${SPEECH_VERB.source}$`);

/**
 * True when prose `text` can carry a quote of `speaker` as reported speech: it names the speaker, or a
 * pronoun or a role ("he", "the official", "the spokeswoman") speaks in it, just before a speech verb or
 * just after it ("said the official"). A speech verb alone is not enough: "the inspection recommended
 * renewing the rail" is a finding, not somebody's words. A quote without a speaker is carried by any
 * prose that supports it.
 */
function reportsSpeech(speaker: string | null, text: string): boolean {
  if (!speaker) return true;
  const key = speakerKeyOf(speaker);
  if (key && foldText(text).includes(key)) return true;
  const words = text.toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean);
  const speaks = (w: string | undefined) => !!w && (PRONOUNS.test(w) || LOWER_ROLE_WORD.test(w) || LOWER_ROLE.test(w));
  return words.some((w, i) => {
    if (!SPEECH_WORD.test(w)) return false;
    for (let k = Math.max(0, i - SPEAKER_REACH); k < i; k++) if (speaks(words[k])) return true;
    return speaks(words[i + 1]) || (words[i + 1] === "the" && speaks(words[i + 2]));
  });
}

/** Aligns quote `sq` of article `source` against article `target`. */
export function alignQuote(index: StoryIndex, source: number, sq: number, target: number): QuoteMatch {
  const src = index.articles[source];
  const tgt = index.articles[target];
  const sIdx = src.quoteTokens[sq];
  const n = sIdx.length;
  const covered = new Uint8Array(n);
  let best: QuoteCounterpart | null = null;
  const candidates: QuoteCounterpart[] = [];
  for (let tq = 0; tq < tgt.quoteTokens.length; tq++) {
    const c = compare(index, source, sq, target, tq);
    if (!c || c.regionSimilarity < QUOTE_REGION_MIN) continue;
    if (c.matched < Math.min(3, n)) continue;
    // A few words in common with another named speaker's quote ("in this city") are a phrase two people
    // used, not one quote carried: a quote given to someone else shares most of its words.
    if (c.matched < 0.5 * n && !speakersCompatible(src.analysis.quotes[sq], tgt.analysis.quotes[tq])) continue;
    candidates.push(c);
    for (const r of c.runs) for (let i = r.a; i < r.a + r.length; i++) covered[i] = 1;
    if (!best || c.matched > best.matched || (c.matched === best.matched && c.regionSimilarity > best.regionSimilarity)) best = c;
  }
  // A quote the target splits into several quotations may be changed in one part and verbatim in
  // another: the changed part is the finding, so it is the counterpart even when it is shorter.
  if (candidates.length > 1) {
    let changed: QuoteCounterpart | null = null;
    for (const c of candidates) {
      if (!contentChangedIn(index, source, sq, target, c, covered)) continue;
      if (!changed || c.matched > changed.matched) changed = c;
    }
    if (changed) best = changed;
  }
  // No counterpart, or only a short shared phrase ("the northern tunnel"): the same statement may
  // still be there reworded, which the content of the whole quote shows.
  // (Not when the target carries it split into parts that cover most of it: then its parts are the counterparts.)
  let split = 0;
  for (const x of covered) split += x;
  if (!best || (best.matched < 0.5 * n && split < 0.5 * n)) {
    const twin = findTwin(index, source, sq, target);
    if (twin) {
      best = twin;
      for (const r of best.runs) for (let i = r.a; i < r.a + r.length; i++) covered[i] = 1;
    }
  }
  let verbatim = 0;
  for (const x of covered) verbatim += x;
  const verbatimShare = n ? verbatim / n : 0;

  const changedSource: number[] = [];
  const changedTarget: number[] = [];
  const targetExtra: number[] = [];
  const sourceExtra: number[] = [];
  let span: Span | null = null;
  let text = "";
  if (best) {
    const inS = new Uint8Array(n);
    const tLen = tgt.quoteTokens[best.quote].length;
    const inT = new Uint8Array(tLen);
    for (const r of best.runs) {
      for (let i = 0; i < r.length; i++) {
        inS[r.a + i] = 1;
        inT[r.b + i] = 1;
      }
    }
    for (let i = 0; i < n; i++) {
      if (i >= best.source[0] && i < best.source[1]) {
        if (!inS[i]) changedSource.push(i);
      } else if (!covered[i]) sourceExtra.push(i);
    }
    for (let j = 0; j < tLen; j++) {
      if (j >= best.target[0] && j < best.target[1]) {
        if (!inT[j]) changedTarget.push(j);
      } else targetExtra.push(j);
    }
    // Both versions going on past the shared words at the same end, each by a word or two ("interest
    // from three parties" / "interest from three bidders"), is one word swapped at the edge, not two cuts.
    // (Only in a quote the two share nearly whole: two statements that share a few words run on apart.)
    for (const tail of best.matched >= EDGE_SWAP_SHARED * Math.min(n, tLen) ? [true, false] : []) {
      const sEdge = sourceExtra.filter((i) => (tail ? i >= best!.source[1] : i < best!.source[0]));
      const tEdge = targetExtra.filter((j) => (tail ? j >= best!.target[1] : j < best!.target[0]));
      if (!sEdge.length || !tEdge.length || sEdge.length > EDGE_SWAP_MAX || tEdge.length > EDGE_SWAP_MAX) continue;
      changedSource.push(...sEdge);
      changedTarget.push(...tEdge);
      sourceExtra.splice(0, sourceExtra.length, ...sourceExtra.filter((i) => !sEdge.includes(i)));
      targetExtra.splice(0, targetExtra.length, ...targetExtra.filter((j) => !tEdge.includes(j)));
    }
    changedSource.sort((x, y) => x - y);
    changedTarget.sort((x, y) => x - y);
    const q = tgt.analysis.quotes[best.quote];
    span = { start: q.start, end: q.end };
    text = q.text;
  }

  let support: SupportMatch | null = null;
  let coverage: Coverage = "absent";
  let score = 0;
  if (best) {
    const contentChanged = [...changedSource.map((i) => src.terms[sIdx[i]]), ...changedTarget.map((j) => tgt.terms[tgt.quoteTokens[best!.quote][j]])].some(Boolean);
    score = best.regionSimilarity * Math.min(1, verbatim / Math.max(1, n));
    if (contentChanged || changedSource.length + changedTarget.length > 0) coverage = "reworded";
    else if (verbatimShare >= 0.9) coverage = "verbatim";
    else coverage = "cut";
  } else {
    support = findSupport(index, source, sIdx, target);
    // Told in the target's own prose, the words are the speaker's only when that prose reports speech
    // (the speaker named, or someone speaking: see reportsSpeech): "the inspection recommended renewing
    // the rail" carries a fact, not the union leader's "we told the management in spring that this curve
    // must be renewed".
    if (support && support.score >= QUOTE_SUPPORT_MIN && reportsSpeech(src.analysis.quotes[sq].speaker, support.text)) {
      coverage = "reworded";
      score = support.score;
      span = support.span;
      text = support.text;
    } else if (support) score = support.score;
  }
  return { article: target, coverage, score, best, verbatimShare, changedSource, changedTarget, targetExtra, sourceExtra, support, span, text };
}
