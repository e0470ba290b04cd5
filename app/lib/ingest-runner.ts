/**
 * Starts a recorded ingest job (db/ingest-jobs.ts) as a process of its own
 * (scripts/ingest-job.ts under tsx), so downloads and the analysis never hold
 * up the server's requests. The process inherits the server's environment:
 * PARALLAX_DB or DATABASE_URL, and PARALLAX_ALLOW_PRIVATE_ADDRESSES, which decides whether
 * loopback and private addresses may be fetched (db/sources.ts).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveDbPath, type Db } from "../../db/client";
import { failJob } from "../../db/ingest-jobs";

/** The last lines of the process's error output kept for the server log. */
const STDERR_TAIL = 4000;

export function startJobProcess(db: Db, jobId: number): void {
  const root = process.cwd();
  const script = path.join(/* turbopackIgnore: true */ root, "scripts", "ingest-job.ts");
  if (!fs.existsSync(script)) {
    void failJob(db, jobId, "The ingest runner (scripts/ingest-job.ts) is missing from this install; this is a bug.");
    return;
  }
  // A SQLite file is named by its absolute path; a Postgres URL reaches the process through the inherited DATABASE_URL (never on a command line).
  const target = db.engine === "sqlite" ? ["--db", resolveDbPath()] : [];
  const child = spawn(process.execPath, ["--import", "tsx", script, String(jobId), ...target], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => {
    err = (err + d.toString("utf8")).slice(-STDERR_TAIL);
  });
  child.on("error", (e) => void failJob(db, jobId, `The ingest process could not start (${e.message}).`));
  child.on("exit", (code, signal) => {
    if (code === 0) return;
    if (err) console.error(`[ingest job ${jobId}] ${err}`);
    // A job that ended on its own already says why; this only catches a process that died first.
    void failJob(db, jobId, `The ingest process ended early (${signal ? `signal ${signal}` : `exit code ${code}`}); what it stored is kept.`);
  });
}
