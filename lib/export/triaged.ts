/**
 * Who decided a flag and when, for the exports an editor pastes or opens in
 * a spreadsheet: the latest status change an editor made. The analysis' own
 * events (stale, revived) and note edits are not decisions.
 */
import type { ExportArticle, ExportFlag } from "./types";

export interface Triage {
  editor: string;
  /** ISO time of the change, as stored. */
  at: string;
  status: string;
}

/** The latest status change an editor made on `flag`, or null for a flag no editor has triaged. */
export function findLastTriage(flag: ExportFlag): Triage | null {
  const history = flag.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (h.actor === "editor" && h.action === "status" && h.editor !== null && h.toStatus !== null) return { editor: h.editor, at: h.at, status: h.toStatus };
  }
  return null;
}

/** "2026-03-02 10:00 UTC" from an ISO time (as stored; the zone is always UTC so no reader's clock decides it); unparseable input is returned as is. */
export function formatUtcMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** True when `s` is a web address (an ingested URL), not a local file path. */
export function isWebAddress(s: string | null | undefined): s is string {
  return !!s && /^https?:\/\//i.test(s);
}

/** An article's web address as stored: its canonical URL, else its source when that is a URL; null for a file. */
export function articleAddress(canonicalUrl: string | null, source: string): string | null {
  return canonicalUrl ?? (isWebAddress(source) ? source : null);
}

/** The address of an article (canonical URL, else a URL source), never a local path; null when it has none. */
export function articleWebUrl(article: ExportArticle | undefined): string | null {
  return article?.url || null;
}

/** The distinct counterpart articles of a flag's evidence, in evidence order: outlet name and web address (null for a local file). */
export function listCounterparts(flag: ExportFlag, articles: ReadonlyMap<number, ExportArticle>): { articleId: number; outlet: string; url: string | null }[] {
  const seen = new Set<number>();
  const out: { articleId: number; outlet: string; url: string | null }[] = [];
  for (const e of flag.evidence) {
    if (seen.has(e.articleId)) continue;
    seen.add(e.articleId);
    out.push({ articleId: e.articleId, outlet: e.outlet, url: articleWebUrl(articles.get(e.articleId)) });
  }
  return out;
}
