/**
 * quote_truncated: a quote cut down from a longer version carried elsewhere; high
 * when the cut drops a qualifying clause mid-sentence.
 */
import { type QuoteMatch } from "@/lib/align";
import type { Severity } from "@/lib/types";
import { clip, evidenceFor } from "./common";
import { CONTRAST, STRONG_CONTRAST, MIN_CUT_WORDS, minQuoteWords, round, speakerLabel, type QuoteScope } from "./quote-common";

/** Flags quote `s.q` when another outlet carries a longer version (aTrigrams: A's quoted word trigrams; cutsSeen: cuts already flagged in A). */
export function flagTruncated(s: QuoteScope, aTrigrams: Set<string>, cutsSeen: Set<string>): void {
  const { arts, a, q, matches, n, outletOf, out } = s;
  // (One word fewer than a quote must have to be judged at all: the cut-down quote is short by nature.)
  if (n >= Math.max(minQuoteWords(a, q) - 1, MIN_CUT_WORDS)) {
    let bestCut: { m: QuoteMatch; dropped: number[] } | null = null;
    for (const m of matches) {
      if (!m.best || m.best.matched < 0.8 * n) continue;
      const B = arts[m.article];
      const tIdx = B.quoteTokens[m.best.quote];
      // Only the words adjacent to A's region count, and only those A does not quote elsewhere.
      const tKeys = tIdx.map((j) => B.keys[j]);
      const carried = new Uint8Array(tIdx.length);
      for (let j = 0; j + 3 <= tIdx.length; j++) {
        if (aTrigrams.has(tKeys.slice(j, j + 3).join(" "))) carried[j] = carried[j + 1] = carried[j + 2] = 1;
      }
      // The dropped words are the uncarried ones right next to A's region (before or after it).
      const dropped: number[] = [];
      for (let j = m.best.target[1]; j < tIdx.length && !carried[j]; j++) dropped.push(j);
      for (let j = m.best.target[0] - 1; j >= 0 && !carried[j]; j--) dropped.unshift(j);
      const contentDropped = dropped.filter((j) => B.terms[tIdx[j]]).length;
      // A qualifying clause cut off the end ("..., but I cannot rule them out", ". It does not outweigh what
      // you did") is a cut however few content words it has.
      const qualifier = dropped.length > 0 && dropped[0] >= m.best.target[1] && dropped.slice(0, 3).some((j) => CONTRAST.has(B.tokens[tIdx[j]].norm));
      if (dropped.length >= MIN_CUT_WORDS && (contentDropped >= 2 || (qualifier && contentDropped >= 1)) && (!bestCut || dropped.length > bestCut.dropped.length)) {
        bestCut = { m, dropped };
      }
    }
    const cutKey = bestCut ? `${bestCut.m.article}:${bestCut.m.best!.quote}:${bestCut.dropped.join(",")}` : "";
    if (bestCut && !cutsSeen.has(cutKey)) {
      cutsSeen.add(cutKey);
      const { m, dropped } = bestCut;
      const B = arts[m.article];
      const tIdx = B.quoteTokens[m.best!.quote];
      const bBody = B.analysis.article.body;
      const trailing = dropped.filter((j) => j >= m.best!.target[1]);
      const leading = dropped.filter((j) => j < m.best!.target[0]);
      // Cutting a "but …"/"not …" clause off the end changes what was said.
      const drops = trailing.slice(0, 3).some((j) => CONTRAST.has(B.tokens[tIdx[j]].norm)) ||
        trailing.some((j) => STRONG_CONTRAST.has(B.tokens[tIdx[j]].norm));
      // Choosing whole sentences out of a longer quote is ordinary practice; cutting one mid-sentence is not.
      const sentenceEnd = (j: number) => /^["”’']?[.!?…;]/.test(bBody.slice(B.tokens[tIdx[j]].end, B.tokens[tIdx[j]].end + 3));
      const wholeSentences =
        (!trailing.length || sentenceEnd(m.best!.target[1] - 1)) &&
        (!leading.length || sentenceEnd(leading[leading.length - 1]));
      // A fragment woven into the writer's own sentence is ordinary practice too.
      const fragment = /^[\s"'“‘(….]*\p{Ll}/u.test(q.text);
      // A fragment woven into the writer's sentence never reads as the whole statement: at most medium.
      const severity: Severity = drops && !wholeSentences ? (fragment ? "medium" : "high") : fragment || wholeSentences ? "low" : "medium";
      const droppedText = dropped.slice(0, 12).map((j) => B.tokens[tIdx[j]].raw).join(" ");
      out.push({
        articleId: a.article.id,
        kind: "quote_truncated",
        severity,
        confidence: round(Math.min(1, m.best!.matched / n)),
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: q.speaker,
        explanation: `${a.article.outlet} quotes ${speakerLabel(q.speaker)} as "${clip(q.text, 70)}"; ${outletOf(m)} carries the longer "${clip(m.text, 110)}" (not carried: "${clip(droppedText, 60)}").`,
        evidence: [evidenceFor(q.text, B.analysis, m.span!)],
      });
    }
  }

}
