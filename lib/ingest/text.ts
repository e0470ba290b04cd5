/**
 * Plain text and Markdown articles: optional `---` front matter, then the body
 * stored exactly. Also the shared helpers that derive a title from a body.
 */
import type { ArticleMeta } from "./types";

/** The only normalisation a stored body gets: no BOM, \n line ends. Done before hashing and before any offset exists. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
}

const FRONT_MATTER_KEYS = new Set(["title", "outlet", "url", "published", "byline", "language"]);
/** Other names exporters give the outlet key; `outlet` itself wins when both are present. */
const OUTLET_KEY_ALIASES = new Set(["publisher", "site_name", "site"]);

/**
 * Splits an optional front matter block (`---` line, `key: value` lines, `---`
 * or `...` line) off the start of `text`. Unknown keys are ignored; without a
 * closing line the text has no front matter.
 */
export function splitFrontMatter(text: string): { meta: ArticleMeta; body: string } {
  const m = /^---[ \t]*\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(m[0].length);
  const end = close.exec(rest);
  if (!end) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of rest.slice(0, end.index).split("\n")) {
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!kv) continue;
    const raw = kv[1].toLowerCase();
    const key = OUTLET_KEY_ALIASES.has(raw) ? "outlet" : raw;
    if (!FRONT_MATTER_KEYS.has(key)) continue;
    if (key === "outlet" && raw !== "outlet" && meta.outlet) continue;
    let value = kv[2];
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
      if (kv[2][0] === '"') value = value.replace(/\\"/g, '"').replace(/\\\\/g, "\\");
    }
    if (value) meta[key] = value;
  }
  let body = rest.slice(end.index + end[0].length);
  // Blank lines between the closing marker and the text are layout, not content.
  body = body.replace(/^(?:[ \t]*\n)+/, "");
  return { meta, body };
}

/** Longest title kept; longer first lines are cut at a sentence end or a word. */
const MAX_TITLE = 250;
/** How much of a line (and of six lines) the title is looked for in; generous next to MAX_TITLE. */
const TITLE_SCAN_CHARS = 8 * MAX_TITLE;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/**
 * True for a short leading line that is page chrome rather than a headline:
 * one or two words ("Featured", "Summary:"), or up to four words that read as
 * a section path ("Americas, Russia-Ukraine War", "World | Europe") or shout
 * in capitals ("BREAKING NEWS").
 */
function isLabelLine(line: string): boolean {
  const words = wordCount(line);
  if (words === 0 || line.length > 40) return false;
  if (/[.!?"”’']$/.test(line)) return false;
  if (words <= 2) return true;
  if (words > 4) return false;
  if (/[,|/›»>:]/.test(line)) return true;
  return line === line.toUpperCase() && /\p{Lu}/u.test(line);
}

/** Words whose trailing period does not end a sentence ("Mr. Witkoff", "U.S. envoy"). */
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Prof|Jr|Sr|No|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)$/;

/** End of the first sentence of `t` that is at least `min` characters long, or -1. */
function firstSentenceEnd(t: string, min: number): number {
  const re = /[.!?](?=\s+["“‘'(]?\p{Lu})/gu;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index + 1 < min) continue;
    if (m[0] === "." && ABBREVIATION.test(t.slice(0, m.index))) continue;
    return m.index + 1;
  }
  return -1;
}

/**
 * Turns a first line into a title. A line that runs on into a second sentence
 * (a standfirst or lede rather than a headline) keeps its first sentence; a
 * still over-long one is cut at a word boundary.
 */
export function shortenTitle(line: string): string {
  // Only the start can become the title: a 5 MB single-line file must not be scanned whole.
  const t = line.slice(0, TITLE_SCAN_CHARS).replace(/\s+/g, " ").trim();
  if (t.length <= 100) return t;
  const end = firstSentenceEnd(t, 40);
  const first = end > 0 ? t.slice(0, end) : t;
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(" ");
  return (space > 80 ? cut.slice(0, space) : cut) + "…";
}

/**
 * Title from a body: the first non-empty line, skipping up to three leading
 * label lines (section names, "Featured") when a longer line follows them.
 * The line is not removed from the body, so offsets keep pointing into the full text.
 */
export function deriveTitle(body: string): string {
  const lines = body
    .slice(0, TITLE_SCAN_CHARS * 6)
    .split("\n")
    .map((l) => l.replace(/^#+\s*/, "").trim())
    .filter((l) => l.length > 0)
    .slice(0, 6);
  if (lines.length === 0) return "";
  let j = 0;
  while (j < 3 && j < lines.length && isLabelLine(lines[j])) j++;
  // Only skip labels when a real headline-length line follows them; a lone short line is the title.
  const i = j > 0 && j < lines.length && wordCount(lines[j]) >= 5 ? j : 0;
  return shortenTitle(lines[i]);
}
