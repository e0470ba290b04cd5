/**
 * Quote extraction: every direct quote of an article with its speaker, cue
 * and venue. Styles: “double”, 'single', «guillemets», „low“, dash-led
 * paragraphs ("– We want ..., says X.") and colon-introduced block quotes.
 *
 * Choices downstream should know about:
 * - Titles in quotation marks right after "on"/"’s"/"titled" etc. (programme,
 *   book, show names such as “Fox News Sunday”) are NOT returned as quotes;
 *   they become the `venue` of the attribution in that sentence.
 * - Scare quotes and short fragments (1–3 words, “epic”) ARE returned, with
 *   `fragment: true`, so the classifier can decide what to do with them.
 * - A quote interrupted by its attribution (`“A,” he said, “B”`) or spanning
 *   paragraphs is ONE quote with several `parts`; `start/end/text` then cover
 *   the whole envelope and `spokenText` holds the parts' words joined by a space.
 * - Quotes nested inside another quote are not returned separately.
 * - Boilerplate blocks and table-of-contents entries yield no quotes.
 */
import type { Quote, Segmentation, Span } from "../types";
import { scanQuotes, opensDouble, type RawQuote } from "./marks";
import { addColonQuotes, closeCarried, dashQuote, isTitleQuote, mergeInterrupted } from "./collect";
import { attribute } from "./attribute";
import { CONTENT_KINDS, type Draft, sentenceAt, trimSpan, words } from "./util";
import { foldText, speakerKeyOf } from "../text";
import { attributionAfter } from "./cues";

/**
 * The attribution right after `close` names someone who is not mentioned in
 * the paragraph where the carried quote opened.
 */
function namesAnotherSpeaker(body: string, seg: Segmentation, openBlock: number, close: number, end: number): boolean {
  const s = sentenceAt(seg.sentences, close);
  const a = attributionAfter(body, close + 1, Math.min(end, s ? Math.max(s.end, close + 1) : end));
  if (!a || a.pronoun || !/^\p{Lu}/u.test(a.text)) return false;
  const key = speakerKeyOf(a.text);
  const ob = seg.blocks[openBlock];
  return key.length > 1 && !!ob && !foldText(body.slice(ob.start, ob.end)).includes(key);
}

/**
 * Extract the direct quotes of an article from its body and segmentation.
 * Boilerplate blocks are skipped. Quotes come in body order.
 */
export function extractQuotes(body: string, seg: Segmentation): Quote[] {
  if (typeof body !== "string") throw new TypeError("extractQuotes: body must be a string");
  if (!seg || !Array.isArray(seg.blocks) || !Array.isArray(seg.sentences)) throw new TypeError("extractQuotes: seg must be a Segmentation");
  // a table of contents repeats the headings: its quotes would be counted twice
  const toc = new Set((seg.structures ?? []).filter((s) => s.kind === "toc").map((s) => s.index));
  const blocks = seg.blocks.filter((b) => !b.boilerplate && CONTENT_KINDS.has(b.kind) && !(b.structure !== null && toc.has(b.structure)));
  const drafts: Draft[] = [];
  let carried: { raw: RawQuote; parts: Span[]; block: number } | null = null;

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.end > body.length || b.start < 0 || b.start > b.end) throw new Error(`extractQuotes: block ${b.index} is outside the body; this is a bug in the segmentation`);
    const dash = (b.kind === "paragraph" || b.kind === "heading" || b.kind === "callout") ? dashQuote(body, b) : null;
    if (dash) {
      if (carried) drafts.push(closeCarried(body, carried));
      carried = null;
      drafts.push(dash);
      continue;
    }
    let from = b.start;
    let cont: RawQuote | null = null;
    if (carried) {
      if (opensDouble(body, b.start) && b.kind === "paragraph") {
        cont = carried.raw;
        from = b.start + 1;
      } else {
        drafts.push(closeCarried(body, carried));
        carried = null;
      }
    }
    const { quotes, open } = scanQuotes(body, from, b.end, cont);
    let lastClose = b.start - 1;
    for (const q of quotes) {
      if (cont && q.open === cont.open && carried) {
        const part = trimSpan(body, from, q.close);
        if (namesAnotherSpeaker(body, seg, carried.block, q.close, b.end)) {
          // `“...\n“...,” added X` where X does not appear where the quote opened: a missing closing
          // mark, not one quote running on — close the first at its paragraph end
          drafts.push(closeCarried(body, carried));
          drafts.push({ parts: [part], open: b.start, close: q.close, style: q.style, block: b.index });
          carried = null;
          cont = null;
          lastClose = q.close;
          continue;
        }
        // the carried quote closes in this paragraph
        const parts = [...carried.parts, part];
        drafts.push({ parts, open: cont.open, close: q.close, style: q.style, block: carried.block });
        carried = null;
        cont = null;
        lastClose = q.close;
        continue;
      }
      if (q.open < 0) {
        // a closing mark without an opener: the quote runs from the start of its sentence
        const s = sentenceAt(seg.sentences, q.close);
        const start = Math.max(b.start, s ? s.start : b.start, lastClose + 1);
        const sp = trimSpan(body, start, q.close);
        if (words(body.slice(sp.start, sp.end)) >= 2) drafts.push({ parts: [sp], open: -1, close: q.close, style: q.style, block: b.index });
        lastClose = q.close;
        continue;
      }
      const sp = trimSpan(body, q.open + 1, q.close);
      if (sp.end > sp.start) drafts.push({ parts: [sp], open: q.open, close: q.close, style: q.style, block: b.index });
      lastClose = q.close;
    }
    if (open) {
      const partStart = cont && carried ? from : open.open + 1;
      const part = trimSpan(body, partStart, b.end);
      if (cont && carried) carried = { raw: carried.raw, parts: [...carried.parts, part], block: carried.block };
      else carried = { raw: open, parts: [part], block: b.index };
    }
  }
  if (carried) drafts.push(closeCarried(body, carried));
  // empty parts come from marks with nothing between them ("“”"); a quote without words is no quote
  for (const d of drafts) d.parts = d.parts.filter((p) => p.end > p.start);
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].parts.length === 0) drafts.splice(i, 1);
  drafts.sort((a, b) => a.parts[0].start - b.parts[0].start);

  addColonQuotes(body, seg, blocks, drafts);
  drafts.sort((a, b) => a.parts[0].start - b.parts[0].start);
  // 'n', 'em: a one- or two-letter "single quote" is an elision, not a quote
  const real = drafts.filter((d) => !isTitleQuote(body, d) && !(d.style === "single" && body.slice(d.parts[0].start, d.parts[d.parts.length - 1].end).replace(/[^\p{L}\p{N}]/gu, "").length < 3));
  const kept = mergeInterrupted(body, seg, real);
  return attribute(body, seg, blocks, kept);
}
