/**
 * Analysis orchestration: groups unassigned articles into stories (assign.ts),
 * re-analyses the stories that changed — each loaded (load.ts), analysed on the
 * main thread or the worker thread (pool.ts, worker.ts) and saved in ONE
 * transaction (save.ts, statements.ts) — one run per database at a time (lock.ts).
 */
import { asc, eq } from "drizzle-orm";
import { FLAG_KINDS, SEVERITIES, type FlagKind, type Severity } from "@/lib/types";
import os from "node:os";
import type { Db } from "../client";
import { assignPending } from "./assign";
import { chromeLookup, loadStory, trackStoryLines, type StoryLineTracker } from "./load";
import { acquireRunLock, type RunLock } from "./lock";
import { analyzeWithWorker, MIN_STORIES_FOR_WORKERS, startWorker, workersFromEnv, type SaveFn } from "./pool";
import { emptyCounts, saveStory } from "./save";
import { AnalyzeError, type AnalyzeOptions, type AnalyzeSummary, type SavedStory, type StoryReport } from "./types";

export { assignPending } from "./assign";
export { analysisLockPath, LOCK_STALE_MS } from "./lock";
export { ANALYSIS_EDITOR } from "./save";
export { AnalyzeError, type AnalysisHolder, type AnalyzeOptions, type AnalyzeSummary, type StoryReport } from "./types";

/**
 * Groups pending articles, then analyses the dirty stories (or the one given,
 * or all with `all`), one transaction per story. Throws AnalyzeError for an
 * unknown story id.
 */
export async function analyzePending(db: Db, opts: AnalyzeOptions = {}): Promise<AnalyzeSummary> {
  const { stories } = db.t;
  const now = opts.now ?? (() => new Date());
  if (opts.storyId !== undefined) {
    if (!Number.isInteger(opts.storyId) || opts.storyId <= 0) throw new AnalyzeError(`Story id must be a positive integer, got ${opts.storyId}`);
    const [s] = await db.select({ id: stories.id }).from(stories).where(eq(stories.id, opts.storyId));
    if (!s) throw new AnalyzeError(`Story ${opts.storyId} does not exist`);
  }
  const lock = await acquireRunLock(db, now, opts.onWait);
  try {
    return await analyzeLocked(db, opts, now, lock);
  } finally {
    await lock.release();
  }
}

/** The stories waiting for analysis (new articles, revisions, renamed outlets), in id order. */
export async function listDirtyStories(db: Db): Promise<number[]> {
  const { stories } = db.t;
  return (await db.select({ id: stories.id }).from(stories).where(eq(stories.dirty, true)).orderBy(asc(stories.id))).map((s) => s.id);
}

/**
 * Analyses and saves one story on its own (a job of the Postgres queue, db/queue): loads
 * it, analyses it in-process and saves it in one transaction. A story that no longer
 * exists (merged away, deleted) is no error: there is nothing left to do.
 */
export async function analyzeStoredStory(db: Db, storyId: number, now: () => Date = () => new Date()): Promise<StoryReport | null> {
  const { stories } = db.t;
  const [s] = await db.select({ id: stories.id }).from(stories).where(eq(stories.id, storyId));
  if (!s) return null;
  let lines = storyLines.get(db);
  if (!lines) storyLines.set(db, (lines = trackStoryLines(db)));
  const { byKind: _k, bySeverity: _s, ...plain } = await saveStory(db, await loadStory(db, storyId, chromeLookup(db, lines)), null, now);
  return plain;
}

/** Per store, the cross-story line index kept between a worker's jobs (load.ts trackStoryLines). */
const storyLines = new WeakMap<Db, StoryLineTracker>();

async function analyzeLocked(db: Db, opts: AnalyzeOptions, now: () => Date, lock: RunLock): Promise<AnalyzeSummary> {
  const { stories } = db.t;
  const { assigned, created } = await assignPending(db, now);

  const targets =
    opts.storyId !== undefined
      ? [opts.storyId]
      : opts.all
        ? (await db.select({ id: stories.id }).from(stories).orderBy(asc(stories.id))).map((s) => s.id)
        : await listDirtyStories(db);

  const summary: AnalyzeSummary = {
    assigned,
    createdStories: created,
    stories: 0,
    articles: 0,
    flags: 0,
    byKind: emptyCounts(FLAG_KINDS),
    bySeverity: emptyCounts(SEVERITIES),
    added: 0,
    removed: 0,
    staled: 0,
    revived: 0,
    reports: [],
  };
  const chromeFor = chromeLookup(db);

  const workers = opts.workers ?? workersFromEnv();
  const wantWorker = workers === undefined ? targets.length >= MIN_STORIES_FOR_WORKERS && os.availableParallelism() >= 2 : workers > 0;
  const pool = wantWorker ? startWorker() : null;
  // The lock's heartbeat goes with every saved story, so a live run never looks abandoned.
  const save: SaveFn = async (story, done) => {
    const report = await saveStory(db, story, done, now);
    lock.beat();
    return report;
  };
  const reports: SavedStory[] = [];
  if (pool) reports.push(...(await analyzeWithWorker(db, targets, chromeFor, pool, save)));
  else for (const id of targets) reports.push(await save(await loadStory(db, id, chromeFor), null));
  for (const report of reports) {
    summary.stories++;
    summary.articles += report.articles;
    summary.flags += report.flags;
    summary.added += report.added;
    summary.removed += report.removed;
    summary.staled += report.staled;
    summary.revived += report.revived;
    for (const [k, v] of Object.entries(report.byKind)) summary.byKind[k as FlagKind] += v;
    for (const [k, v] of Object.entries(report.bySeverity)) summary.bySeverity[k as Severity] += v;
    const { byKind: _k, bySeverity: _s, ...plain } = report;
    summary.reports.push(plain);
    opts.onStory?.(plain);
  }
  return summary;
}
