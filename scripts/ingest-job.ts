/**
 * `tsx scripts/ingest-job.ts JOB_ID [--db FILE]` — runs one ingest job the
 * dashboard recorded (db/ingest-jobs.ts): the dashboard starts it as a process
 * of its own, so a long download or analysis never holds up the server. Thin:
 * the work is runJob.
 */
import { parseArgs } from "node:util";
import { openDb, resolveDbPath } from "../db/client";
import { failJob, runJob } from "../db/ingest-jobs";
import { maxBytesFromEnv } from "../db/sources";
import { sanitizeForTerminal } from "../lib/text/terminal";

function main(): Promise<void> | void {
  const { values, positionals } = parseArgs({ options: { db: { type: "string" } }, allowPositionals: true });
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id <= 0) {
    process.stderr.write("usage: tsx scripts/ingest-job.ts JOB_ID [--db FILE]\n");
    process.exit(2);
  }
  const db = openDb(resolveDbPath(values.db));
  return runJob(db, id, { maxBytes: maxBytesFromEnv() })
    .then((job) => {
      process.exitCode = job.status === "done" ? 0 : 1;
    })
    .catch((e: Error) => {
      failJob(db, id, `The job could not run: ${e.message}`);
      throw e;
    })
    .finally(() => db.$client.close());
}

Promise.resolve()
  .then(main)
  .catch((e: Error) => {
    process.stderr.write(`ingest-job: ${sanitizeForTerminal(e.message)}\n`);
    process.exit(1);
  });
