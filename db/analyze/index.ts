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
import { stories } from "../schema";
import { assignPending } from "./assign";
import { chromeLookup, loadStory } from "./load";
import { acquireRunLock, type RunLock } from "./lock";
import { analyzeWithWorker, MIN_STORIES_FOR_WORKERS, startWorker, workersFromEnv, type SaveFn } from "./pool";
import { emptyCounts, saveStory } from "./save";
import { AnalyzeError, type AnalyzeOptions, type AnalyzeSummary } from "./types";

export { assignPending } from "./assign";
export { analysisLockPath, LOCK_STALE_MS } from "./lock";
export { ANALYSIS_EDITOR } from "./save";
export { AnalyzeError, type AnalysisHolder, type AnalyzeOptions, type AnalyzeSummary, type StoryReport } from "./types";

/**
 * Groups pending articles, then analyses the dirty stories (or the one given,
 * or all with `all`), one transaction per story. Throws AnalyzeError for an
 * unknown story id.
 */
export function analyzePending(db: Db, opts: AnalyzeOptions = {}): AnalyzeSummary {
  const now = opts.now ?? (() => new Date());
  if (opts.storyId !== undefined) {
    if (!Number.isInteger(opts.storyId) || opts.storyId <= 0) throw new AnalyzeError(`Story id must be a positive integer, got ${opts.storyId}`);
    const s = db.select({ id: stories.id }).from(stories).where(eq(stories.id, opts.storyId)).get();
    if (!s) throw new AnalyzeError(`Story ${opts.storyId} does not exist`);
  }
  const lock = acquireRunLock(db, now, opts.onWait);
  try {
    return analyzeLocked(db, opts, now, lock);
  } finally {
    lock.release();
  }
}

function analyzeLocked(db: Db, opts: AnalyzeOptions, now: () => Date, lock: RunLock): AnalyzeSummary {
  const { assigned, created } = assignPending(db, now);

  const targets =
    opts.storyId !== undefined
      ? [opts.storyId]
      : db
          .select({ id: stories.id })
          .from(stories)
          .where(opts.all ? undefined : eq(stories.dirty, true))
          .orderBy(asc(stories.id))
          .all()
          .map((s) => s.id);

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
  const save: SaveFn = (story, done) => {
    const report = saveStory(db, story, done, now);
    lock.beat();
    return report;
  };
  const reports = pool ? analyzeWithWorker(db, targets, chromeFor, pool, save) : targets.map((id) => save(loadStory(db, id, chromeFor), null));
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

