/**
 * The classifier: turns a story alignment into flag drafts of the seven kinds,
 * one flag per divergence, with evidence, a readable explanation, a 0..1
 * confidence and a fingerprint that survives re-analysis.
 */
import type { StoryAlignment } from "@/lib/align";
import type { FlagDraft, FlagKind, StructureKind } from "@/lib/types";
import { classifyAddedClaims } from "./claim-added";
import { classifyFactConflicts } from "./fact-conflicts";
import { classifyEventCounts } from "./event-counts";
import { classifyCountedThings } from "./counted";
import { corroboration, fingerprintOf, MAX_FLAG_TEXT, outletCount } from "./common";
import { classifyQuotes } from "./quotes";
import { classifyStructures } from "./structures";
import { findCopies, findDerivations } from "./derivation";
import { classifySpecifics } from "./specifics";
import { classifyAddedClauses } from "./clauses";
import { classifyReversals } from "./reversals";
import { classifyTitles } from "./titles";

export { fingerprintOf, corroboration, flagThisSide, counterpartsOf, outletCount, MAX_FLAG_TEXT, MAX_EVIDENCE_TEXT } from "./common";
export { venuesMatch, MIN_QUOTE_WORDS, MIN_CUT_WORDS } from "./quotes";

/** Added blocks that only generators add (an FAQ, a glossary, a table of contents, a call-out). */
const PADDING_STRUCTURES = new Set<StructureKind>(["faq", "key_terms", "toc", "callout"]);

const KIND_ORDER: FlagKind[] = [
  "quote_paraphrased", "quote_truncated", "quote_unattested", "attribution_conflict", "fact_conflict", "claim_added", "structure_added",
];

/** Classifies every divergence of a story. Stories of one article yield nothing. Deterministic. */
export function classifyStory(al: StoryAlignment): FlagDraft[] {
  const arts = al.index.articles;
  if (outletCount(al) < 2) return [];
  const corr = corroboration(al);
  const drafts: (Omit<FlagDraft, "fingerprint"> & { source: string })[] = [];
  const structureFlags = arts.map((_, ai) => classifyStructures(al, ai));
  const padded = new Set<number>();
  // Padding = generated furniture (FAQ, glossary, contents, call-outs) or a block that addresses the reader.
  structureFlags.forEach((f, ai) => {
    if (f.some((x) => x.severity === "high" || PADDING_STRUCTURES.has(x.structure))) padded.add(ai);
  });
  const quotedSentences = arts.map(() => new Set<number>());
  arts.forEach((p, ai) => {
    const src = p.analysis.article.source;
    const qf = classifyQuotes({ al, corr, padded }, ai);
    for (const f of qf) {
      if (f.kind === "quote_unattested") {
        const q = p.analysis.quotes.find((x) => x.start === f.start && x.end === f.end);
        if (q) {
          // Every sentence the quote spans is covered by the quote flag.
          for (const s of p.analysis.segmentation.sentences) if (s.end > q.start && s.start < q.end) quotedSentences[ai].add(s.index);
        }
      }
      drafts.push({ ...f, source: src });
    }
  });
  const derivations = findDerivations(al);
  const copies = findCopies(al);
  arts.forEach((p, ai) => {
    const src = p.analysis.article.source;
    const conflicts = classifyFactConflicts({ al, corr, derivations }, ai);
    // A reversal of meaning in a statement that has no value conflict.
    for (const r of classifyReversals({ al, corr, derivations }, ai)) if (!conflicts.some((f) => f.start === r.start)) conflicts.push(r);
    // A person given another office, where no value conflict already covers the words.
    for (const t of classifyTitles(al, ai)) if (!conflicts.some((f) => f.start < t.end && f.end > t.start)) conflicts.push(t);
    // A count of people killed, injured or displaced that the other outlets agree against, however the statements are worded.
    for (const e of classifyEventCounts(al, ai)) if (!conflicts.some((f) => f.start < e.end && f.end > e.start)) conflicts.push(e);
    // A count of a thing each outlet counts once ("nineteen streets" / "nine streets"), however the statements are worded.
    for (const e of classifyCountedThings(al, ai)) if (!conflicts.some((f) => f.start < e.end && f.end > e.start)) conflicts.push(e);
    const added = classifyAddedClaims({ al, corr, quotedSentences, padded, copies }, ai);
    for (const f of conflicts) drafts.push({ ...f, source: src });
    for (const f of added) drafts.push({ ...f, source: src });
    // A specific inside a statement already flagged (as a conflict or as added) is that flag's business.
    const taken = [...conflicts, ...added];
    const specifics = classifySpecifics({ al, derivations }, ai).filter((f) => !taken.some((t) => t.start < f.end && t.end > f.start));
    for (const f of specifics) drafts.push({ ...f, source: src });
    // So is a reason or consequence added to a carried statement, unless its words are flagged already.
    for (const f of classifyAddedClauses(al, ai)) {
      if ([...taken, ...specifics].some((t) => t.start < f.end && t.end > f.start)) continue;
      drafts.push({ ...f, source: src });
    }
    for (const { structure: _structure, ...f } of structureFlags[ai]) drafts.push({ ...f, source: src });
  });
  drafts.sort(
    (x, y) => x.articleId - y.articleId || x.start - y.start || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind),
  );
  mergeDivergences(drafts);
  // The same text flagged twice with one kind in one article (a repeated quote) gets an occurrence suffix.
  const seen = new Map<string, number>();
  return drafts.map(({ source, ...f }) => {
    const base = fingerprintOf(source, f.kind, f.text);
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    const fingerprint = k === 0 ? base : fingerprintOf(source, f.kind, `${f.text}\u0000${k}`);
    return { ...f, text: f.text.slice(0, MAX_FLAG_TEXT), fingerprint };
  });
}

type SourcedDraft = Omit<FlagDraft, "fingerprint"> & { source: string };

/**
 * One flag per divergence. An added block is one structure_added flag: the statements inside it
 * are not flagged again one by one as claim_added. A quote that is both reworded and cut is one
 * quote_paraphrased flag whose explanation also names the cut. Works in place on sorted drafts.
 */
export function mergeDivergences(drafts: SourcedDraft[]): void {
  const structures = drafts.filter((d) => d.kind === "structure_added");
  const drop = new Set<SourcedDraft>();
  for (const d of drafts) {
    if (d.kind !== "claim_added") continue;
    if (structures.some((st) => st.articleId === d.articleId && d.start >= st.start && d.end <= st.end)) drop.add(d);
  }
  for (const t of drafts) {
    if (t.kind !== "quote_truncated") continue;
    // The paraphrase flag may mark only the changed sentences of the quote the truncation flag covers.
    const p = drafts.find((d) => d.kind === "quote_paraphrased" && d.articleId === t.articleId && d.start >= t.start && d.end <= t.end);
    if (!p) continue;
    const longer = t.evidence[0]?.outlet;
    p.explanation = `${p.explanation} It is also cut short${longer ? `: ${longer} carries a longer version` : ""}.`;
    if (SEVERITY_RANK[t.severity] > SEVERITY_RANK[p.severity]) p.severity = t.severity;
    for (const e of t.evidence) if (!p.evidence.some((x) => x.articleId === e.articleId && x.start === e.start)) p.evidence.push(e);
    drop.add(t);
  }
  // A call-out that is one flagged quote (an invented "expert opinion") is that quote's divergence.
  for (const st of structures) {
    const len = Math.max(1, st.end - st.start);
    const quoted = drafts
      .filter((d) => d.kind.startsWith("quote_") && d.articleId === st.articleId && d.start >= st.start && d.end <= st.end)
      .reduce((n, d) => n + (d.end - d.start), 0);
    if (quoted >= 0.6 * len) drop.add(st);
  }
  if (!drop.size) return;
  const kept = drafts.filter((d) => !drop.has(d));
  drafts.splice(0, drafts.length, ...kept);
}

const SEVERITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2 };
