/**
 * HTML pages → one article: metadata from the head (Open Graph, canonical
 * link, JSON-LD, <time>), main text from Mozilla Readability on a linkedom DOM,
 * written out as blank-line separated paragraphs so later stages see the page's
 * blocks (headings, list items prefixed "- ", table rows) without any markup.
 *
 * Bounded before any DOM exists: a linear tag scan (nesting.ts) unwraps
 * elements nested deeper than MAX_HTML_DEPTH and refuses pages of more than
 * MAX_HTML_ELEMENTS elements; the caller's time budget is checked between stages.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { cleanControls, describeCleaning } from "./controls";
import { parseOffset } from "./dates";
import { MAX_HTML_ATTRIBUTES, MAX_HTML_ATTRIBUTES_PER_PAGE, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, MAX_HTML_TEXT_DEPTH_COST, MIN_HTML_DEPTH, startBudget, type ParseOptions } from "./limits";
import { buildArticle, webUrl } from "./meta";
import { limitHtmlDepth } from "./nesting";
import { normaliseNewlines, shortenTitle } from "./text";
import type { ArticleMeta, ParsedArticle } from "./types";

type El = Element;

const BLOCK_TAGS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "div", "section", "article",
  "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "figure", "figcaption", "header",
  "footer", "aside", "main", "hr", "address", "details", "summary", "caption",
]);
const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "svg", "button", "iframe", "select", "textarea", "input", "form", "nav"]);

/** Collects the text of a DOM subtree as paragraphs (one string per block). */
function collectBlocks(root: Node): string[] {
  const blocks: string[] = [];
  let buffer = "";
  let prefix = "";

  const flush = () => {
    const text = buffer.replace(/[ \t\f\v\u00a0]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{2,}/g, "\n").trim();
    if (text) {
      blocks.push(prefix + text);
      prefix = "";
    }
    buffer = "";
  };

  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? "";
      buffer += pre ? t : t.replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as El;
    const tag = el.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag) || el.getAttribute("hidden") != null || el.getAttribute("aria-hidden") === "true") return;
    if (tag === "br") {
      buffer += "\n";
      return;
    }
    if (tag === "pre") {
      flush();
      const text = normaliseNewlines(el.textContent ?? "").replace(/^\n+|\s+$/g, "");
      if (text.trim()) blocks.push(text);
      return;
    }
    if (tag === "tr") {
      flush();
      const cells = Array.from(el.children)
        .filter((c) => /^(td|th)$/i.test(c.tagName))
        .map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim());
      const row = cells.filter(Boolean).length > 0 ? cells.join(" | ") : "";
      if (row) blocks.push(row);
      return;
    }
    if (!BLOCK_TAGS.has(tag)) {
      for (const child of Array.from(el.childNodes)) walk(child, pre);
      return;
    }
    flush();
    if (tag === "li") prefix = "- ";
    for (const child of Array.from(el.childNodes)) walk(child, pre);
    flush();
    if (tag === "li") prefix = "";
  };

  walk(root, false);
  flush();
  return blocks;
}

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ["property", "name", "itemprop"]) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`);
      const v = el?.getAttribute("content")?.trim();
      if (v) return v;
    }
  }
  return null;
}

/** JSON-LD values looked at for one key: a page's metadata is a few dozen; a hostile block may hold millions. */
const MAX_JSON_LD_VALUES = 10_000;

/** Walks JSON-LD blocks (objects, arrays, @graph) looking for the first value of `key`. */
function jsonLdValue(doc: Document, key: string): unknown {
  const seen: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      seen.push(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still apply.
    }
  }
  // Breadth first through a queue read by index (shift() on a long array is quadratic), visiting a bounded number of values.
  const queue = [...seen];
  const enqueue = (x: unknown) => {
    if (queue.length < MAX_JSON_LD_VALUES) queue.push(x);
  };
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    if (Array.isArray(v)) for (let j = 0; j < v.length && queue.length < MAX_JSON_LD_VALUES; j++) enqueue(v[j]);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o[key] != null) return o[key];
      if (o["@graph"]) enqueue(o["@graph"]);
    }
  }
  return null;
}

function nameOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string") return (v as { name: string }).name;
  return null;
}

/** Drops a " | Site" / " - Site" / " — Site" suffix when it names the site. */
function stripSiteSuffix(title: string, site: string | null): string {
  if (!site) return title;
  const m = /^(.*\S)\s+[|\-–—:·•]\s+(.+)$/.exec(title);
  if (m && m[2].trim().toLowerCase() === site.trim().toLowerCase()) return m[1];
  return title;
}

/** Reads the page metadata. Must run before Readability, which rewrites the document. */
function readMeta(doc: Document): ArticleMeta & { siteName: string | null } {
  // The names a site gives itself, most specific first: Open Graph, the JSON-LD publisher, the web app's name.
  const siteName = metaContent(doc, "og:site_name") ?? nameOf(jsonLdValue(doc, "publisher")) ?? metaContent(doc, "application-name");
  const rawTitle = metaContent(doc, "og:title", "twitter:title") ?? doc.querySelector("title")?.textContent?.trim() ?? null;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute("href")?.trim() || null;
  const timeEl = doc.querySelector("time[datetime]")?.getAttribute("datetime") ?? null;
  const ldDate = jsonLdValue(doc, "datePublished");
  const ldModified = jsonLdValue(doc, "dateModified");
  // The zone a date without one is read in: an offset the page gives on any of its other dates.
  const zoneHints = [
    ...["article:published_time", "datePublished", "article:modified_time", "og:updated_time", "dateModified"].map((k) => metaContent(doc, k)),
    timeEl,
    typeof ldDate === "string" ? ldDate : null,
    typeof ldModified === "string" ? ldModified : null,
    ...Array.from(doc.querySelectorAll("time[datetime]")).slice(0, 20).map((t) => t.getAttribute("datetime")),
  ];
  const zoneOffsetMinutes = zoneHints.map((d) => (d && /\d:\d\d/.test(d) ? parseOffset(d) : null)).find((o) => o != null) ?? null;
  return {
    zoneOffsetMinutes,
    siteName,
    outlet: siteName,
    title: rawTitle ? stripSiteSuffix(rawTitle.replace(/\s+/g, " "), siteName) : null,
    // An http(s) address only: a javascript: or data: canonical link falls back to og:url, then to the host.
    url: webUrl(canonical) ?? webUrl(metaContent(doc, "og:url")) ?? canonical,
    published:
      metaContent(doc, "article:published_time", "datePublished", "pubdate", "date") ??
      timeEl ??
      (typeof ldDate === "string" ? ldDate : null),
    byline: metaContent(doc, "author", "article:author") ?? nameOf(jsonLdValue(doc, "author")),
    language: doc.documentElement?.getAttribute("lang")?.trim() || null,
  };
}

/** Converts an HTML fragment (a feed item's content) to blank-line separated paragraphs; nesting is bounded as for pages. */
export function htmlFragmentToText(html: string): string {
  const bounded = limitHtmlDepth(html, MAX_HTML_DEPTH).html;
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${bounded}</div></body></html>`);
  const root = document.getElementById("root");
  return root ? collectBlocks(root).join("\n\n") : "";
}

const squash = (s: string) => s.replace(/[\s\p{P}]+/gu, " ").trim().toLowerCase();

/** True when one of the first blocks already is the headline (maybe worded a little longer or shorter). */
function headlineInBlocks(title: string, blocks: string[]): boolean {
  const t = squash(title);
  return blocks.slice(0, 3).some((b) => {
    const s = squash(b);
    if (s === t) return true;
    const [short, long] = s.length < t.length ? [s, t] : [t, s];
    return short.length >= 0.6 * long.length && long.includes(short);
  });
}

/** `notes`: repairs made to a page that was still read (deep nesting unwrapped, control characters removed). */
export type HtmlParse = { ok: true; article: ParsedArticle; notes: string[] } | { ok: false; problem: string };

const fmt = (n: number) => n.toLocaleString("en-US");

/** True when the text holds at least one tag, comment or doctype: otherwise a `.html` file is plain text. */
export function looksLikeMarkup(text: string): boolean {
  return /<(?:[a-z][^\s/>]*[\s/>]|!--|!doctype|\/[a-z])/i.test(text);
}

/**
 * Parses one HTML page. `source` is the path or URL as given; `pageUrl` the
 * address it was fetched from (resolves a relative canonical link, gives the
 * host when the page names no site). The headline is the first paragraph of
 * the body unless the text already starts with it, as in a plain-text article.
 */
export function parseHtmlArticle(html: string, source: string, pageUrl: string | null = null, options: ParseOptions = {}): HtmlParse {
  const budget = startBudget(options);
  const notes: string[] = [];
  const page = normaliseNewlines(html);
  let maxDepth = MAX_HTML_DEPTH;
  let scan = limitHtmlDepth(page, maxDepth);
  // Text deep in a tall tree costs extraction its length times its depth times the height:
  // a page over that bound is unwrapped to half the depth until it fits (linear scans each).
  while (scan.textDepth * scan.depth > MAX_HTML_TEXT_DEPTH_COST && maxDepth > MIN_HTML_DEPTH) {
    maxDepth = Math.max(MIN_HTML_DEPTH, maxDepth >> 1);
    scan = limitHtmlDepth(page, maxDepth);
  }
  // The DOM holds what the scan kept: unwrapped start tags are gone.
  const elements = scan.elements - scan.unwrapped;
  if (elements > MAX_HTML_ELEMENTS)
    return { ok: false, problem: `the page holds ${fmt(elements)} elements, over the limit of ${fmt(MAX_HTML_ELEMENTS)} for one article page` };
  if (scan.unwrapped > 0) notes.push(`unwrapped ${fmt(scan.unwrapped)} elements nested deeper than ${maxDepth} levels (their text is kept)`);
  if (scan.strippedAttributes > 0) notes.push(`dropped ${fmt(scan.strippedAttributes)} attributes (over ${MAX_HTML_ATTRIBUTES} on one element or ${fmt(MAX_HTML_ATTRIBUTES_PER_PAGE)} on the page)`);
  budget.check("scanning the page's tags");
  const { document } = parseHTML(scan.html);
  if (!document.documentElement) return { ok: false, problem: "no HTML markup found in the page" };
  budget.check("building the page");
  const meta = readMeta(document as unknown as Document);
  budget.check("reading the page's metadata");
  const parsed = new Readability<Node>(document as unknown as Document, { serializer: (n) => n }).parse();
  budget.check("finding the article text");
  const blocks = parsed?.content ? collectBlocks(parsed.content) : [];
  if (blocks.join(" ").trim().length === 0) return { ok: false, problem: "no article text found in the HTML page" };

  const title = shortenTitle(meta.title || parsed?.title || blocks[0]);
  if (title && !headlineInBlocks(title, blocks)) blocks.unshift(title);
  const cleaned = cleanControls(blocks.join("\n\n"));
  const note = describeCleaning("the text", cleaned);
  if (note) notes.push(note);
  const article = buildArticle(
    source,
    cleanControls(title).text,
    cleaned.text,
    {
      ...meta,
      url: webUrl(meta.url, pageUrl),
      outlet: meta.outlet || parsed?.siteName || null,
      byline: parsed?.byline?.trim() || meta.byline,
      published: meta.published || parsed?.publishedTime || null,
      language: meta.language || parsed?.lang || null,
    },
    pageUrl,
  );
  return { ok: true, article, notes };
}
