/** Small shared pieces of quote extraction. */
import type { QuoteStyle, Sentence, Span } from "../types";
import type { SpeakerMatch } from "./cues";

export interface Draft {
  parts: Span[];
  /** Offsets of the opening and closing marks (or -1). */
  open: number;
  close: number;
  style: QuoteStyle;
  block: number;
  /** Attribution already known from the quote's shape (dash or colon quotes, interruptions). */
  attribution?: SpeakerMatch | null;
}

export const CONTENT_KINDS = new Set(["headline", "heading", "paragraph", "list_item", "faq_question", "faq_answer", "callout", "table_row"]);

export function trimSpan(body: string, s: number, e: number): Span {
  while (s < e && /\s/.test(body[s])) s++;
  while (e > s && /\s/.test(body[e - 1])) e--;
  return { start: s, end: e };
}

export function words(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * words(s), counted only as far as `max` + 1: "at most n words before the quote?" in time bounded by n,
 * not by the length of the text (a hostile sentence may run for a hundred thousand characters).
 */
export function wordsUpTo(s: string, max: number): number {
  let n = 0;
  for (const m of s.matchAll(/\S+/g)) {
    if (/[\p{L}\p{N}]/u.test(m[0]) && ++n > max) break;
  }
  return n;
}

export function sentenceAt(sentences: Sentence[], pos: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let best: Sentence | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      best = sentences[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
