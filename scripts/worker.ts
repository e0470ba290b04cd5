/**
 * `npm run worker [-- --db postgres://... ] [--concurrency N]` — runs an analysis worker
 * on a PostgreSQL database (--db, else DATABASE_URL): it takes grouping and per-story
 * analysis jobs from the job queue (db/queue) until SIGINT or SIGTERM, then finishes the
 * jobs it is running and exits. Any number of workers may run at once, on any machines.
 * A second signal exits at once (the running jobs are then retried after their expiry).
 * Thin: the work is runWorker.
 */
import { parseArgs } from "node:util";
import { closeDb, openStore } from "../db/client";
import { isPostgresUrl } from "../db/pg/client";
import { defaultHandlers, runWorker } from "../db/queue";
import { sanitizeForTerminal } from "../lib/text/terminal";

const USAGE = "usage: npm run worker [-- --db postgres://USER@HOST:PORT/DB] [--concurrency N]";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: "string" }, concurrency: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = values.db ?? process.env.DATABASE_URL;
  if (!url) throw new Error(`no database given (--db or DATABASE_URL); ${USAGE}`);
  if (!isPostgresUrl(url)) throw new Error("the worker needs PostgreSQL; on SQLite run npm run analyze");
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!/^\d+$/.test(values.concurrency ?? "1") || concurrency < 1 || concurrency > 64) {
    throw new Error(`--concurrency must be an integer from 1 to 64, got "${values.concurrency}"`);
  }
  const db = await openStore(url);
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write(`worker: ${signal}: finishing the running jobs, then exiting (again to exit now)\n`);
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await runWorker({
      url,
      handlers: defaultHandlers(db),
      concurrency,
      signal: stop.signal,
      log: (line) => console.log(sanitizeForTerminal(line)),
      onReady: () => console.log(`worker ready (pid ${process.pid}, ${concurrency} analys${concurrency === 1 ? "is" : "es"} at once)`),
    });
  } finally {
    await closeDb(db);
  }
}

main().catch((e: Error) => {
  process.stderr.write(`worker: ${sanitizeForTerminal(e.message)}\n`);
  process.exit(1);
});
