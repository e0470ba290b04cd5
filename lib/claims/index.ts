/**
 * Claim extraction: the declarative sentences of an article that assert
 * something checkable. Excluded: boilerplate, headings and headlines,
 * datelines and bylines, table-of-contents entries, questions, and fragments
 * too short to assert anything.
 */
import type { Claim, Quote, Segmentation } from "../types";

/** Block kinds whose sentences can carry claims. */
const CLAIM_KINDS = new Set(["paragraph", "list_item", "faq_answer", "callout", "table_row"]);

/** Fewer words than this cannot assert much ("Initial reactions have been mixed." has 5). */
const MIN_WORDS = 5;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Characters of [start, end) covered by the quotes' parts (word characters only, so marks and spaces do not count). */
function quotedShare(body: string, start: number, end: number, quotes: readonly Quote[]): number {
  let total = 0;
  let covered = 0;
  for (let i = start; i < end; i++) {
    if (!/[\p{L}\p{N}]/u.test(body[i])) continue;
    total++;
    if (quotes.some((q) => q.parts.some((p) => p.start <= i && i < p.end))) covered++;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * Claims of an article: one per qualifying sentence, in body order.
 * `quoted` is true when more than half of the sentence's words sit inside a quote.
 */
export function extractClaims(body: string, seg: Segmentation, quotes: readonly Quote[]): Claim[] {
  if (typeof body !== "string") throw new TypeError("extractClaims: body must be a string");
  if (!seg || !Array.isArray(seg.sentences) || !Array.isArray(seg.blocks)) throw new TypeError("extractClaims: seg must be a Segmentation");
  if (!Array.isArray(quotes)) throw new TypeError("extractClaims: quotes must be an array");
  // contents entries and key-term lists name things, they do not assert them
  const tocStructures = new Set(seg.structures.filter((s) => s.kind === "toc" || s.kind === "key_terms").map((s) => s.index));
  const near = (start: number, end: number) => quotes.filter((q) => q.start < end && q.end > start);
  const claims: Claim[] = [];
  for (const s of seg.sentences) {
    const b = seg.blocks[s.block];
    if (!b) throw new Error(`extractClaims: sentence ${s.index} points to missing block ${s.block}; this is a bug`);
    if (b.boilerplate || !CLAIM_KINDS.has(b.kind)) continue;
    if (b.structure !== null && tocStructures.has(b.structure)) continue;
    const text = body.slice(s.start, s.end);
    if (/\?["”’»)]*$/.test(text)) continue; // questions assert nothing
    if (wordCount(text) < MIN_WORDS) continue;
    if (b.kind === "table_row" && (/^[\s|:-]+$/.test(text) || wordCount(text) < MIN_WORDS + 2)) continue;
    // a label ending in a colon introduces content rather than asserting ("These assurances would include:")
    if (/:$/.test(text) && wordCount(text) <= 8) continue;
    if (!/\p{L}/u.test(text)) continue;
    const quoted = quotedShare(body, s.start, s.end, near(s.start, s.end)) > 0.5;
    claims.push({ start: s.start, end: s.end, text, sentence: s.index, block: b.index, quoted });
  }
  return claims;
}
