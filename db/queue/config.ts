/**
 * The analysis job queue's names and tunables, written once. Every process that
 * enqueues or works reads them from here; the tunables can be overridden from the
 * environment so that tests (and operators) can shorten them:
 *
 *   PARALLAX_JOB_EXPIRE_SECONDS         how long a job may stay active before it is failed and retried (default 900)
 *   PARALLAX_JOB_RETRY_LIMIT            retries after the first attempt before a job stays failed (default 5)
 *   PARALLAX_JOB_RETRY_DELAY_SECONDS    base delay before a retry; doubled per attempt, with jitter (default 10)
 *   PARALLAX_JOB_POLL_SECONDS           how often an idle worker looks for work (default 2, at least 0.5)
 *   PARALLAX_JOB_MAINTENANCE_SECONDS    how often expired jobs are looked for (default 30)
 *   PARALLAX_JOB_BUSY_DELAY_SECONDS     how long a job whose story is being analysed elsewhere waits before its next try (default 5)
 */

/** The grouping job: groups new articles into stories, then enqueues the changed stories' analyses. */
export const GROUP_JOB = "parallax-group";
/** The per-story analysis job; its singleton key is the story id. */
export const ANALYSE_JOB = "parallax-analyse-story";
/** Postgres schema pg-boss keeps its tables in, apart from Parallax's own (public). */
export const QUEUE_SCHEMA = "pgboss";

/** Namespaces (first key) of the session advisory locks that keep one grouping / one analysis per story running. */
export const GROUP_LOCK_CLASS = 0x7078_6701; // arbitrary, Parallax's own
export const ANALYSE_LOCK_CLASS = 0x7078_6102;

/** The tunables, resolved. */
export interface QueueConfig {
  expireSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  /** Always on: a failing analysis (database down, a bug) should not be retried at a fixed rate. */
  retryBackoff: true;
  pollSeconds: number;
  maintenanceSeconds: number;
  busyDelaySeconds: number;
}

const DEFAULTS: QueueConfig = {
  // pg-boss's own default; an analysis or a grouping running longer than this is treated as stuck.
  expireSeconds: 900,
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  pollSeconds: 2,
  maintenanceSeconds: 30,
  busyDelaySeconds: 5,
};

const ENV: Record<Exclude<keyof QueueConfig, "retryBackoff">, { name: string; min: number; integer: boolean }> = {
  expireSeconds: { name: "PARALLAX_JOB_EXPIRE_SECONDS", min: 1, integer: true },
  retryLimit: { name: "PARALLAX_JOB_RETRY_LIMIT", min: 0, integer: true },
  retryDelaySeconds: { name: "PARALLAX_JOB_RETRY_DELAY_SECONDS", min: 1, integer: true },
  // pg-boss refuses polling more often than every 500 ms.
  pollSeconds: { name: "PARALLAX_JOB_POLL_SECONDS", min: 0.5, integer: false },
  maintenanceSeconds: { name: "PARALLAX_JOB_MAINTENANCE_SECONDS", min: 1, integer: true },
  busyDelaySeconds: { name: "PARALLAX_JOB_BUSY_DELAY_SECONDS", min: 1, integer: true },
};

/**
 * The tunables: the defaults above, each overridden by its environment variable.
 * A malformed value throws naming the variable (a silently ignored typo would leave
 * a production expiry at the default, or a test waiting 15 minutes).
 */
export function readQueueConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<QueueConfig> = {}): QueueConfig {
  const out: QueueConfig = { ...DEFAULTS };
  for (const [key, spec] of Object.entries(ENV) as [keyof typeof ENV, (typeof ENV)[keyof typeof ENV]][]) {
    const raw = env[spec.name];
    if (raw === undefined || raw.trim() === "") continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < spec.min || (spec.integer && !Number.isInteger(n))) {
      throw new Error(`${spec.name} must be ${spec.integer ? "an integer" : "a number"} of at least ${spec.min}, got "${raw.slice(0, 40)}"`);
    }
    out[key] = n;
  }
  return { ...out, ...overrides, retryBackoff: true };
}
