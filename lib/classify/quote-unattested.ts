/**
 * quote_unattested: a direct quote no other outlet carries in any form; graded by
 * the signals that stack up (an added block, a speaker nobody else names, padding).
 */
import { speakerKeyOf } from "@/lib/text";
import type { Severity } from "@/lib/types";
import { clip, joinNames } from "./common";
import { minQuoteWords, escapeRe, round, speakerLabel, type QuoteScope } from "./quote-common";

/** Flags quote `s.q` when no counterpart carries it (otherBodies: folded counterpart bodies, on demand). */
export function flagUnattested(s: QuoteScope, otherBodies: () => string[]): void {
  const { ctx, a, ai, q, matches, n, outletOf, out } = s;
  if (n >= minQuoteWords(a, q) && matches.every((m) => m.coverage === "absent")) {
    const block = a.segmentation.blocks[a.segmentation.sentences[q.sentence]?.block ?? -1];
    const inStructure = !!block && (block.kind === "callout" || block.structure !== null);
    const sk = q.speaker ? speakerKeyOf(q.speaker) : "";
    const speakerElsewhere = !sk || otherBodies().some((b) => b && new RegExp(`\\b${escapeRe(sk)}`, "u").test(b));
    const padded = ctx.padded.has(ai);
    const signals = [inStructure, !speakerElsewhere, padded].filter(Boolean).length;
    const severity: Severity = signals >= 3 ? "high" : signals === 2 ? "medium" : "low";
    const maxSupport = Math.max(0, ...matches.map((m) => m.score));
    const why: string[] = [];
    if (inStructure) why.push("it sits in an added block");
    if (!speakerElsewhere) why.push(`${q.speaker} is named by no other outlet`);
    if (padded) why.push("the article carries other unsupported material");
    out.push({
      articleId: a.article.id,
      kind: "quote_unattested",
      severity,
      confidence: round(1 - maxSupport),
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: q.speaker,
      explanation: `${a.article.outlet} quotes ${speakerLabel(q.speaker)} as "${clip(q.text)}"; no other outlet (${joinNames(matches.map(outletOf))}) carries these words in any form${why.length ? `; ${why.join(", ")}` : ""}.`,
      evidence: [],
    });
  }

}
