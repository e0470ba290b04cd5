/** Page chrome by general signals: counters, links, notices, prompts, recurring lines, head and foot position. */
import { normalizeLine, wordCount } from "./lines";
import { isCallToAction, isChromeLead, isCounter, isFragment, isLinkBar, isLiveNotice, isTextNotice, isUrlLike } from "./shapes";
import { isProse } from "./head";
import type { Draft } from "./draft";

/** Page chrome by general signals: head kickers (done in markHead), foot chrome, counters, links, notices, recurring lines. */
export function markBoilerplate(drafts: Draft[], body: string, recurring: ReadonlySet<string> | undefined): void {
  const text = (d: Draft) => body.slice(d.start, d.end);
  // Recurring lines are not the article's own prose: a recurring paragraph after the last
  // paragraph of its own (a disclosure, a standing notice) sits in the foot.
  const recurs = (t: string) => !!recurring && recurring.size > 0 && recurring.has(normalizeLine(t));
  const prose = drafts.map((d) => d.kind === "paragraph" && isProse(text(d)) && !isTextNotice(text(d)) && !recurs(text(d)));
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);
  // Share of a paragraph's longer words that the article's prose before it also uses.
  // (Every paragraph before counts, chrome or not: an article whose paragraphs all recur elsewhere
  // still has a vocabulary; with too little text before, nothing is judged.)
  const offArticle = (t: string, at: number): boolean => {
    const own = new Set<string>();
    for (let k = 0; k < at; k++) if (drafts[k].kind === "paragraph" || drafts[k].kind === "list_item") for (const w of longWords(text(drafts[k]))) own.add(w);
    const words = [...new Set(longWords(t))];
    return own.size >= ARTICLE_VOCABULARY_MIN && words.length > 0 && words.filter((w) => own.has(w)).length / words.length < ON_ARTICLE_MIN;
  };
  drafts.forEach((d, i) => {
    const t = text(d);
    // A recurring line is chrome when it is short, a notice, or sits at the head or foot; a long
    // paragraph repeated in two articles of one outlet is shared reporting and stays content.
    const recurringChrome =
      recurs(t) && (wordCount(t) <= 15 || isTextNotice(t) || i < firstProse || i > lastProse) && !labelsOwnList(drafts, body, i);
    if (recurringChrome) d.boilerplate = true;
    else if (isCounter(t) || isUrlLike(t) || isLiveNotice(t) || isLinkBar(t)) d.boilerplate = true;
    else if (d.kind !== "list_item" && d.kind !== "faq_question" && d.kind !== "faq_answer" && (isChromeLead(t) || isCallToAction(t))) d.boilerplate = true;
  });
  markLinkLists(drafts, body);
  // A bar of the article's own section titles ("In This Guide: What's Changing | What They Said | FAQ")
  // navigates the page: chrome, not a statement.
  const headings = new Set(drafts.filter((d) => d.kind === "heading").map((d) => normalizeLine(text(d).replace(/^#+\s*/, ""))));
  for (const d of drafts) {
    const t = text(d);
    if (d.boilerplate || !t.includes("|")) continue;
    const items = t.slice(t.lastIndexOf(":") + 1).split("|").map((x) => normalizeLine(x)).filter(Boolean);
    if (items.length >= 3 && items.filter((x) => headings.has(x)).length * 2 >= items.length) d.boilerplate = true;
  }
  // A rule line near the end ("---", "* * *") sets off a footer: the outlet's tagline or author note.
  const rule = drafts.findLastIndex((d) => THEMATIC_BREAK.test(text(d)));
  if (rule >= 0 && rule > lastProse - FOOTER_BLOCKS && drafts.length - 1 - rule <= FOOTER_BLOCKS && drafts.slice(rule + 1).every((d) => d.kind !== "heading" && wordCount(text(d)) <= FOOTER_WORDS)) {
    for (const d of drafts.slice(rule)) d.boilerplate = true;
  }
  // Foot: walk back from the end while lines look like chrome (short fragments, prompts, notices, labels with nothing after).
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    const t = text(d);
    const chrome =
      d.boilerplate ||
      (d.kind !== "list_item" && d.kind !== "table_row" && isFragment(t, 6)) ||
      ((d.kind === "heading" || d.kind === "paragraph") && /:$/.test(t) && wordCount(t) <= 6) ||
      (d.kind !== "list_item" && isTextNotice(t)) ||
      d.kind === "byline" ||
      // Between two chrome lines, a short paragraph in words the article never uses (a disclaimer about
      // the outlet) is chrome too; the article's own last paragraph shares its vocabulary.
      // (Never a paragraph that quotes someone: that is reporting.)
      (d.kind === "paragraph" && i > 0 && !!drafts[i - 1].boilerplate && wordCount(t) <= FOOTER_WORDS && !/["“”«»]/.test(t) && offArticle(t, i));
    if (!chrome) break;
    d.boilerplate = true;
  }
  for (const d of drafts) if (d.boilerplate && d.kind === "paragraph") d.kind = "boilerplate";
}

/** A line that is only a rule: "---", "***", "___", "* * *". */
const THEMATIC_BREAK = /^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
/** Blocks after a closing rule that can still be its footer, and the words each may hold. */
const FOOTER_BLOCKS = 2;
const FOOTER_WORDS = 40;
/** Distinct longer words the article must have before a paragraph for that paragraph to be judged off its vocabulary. */
const ARTICLE_VOCABULARY_MIN = 20;
/** Share of a paragraph's words found in the article's prose, from which it is the article's own. */
const ON_ARTICLE_MIN = 0.3;
/** The same for a prose paragraph under a section heading (comment uses words of its own). */
const ON_SECTION_MIN = 0.2;

/** Lower-cased words of five letters or more (content words, roughly, without a stopword list). */
function longWords(t: string): string[] {
  return (t.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
}

/** A list item shaped like a linked headline: short, no sentence-final punctuation (a headline may ask: "Is a car still worth it?"). */
function isHeadlineItem(t: string): boolean {
  const text = t.replace(/^\s*(?:[-*•·]|\d{1,2}[.)])\s+/, "");
  return wordCount(text) <= 15 && !/[.!…:;]["”’')\]]*$/.test(text);
}

/**
 * True when heading drafts[i] introduces a list or a paragraph in the article's own words: a
 * template's section title ("Key Takeaways", "Final Thoughts", recurring in other stories' generated
 * articles) over this story's content is that section's heading, not page chrome.
 */
function labelsOwnList(drafts: readonly Draft[], body: string, i: number): boolean {
  if (drafts[i].kind !== "heading") return false;
  const next = drafts[i + 1]?.kind;
  // (A section's paragraph of comment, "The hailstorm is a reminder that extreme weather ...", may use
  // fewer of the story's words than a summary does: a lower share, for prose that is no notice.)
  if (next === "paragraph") {
    const t = body.slice(drafts[i + 1].start, drafts[i + 1].end);
    return isProse(t) && !isTextNotice(t) && !isCallToAction(t) && inArticleWords(drafts, body, i + 1, i + 2, ON_SECTION_MIN);
  }
  if (next !== "list_item") return false;
  let j = i + 1;
  while (j < drafts.length && drafts[j].kind === "list_item") j++;
  return inArticleWords(drafts, body, i + 1, j);
}

/**
 * True when most items of the list run drafts[i..j) are in the article's own words: at least
 * ON_ARTICLE_MIN of each one's longer words appear in the article's paragraphs and list items outside the run.
 * (With too small a vocabulary outside the run, nothing is judged: false.)
 */
function inArticleWords(drafts: readonly Draft[], body: string, i: number, j: number, min = ON_ARTICLE_MIN): boolean {
  const own = new Set<string>();
  drafts.forEach((d, k) => {
    if ((k < i || k >= j) && (d.kind === "paragraph" || d.kind === "list_item") && !d.boilerplate) for (const w of longWords(body.slice(d.start, d.end))) own.add(w);
  });
  if (own.size < ARTICLE_VOCABULARY_MIN) return false;
  const on = drafts.slice(i, j).filter((d) => {
    const words = [...new Set(longWords(body.slice(d.start, d.end)))];
    return words.length > 0 && words.filter((w) => own.has(w)).length / words.length >= min;
  });
  return on.length * 2 > j - i;
}

/**
 * A list of linked headlines ("Related coverage") is chrome as a whole once one of its items
 * is, or once a chrome label introduces it: an item recurring in other articles shows what the
 * list is, and its neighbours are the same kind of link even when they name a story that only
 * this article links to.
 */
function markLinkLists(drafts: Draft[], body: string): void {
  for (let i = 0; i < drafts.length; ) {
    if (drafts[i].kind !== "list_item") {
      i++;
      continue;
    }
    let j = i;
    while (j < drafts.length && drafts[j].kind === "list_item") j++;
    const run = drafts.slice(i, j);
    // Or once the line that introduces it is a chrome label ("More from <outlet>", "Related coverage").
    const label = i > 0 && drafts[i - 1].kind !== "list_item" && isChromeLead(body.slice(drafts[i - 1].start, drafts[i - 1].end));
    // Or once chrome borders it on both sides (a share bar above, a sign-up prompt below): the foot's link box.
    const lead = i > 0 && drafts[i - 1].kind !== "list_item" && isFragment(body.slice(drafts[i - 1].start, drafts[i - 1].end), 6) ? i - 2 : i - 1;
    // (Not when its items are in the article's own words: a "Key Takeaways" list between two section
    // headings that recur in other stories' generated articles summarises this story, it links to none.)
    const framed = lead >= 0 && j < drafts.length && !!drafts[lead].boilerplate && !!drafts[j].boilerplate && !inArticleWords(drafts, body, i, j);
    if (run.length >= 2 && (label || framed || run.some((d) => d.boilerplate)) && run.every((d) => isHeadlineItem(body.slice(d.start, d.end)))) {
      for (const d of run) d.boilerplate = true;
    }
    i = j;
  }
}
