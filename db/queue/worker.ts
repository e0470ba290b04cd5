/**
 * The analysis worker loop: takes grouping and analysis jobs from the queue and runs
 * them through two injected handlers, so the queue knows nothing about the analysis.
 */
import pg from "pg";
import type PgBoss from "pg-boss";
import { ANALYSE_JOB, ANALYSE_LOCK_CLASS, GROUP_JOB, GROUP_LOCK_CLASS, type QueueConfig } from "./config";
import { analysisJobs, assertStoryId, storyIdOf } from "./enqueue";
import { runExclusive } from "./gate";
import { openQueue } from "./open";

/** What a worker does with each kind of job. */
export interface WorkerHandlers {
  /**
   * Groups new articles into stories and commits; returns the ids of the stories whose
   * analysis is now due (an analysis job is enqueued for each). Run again after a crash
   * or a failure, it must find the same stories due again (e.g. by a "dirty" mark cleared
   * only by their analysis), since the enqueue happens after it returns.
   */
  group: () => Promise<number[]>;
  /**
   * Analyses one story and commits. Must be safe to run again for the same story
   * (a job whose worker died is run again), which a replace-the-story's-results
   * transaction is.
   */
  analyse: (storyId: number) => Promise<void>;
}

export interface RunWorkerOptions {
  /** postgres:// URL of Parallax's database. */
  url: string;
  handlers: WorkerHandlers;
  /** Analyses run at once by this process (default 1); grouping runs besides, one at a time. */
  concurrency?: number;
  /** Aborting it stops the worker gracefully: running jobs finish, no new ones start. */
  signal?: AbortSignal;
  /** Tunables; read from the environment when absent. */
  config?: QueueConfig;
  /** One line per event (job done, failed, postponed); default none. */
  log?: (line: string) => void;
  /** Called once the worker is taking jobs. */
  onReady?: () => void;
}

/**
 * Runs a worker until `signal` aborts, then stops gracefully and resolves.
 *
 * - A grouping job calls `handlers.group()`, then enqueues an analysis job per returned story id.
 * - An analysis job calls `handlers.analyse(storyId)`.
 * - A handler that throws fails its job; pg-boss retries it after the retry delay, doubled
 *   per attempt with jitter, up to the retry limit (db/queue/config.ts).
 * - A worker killed mid-job leaves its job active; once the expiry passes, pg-boss's
 *   maintenance (run by every live worker) fails it and it is retried like a thrown error.
 * - A job whose story (or the grouping) is running in another worker is not run: it is
 *   re-queued to start after the busy delay and this one completes (db/queue/gate.ts).
 */
export async function runWorker(opts: RunWorkerOptions): Promise<void> {
  const concurrency = opts.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new Error(`concurrency must be an integer from 1 to 64, got ${concurrency}`);
  }
  const log = opts.log ?? (() => {});
  const q = await openQueue(opts.url, { config: opts.config, max: concurrency + 4, onError: (e) => log(`queue error: ${e.message}`) });
  const { boss, config } = q;
  // The advisory locks' own connections: one per job running at once, held for the job.
  const gatePool = new pg.Pool({ connectionString: opts.url, max: concurrency + 1, application_name: "parallax-worker-locks" });
  gatePool.on("error", () => {});
  const later = `${config.busyDelaySeconds} seconds`;

  async function onGroup(job: PgBoss.JobWithMetadata<object>): Promise<{ stories: number }> {
    const started = Date.now();
    const r = await runExclusive(gatePool, GROUP_LOCK_CLASS, 0, async () => {
      const ids = await opts.handlers.group();
      if (!Array.isArray(ids)) throw new Error("handlers.group() must return an array of story ids: this is a bug");
      for (const id of ids) assertStoryId(id);
      const unique = [...new Set(ids)];
      if (unique.length) await boss.insert(analysisJobs(unique));
      return unique.length;
    });
    if (!r.ran) {
      await boss.insert([{ name: GROUP_JOB, data: {}, startAfter: later }]);
      log(`grouping is running in another worker; queued again to start in ${config.busyDelaySeconds} s`);
      return { stories: 0 };
    }
    log(`grouped (attempt ${job.retryCount + 1}): ${r.value} stor${r.value === 1 ? "y" : "ies"} to analyse, ${Date.now() - started} ms`);
    return { stories: r.value };
  }

  async function onAnalyse(job: PgBoss.JobWithMetadata<object>): Promise<{ storyId: number }> {
    const storyId = storyIdOf(job.data);
    const started = Date.now();
    const r = await runExclusive(gatePool, ANALYSE_LOCK_CLASS, storyId, () => opts.handlers.analyse(storyId));
    if (!r.ran) {
      // The "short" policy keeps one queued job per story: if one is queued already, this
      // adds nothing, and that one runs after the current analysis as this one would have.
      await boss.insert(analysisJobs([storyId], later));
      log(`story ${storyId} is being analysed in another worker; queued again to start in ${config.busyDelaySeconds} s`);
      return { storyId };
    }
    log(`analysed story ${storyId} (attempt ${job.retryCount + 1}), ${Date.now() - started} ms`);
    return { storyId };
  }

  /** Logs a failure before pg-boss records it and schedules the retry. */
  const logged =
    <T>(what: (job: PgBoss.JobWithMetadata<object>) => string, fn: (job: PgBoss.JobWithMetadata<object>) => Promise<T>) =>
    async ([job]: PgBoss.JobWithMetadata<object>[]): Promise<T> => {
      try {
        return await fn(job);
      } catch (e) {
        const left = job.retryLimit - job.retryCount;
        log(`${what(job)} failed (attempt ${job.retryCount + 1}): ${(e as Error).message}; ${left > 0 ? `${left} retr${left === 1 ? "y" : "ies"} left` : "no retries left"}`);
        throw e;
      }
    };

  try {
    const work = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: config.pollSeconds };
    // pg-boss 10 fetches one batch per polling interval, even when the queue is full: a worker
    // that just finished a job asks for the next at once (notifyWorker skips the wait), so the
    // polling interval only paces an idle worker. Measured on stories of 1.5 articles (42 ms a
    // job), the interval alone held a worker to 2 stories a second.
    const start = async (name: string, handler: (jobs: PgBoss.JobWithMetadata<object>[]) => Promise<unknown>): Promise<void> => {
      let id = "";
      id = await boss.work<object>(name, work, async (jobs) => {
        try {
          return await handler(jobs);
        } finally {
          if (id) boss.notifyWorker(id);
        }
      });
    };
    await start(GROUP_JOB, logged(() => "grouping", onGroup));
    for (let i = 0; i < concurrency; i++) {
      await start(ANALYSE_JOB, logged((job) => `analysis of story ${JSON.stringify((job.data as { storyId?: unknown })?.storyId)}`, onAnalyse));
    }
    opts.onReady?.();
    await new Promise<void>((resolve) => {
      if (!opts.signal) return; // runs until the process ends
      if (opts.signal.aborted) return resolve();
      opts.signal.addEventListener("abort", () => resolve(), { once: true });
    });
  } finally {
    // Waits for the running jobs (up to their expiry, after which another worker may run them anyway).
    await q.stop(config.expireSeconds * 1000);
    await gatePool.end();
  }
}
