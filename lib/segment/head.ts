/**
 * First passes of the segmenter: one draft block per line with its shape-based
 * kind, then the head of the article (kickers, headline, bylines, datelines).
 */
import { normalizeLine, type Line, listMarkerLength, isTableRow, wordCount, endsLikeSentence, isDashLed } from "./lines";
import { datelinePrefix, inlineCalloutLabel, isBylineShaped, isDatelineLine, isHeadingShaped, isLabelLine, isMarkdownHeading, isTitleCase } from "./shapes";
import type { Draft } from "./draft";
import type { BlockKind } from "../types";

function tokenSet(s: string): Set<string> {
  return new Set(normalizeLine(s).split(" ").filter(Boolean));
}

/**
 * Whether line `a` is the title `b` (possibly with a site suffix or small edits).
 * A long lede that merely contains the title is not the headline.
 */
function similarTitle(a: string, b: string): boolean {
  const na = normalizeLine(a);
  const nb = normalizeLine(b);
  if (!na || !nb) return false;
  if (na === nb) return true;
  const ratio = na.length / nb.length;
  if (ratio > 1.4 || ratio < 0.5) return false;
  if ((nb.length > 15 && na.includes(nb)) || (na.length > 15 && nb.includes(na))) return true;
  const ta = tokenSet(a);
  const tb = tokenSet(b);
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / Math.max(1, Math.max(ta.size, tb.size)) >= 0.7 && inter >= 3;
}

/** A paragraph that carries the story: long enough and shaped as prose. */
export function isProse(text: string): boolean {
  const n = wordCount(text);
  return (n >= 12 && endsLikeSentence(text)) || n >= 25;
}

/** First pass: one draft per line, with the shape-based kind. */
export function draftLines(lines: Line[]): Draft[] {
  return lines.map((l, i) => {
    const t = l.text;
    let kind: BlockKind = "paragraph";
    let content = l.start;
    let labelEnd: number | undefined;
    if (isTableRow(t)) kind = "table_row";
    else if (listMarkerLength(t) > 0) {
      kind = "list_item";
      content = l.start + listMarkerLength(t);
    } else if (isMarkdownHeading(t)) {
      kind = "heading";
      content = l.start + (/^#+\s+/.exec(t)?.[0].length ?? 0);
    } else if (isLabelLine(t)) kind = "heading";
    else if (inlineCalloutLabel(t) > 0) {
      kind = "callout";
      labelEnd = l.start + inlineCalloutLabel(t);
    } else if (isHeadingShaped(t)) kind = "heading";
    return { start: l.start, end: l.end, content, kind, boilerplate: false, line: i, labelEnd };
  });
}

/** Head of the article: kickers before the headline, the headline, bylines and datelines. */
export function markHead(drafts: Draft[], body: string, title: string | undefined): Draft[] {
  const text = (d: Draft) => body.slice(d.start, d.end);
  let firstProse = drafts.findIndex((d) => d.kind === "paragraph" && isProse(text(d)));
  if (firstProse < 0) firstProse = drafts.length;
  const headEnd = Math.min(firstProse, 12);
  let headline = -1;
  if (title && title.trim()) {
    headline = drafts.findIndex((d, i) => i <= Math.max(headEnd, 3) && similarTitle(text(d), title));
  }
  if (headline < 0) {
    const cands = drafts.slice(0, headEnd).map((d, i) => ({ d, i })).filter(({ d }) => d.kind === "heading" && !text(d).endsWith(":"));
    const long = cands.find(({ d }) => wordCount(text(d)) >= 4);
    headline = long ? long.i : cands.length > 0 && cands[0].i === 0 ? 0 : -1;
  }
  if (headline < 0 && drafts.length > 1 && drafts[0].kind === "paragraph") {
    // "Stealth Over Health: Clinton Was Headed to ER." — a title-case first line, even with a final stop
    const t = text(drafts[0]).replace(/[.!]$/, "");
    if (wordCount(t) >= 4 && wordCount(t) <= 20 && isTitleCase(t) && !/[.!?]\s/.test(t) && !/^["“‘'«„–—]/.test(t)) headline = 0;
  }
  if (headline >= 0) {
    drafts[headline].kind = "headline";
    // Kickers and section labels above the headline ("Featured", "World, Politics").
    for (let i = 0; i < headline; i++) {
      if (wordCount(text(drafts[i])) <= 5 && !endsLikeSentence(text(drafts[i]))) drafts[i].boilerplate = true;
    }
  }
  const out: Draft[] = [];
  let sawProse = false;
  const headlineText = headline >= 0 ? normalizeLine(text(drafts[headline])) : "";
  drafts.forEach((d, i) => {
    const t = text(d);
    if (i > headline && headlineText && normalizeLine(t) === headlineText) d.boilerplate = true; // repeated headline
    if (i < 14 && !sawProse && d.kind !== "list_item" && d.kind !== "table_row") {
      if (isBylineShaped(t)) d.kind = "byline";
      else if (isDatelineLine(t)) d.kind = "dateline";
    }
    if (d.kind === "paragraph" && i < 30) {
      const p = isDashLed(t) ? 0 : datelinePrefix(t, !sawProse);
      if (p > 0) {
        let e = d.start + p;
        while (e > d.start && /[\s—–-]/.test(body[e - 1])) e--;
        out.push({ ...d, end: e, content: d.start, kind: "dateline" });
        out.push({ ...d, start: d.start + p, content: d.start + p });
        sawProse = true;
        return;
      }
    }
    if (d.kind === "paragraph" && isProse(t)) sawProse = true;
    out.push(d);
  });
  return out;
}
