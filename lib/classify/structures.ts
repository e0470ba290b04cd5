/**
 * structure_added: a list, FAQ, table, key-terms, contents or call-out block
 * that no other outlet of the story has. Generated padding typically adds
 * such blocks; a list of facts the others carry as prose is flagged low (only its form is new).
 */
import { findSupport, tokenRange, type StoryAlignment } from "@/lib/align";
import { foldText } from "@/lib/text";
import type { FlagDraft, Severity, StructureKind } from "@/lib/types";
import { clip, counterpartsOf, joinNames, MAX_FLAG_TEXT } from "./common";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** A structure_added draft with the kind of block it flags (for the classifier's own use; not stored). */
export type StructureDraft = Draft & { structure: StructureKind };

const LABELS: Record<StructureKind, string> = {
  list: "list",
  faq: "FAQ block",
  table: "table",
  callout: "call-out",
  key_terms: "key-terms block",
  toc: "table of contents",
};

/** Kinds that are added whenever no other outlet has one (they are never plain reporting). */
const ALWAYS_ADDED = new Set<StructureKind>(["faq", "key_terms", "toc", "callout"]);

/** Share of a structure's blocks supported by other outlets, below which a list or table counts as added. */
const LIST_SUPPORT_MAX = 0.5;

/** Share of a list's items that are the article's own section headings, from which it is a contents list. */
const NAVIGATION_MIN = 0.5;
/** Share of an item's content words found elsewhere in the story, below which the item is off the story's topic. */
const ON_TOPIC_MIN = 0.25;

/** An item's text without its numbering or bullet, folded. */
function bareItem(text: string): string {
  return foldText(text.replace(/^\s*(?:[-*•–]|\d{1,2}[.)])\s*/, "")).replace(/[:.]\s*$/, "").trim();
}

/** Every item of a block shares under ON_TOPIC_MIN of its content words with the story (`inStory`). */
function offTopic(items: readonly Set<string>[], inStory: (term: string) => boolean): boolean {
  return items.every((t) => {
    if (!t.size) return true;
    let shared = 0;
    for (const x of t) if (inStory(x)) shared++;
    return shared / t.size < ON_TOPIC_MIN;
  });
}

/** structure_added flags for one article. */
export function classifyStructures(al: StoryAlignment, ai: number): StructureDraft[] {
  const arts = al.index.articles;
  const others = counterpartsOf(al, ai);
  if (!others.length) return [];
  const A = arts[ai];
  const a = A.analysis;
  const seg = a.segmentation;
  const out: StructureDraft[] = [];
  const othersKinds = new Set<StructureKind>();
  others.forEach((i) => {
    const p = arts[i];
    for (const s of p.analysis.segmentation.structures) {
      const blocks = s.blocks.map((b) => p.analysis.segmentation.blocks[b]);
      if (blocks.some((b) => b && !b.boilerplate)) othersKinds.add(s.kind);
    }
  });
  const otherNames = others.map((i) => arts[i].analysis.article.outlet);
  const termsIn = (start: number, end: number): Set<string> => {
    const [x, y] = tokenRange(A.tokens, start, end);
    const set = new Set<string>();
    for (let i = x; i < y; i++) if (A.terms[i]) set.add(A.terms[i]);
    return set;
  };
  // Content words of the story: every counterpart (gathered once), and this article outside the block in question.
  let counterpartTerms: Set<string> | null = null;
  const storyTerms = (start: number, end: number): ((term: string) => boolean) => {
    if (!counterpartTerms) {
      counterpartTerms = new Set<string>();
      for (const i of others) for (const t of arts[i].terms) if (t) counterpartTerms.add(t);
    }
    const ownOutside = new Set<string>();
    A.terms.forEach((t, i) => {
      if (t && (A.tokens[i].start < start || A.tokens[i].start >= end)) ownOutside.add(t);
    });
    const shared = counterpartTerms;
    return (t) => shared.has(t) || ownOutside.has(t);
  };
  // Folded texts of the article's headings outside any structure (its sections).
  const headings = new Set(
    seg.blocks.filter((b) => b.kind === "heading" && b.structure === null).map((b) => bareItem(a.article.body.slice(b.start, b.end))),
  );
  const ownHeadings = (ids: readonly number[], blocks: readonly (typeof seg.blocks)[number][]): number => {
    const items = blocks.filter((b) => b.kind !== "heading" || ids.indexOf(b.index) > 0);
    if (items.length < 2) return 0;
    return items.filter((b) => headings.has(bareItem(a.article.body.slice(b.start, b.end)))).length / items.length;
  };
  for (const st of seg.structures) {
    const blocks = st.blocks.map((b) => seg.blocks[b]).filter((b) => b && !b.boilerplate);
    if (!blocks.length) continue;
    let supported = 0;
    for (const b of blocks) {
      const [x, y] = tokenRange(A.tokens, b.start, b.end);
      const idx: number[] = [];
      for (let i = x; i < y; i++) idx.push(i);
      let best = 0;
      for (const bi of others) best = Math.max(best, findSupport(al.index, ai, idx, bi)?.score ?? 0);
      if (best >= 0.5) supported++;
    }
    const share = supported / blocks.length;
    const itemTerms = blocks.filter((b) => b.kind !== "heading").map((b) => termsIn(b.start, b.end));
    // Items that share almost no words with the story (the story's other outlets, or this article
    // outside the block) are page furniture: related links, promotions. Not a divergence.
    if (!supported && itemTerms.length >= 2 && offTopic(itemTerms, storyTerms(st.start, st.end))) continue;
    // Lists and tables of facts the other outlets carry are reporting; FAQ, glossary, contents
    // and call-outs are added unless another outlet has one of the same kind saying the same.
    if (share >= LIST_SUPPORT_MAX && othersKinds.has(st.kind)) continue;
    // A list or table of facts the others carry as prose is the same reporting in another form:
    // flagged, but low (only the form is added), and only from two items up.
    // A contents list of the article's own section headings navigates what is there: the sections
    // are flagged for what they say; the list only repeats their titles (low).
    const navigation = ownHeadings(st.blocks, blocks) >= NAVIGATION_MIN;
    const formOnly = (share >= LIST_SUPPORT_MAX && !ALWAYS_ADDED.has(st.kind)) || navigation;
    // One numbered line ("5. What the Experts Say") is a section heading, not a list.
    if ((formOnly || st.kind === "list") && blocks.length < 2) continue;
    const text = a.article.body.slice(st.start, st.end);
    // Blocks that answer questions or advise the reader assert things no source said: graded higher.
    const items = text.slice(st.label ? text.indexOf(st.label) + st.label.length : 0, 3000);
    const addressesReader = /\b(for you|your)\b/.test(foldText(st.label ?? "")) || /\b(you|your|yours)\b/.test(foldText(items));
    const severity: Severity = formOnly ? "low" : st.kind === "faq" || (addressesReader && st.kind !== "toc") ? "high" : "medium";
    const label = st.label ? ` ("${clip(st.label, 50)}")` : "";
    out.push({
      articleId: a.article.id,
      kind: "structure_added",
      structure: st.kind,
      severity,
      confidence: Math.round((1 - share * 0.5) * 1000) / 1000,
      start: st.start,
      end: st.end,
      text: text.slice(0, MAX_FLAG_TEXT),
      speaker: null,
      explanation: `${a.article.outlet} adds a ${LABELS[st.kind]}${label} of ${blocks.length} item${blocks.length === 1 ? "" : "s"} that ${joinNames(otherNames)} ${otherNames.length > 1 ? "do" : "does"} not have${supported ? ` (${supported} of its items supported elsewhere)` : ""}.`,
      evidence: [],
    });
  }
  return out;
}
