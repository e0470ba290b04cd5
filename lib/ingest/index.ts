/**
 * Ingest parsers, pure: bytes (or text) plus the name they came under → the
 * articles they hold and one problem per bad record. db/sources.ts does the
 * reading and fetching, db/ingest.ts the storing.
 */
import { cleanControls, describeCleaning } from "./controls";
import { decodeBytes } from "./decode";
import { looksLikeFeed } from "./feed";
import { looksLikeMarkup, parseHtmlArticle } from "./html";
import { parseJsonFile, parseJsonLines } from "./json";
import { BudgetExceeded, startBudget, type ParseOptions } from "./limits";
import { buildArticle } from "./meta";
import { deriveTitle, normaliseNewlines, shortenTitle, splitFrontMatter } from "./text";
import type { ParseOutcome } from "./types";

export * from "./types";
export { decodeBytes, looksBinary, charsetFromContentType } from "./decode";
export { parseFeed, looksLikeFeed, feedItemArticle, type Feed, type FeedItem } from "./feed";
export { parseHtmlArticle, htmlFragmentToText, looksLikeMarkup } from "./html";
export { parseJsonFile, parseJsonLines } from "./json";
export { hashArticle } from "./hash";
export { hostOf, fileStem, webUrl } from "./meta";
export { canonicalKey } from "./canonical";
export { normaliseDate, parseOffset } from "./dates";
export { judgeText } from "./plausible";
export { limitHtmlDepth } from "./nesting";
export { cleanControls } from "./controls";
export * from "./limits";
export { deriveTitle, splitFrontMatter, normaliseNewlines } from "./text";

/** What a document is parsed as. */
export type DocumentKind = "text" | "html" | "json" | "jsonl" | "feed";

/** File extensions ingest reads, and what each is parsed as. */
export const EXTENSION_KINDS: Readonly<Record<string, DocumentKind>> = {
  ".txt": "text",
  ".md": "text",
  ".html": "html",
  ".htm": "html",
  ".json": "json",
  ".jsonl": "jsonl",
};

/** Lower-case extension with its dot (`".txt"`), or "" when the name has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** The kind for a file name, or a problem message for an extension ingest does not read. */
export function kindForFile(name: string): { kind: DocumentKind } | { problem: string } {
  const ext = extensionOf(name);
  const kind = EXTENSION_KINDS[ext];
  if (kind) return { kind };
  const expected = Object.keys(EXTENSION_KINDS).join(" ");
  return { problem: ext ? `unsupported file type ${ext} (expected ${expected})` : `unsupported file type, no extension (expected ${expected})` };
}

/**
 * The kind of a fetched document, from its Content-Type and, when that is
 * vague or missing, from the text itself.
 */
export function sniffKind(contentType: string | null, text: string): DocumentKind {
  const ct = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (/(rss|atom)\+xml$/.test(ct)) return "feed";
  if (ct === "text/html" || ct === "application/xhtml+xml") return looksLikeFeed(text) ? "feed" : "html";
  if (ct === "application/json" || ct.endsWith("+json")) return "json";
  if (ct === "application/x-ndjson" || ct === "application/jsonl") return "jsonl";
  if (looksLikeFeed(text)) return "feed";
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /<(head|body)[\s>]/.test(head)) return "html";
  if (ct.endsWith("xml")) return "html";
  if (head.startsWith("{") || head.startsWith("[")) return "json";
  return "text";
}

/** A plain-text / Markdown article: optional front matter, then the body exactly (control characters removed, with a note). */
export function parseTextArticle(text: string, name: string): ParseOutcome {
  const { meta, body: raw } = splitFrontMatter(normaliseNewlines(text));
  if (raw.trim() === "") return { articles: [], problems: [{ source: name, message: `${name}: empty file (no text after the front matter)` }] };
  const cleaned = cleanControls(raw);
  const body = cleaned.text;
  const title = meta.title ? shortenTitle(cleanControls(meta.title).text) : deriveTitle(body);
  const note = describeCleaning("the text", cleaned);
  return {
    articles: [buildArticle(name, title, body, meta)],
    problems: [],
    ...(note ? { notes: [{ source: name, message: `${name}: ${note}; the article is kept` }] } : {}),
  };
}

const KIND_NAMES: Readonly<Record<Exclude<DocumentKind, "feed">, string>> = { text: "text", html: "HTML", json: "JSON", jsonl: "JSON Lines" };

function parseKind(text: string, name: string, kind: Exclude<DocumentKind, "feed">, pageUrl: string | null, options: ParseOptions): ParseOutcome {
  switch (kind) {
    case "text":
      return parseTextArticle(text, name);
    case "json":
      return parseJsonFile(text, name, options);
    case "jsonl":
      return parseJsonLines(normaliseNewlines(text), name, options);
    case "html": {
      // Plain text saved as .html: read it as the text it is.
      if (!looksLikeMarkup(text)) return parseTextArticle(text, name);
      const res = parseHtmlArticle(text, name, pageUrl, options);
      if (!res.ok) return { articles: [], problems: [{ source: name, message: `${name}: ${res.problem}` }] };
      const notes = res.notes.map((n) => ({ source: name, message: `${name}: ${n}` }));
      return { articles: [res.article], problems: [], ...(notes.length ? { notes } : {}) };
    }
  }
}

/**
 * Parses an already decoded document of a known kind. Feeds are not handled
 * here (their items need fetching): pass them to parseFeed. Never throws: a
 * spent time budget or an internal error becomes the input's one problem line,
 * in plain words (no exception text reaches the user).
 */
export function parseText(
  text: string,
  name: string,
  kind: Exclude<DocumentKind, "feed">,
  pageUrl: string | null = null,
  options: ParseOptions = {},
): ParseOutcome {
  const fail = (message: string): ParseOutcome => ({ articles: [], problems: [{ source: name, message: `${name}: ${message}` }] });
  if (text.trim() === "") return fail("empty file");
  try {
    return parseKind(text, name, kind, pageUrl, { ...options, budget: startBudget(options) });
  } catch (err) {
    if (err instanceof BudgetExceeded) return fail(err.message);
    // Which library failed on what is for a bug report, not for the user's line.
    return fail(`could not be read as ${KIND_NAMES[kind]} (the parser failed on it; the rest of the run goes on)`);
  }
}

/** Decodes a file's bytes and parses it by its extension, within the caller's time budget when one is given. */
export function parseFileBytes(bytes: Uint8Array, name: string, options: ParseOptions = {}): ParseOutcome {
  const fail = (message: string): ParseOutcome => ({ articles: [], problems: [{ source: name, message: `${name}: ${message}` }] });
  const found = kindForFile(name);
  if ("problem" in found) return fail(found.problem);
  const kind = found.kind;
  if (bytes.length === 0) return fail("empty file");
  if (kind === "feed") return fail("feeds are read from URLs only, this is a bug");
  const budget = startBudget(options);
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    decoded = decodeBytes(bytes);
    budget.check("decoding the text");
  } catch (err) {
    if (err instanceof BudgetExceeded) return fail(err.message);
    return fail("could not be decoded as text (the decoder failed on it; the rest of the run goes on)");
  }
  if (!decoded.ok) return fail(decoded.problem);
  return parseText(decoded.text, name, kind, null, { ...options, budget });
}
