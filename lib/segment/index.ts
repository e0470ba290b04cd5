/**
 * Segmentation: cut an article body into blocks (headline, headings,
 * paragraphs, list items, table rows, FAQ, call-outs, datelines, bylines,
 * boilerplate), group them into structures (lists, tables, FAQ, call-outs,
 * key terms, tables of contents) and split blocks into sentences.
 *
 * Every span is a UTF-16 offset pair into the body exactly as given.
 */
import type { Block, BlockKind, Segmentation, Sentence, Structure, StructureKind } from "../types";
import { splitLines, normalizeLine, type Line, listMarkerLength, isTableRow, isTableSeparator, wordCount, endsLikeSentence, isDashLed } from "./lines";
import {
  CALLOUT_WORDS,
  FAQ_WORDS,
  KEY_TERMS_WORDS,
  TOC_WORDS,
  datelinePrefix,
  inlineCalloutLabel,
  isBylineShaped,
  isChromeLead,
  isCounter,
  isDatelineLine,
  isFragment,
  isHeadingShaped,
  isLabelLine,
  isLiveNotice,
  isMarkdownHeading,
  isTextNotice,
  isUrlLike,
} from "./shapes";
import { splitSentences } from "./sentences";

export { normalizeLine } from "./lines";

export interface SegmentOptions {
  /** The article title as stored; the first line matching it is the headline. */
  title?: string;
  /** Normalised lines (see `normalizeLine`) that recur across this outlet's articles: page chrome. */
  recurringLines?: ReadonlySet<string>;
}

/** A block under construction. `content` is where the words start (after a list marker or "Q:"). */
interface Draft {
  start: number;
  end: number;
  content: number;
  kind: BlockKind;
  boilerplate: boolean;
  line: number;
  /** Set for call-outs with an inline label ("Pro Tip: ..."): end of the label. */
  labelEnd?: number;
}

interface StructDraft {
  kind: StructureKind;
  blocks: number[];
  label: string | null;
}

/**
 * Lines that recur (after `normalizeLine`) in at least two of the given bodies,
 * which must come from ONE outlet: share prompts, notices, section labels.
 */
export function collectRecurringLines(bodies: readonly string[]): Set<string> {
  if (!Array.isArray(bodies)) throw new TypeError("collectRecurringLines: bodies must be an array of strings");
  const seen = new Map<string, number>();
  for (const body of bodies) if (typeof body !== "string") throw new TypeError("collectRecurringLines: every body must be a string");
  // the same text twice (a duplicate ingest) would make every line "recurring"
  for (const body of new Set(bodies)) {
    const mine = new Set<string>();
    for (const l of splitLines(body)) {
      const n = normalizeLine(l.text);
      if (n.length >= 2) mine.add(n);
    }
    for (const n of mine) seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [n, c] of seen) if (c >= 2) out.add(n);
  return out;
}

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
function isProse(text: string): boolean {
  const n = wordCount(text);
  return (n >= 12 && endsLikeSentence(text)) || n >= 25;
}

/** First pass: one draft per line, with the shape-based kind. */
function draftLines(lines: Line[]): Draft[] {
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
function markHead(drafts: Draft[], body: string, title: string | undefined): Draft[] {
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

/** Split an FAQ line into question and answer drafts at "Q:"/"A:" markers or after the first "?". */
function splitFaqLine(d: Draft, body: string): Draft[] {
  const t = body.slice(d.content, d.end);
  const re = /(?:^|\s+[-–—•]\s+|\s+)(Q|A|Question|Answer)\s*[:.)]\s+/g;
  const marks: { at: number; content: number; q: boolean }[] = [];
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const lead = m[0].length - m[0].trimStart().length;
    const markAt = m.index + lead + (/^[-–—•]/.test(m[0].trimStart()) ? m[0].trimStart().search(/[QA]/) : 0);
    marks.push({ at: d.content + markAt, content: d.content + m.index + m[0].length, q: /^Q/.test(m[1]) });
  }
  const parts: Draft[] = [];
  if (marks.length > 0) {
    const firstAt = marks[0].at;
    marks.forEach((mk, i) => {
      let end = i + 1 < marks.length ? marks[i + 1].at : d.end;
      while (end > mk.content && /[\s\-–—•]/.test(body[end - 1])) end--;
      const start = i === 0 ? d.start : mk.at;
      parts.push({ ...d, start, end, content: mk.content, kind: mk.q ? "faq_question" : "faq_answer" });
    });
    if (firstAt > d.content + 1 && parts.length) parts[0].content = d.content;
    return parts;
  }
  const q = /\?["”’]?\s+(?=\S)/.exec(t);
  if (q && t.endsWith("?") === false) {
    const qEnd = d.content + q.index + q[0].trimEnd().length;
    const aStart = d.content + q.index + q[0].length;
    return [
      { ...d, end: qEnd, kind: "faq_question" },
      { ...d, start: aStart, content: aStart, kind: "faq_answer" },
    ];
  }
  return [{ ...d, kind: t.trim().endsWith("?") ? "faq_question" : "faq_answer" }];
}

/** A question line (short, ending in "?", not quoted speech). */
function isQuestionLine(d: Draft | undefined, body: string): boolean {
  if (!d || (d.kind !== "paragraph" && d.kind !== "heading") || d.boilerplate) return false;
  const t = body.slice(d.start, d.end);
  return /\?$/.test(t) && wordCount(t) <= 25 && !/^["“'‘«„–—]/.test(t) && !/[.!?]\s+\p{Lu}.*\?$/u.test(t.slice(0, -1));
}

/** Unlabelled FAQ: at least two question lines each followed by a one-paragraph answer. */
function startsQaRun(drafts: Draft[], i: number, body: string): boolean {
  const answer = (d: Draft | undefined) => !!d && d.kind === "paragraph" && !d.boilerplate && !body.slice(d.start, d.end).endsWith("?");
  return isQuestionLine(drafts[i], body) && answer(drafts[i + 1]) && isQuestionLine(drafts[i + 2], body) && answer(drafts[i + 3]);
}

function hasQaMarker(t: string): boolean {
  return /^(?:[-*•]\s*)?(Q|A|Question|Answer)\s*[:.)]\s+/.test(t);
}

/** FAQ sections: after an FAQ label, or runs of Q:/A: lines; lines are cut into question and answer blocks. */
function markFaq(drafts: Draft[], body: string): { drafts: Draft[]; sections: number[][] } {
  const out: Draft[] = [];
  const sections: number[][] = [];
  let i = 0;
  while (i < drafts.length) {
    const d = drafts[i];
    const t = body.slice(d.start, d.end);
    const labelled = (d.kind === "heading" || d.kind === "headline") && FAQ_WORDS.test(t) && wordCount(t) <= 8;
    const qa = hasQaMarker(t) && /^(?:[-*•]\s*)?(Q|Question)/.test(t);
    if (!labelled && !qa && !startsQaRun(drafts, i, body)) {
      out.push(d);
      i++;
      continue;
    }
    const section: number[] = [];
    if (labelled) {
      section.push(out.length);
      out.push(d);
      i++;
    }
    const marked = i < drafts.length && (drafts[i].kind === "list_item" || hasQaMarker(body.slice(drafts[i].start, drafts[i].end)));
    let sawAnswer = false;
    while (i < drafts.length) {
      const e = drafts[i];
      const et = body.slice(e.start, e.end);
      const ok = marked
        ? e.kind === "list_item" || hasQaMarker(et)
        : (e.kind === "paragraph" || e.kind === "heading") &&
          (et.endsWith("?") ? wordCount(et) <= 30 : e.kind === "paragraph" && sawAnswer === false);
      if (!ok || e.boilerplate) break;
      for (const p of splitFaqLine(e, body)) {
        if (p.kind === "faq_answer") sawAnswer = true;
        if (p.kind === "faq_question") sawAnswer = false;
        section.push(out.length);
        out.push(p);
      }
      i++;
    }
    if (section.length === 0) {
      // nothing consumed (a lone "Q:" line that is chrome): keep it as is and move on
      out.push(drafts[i]);
      i++;
      continue;
    }
    if (section.length >= 2) sections.push(section);
  }
  return { drafts: out, sections };
}

/** Runs of "Term: explanation" lines without list markers behave as a list. */
function markLabelRuns(drafts: Draft[], body: string): void {
  const isTermLine = (d: Draft) => {
    if (d.kind !== "paragraph" && d.kind !== "callout") return false;
    const t = body.slice(d.start, d.end);
    const m = /^(\p{Lu}[^:.!?"“”]{1,60}):\s+\S/u.exec(t);
    return !!m && wordCount(m[1]) <= 6 && !/\b(said|says|told|added|wrote|asked)\b/i.test(m[1]);
  };
  let i = 0;
  while (i < drafts.length) {
    let j = i;
    while (j < drafts.length && isTermLine(drafts[j])) j++;
    if (j - i >= 2) for (let k = i; k < j; k++) {
      drafts[k].kind = "list_item";
      drafts[k].labelEnd = undefined;
    }
    i = Math.max(j, i + 1);
  }
}

/** Page chrome by general signals: head kickers (done in markHead), foot chrome, counters, links, notices, recurring lines. */
function markBoilerplate(drafts: Draft[], body: string, recurring: ReadonlySet<string> | undefined): void {
  const text = (d: Draft) => body.slice(d.start, d.end);
  const prose = drafts.map((d) => d.kind === "paragraph" && isProse(text(d)) && !isTextNotice(text(d)));
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);
  drafts.forEach((d, i) => {
    const t = text(d);
    // A recurring line is chrome when it is short, a notice, or sits at the head or foot; a long
    // paragraph repeated in two articles of one outlet is shared reporting and stays content.
    const recurringChrome =
      recurring && recurring.size > 0 && recurring.has(normalizeLine(t)) && (wordCount(t) <= 15 || isTextNotice(t) || i < firstProse || i > lastProse);
    if (recurringChrome) d.boilerplate = true;
    else if (isCounter(t) || isUrlLike(t) || isLiveNotice(t)) d.boilerplate = true;
    else if (d.kind !== "list_item" && d.kind !== "faq_question" && d.kind !== "faq_answer" && isChromeLead(t)) d.boilerplate = true;
  });
  // Foot: walk back from the end while lines look like chrome (short fragments, prompts, notices, labels with nothing after).
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    const t = text(d);
    const chrome =
      d.boilerplate ||
      (d.kind !== "list_item" && d.kind !== "table_row" && isFragment(t, 6)) ||
      ((d.kind === "heading" || d.kind === "paragraph") && /:$/.test(t) && wordCount(t) <= 6) ||
      (d.kind !== "list_item" && isTextNotice(t)) ||
      d.kind === "byline";
    if (!chrome) break;
    d.boilerplate = true;
  }
  for (const d of drafts) if (d.boilerplate && d.kind === "paragraph") d.kind = "boilerplate";
}

/** Group blocks into structures and attach labels. */
function findStructures(drafts: Draft[], body: string, faqSections: number[][]): StructDraft[] {
  const text = (i: number) => body.slice(drafts[i].start, drafts[i].end);
  const structs: StructDraft[] = [];
  const taken = new Set<number>();
  const labelOf = (i: number): number | null => {
    const p = i - 1;
    if (p < 0 || taken.has(p) || drafts[p].boilerplate) return null;
    const k = drafts[p].kind;
    const t = text(p);
    if (k === "heading" || (k === "paragraph" && t.endsWith(":") && wordCount(t) <= 12)) return p;
    return null;
  };
  const labelText = (p: number | null) => (p === null ? null : body.slice(drafts[p].content, drafts[p].end).replace(/[:?]\s*$/, "").trim() || null);

  for (const sec of faqSections) {
    const first = sec[0];
    const hasLabel = drafts[first].kind === "heading" || drafts[first].kind === "headline";
    structs.push({ kind: "faq", blocks: sec, label: hasLabel ? labelText(first) : null });
    sec.forEach((b) => taken.add(b));
  }

  // Later blocks' normalised text, to recognise a table of contents that repeats the headings.
  const laterText = drafts.map((d) => normalizeLine(body.slice(d.content, d.end)));

  let i = 0;
  while (i < drafts.length) {
    const k = drafts[i].kind;
    if (taken.has(i) || drafts[i].boilerplate || (k !== "list_item" && k !== "table_row")) {
      i++;
      continue;
    }
    let j = i;
    while (j < drafts.length && drafts[j].kind === k && !taken.has(j) && !drafts[j].boilerplate) j++;
    const blocks = Array.from({ length: j - i }, (_, x) => i + x);
    const label = labelOf(i);
    const lt = labelText(label);
    let kind: StructureKind = k === "table_row" ? "table" : "list";
    if (k === "list_item") {
      const items = blocks.map((b) => body.slice(drafts[b].content, drafts[b].end).replace(/^\d{1,3}[.)]\s+/, ""));
      const repeats = items.filter((it) => {
        const n = normalizeLine(it);
        return n.length > 0 && laterText.some((lt2, x) => x >= j && lt2 === n);
      }).length;
      const shortPhrases = items.every((it) => wordCount(it) <= 8 && !endsLikeSentence(it) && !/[:–—]/.test(it));
      if ((lt && TOC_WORDS.test(lt)) || (blocks.length >= 3 && repeats / blocks.length >= 0.5)) kind = "toc";
      else if (lt && KEY_TERMS_WORDS.test(lt) && shortPhrases) kind = "key_terms";
      else if (lt && CALLOUT_WORDS.test(lt) && !/\b(means?|for you)\b/i.test(lt)) kind = "callout";
    }
    const all = label !== null ? [label, ...blocks] : blocks;
    all.forEach((b) => taken.add(b));
    structs.push({ kind, blocks: all, label: lt });
    i = j;
  }

  // Call-outs: inline ("Did You Know? ...") or a label line in call-out words followed by its content.
  for (let b = 0; b < drafts.length; b++) {
    if (taken.has(b) || drafts[b].boilerplate) continue;
    const d = drafts[b];
    if (d.kind === "callout" && d.labelEnd !== undefined) {
      structs.push({ kind: "callout", blocks: [b], label: body.slice(d.start, d.labelEnd).replace(/[:?]$/, "").trim() });
      taken.add(b);
      continue;
    }
    const t = text(b);
    if (d.kind === "heading" && /[:?]$/.test(t) && CALLOUT_WORDS.test(t)) {
      const members = [b];
      let c = b + 1;
      while (c < drafts.length && !taken.has(c) && !drafts[c].boilerplate && drafts[c].kind === "paragraph" && members.length < 4) {
        members.push(c);
        c++;
      }
      if (members.length >= 2) {
        d.kind = "callout";
        members.forEach((m) => taken.add(m));
        structs.push({ kind: "callout", blocks: members, label: labelText(b) });
      }
    }
  }
  structs.sort((a, b) => a.blocks[0] - b.blocks[0]);
  return structs;
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
