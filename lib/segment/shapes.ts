/**
 * Shape tests for single lines: what a heading, a label, a byline, a dateline,
 * a call-out or a piece of page chrome LOOKS like. Every rule is about form
 * (length, punctuation, capitalisation, position words), plus a few small
 * generic vocabularies of web-page words; none is tied to one site.
 */
import { endsLikeSentence, isDashLed, isTableRow, listMarkerLength, wordCount } from "./lines";

/** Call-out labels: boxes that sit beside the story ("Did you know?", "Pro tip:", "Editor's note:"). */
export const CALLOUT_WORDS =
  /\b(did you know|tips?|notes?|editor'?s note|experts?|opinions?|views?|take|takeaways?|key points?|highlights?|facts?|in brief|at a glance|summary|tl;?dr|bottom line|why it matters|what to know|background|insights?|analysis|warning|important|remember|fyi|spotlight|by the numbers|caution|disclaimer|quick look|explainer|what it means|what this means)\b/i;

/** Labels that introduce a list of key terms / tags. */
export const KEY_TERMS_WORDS = /\b(key ?terms|keywords?|key ?phrases|glossary|terms|tags|concepts|vocabulary|definitions|topics|entities)\b/i;

/** Labels that introduce a question-and-answer section. */
export const FAQ_WORDS =
  /\b(faqs?|frequently asked|people also ask|questions? (and|&) answers?|q ?& ?a|common questions|reader questions|your questions|questions answered)\b/i;

/** Labels that introduce a table of contents. */
export const TOC_WORDS = /^(table of contents|contents|in this (article|story|page|guide)|on this page|jump to|sections?|outline)$/i;

/** Lead words of page chrome lines: links, share and subscribe prompts, credits. */
const CHROME_LEAD =
  /^(related( \w+)?|(to )?read (more|also|next|the rest)|also read|see also|more (from|on|stories|news)|source( link)?|via|photo|image|picture|credit|caption|advertisement|sponsored|watch|listen|share( this)?|follow( us)?|subscribe|sign up|click|download|tags?|topics?|filed under|comments?|print|email|recommended|trending|featured|popular|most read|latest|back to top|top stories|continue reading|(story|article) continues|scroll (down )?to continue|skip to|jump to|advert|you (might|may|could|will|'ll|’ll) (also )?(like|enjoy|love)|more like this|don['’]?t miss|further reading|what to read next)\b/i;

export function isMarkdownHeading(text: string): boolean {
  return /^#{1,6}\s+\S/.test(text);
}

/** "Key Terms:", "What This Means for You:", "Did You Know?" alone on a line. */
export function isLabelLine(text: string): boolean {
  if (!/[:?]$/.test(text)) return false;
  if (listMarkerLength(text) > 0 || isTableRow(text)) return false;
  const inner = text.slice(0, -1);
  if (/[.!?;]\s/.test(inner) || /["“”«»]/.test(inner)) return false;
  const n = wordCount(inner);
  if (n < 1 || n > 7 || inner.length > 70) return false;
  if (text.endsWith("?")) return isTitleCase(inner) && n <= 5;
  return /^[\p{Lu}\p{N}]/u.test(inner);
}

/** Most significant words start upper-case ("Did You Know", "Key Terms", "ORIGINAL SOURCE"). */
export function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  const small = /^(a|an|the|of|for|to|in|on|and|or|at|by|with|you|your|this|that|is|it)$/i;
  let big = 0;
  let sig = 0;
  for (const w of words) {
    if (small.test(w)) continue;
    sig++;
    if (/^[\p{Lu}\p{N}]/u.test(w.replace(/^[^\p{L}\p{N}]+/u, ""))) big++;
  }
  return /^[^\p{L}]*\p{Lu}/u.test(words[0]) && (sig === 0 || big / sig >= 0.6);
}

/**
 * An inline call-out: "Did You Know? NATO's ...", "Pro Tip: Stay informed ...".
 * Returns the length of the label (through the ':' or '?') or 0.
 */
export function inlineCalloutLabel(text: string): number {
  const m = /^([\p{Lu}][^:?.!"“”]{1,40}?)([:?])\s+(?=\S)/u.exec(text);
  if (!m) return 0;
  const label = m[1];
  const n = wordCount(label);
  if (n < 1 || n > 5 || !isTitleCase(label)) return 0;
  const rest = text.slice(m[0].length);
  if (wordCount(rest) < 4) return 0;
  // Shape: a '?'-label ("Did You Know?") or a call-out word; a plain "Name: text" is speech, not a call-out.
  if (m[2] === "?" && n >= 2) return m[1].length + 1;
  if (CALLOUT_WORDS.test(label)) return m[1].length + 1;
  return 0;
}

/** A short line without sentence punctuation: a heading or sub-heading. */
export function isHeadingShaped(text: string): boolean {
  if (isMarkdownHeading(text)) return true;
  if (listMarkerLength(text) > 0 || isTableRow(text) || isDashLed(text)) return false;
  if (!/^[^\p{L}\p{N}]{0,2}[\p{Lu}\p{N}]/u.test(text)) return false;
  if (/[.!;,…]["”’)]*$/.test(text)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(text)) return false; // two sentences
  const n = wordCount(text);
  if (text.endsWith("?")) return false;
  if (text.endsWith(":")) return isLabelLine(text);
  return n >= 1 && n <= 16 && text.length <= 130;
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const DATE = new RegExp(
  `\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH}\\b|\\b\\d{1,2}:\\d{2}\\b`,
  "i",
);

export function hasDate(text: string): boolean {
  return DATE.test(text);
}

/** "By Jane Doe", "Jane Doe | 17.08.2025 - Update : 17.08.2025", "Updated: Aug 17, 2025". */
export function isBylineShaped(text: string): boolean {
  const n = wordCount(text);
  if (n > 18) return false;
  if (/^by\s+\p{Lu}/iu.test(text) && n <= 12 && !/[.!?]$/.test(text)) return true;
  if (/^(updated|published|posted|last (updated|modified))\b/i.test(text) && n <= 12) return true;
  if (/\b\d+\s+(min|mins|minutes?|hours?|hrs?|days?)\s+ago\b/i.test(text) && n <= 10) return true;
  if (!hasDate(text)) return false;
  return /\|/.test(text) || /\b(updated?|published|posted|last modified)\b/i.test(text) || n <= 6;
}

/** "ISTANBUL", "NEW YORK", "WASHINGTON (AP)" alone on a line. */
export function isDatelineLine(text: string): boolean {
  if (/\p{Ll}/u.test(text.replace(/\([^)]*\)/g, ""))) return false;
  if (!/^\p{Lu}[\p{Lu}\p{M}\s.,'’-]{1,40}(\s*\([^)]{1,30}\))?\s*[—–-]?$/u.test(text)) return false;
  const n = wordCount(text);
  return n >= 1 && n <= 5 && /\p{Lu}{2}/u.test(text);
}

/**
 * A dateline opening a paragraph: "WASHINGTON (AP) — ...", and for the first
 * paragraph also a title-case place: "Washington – A ...". Returns the prefix
 * length (through the dash and following space) or 0.
 */
export function datelinePrefix(text: string, allowTitleCase: boolean): number {
  const caps = /^(\p{Lu}[\p{Lu}\p{M}.'’-]+(?:[ ,]+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,3})(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s+(?=\S)/u.exec(text);
  if (caps && /\p{Lu}{2}/u.test(caps[1])) return caps[0].length;
  if (!allowTitleCase) return 0;
  const tc = /^(\p{Lu}\p{Ll}+(?:[ ,]+\p{Lu}\p{Ll}+){0,2})(?:\s*\([^)]{1,30}\))?\s+[—–]\s+(?=\p{Lu})/u.exec(text);
  return tc ? tc[0].length : 0;
}

/** "1 of 82", "Page 2", "2/5", "Page 2 of 9". */
export function isCounter(text: string): boolean {
  return /^(\d+\s*(of|\/|von|de|sur|av|из)\s*\d+|(page|p\.|seite|side|página|pagina|sayfa)\s*\d+(\s*(of|\/)\s*\d+)?)$/i.test(text.trim());
}

export function isUrlLike(text: string): boolean {
  if (/^(https?:\/\/|www\.)\S+$/i.test(text)) return true;
  const urls = text.match(/(https?:\/\/|www\.)\S+/gi) ?? [];
  const urlChars = urls.reduce((a, u) => a + u.length, 0);
  return urlChars > 0 && urlChars / text.length > 0.5;
}

/**
 * A short line that ends in a bar of links ("Enjoyed this? Share it: Facebook | X | Email",
 * "Home | News | Sport | Weather"): three or more items of at most three words between bars.
 */
export function isLinkBar(text: string): boolean {
  if (wordCount(text) > 20) return false;
  const tail = text.slice(Math.max(text.lastIndexOf(":"), text.lastIndexOf("?"), text.lastIndexOf("!")) + 1);
  const items = tail.split("|").map((x) => x.trim());
  return items.length >= 3 && items.every((x) => x.length > 0 && wordCount(x) <= 3 && !/[.!?]$/.test(x));
}

/** Link-like chrome: "Related Posts", "Source link", "Read more: ...", "Share this". */
export function isChromeLead(text: string): boolean {
  const n = wordCount(text);
  if (n > 8 && !(n <= 14 && isCreditLine(text))) return false;
  if (isCreditLine(text)) return true;
  // "More briefs", "More headlines:": a label of two words, the second a plural, introduces more of the site.
  if (/^more \p{L}{3,}s:?$/iu.test(text.trim())) return true;
  if (!CHROME_LEAD.test(text)) return false;
  // "Related: Some story title." may end with a stop; a real sentence starting "Share prices fell ..." is longer.
  return !endsLikeSentence(text) || n <= 6 || /^[^:]{1,20}:/.test(text);
}

/** Photo and image credits: "(AP Photo/Evan Vucci)", "Photo: Reuters", "Image credit: Getty Images". */
export function isCreditLine(text: string): boolean {
  return wordCount(text) <= 14 && (/^\(.*\b(photos?|image|credit|file|video)\b.*\)$/i.test(text) || /^(photo|image|picture|video)s?( credit)?\s*[:/|]/i.test(text));
}

/** Live-update notices: "The case is being updated", "This is a developing story". */
export function isLiveNotice(text: string): boolean {
  if (wordCount(text) > 14) return false;
  return /\b(being updated|will be updated|is updating|developing (story|news|situation)|this is a developing|updates? (to follow|will follow)|more (details )?to (come|follow)|breaking news|live updates?|this story (will|may) be updated|check back)\b/i.test(text);
}

/** Notices about the text itself: copyright, syndication, corrections, credits. Any length up to a paragraph. */
const STRONG_NOTICE =
  /(\bcopyright\b|©|all rights reserved|privacy policy|terms of (use|service)|originally (published|appeared)|\breprint|\brepublish|this (story|article|report) (was|has been|is) (updated|corrected|produced|published)|^\(?(reporting|writing|editing|additional reporting|compiled) by\b|contributed (to )?(this|the) (report|story|article)|\bmay not be (published|reproduced|redistributed)|contact us|\bsign up\b|\bfollow us\b|\bdownload (our|the) app\b)/i;
/** Words that make a line chrome only when the line is short or speaks to the reader ("Visit our website"). */
const WEAK_NOTICE = /(\bweb ?site\b|\bsubscri|\bnewsletter|\bcookies?\b|\badvertis|\bpermission\b)/i;

/**
 * Notices about the text or the site: subscription, copyright, syndication, corrections. A paragraph
 * of reporting that merely mentions a website or advertising is not one: the weak words count only
 * in a short line or one addressed to the reader.
 */
export function isTextNotice(text: string): boolean {
  const n = wordCount(text);
  if (n > 90) return false;
  if (STRONG_NOTICE.test(text)) return true;
  return WEAK_NOTICE.test(text) && (n <= 12 || (n <= 40 && addressesReader(text)));
}

/** True when a line speaks to the reader: second person, or an imperative first word followed by "us"/"our"/"you". */
export function addressesReader(text: string): boolean {
  return /\b(you|your|yours|you're|you'll|please)\b/i.test(text) || /^\W*\p{L}+\b[^.!?]*\b(us|our)\b/iu.test(text) && /^\W*(\p{Ll}|\p{Lu}\p{Ll}*)\b/u.test(text) && !/^\W*(the|a|an|this|that|we|it|he|she|they|i)\b/i.test(text);
}

/** Verbs a call to action opens with (general web vocabulary, imperative). */
const CTA_VERB = /^\W*(share|download|subscribe|join|become|follow|sign|click|tap|tell|let|get|support|donate|comment|like|install|register|visit|check out|read|watch|listen|send|leave|email|contact|give|pass|forward|spread)\b/i;

/** True when a line opens with a verb a call to action opens with ("Get ...", "Subscribe ..."). */
export function opensWithCallVerb(text: string): boolean {
  return CTA_VERB.test(text);
}

/**
 * A call to action addressed to the reader ("Share your thoughts in the comments", "Download our app",
 * "Become a member today!"): an imperative opening and the reader or the site as its object. Chrome,
 * not a statement about the story.
 */
export function isCallToAction(raw: string): boolean {
  // A short question may lead into it ("Found this useful? Pass it along to a friend.").
  const text = raw.replace(/^[^.!?"“”]{1,40}\?\s+(?=\p{Lu})/u, "");
  const n = wordCount(text);
  // Quoted speech ("Tell us what you need," she said) is reporting, not the site speaking.
  if (n > 30 || !CTA_VERB.test(text) || /["“”«»„]/.test(text)) return false;
  return /\b(you|your|us|our|today|now|here|below|comments?|app|member(ship)?|newsletter|inbox|friends?)\b/i.test(text) || /!\s*$/.test(text);
}

/** A short line with no sentence shape: no final punctuation and at most `max` words. */
export function isFragment(text: string, max = 6): boolean {
  return wordCount(text) <= max && !endsLikeSentence(text);
}
