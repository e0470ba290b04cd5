/**
 * RSS 2.0 / RSS 1.0 / Atom feeds → the items' links and inline content. The
 * caller fetches each link as an article page; the inline content is the
 * fallback when the page cannot be had.
 */
import { XMLParser } from "fast-xml-parser";
import { htmlFragmentToText } from "./html";
import { buildArticle } from "./meta";
import { deriveTitle, shortenTitle } from "./text";
import type { ParsedArticle } from "./types";

export interface FeedItem {
  /** Absolute http(s) URL of the item's page, or null when the item has none (or one that is not http/https). */
  link: string | null;
  /** Why the item's link was dropped (a `javascript:` or `file:` address, say), or null. */
  linkProblem?: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  /** The item's own text (content:encoded, content, description or summary), as paragraphs. */
  content: string;
}

export interface Feed {
  kind: "rss" | "atom";
  title: string | null;
  items: FeedItem[];
}

function arr<T>(v: T | T[] | undefined | null): T[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

/** Text of a parsed XML value: a string, a number, or an element with `#text`. */
function txt(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return txt(v[0]);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o["#text"] != null) return txt(o["#text"]);
    if (o.name != null) return txt(o.name); // Atom <author><name>
  }
  return null;
}

/** The schemes an item link may have: anything else (javascript:, data:, file:) is never fetched or stored. */
const FETCHABLE_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:"]);

/** An item link made absolute against the feed's URL, or why it is unusable. */
function resolveLink(link: string | null, base: string | null): { link: string | null; linkProblem: string | null } {
  if (!link) return { link: null, linkProblem: null };
  let url: URL;
  try {
    url = new URL(link, base ?? undefined);
  } catch {
    return { link: null, linkProblem: "item link is not a valid URL" };
  }
  if (!FETCHABLE_PROTOCOLS.has(url.protocol)) return { link: null, linkProblem: `item link is a ${url.protocol} address (only http and https are fetched)` };
  return { link: url.href, linkProblem: null };
}

/** The first non-empty candidate (full-content fields come before summaries), as text. */
function bestContent(...values: unknown[]): string {
  for (const v of values) {
    const s = txt(v);
    if (!s) continue;
    const t = htmlFragmentToText(s);
    if (t) return t;
  }
  return "";
}

/** True when the text looks like a feed (an <rss>, <rdf:RDF> or <feed> root). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, "").trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head);
}

/** Parses a feed; null when the XML is not RSS or Atom. `baseUrl` resolves relative item links. */
export function parseFeed(xml: string, baseUrl: string | null = null): Feed | null {
  let doc: Record<string, any>;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      processEntities: true,
      htmlEntities: true,
      parseTagValue: false,
      trimValues: true,
    }).parse(xml);
  } catch {
    return null;
  }
  if (doc.rss?.channel || doc["rdf:RDF"]) {
    const channel = doc.rss?.channel ?? doc["rdf:RDF"].channel ?? {};
    const items = arr(doc.rss ? channel.item : doc["rdf:RDF"].item);
    return {
      kind: "rss",
      title: txt(channel.title),
      items: items.map((it: Record<string, unknown>) => ({
        ...resolveLink(txt(it.link) ?? (isPermalink(it.guid) ? txt(it.guid) : null), baseUrl),
        title: txt(it.title),
        published: txt(it.pubDate) ?? txt(it["dc:date"]),
        author: txt(it["dc:creator"]) ?? txt(it.author),
        content: bestContent(it["content:encoded"], it.description),
      })),
    };
  }
  if (doc.feed) {
    const feed = doc.feed;
    return {
      kind: "atom",
      title: txt(feed.title),
      items: arr(feed.entry).map((e: Record<string, unknown>) => {
        const links = arr(e.link as Record<string, unknown> | Record<string, unknown>[]);
        const alt =
          links.find((l) => typeof l === "object" && (l["@_rel"] == null || l["@_rel"] === "alternate")) ?? links[0];
        const href = alt && typeof alt === "object" ? (alt["@_href"] as string | undefined) ?? null : txt(alt);
        return {
          ...resolveLink(href, baseUrl),
          title: txt(e.title),
          published: txt(e.published) ?? txt(e.updated),
          author: txt(e.author),
          content: bestContent(e.content, e.summary),
        };
      }),
    };
  }
  return null;
}

function isPermalink(guid: unknown): boolean {
  if (guid == null) return false;
  if (typeof guid === "object" && (guid as Record<string, unknown>)["@_isPermaLink"] === "false") return false;
  return /^https?:\/\//i.test(txt(guid) ?? "");
}

/** Below this many characters an item's inline content is a teaser, not an article. */
export const MIN_FEED_CONTENT_CHARS = 300;

/**
 * The article an item carries inline, used when its page cannot be fetched;
 * null when the inline text is too short to stand for the article.
 */
export function feedItemArticle(item: FeedItem, source: string): ParsedArticle | null {
  const content = item.content.trim();
  if (content.length < MIN_FEED_CONTENT_CHARS) return null;
  const title = item.title ? shortenTitle(item.title) : deriveTitle(content);
  const body = item.title && !content.startsWith(item.title) ? `${title}\n\n${content}` : content;
  return buildArticle(source, title, body, { url: item.link, published: item.published, byline: item.author });
}
