/**
 * A child process of tests/pg/queue.test.ts (not a test itself): runs runWorker with the
 * test handlers (tests/pg/queue-handlers.ts) on QT_URL until SIGTERM/SIGINT, printing
 * "ready" once it takes jobs and each worker log line. Options from the environment:
 * QT_WORKER (name), QT_CONCURRENCY, QT_SLOW_STORY, QT_SLOW_MS, QT_WORK_MS; the queue's
 * tunables from the PARALLAX_JOB_* variables.
 */
import pg from "pg";
import { runWorker } from "@/db/queue";
import { testHandlers } from "./queue-handlers";

const env = process.env;
const num = (v: string | undefined) => (v ? Number(v) : undefined);
const pool = new pg.Pool({ connectionString: env.QT_URL, max: 8 });
const stop = new AbortController();
process.on("SIGTERM", () => stop.abort());
process.on("SIGINT", () => stop.abort());

runWorker({
  url: env.QT_URL!,
  concurrency: num(env.QT_CONCURRENCY) ?? 1,
  handlers: testHandlers(pool, { worker: env.QT_WORKER ?? "child", slowStory: num(env.QT_SLOW_STORY), slowMs: num(env.QT_SLOW_MS), workMs: num(env.QT_WORK_MS) }),
  signal: stop.signal,
  log: (line) => console.log(line),
  onReady: () => console.log("ready"),
})
  .then(() => pool.end())
  .then(() => console.log("stopped"))
  .catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
