/**
 * Types of the analysis run (options, reports, errors) and of what passes between
 * its stages and the worker thread. Nothing here touches the database, so the
 * worker (db/analyze/worker.ts) can import it without loading SQLite.
 */
import type { StoryAnalysis } from "@/lib/analyze";
import type { ArticleText, FlagKind, Severity } from "@/lib/types";

export interface AnalyzeOptions {
  /** Re-analyse only this story (whether dirty or not). */
  storyId?: number;
  /** Re-analyse every story, dirty or not. */
  all?: boolean;
  /** Clock for timestamps (default: system clock). */
  now?: () => Date;
  /**
   * Worker threads for the pure analysis: undefined = one when the machine has a
   * spare core and the run has enough stories (in-process when a worker cannot start);
   * 0 = never; any other number = use one worker whatever the story count (tests).
   * When not given, PARALLAX_WORKERS (a number) decides the same way.
   */
  workers?: number;
  /** Called after each story is saved. */
  onStory?: (report: StoryReport) => void;
  /** Called once when another analysis of this database is running and this one waits for it. */
  onWait?: (holder: AnalysisHolder) => void;
}

export interface StoryReport {
  storyId: number;
  title: string;
  articles: number;
  outlets: number;
  flags: number;
  /** Flags new in this run, flags that stopped holding (deleted or marked stale), flags revived. */
  added: number;
  removed: number;
  staled: number;
  revived: number;
  /** Milliseconds spent analysing (pure) and writing (one transaction). */
  analysisMs: number;
  writeMs: number;
}

/** A saved story's report with its flag counts, summed into the run's summary. */
export type SavedStory = StoryReport & { byKind: Record<FlagKind, number>; bySeverity: Record<Severity, number> };

export interface AnalyzeSummary {
  /** Articles given a story in this run, and stories created for them. */
  assigned: number;
  createdStories: number;
  /** Stories analysed and the current articles in them. */
  stories: number;
  articles: number;
  /** Flags now held by the analysed stories. */
  flags: number;
  byKind: Record<FlagKind, number>;
  bySeverity: Record<Severity, number>;
  added: number;
  removed: number;
  staled: number;
  revived: number;
  reports: StoryReport[];
}

/** Who holds the analysis lock of a database. */
export interface AnalysisHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
}

/** Thrown for misuse (e.g. an unknown story id): the message names the problem. */
export class AnalyzeError extends Error {}

/** A story's current articles and their page-chrome lines, as loaded for analysis. */
export interface LoadedStory {
  storyId: number;
  texts: ArticleText[];
  /** Page-chrome lines per article, parallel to texts. */
  chrome: ReadonlySet<string>[];
}

/** What decides an article's page-chrome lines: its outlet's recurring lines and lines other stories carry. */
export interface ChromeKey {
  outletId: number;
  storyId: number;
  title: string;
  body: string;
}

/** A story's pure analysis and the milliseconds it took. */
export interface AnalysedStory {
  result: StoryAnalysis;
  ms: number;
}

/** Data the worker thread starts with. */
export interface WorkerData {
  /** Where replies go. */
  port: import("node:worker_threads").MessagePort;
  /** Counter the worker bumps after each reply, so the main thread can sleep on it (Atomics.wait). */
  signal: Int32Array;
}

/** One story handed to the worker: `job` is its index in the run. */
export interface WorkerJob {
  job: number;
  story: LoadedStory;
}

/** The worker's answer to a job (a result, or the error that stopped it), or a fatal start-up failure. */
export type WorkerReply = { job: number; result?: StoryAnalysis; ms?: number; error?: string } | { fatal: string };
