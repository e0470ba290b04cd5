/** What the tests that start worker processes share (tests/pg/queue.test.ts, worker-kill.test.ts). */

/** Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild, which a SIGKILL to the CLI would leave running. */
export const NODE_TSX = [process.execPath, "--import", "tsx"] as const;

/** Short enough that a killed worker's job comes back within seconds. */
export const TEST_QUEUE_ENV: Record<string, string> = {
  PARALLAX_JOB_EXPIRE_SECONDS: "3",
  PARALLAX_JOB_RETRY_LIMIT: "3",
  PARALLAX_JOB_RETRY_DELAY_SECONDS: "1",
  PARALLAX_JOB_POLL_SECONDS: "0.5",
  PARALLAX_JOB_MAINTENANCE_SECONDS: "1",
  PARALLAX_JOB_BUSY_DELAY_SECONDS: "1",
};
