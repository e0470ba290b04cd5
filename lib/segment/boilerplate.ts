/** Page chrome by general signals: counters, links, notices, prompts, recurring lines, head and foot position. */
import { normalizeLine, wordCount } from "./lines";
import { isChromeLead, isCounter, isFragment, isLiveNotice, isTextNotice, isUrlLike } from "./shapes";
import { isProse } from "./head";
import type { Draft } from "./draft";

/** Page chrome by general signals: head kickers (done in markHead), foot chrome, counters, links, notices, recurring lines. */
export function markBoilerplate(drafts: Draft[], body: string, recurring: ReadonlySet<string> | undefined): void {
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
