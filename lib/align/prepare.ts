/**
 * Per-story preparation for alignment: every article's body tokenised once,
 * sentences and quotes mapped to token ranges, and one inverted index
 * (content term → sentences) for the whole story, so finding a counterpart
 * touches only sentences that share terms, never every sentence pair.
 */
import { isContentWord, termKey, tokenize, wordKey, type Token } from "@/lib/text";
import { foldNumberPhrases } from "@/lib/text/number-phrases";
import type { ArticleAnalysis } from "@/lib/types";

/** Body characters analysed per article; the rest is ignored (memory and time stay bounded). */
export const MAX_ANALYSED_CHARS = 120_000;

export interface PreparedArticle {
  analysis: ArticleAnalysis;
  tokens: Token[];
  /** wordKey per token: what quote comparison compares. */
  keys: string[];
  /** termKey per token for content words, "" for function words. */
  terms: string[];
  /** [first, end) token index per sentence. */
  sentenceTokens: [number, number][];
  /** False for sentences in page chrome: never a counterpart, never flagged. */
  sentenceUsable: boolean[];
  /** Token indexes of each quote (all parts, in order). */
  quoteTokens: number[][];
  /** Distinct content terms of each sentence (empty for unusable sentences). */
  sentenceTerms: Set<string>[];
  /** Per quote: its word keys, and the distinct keys of its content words (for a cheap pre-filter). */
  quoteKeys: string[][];
  quoteContent: Set<string>[];
}

export interface SentenceRef {
  article: number;
  sentence: number;
}

export interface StoryIndex {
  articles: PreparedArticle[];
  /** content term → sentences containing it (each sentence once). */
  postings: Map<string, SentenceRef[]>;
  totalSentences: number;
  /** Memoised termWeight values. */
  weights: Map<string, number>;
}

/** Index of the first token whose start is >= offset. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token indexes [from, to) lying inside [start, end). */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  const from = tokenAt(tokens, start);
  let to = tokenAt(tokens, end);
  while (to > from && tokens[to - 1].end > end) to--;
  return [from, Math.max(from, to)];
}

/** Tokenises one analysed article and maps its sentences and quotes onto tokens. */
export function prepareArticle(analysis: ArticleAnalysis): PreparedArticle {
  const body = analysis.article.body.slice(0, MAX_ANALYSED_CHARS);
  const tokens = tokenize(body);
  // A number spelled in several words ("twenty-five") or as an ordinal is one key, as its digits are;
  // its later words drop out of the quotes' token lists so the comparison sees one word on each side.
  const { keys, continuation } = foldNumberPhrases(body, tokens, tokens.map((t) => wordKey(t.norm)));
  const terms = tokens.map((t) => (isContentWord(t.norm) ? termKey(t.norm) : ""));
  const seg = analysis.segmentation;
  const sentenceTokens = seg.sentences.map((s) => tokenRange(tokens, s.start, s.end));
  const sentenceUsable = seg.sentences.map((s) => {
    const block = seg.blocks[s.block];
    return !(block && (block.boilerplate || block.kind === "boilerplate"));
  });
  const quoteTokens = analysis.quotes.map((q) => {
    const parts = q.parts && q.parts.length ? q.parts : [{ start: q.start, end: q.end }];
    const idx: number[] = [];
    for (const p of parts) {
      const [a, b] = tokenRange(tokens, p.start, p.end);
      for (let i = a; i < b; i++) if (!continuation[i] || i === a) idx.push(i);
    }
    return idx;
  });
  const sentenceTerms = sentenceTokens.map(([a, b], si) => {
    const set = new Set<string>();
    if (sentenceUsable[si]) for (let i = a; i < b; i++) if (terms[i]) set.add(terms[i]);
    return set;
  });
  const quoteKeys = quoteTokens.map((idx) => idx.map((i) => keys[i]));
  const quoteContent = quoteTokens.map((idx) => new Set(idx.filter((i) => terms[i]).map((i) => keys[i])));
  return { analysis, tokens, keys, terms, sentenceTokens, sentenceUsable, quoteTokens, sentenceTerms, quoteKeys, quoteContent };
}

/** Prepares every article of a story and builds the story's term → sentence index. */
export function prepareStory(analyses: ArticleAnalysis[]): StoryIndex {
  const articles = analyses.map(prepareArticle);
  const postings = new Map<string, SentenceRef[]>();
  let totalSentences = 0;
  articles.forEach((p, ai) => {
    p.sentenceTerms.forEach((set, si) => {
      if (!p.sentenceUsable[si]) return;
      totalSentences++;
      for (const t of set) {
        let list = postings.get(t);
        if (!list) postings.set(t, (list = []));
        list.push({ article: ai, sentence: si });
      }
    });
  });
  return { articles, postings, totalSentences, weights: new Map() };
}

/** Story-level rarity of a term: terms every article repeats (the story's subject) weigh little. */
export function termWeight(index: StoryIndex, term: string): number {
  let w = index.weights.get(term);
  if (w === undefined) {
    const df = index.postings.get(term)?.length ?? 0;
    w = Math.log(1 + (index.totalSentences + 1) / (df + 1));
    index.weights.set(term, w);
  }
  return w;
}
