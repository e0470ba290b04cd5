/**
 * Starts pg-boss on Parallax's PostgreSQL database and makes sure both job queues
 * exist with their policies.
 */
import PgBoss from "pg-boss";
import { checkPostgresUrl } from "../pg/client";
import { ANALYSE_JOB, GROUP_JOB, QUEUE_SCHEMA, readQueueConfig, type QueueConfig } from "./config";

/** A started pg-boss instance and the tunables it was started with. */
export interface OpenQueue {
  boss: PgBoss;
  config: QueueConfig;
  /** Stops pg-boss (after waiting up to `timeoutMs` for running jobs) and closes its connections. */
  stop: (timeoutMs?: number) => Promise<void>;
}

export interface OpenQueueOptions {
  /** Tunables; read from the environment (readQueueConfig) when absent. */
  config?: QueueConfig;
  /** pg-boss's connection pool size (default 10). */
  max?: number;
  /**
   * Whether this instance runs pg-boss's maintenance (failing expired jobs, archiving).
   * Every worker does; an instance opened only to install the queues need not.
   */
  supervise?: boolean;
  /** Where pg-boss's background errors go (a lost connection, a failed maintenance run); default one line on stderr. */
  onError?: (error: Error) => void;
}

/**
 * Starts pg-boss on `url`'s database (its tables in the `pgboss` schema, created or
 * migrated on first use under pg-boss's own advisory lock) and creates or updates
 * the two queues:
 *
 * - GROUP_JOB, policy "stately": pg-boss's unique index
 *   `(name, state, COALESCE(singleton_key, '')) WHERE state <= 'active' AND policy = 'stately'`
 *   allows one queued, one waiting-to-retry and one active grouping job at a time,
 *   across every worker (the jobs carry no key, so they all share '').
 * - ANALYSE_JOB, policy "short": the unique index
 *   `(name, COALESCE(singleton_key, '')) WHERE state = 'created' AND policy = 'short'`
 *   keeps at most one queued job per story (the key is the story id). One *running*
 *   analysis per story is kept by a session advisory lock in the worker (db/queue/gate.ts),
 *   not by the "singleton"/"stately" policies: with those, a queued job whose story is
 *   running elsewhere makes pg-boss's fetch fail on the unique index, and that blocks every
 *   other story's job behind it until the running one ends (pg-boss issue #536, the maintainer:
 *   "once the next job would produce a unique constraint violation ... all job processing
 *   will be blocked").
 *
 * Expiry, retry limit, retry delay and back-off are set on the queues (not per job), so
 * every enqueuer gets the same ones; they are re-applied on each open, so the last worker
 * started decides. Safe to call from any number of processes at once.
 */
export async function openQueue(url: string, opts: OpenQueueOptions = {}): Promise<OpenQueue> {
  checkPostgresUrl(url);
  const config = opts.config ?? readQueueConfig();
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: opts.max ?? 10,
    application_name: "parallax-queue",
    supervise: opts.supervise ?? true,
    maintenanceIntervalSeconds: config.maintenanceSeconds,
    // Parallax schedules nothing with cron; no timekeeper polling.
    schedule: false,
  });
  // An EventEmitter without an "error" listener throws, which would bring the process down
  // on the first dropped idle connection.
  boss.on("error", opts.onError ?? ((e: Error) => console.error(`job queue: ${e.message}`)));
  await boss.start();
  try {
    const common = {
      expireInSeconds: config.expireSeconds,
      retryLimit: config.retryLimit,
      retryDelay: config.retryDelaySeconds,
      retryBackoff: config.retryBackoff,
    };
    for (const [name, policy] of [
      [GROUP_JOB, "stately"],
      [ANALYSE_JOB, "short"],
    ] as const) {
      // createQueue does nothing when the queue exists (ON CONFLICT DO NOTHING), so the
      // update carries the current tunables to an existing one.
      await boss.createQueue(name, { name, policy, ...common });
      await boss.updateQueue(name, { name, policy, ...common });
    }
  } catch (e) {
    await boss.stop({ graceful: false });
    throw e;
  }
  return {
    boss,
    config,
    stop: (timeoutMs = config.expireSeconds * 1000) => boss.stop({ graceful: true, timeout: timeoutMs, wait: true }),
  };
}

/**
 * Creates pg-boss's tables and Parallax's queues on `url` and stops again: for a web
 * server or a migration step that enqueues before any worker has ever started.
 */
export async function installQueue(url: string, config?: QueueConfig): Promise<void> {
  const q = await openQueue(url, { config, supervise: false, max: 2 });
  await q.stop(1000);
}
