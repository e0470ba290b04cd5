/**
 * Turning raw metadata (front matter, JSON fields, HTML meta tags) into the
 * stored fields: outlet label, host, ISO dates.
 */
import type { ArticleMeta, ParsedArticle } from "./types";

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

/**
 * A publication date as ISO 8601: a bare `YYYY-MM-DD` stays a date, anything
 * else Date can read becomes a UTC timestamp; unreadable values become null
 * rather than a wrong date.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString();
}

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = value.replace(/\s+/g, " ").trim();
  return v.length > 0 ? v : null;
}

/**
 * Builds a ParsedArticle from a body, its metadata and a fallback URL (the
 * fetched address). Outlet = metadata, else the host of the canonical or
 * fetched URL, else the file name stem of `source`.
 */
export function buildArticle(
  source: string,
  title: string,
  body: string,
  meta: ArticleMeta,
  fetchedUrl: string | null = null,
): ParsedArticle {
  const url = clean(meta.url);
  const host = hostOf(url) ?? hostOf(fetchedUrl) ?? hostOf(source);
  return {
    source,
    title,
    body,
    outlet: clean(meta.outlet) ?? host ?? fileStem(source),
    host,
    url,
    byline: clean(meta.byline),
    publishedAt: normaliseDate(meta.published),
    language: clean(meta.language),
  };
}
