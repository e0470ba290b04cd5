/**
 * A child process of tests/pg/worker-kill.test.ts (not a test itself): `npm run worker`'s
 * own loop and handlers (db/queue defaultHandlers: the real grouping and analysis) on
 * PW_URL, printing "ready" once it takes jobs and each worker log line. The queue's
 * tunables come from the PARALLAX_JOB_* variables.
 */
import { closeDb, openStore } from "@/db/client";
import { defaultHandlers, runWorker } from "@/db/queue";

const stop = new AbortController();
process.on("SIGTERM", () => stop.abort());

async function main(): Promise<void> {
  const url = process.env.PW_URL!;
  const db = await openStore(url);
  try {
    await runWorker({ url, concurrency: 1, handlers: defaultHandlers(db), signal: stop.signal, log: (line) => console.log(line), onReady: () => console.log("ready") });
  } finally {
    await closeDb(db);
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
