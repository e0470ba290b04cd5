/**
 * Turning raw metadata (front matter, JSON fields, HTML meta tags) into the
 * stored fields: outlet label, host, ISO dates.
 */
import { normaliseDate } from "./dates";
import type { ArticleMeta, ParsedArticle } from "./types";

/** The only schemes an article or canonical URL from metadata may have; `javascript:`, `data:`, `file:` and the rest are dropped. */
const WEB_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:"]);

/** `url` when it is an absolute http(s) URL (resolved against `base` when given), else null. */
export function webUrl(url: string | null | undefined, base: string | null = null): string | null {
  const v = url?.trim();
  if (!v) return null;
  try {
    const u = base ? new URL(v, base) : new URL(v);
    return WEB_PROTOCOLS.has(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Host name of a URL without a leading `www.`; null when it is not an http(s) URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.hostname.replace(/^www\./i, "").toLowerCase() || null;
  } catch {
    return null;
  }
}

/** File name without folders and without its last extension (`a/b/000_x.txt` → `000_x`). */
export function fileStem(source: string): string {
  const base = source.replace(/[#?].*$/, "").split(/[\\/]/).filter(Boolean).pop() ?? source;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = value.replace(/\s+/g, " ").trim();
  return v.length > 0 ? v : null;
}

/**
 * Builds a ParsedArticle from a body, its metadata and a fallback URL (the
 * fetched address). Outlet = metadata, else the host of the canonical or
 * fetched URL, else the file name stem of `source`. A metadata URL that is not
 * http(s) is dropped; a date without a zone is read in `meta.zoneOffsetMinutes` (default UTC).
 */
export function buildArticle(
  source: string,
  title: string,
  body: string,
  meta: ArticleMeta,
  fetchedUrl: string | null = null,
): ParsedArticle {
  // A metadata URL is kept as written when it is http(s); any other scheme is dropped (the host then falls back).
  const url = webUrl(meta.url) ? clean(meta.url) : null;
  const host = hostOf(url) ?? hostOf(fetchedUrl) ?? hostOf(source);
  const named = clean(meta.outlet);
  return {
    source,
    title,
    body,
    outlet: named ?? host ?? fileStem(source),
    outletOrigin: named ? "metadata" : host ? "host" : "file",
    host,
    url,
    byline: clean(meta.byline),
    publishedAt: normaliseDate(meta.published, meta.zoneOffsetMinutes ?? 0),
    language: clean(meta.language),
  };
}
