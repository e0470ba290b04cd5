/**
 * The shape every export format is rendered from. db/export.ts loads it from
 * the database; the formatters in this folder only read it (pure, no I/O).
 */
import type { ActorKind } from "../triage/actor";
import type { Evidence, FlagKind, FlagStatus, Severity } from "../types";

export type ExportFormat = "json" | "csv" | "md" | "claimreview";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "csv", "md", "claimreview"];

export interface ExportStory {
  id: number;
  title: string;
  /** Ids of the story's articles present in `ExportData.articles`. */
  articleIds: number[];
}

export interface ExportQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
}

export interface ExportArticle {
  id: number;
  /** Null for an article not (yet) grouped into a story. */
  storyId: number | null;
  outlet: string;
  /** Path or URL exactly as given to ingest. */
  source: string;
  /** Canonical URL, else the source when it is a URL, else null. */
  url: string | null;
  title: string;
  quotes: ExportQuote[];
}

/** One event of a flag's triage history. */
export interface ExportEvent {
  at: string;
  /** "system": recorded by the analysis (stale, revived); "editor": an editor's change. */
  actor: ActorKind;
  /** The editor's name; null for a system event (whatever name its row carries). */
  editor: string | null;
  /** status | note | stale | revived */
  action: string;
  fromStatus: FlagStatus | null;
  toStatus: FlagStatus | null;
  note: string | null;
}

export interface ExportFlag {
  id: number;
  storyId: number;
  articleId: number;
  outlet: string;
  source: string;
  kind: FlagKind;
  severity: Severity;
  confidence: number;
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  explanation: string;
  evidence: Evidence[];
  status: FlagStatus;
  note: string;
  /** Triage history, oldest first (db/export.ts always loads it; absent reads as no events). */
  history?: ExportEvent[];
}

export interface ExportData {
  stories: ExportStory[];
  articles: ExportArticle[];
  /** In the order of the query (the table's sort). */
  flags: ExportFlag[];
  /** By flag id: where the flagged quote appears across the story's outlets (lib/provenance), earliest first. */
  appearances?: Record<number, ExportAppearance[]>;
}

/** One outlet's version of a flagged quote, for ClaimReview's firstAppearance and appearance. */
export interface ExportAppearance {
  outlet: string;
  /** Canonical URL, else the source when it is a web URL, else null (never a local path). */
  url: string | null;
  headline: string;
  publishedAt: string | null;
}

/** What a formatter returns: the file body and how to serve it. */
export interface RenderedExport {
  body: string;
  contentType: string;
  /** File name extension without the dot. */
  extension: string;
}
