/**
 * What the quote classifiers share: the scope of one quote being classified,
 * limits, and small text helpers (brackets, venues, organisations).
 */
import type { PreparedArticle, QuoteMatch, StoryAlignment } from "@/lib/align";
import { foldText } from "@/lib/text";
import type { ArticleAnalysis, FlagDraft, Quote } from "@/lib/types";

export type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

export interface QuoteFlagContext {
  al: StoryAlignment;
  corr: number[];
  /** Articles that carry added structures (padding), from the structure pass. */
  padded: Set<number>;
}

/** One quote of one article being classified, and where its flags go. */
export interface QuoteScope {
  ctx: QuoteFlagContext;
  al: StoryAlignment;
  corr: number[];
  arts: PreparedArticle[];
  A: PreparedArticle;
  a: ArticleAnalysis;
  ai: number;
  q: Quote;
  qi: number;
  /** The quote's match in every counterpart article. */
  matches: QuoteMatch[];
  /** Token indexes of the quote in A. */
  sIdx: number[];
  n: number;
  outletOf: (m: QuoteMatch) => string;
  out: Draft[];
}

/** Quotes shorter than this (in words) are scare quotes or titles: never flagged as unattested or truncated. */
export const MIN_QUOTE_WORDS = 6;
/** The same for a quote that is a whole attributed sentence ("– The worst is behind us, added the minister."). */
export const MIN_SENTENCE_QUOTE_WORDS = 4;

/**
 * Fewest words quote `q` of `a` needs to be judged: a phrase in quotation marks inside a sentence may be
 * a scare quote or a title, but a quote that opens its sentence (or follows a colon) and has a speaker is
 * somebody's statement, however short.
 */
export function minQuoteWords(a: ArticleAnalysis, q: Quote): number {
  if (!q.speaker) return MIN_QUOTE_WORDS;
  const s = a.segmentation.sentences[q.sentence];
  if (!s) return MIN_QUOTE_WORDS;
  const lead = a.article.body.slice(s.start, q.start);
  return /^[\s"“‘'«\-–—]*$/.test(lead) || /:[\s"“‘'«]*$/.test(lead) ? MIN_SENTENCE_QUOTE_WORDS : MIN_QUOTE_WORDS;
}
/** Extra words (at least) a longer version must carry for a quote to count as cut. */
export const MIN_CUT_WORDS = 4;
/** Region similarity two quotes need before their differences count as a rewording. */
export const PARAPHRASE_REGION_MIN = 0.75;
/** How close a third outlet's copy must be for its words to attest one version against another. */
export const ATTEST_REGION_MIN = 0.8;
/** The same, when both outlets name the same speaker. */
export const PARAPHRASE_REGION_MIN_SAME_SPEAKER = 0.5;

// Words that open a qualifying clause: contrast, negation, condition.
export const CONTRAST = new Set([
  "but", "however", "although", "though", "unless", "except", "nevertheless", "not", "never", "yet", "only",
  "if", "provided", "providing", "assuming", "subject", "until", "once",
]);
export const STRONG_CONTRAST = new Set(["but", "however", "although", "unless", "except", "nevertheless"]);

export function speakerLabel(s: string | null): string {
  return s ?? "the speaker";
}

export function ngramSet(keys: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= keys.length; i++) out.add(keys.slice(i, i + n).join(" "));
  return out;
}

export { escapeRe, foldedBody } from "./common";

/** True when token `ti` of an article sits inside editorial brackets. */
export function bracketedToken(p: PreparedArticle, ti: number): boolean {
  return insideBrackets(p.analysis.article.body, p.tokens[ti].start);
}

/** True when offset sits inside [...] or (...) on its line (looked up within 60 characters). */
export function insideBrackets(body: string, offset: number): boolean {
  const before = body.slice(Math.max(0, offset - 60), offset);
  const after = body.slice(offset, offset + 60);
  const open = Math.max(before.lastIndexOf("["), before.lastIndexOf("("));
  if (open < 0) return false;
  const closedBefore = Math.max(before.lastIndexOf("]"), before.lastIndexOf(")"));
  if (closedBefore > open) return false;
  return /^[^\[\]()\n]*[\])]/.test(after);
}


const VENUE_STOP = new Set(["the", "on", "in", "of", "a", "an", "to", "s", "show", "program", "programme", "interview", "channel", "network"]);

/** Two organisation names are one body when one's words lie inside the other's ("Housing Action" / "Kelsford Housing Action"). */
export function organisationsMatch(a: string, b: string): boolean {
  const x = foldText(a).replace(/^the\s+/, "").split(/\s+/);
  const y = foldText(b).replace(/^the\s+/, "").split(/\s+/);
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** Two venues match when they share a distinctive word ("Fox News Sunday" ~ "Fox News"). */
export function venuesMatch(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      foldText(s)
        .replace(/'s\b/g, "")
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !VENUE_STOP.has(w)),
    );
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return true;
  for (const w of x) if (y.has(w)) return true;
  return false;
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
