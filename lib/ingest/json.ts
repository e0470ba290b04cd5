/**
 * JSON (an object or an array of objects) and JSON Lines records → articles,
 * accepting the field names common exporters use. A bad record is its own
 * problem; the good records around it still come through.
 */
import { buildArticle } from "./meta";
import { deriveTitle, normaliseNewlines, shortenTitle } from "./text";
import type { ArticleMeta, ParseOutcome, ParsedArticle } from "./types";

type Rec = Record<string, unknown>;

function pick(rec: Rec, keys: string[]): unknown {
  for (const k of keys) if (rec[k] != null && rec[k] !== "") return rec[k];
  return null;
}

/** A string, or the `name` of an object (`{"publisher": {"name": "..."}}`), or the first of an array. */
function asName(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(asName).filter(Boolean).join(", ") || null;
  if (v && typeof v === "object") {
    const o = v as Rec;
    return typeof o.name === "string" ? o.name : typeof o.title === "string" ? o.title : null;
  }
  return null;
}

/** Body text: a string, or an array of paragraph strings joined by blank lines. */
function asBody(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((p) => typeof p === "string")) return (v as string[]).join("\n\n");
  return null;
}

function describe(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** One record → an article, or a problem message (without the location prefix). */
export function recordToArticle(rec: unknown, source: string): ParsedArticle | string {
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) return `expected an object, got ${describe(rec)}`;
  const r = rec as Rec;
  const rawBody = asBody(pick(r, ["body", "text", "content", "article", "articleBody"]));
  if (rawBody == null) return "no body text (expected a body, text, content or article field)";
  const body = normaliseNewlines(rawBody);
  if (body.trim() === "") return "empty body text";
  const meta: ArticleMeta = {
    title: asName(pick(r, ["title", "headline"])),
    outlet: asName(pick(r, ["outlet", "source", "site", "publisher", "site_name", "siteName"])),
    url: asName(pick(r, ["url", "link", "canonical_url", "canonicalUrl"])),
    published: asName(pick(r, ["published", "date", "published_at", "publishedAt", "datePublished", "pubDate"])),
    byline: asName(pick(r, ["byline", "author", "authors"])),
    language: asName(pick(r, ["language", "lang"])),
  };
  const title = meta.title ? shortenTitle(normaliseNewlines(meta.title)) : deriveTitle(body);
  return buildArticle(source, title, body, meta);
}

/** Parses a `.json` file: one object (source = `name`) or an array of objects (source = `name#N`, N from 1). */
export function parseJsonFile(text: string, name: string): ParseOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { articles: [], problems: [{ source: name, message: `${name}: malformed JSON (${(err as Error).message})` }] };
  }
  const out: ParseOutcome = { articles: [], problems: [] };
  if (Array.isArray(data)) {
    if (data.length === 0) out.problems.push({ source: name, message: `${name}: empty JSON array, no articles` });
    data.forEach((rec, i) => {
      const source = `${name}#${i + 1}`;
      const res = recordToArticle(rec, source);
      if (typeof res === "string") out.problems.push({ source, message: `${name}[${i + 1}]: ${res}` });
      else out.articles.push(res);
    });
    return out;
  }
  const res = recordToArticle(data, name);
  if (typeof res === "string") out.problems.push({ source: name, message: `${name}: ${res}` });
  else out.articles.push(res);
  return out;
}

/** Parses a `.jsonl` file: one object a line (source = `name#LINE`); blank lines are skipped. */
export function parseJsonLines(text: string, name: string): ParseOutcome {
  const out: ParseOutcome = { articles: [], problems: [] };
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const source = `${name}#${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      out.problems.push({ source, message: `${name}:${i + 1}: malformed JSON (${(err as Error).message})` });
      return;
    }
    const res = recordToArticle(rec, source);
    if (typeof res === "string") out.problems.push({ source, message: `${name}:${i + 1}: ${res}` });
    else out.articles.push(res);
  });
  return out;
}
