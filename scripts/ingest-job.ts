/**
 * `tsx scripts/ingest-job.ts JOB_ID [--db FILE]` — runs one ingest job the
 * dashboard recorded (db/ingest-jobs.ts): the dashboard starts it as a process
 * of its own, so a long download or analysis never holds up the server. Thin:
 * the work is runJob.
 */
import { parseArgs } from "node:util";
import { closeDb, openStore } from "../db/client";
import { failJob, runJob } from "../db/ingest-jobs";
import { maxBytesFromEnv } from "../db/sources";
import { sanitizeForTerminal } from "../lib/text/terminal";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { db: { type: "string" } }, allowPositionals: true });
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id <= 0) {
    process.stderr.write("usage: tsx scripts/ingest-job.ts JOB_ID [--db FILE|postgres://...]\n");
    process.exit(2);
  }
  const db = await openStore(values.db);
  try {
    const job = await runJob(db, id, { maxBytes: maxBytesFromEnv() });
    process.exitCode = job.status === "done" ? 0 : 1;
  } catch (e) {
    await failJob(db, id, `The job could not run: ${(e as Error).message}`);
    throw e;
  } finally {
    await closeDb(db);
  }
}

Promise.resolve()
  .then(main)
  .catch((e: Error) => {
    process.stderr.write(`ingest-job: ${sanitizeForTerminal(e.message)}\n`);
    process.exit(1);
  });
