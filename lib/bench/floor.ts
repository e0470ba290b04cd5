/**
 * The benchmark's floor: the least any analysis must do, reading and
 * tokenising every article with no segmentation, extraction or alignment.
 * Parallax's time is reported as a multiple of it.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens of a text (letters and digits; everything else separates). */
export function tokenizeFloor(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].toLowerCase());
  return out;
}

/** Tokenises every text and returns the token count (so the work cannot be optimised away). */
export function countTokensFloor(texts: Iterable<string>): number {
  let n = 0;
  for (const t of texts) n += tokenizeFloor(t).length;
  return n;
}
