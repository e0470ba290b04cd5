/** FAQ sections: labelled ("Frequently Asked Questions", "People Also Ask"), Q:/A: lines, or question/answer runs. */
import { wordCount } from "./lines";
import { FAQ_WORDS } from "./shapes";
import type { Draft } from "./draft";

/** A line without the emphasis around it ("**Why did it close?**" is a question line). */
function unemphasised(t: string): string {
  return t.trim().replace(/^[*_]+(?=\S)|(?<=\S)[*_]+$/g, "");
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
  return [{ ...d, kind: unemphasised(t).endsWith("?") ? "faq_question" : "faq_answer" }];
}

/** A question line (short, ending in "?", not quoted speech). */
function isQuestionLine(d: Draft | undefined, body: string): boolean {
  if (!d || (d.kind !== "paragraph" && d.kind !== "heading") || d.boilerplate) return false;
  const t = unemphasised(body.slice(d.start, d.end));
  return /\?$/.test(t) && wordCount(t) <= 25 && !/^["“'‘«„–—]/.test(t) && !/[.!?]\s+\p{Lu}.*\?$/u.test(t.slice(0, -1));
}

/** Unlabelled FAQ: at least two question lines each followed by a one-paragraph answer. */
function startsQaRun(drafts: Draft[], i: number, body: string): boolean {
  const answer = (d: Draft | undefined) => !!d && d.kind === "paragraph" && !d.boilerplate && !unemphasised(body.slice(d.start, d.end)).endsWith("?");
  return isQuestionLine(drafts[i], body) && answer(drafts[i + 1]) && isQuestionLine(drafts[i + 2], body) && answer(drafts[i + 3]);
}

function hasQaMarker(t: string): boolean {
  return /^(?:[-*•]\s*)?(Q|A|Question|Answer)\s*[:.)]\s+/.test(t);
}

/** FAQ sections: after an FAQ label, or runs of Q:/A: lines; lines are cut into question and answer blocks. */
export function markFaq(drafts: Draft[], body: string): { drafts: Draft[]; sections: number[][] } {
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
      const et = unemphasised(body.slice(e.start, e.end));
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
