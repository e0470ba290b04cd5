/**
 * Segmentation: cut an article body into blocks (headline, headings,
 * paragraphs, list items, table rows, FAQ, call-outs, datelines, bylines,
 * boilerplate), group them into structures (lists, tables, FAQ, call-outs,
 * key terms, tables of contents) and split blocks into sentences.
 *
 * Every span is a UTF-16 offset pair into the body exactly as given.
 */
import type { Block, Segmentation, Sentence, Structure } from "../types";
import { splitLines, isTableSeparator } from "./lines";
import { splitSentences } from "./sentences";
import { draftLines, markHead } from "./head";
import { markFaq } from "./faq";
import { markBoilerplate } from "./boilerplate";
import { findStructures, markLabelRuns } from "./structures";

export { normalizeLine } from "./lines";
export { collectRecurringLines, crossStoryLines, indexStoryLines, MAX_CHROME_LINE, storyLineKeys, updateStoryLines, type StoryLineIndex } from "./recurring";

export interface SegmentOptions {
  /** The article title as stored; the first line matching it is the headline. */
  title?: string;
  /** Normalised lines (see `normalizeLine`) that recur across this outlet's articles: page chrome. */
  recurringLines?: ReadonlySet<string>;
}

/**
 * Segment an article body. Pure and total: any string gives a segmentation
 * (the empty string gives empty lists).
 */
export function segmentArticle(body: string, opts: SegmentOptions = {}): Segmentation {
  if (typeof body !== "string") throw new TypeError("segmentArticle: body must be a string");
  if (opts === null || typeof opts !== "object") throw new TypeError("segmentArticle: opts must be an object when given");
  const lines = splitLines(body);
  let drafts = draftLines(lines);
  drafts = markHead(drafts, body, opts.title);
  const faq = markFaq(drafts, body);
  drafts = faq.drafts;
  markLabelRuns(drafts, body);
  markBoilerplate(drafts, body, opts.recurringLines);
  const structDrafts = findStructures(drafts, body, faq.sections);

  const blocks: Block[] = drafts.map((d, index) => ({
    start: d.start,
    end: d.end,
    kind: d.kind,
    index,
    boilerplate: d.boilerplate || d.kind === "boilerplate",
    structure: null,
  }));
  const structures: Structure[] = structDrafts.map((s, index) => {
    const first = blocks[s.blocks[0]];
    const last = blocks[s.blocks[s.blocks.length - 1]];
    for (const b of s.blocks) blocks[b].structure = index;
    return { kind: s.kind, index, label: s.label, blocks: s.blocks, start: first.start, end: last.end };
  });

  const sentences: Sentence[] = [];
  drafts.forEach((d, bi) => {
    const t = body.slice(d.start, d.end);
    if (d.kind === "table_row") {
      if (isTableSeparator(t)) return;
      let s = d.start;
      let e = d.end;
      while (s < e && /[|\s]/.test(body[s])) s++;
      while (e > s && /[|\s]/.test(body[e - 1])) e--;
      if (e > s) sentences.push({ start: s, end: e, index: sentences.length, block: bi });
      return;
    }
    for (const sp of splitSentences(body, d.content, d.end)) {
      sentences.push({ start: sp.start, end: sp.end, index: sentences.length, block: bi });
    }
  });
  return { blocks, sentences, structures };
}
