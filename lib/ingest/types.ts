/**
 * Shapes produced by the ingest parsers. Parsers are pure: bytes or text plus
 * a name in, articles and per-record problems out; nothing here reads files,
 * fetches URLs or touches the clock.
 */

/**
 * Where an outlet's name came from, most trusted first: given at ingest (`--outlet`),
 * the article's own metadata (page meta tags, JSON-LD, front matter, JSON fields), the
 * site's host name, the file name (a last resort, shown as such), an editor's rename.
 * An editor's name is never replaced by ingest, whatever its place in this list.
 */
export const OUTLET_ORIGINS = ["given", "metadata", "host", "file", "editor"] as const;
export type OutletOrigin = (typeof OUTLET_ORIGINS)[number];

/** How the dashboard names each origin next to an outlet ("from file name": a stand-in, not the publisher's name). */
export const OUTLET_ORIGIN_LABELS: Readonly<Record<OutletOrigin, string>> = {
  given: "given at ingest",
  metadata: "from metadata",
  host: "from site address",
  file: "from file name",
  editor: "named by an editor",
};

/** One article as parsed from a file, page, feed item or JSON record, ready to store. */
export interface ParsedArticle {
  /** Path or URL as given (for records inside a JSON array / JSONL: `path#N`). */
  source: string;
  title: string;
  /** Body text exactly as it will be stored (\r\n → \n, BOM stripped). */
  body: string;
  /** Outlet label: metadata, else the site's host name, else the file name stem. */
  outlet: string;
  /** Which of those the label is (default "metadata": a label set by hand, as tests and tools do). */
  outletOrigin?: OutletOrigin;
  /** Host name of the article's URL (without www.), when known. */
  host: string | null;
  /** Canonical URL when the input names one. */
  url: string | null;
  byline: string | null;
  /** ISO 8601 (a date `YYYY-MM-DD` or a UTC timestamp), null when unknown. */
  publishedAt: string | null;
  language: string | null;
}

/** A problem with one input or one record of it; the message names the input. */
export interface ParseProblem {
  /** Source the problem belongs to (`path`, `path#N`, or a URL). */
  source: string;
  /** Self-contained message naming the input, e.g. `a.jsonl:3: malformed JSON (...)`. */
  message: string;
}

/** What a parser returns: every good article and one problem per bad record. */
export interface ParseOutcome {
  articles: ParsedArticle[];
  problems: ParseProblem[];
  /**
   * Repairs made to inputs that were still stored (control characters removed
   * from a field, elements nested too deep unwrapped): worth a line to the
   * user, not a failure.
   */
  notes?: ParseProblem[];
}

/** Metadata fields a parser may find before the outlet is resolved. */
export interface ArticleMeta {
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  published?: string | null;
  byline?: string | null;
  language?: string | null;
  /** Offset (minutes east of UTC) a published date without a zone is read in: one the outlet declares elsewhere in its metadata; default UTC. */
  zoneOffsetMinutes?: number | null;
}
